"""Bounded and non-crashing: every hostile input gets a clear message, never a traceback,
a hang or a secret in a message (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from rec_tui.formats import importers
from rec_tui.formats.documents import draft_from_import
from rec_tui.formats.jsonfile import (
    MAX_BYTES,
    JsonInputError,
    load_json_text,
    read_json_file,
    read_text,
)
from tests.support.hostile import HOSTILE, hostile_texts

BODY = {"cname": "room", "uid": "527841", "clientRequest": {"token": "t"}}


def finishes(call: Any, *args: Any) -> Any:
    """Run ``call`` in a thread and fail (instead of hanging the suite) if it blocks."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call(*args)
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive(), f"{call.__name__} blocked"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


# --- size ----------------------------------------------------------------------------------


def test_text_over_10_mb_is_refused_with_its_size() -> None:
    big = json.dumps({**BODY, "pad": "x" * MAX_BYTES})
    with pytest.raises(JsonInputError, match=r"is 10\.0 MB; rec-tui reads at most 10 MB"):
        load_json_text(big, "big.json")
    with pytest.raises(importers.ImportProblem, match="at most 10 MB"):
        importers.import_text(big)


def test_a_file_over_10_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: 10 MB on paper, nothing written
    with pytest.raises(JsonInputError, match=r"the file is 10\.0 MB"):
        read_json_file(str(path))
    with pytest.raises(importers.ImportProblem, match="at most 10 MB"):
        importers.import_file(path)


# --- nesting and numbers ---------------------------------------------------------------------


def test_nesting_over_200_levels_names_line_and_column() -> None:
    text = '{\n  "cname": "a",\n  "x": ' + "[" * 250 + "]" * 250 + "\n}"
    with pytest.raises(JsonInputError) as raised:
        load_json_text(text, "deep.json")
    # The 201st bracket: the object is level 1, so the 200th "[" is one too many.
    assert (raised.value.line, raised.value.column) == (3, 8 + 199)
    assert "nested more than 200 levels deep here" in raised.value.reason


def test_200_levels_are_still_read() -> None:
    assert load_json_text("[" * 200 + "]" * 200) is not None


def test_an_integer_over_4300_digits_names_where_it_is() -> None:
    with pytest.raises(JsonInputError) as raised:
        load_json_text(hostile_texts()["long_integer.json"], "long.json")
    assert (raised.value.line, raised.value.column) == (1, 26)
    assert "more than 4300 digits" in raised.value.reason


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("deep_nesting.json", "nested more than 200 levels deep here"),
        ("long_integer.json", "more than 4300 digits"),
    ],
)
def test_importing_them_gives_the_same_clear_message(name: str, fragment: str) -> None:
    with pytest.raises(importers.ImportProblem) as raised:
        importers.import_file(HOSTILE / name)
    assert fragment in raised.value.message and "line 1, column" in raised.value.message


def test_a_lone_surrogate_is_read_imported_and_checked_without_raising() -> None:
    value = load_json_text(hostile_texts()["surrogate_cname.json"])
    assert value["cname"] == "\ud800"
    result = importers.import_file(HOSTILE / "surrogate_cname.json")
    problems = draft_from_import(result).validate()
    assert any(p.rule == "body.text.unicode" and p.path == "cname" for p in problems)


@pytest.mark.parametrize("name", ["brackets_only.txt", "late_errors.txt"])
def test_brackets_and_late_errors_before_the_body_do_not_hide_it(name: str) -> None:
    assert importers.import_file(HOSTILE / name).body == BODY


# --- what cannot be read ----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_without_a_writer_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(JsonInputError, match=r"named pipe \(FIFO\), not a regular file"):
        finishes(read_json_file, str(fifo))
    with pytest.raises(importers.ImportProblem, match="named pipe"):
        finishes(importers.import_file, fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_and_a_link_to_it_are_refused(tmp_path: Path) -> None:
    link = tmp_path / "innocent.json"
    link.symlink_to("/dev/zero")
    for source in ("/dev/zero", str(link)):
        with pytest.raises(JsonInputError, match="is a device, not a regular file"):
            finishes(read_text, source)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(importers.ImportProblem, match="is a directory"):
        importers.import_file(tmp_path)


def test_curl_data_from_dev_zero_is_not_read() -> None:
    with pytest.raises(importers.ImportProblem, match="file on the customer's machine"):
        finishes(importers.import_file, HOSTILE / "curl_data_from_dev_zero.sh")


# --- the importer's own hostile inputs --------------------------------------------------------


def test_non_ascii_basic_auth_is_ignored_with_a_notice() -> None:
    result = importers.import_file(HOSTILE / "basic_non_ascii.sh")
    assert result.credentials is None and result.body == BODY
    assert "The Authorization header is not valid Basic auth; ignored it." in result.notices


def test_a_bracketed_url_is_reported_without_repeating_it() -> None:
    result = importers.import_file(HOSTILE / "bracketed_url.sh")
    assert result.body == BODY and result.customer_host is None
    assert "The curl command's URL is not a valid address; App ID and mode not read." in (
        result.notices
    )


def test_nesting_over_1000_levels_in_a_paste_is_a_message() -> None:
    text = "log: " + '{"a": ' * 5000 + "1" + "}" * 5000
    with pytest.raises(importers.ImportProblem, match=r"none looks like a start body|nested"):
        importers.import_text(text)
    with pytest.raises(importers.ImportProblem, match="nested more than 200 levels"):
        importers.import_text("[" * 100_000)


def test_a_1_mb_paste_of_braces_imports_the_body_after_it() -> None:
    # Measured in tests/bench/bench_import.py; here only that it works at this size.
    text = '{"a": ' * 100_000 + "\n" + "{x} " * 100_000 + "\n" + json.dumps(BODY)
    assert importers.import_text(text).body == BODY


# --- the command line -------------------------------------------------------------------------


def run_cli(*arguments: str, stdin: Any = None, shell_redirect: str = "") -> Any:
    command = [sys.executable, "-m", "rec_tui", *arguments]
    if shell_redirect:
        script = " ".join(f"'{a}'" for a in command) + " " + shell_redirect
        return subprocess.run(
            ["sh", "-c", script], capture_output=True, text=True, timeout=60, check=False
        )
    return subprocess.run(
        command, stdin=stdin, capture_output=True, text=True, timeout=60, check=False
    )


def test_validate_with_standard_input_closed_exits_2_with_a_message() -> None:
    done = run_cli("validate", "--mode", "mix", "-", shell_redirect="<&-")
    assert done.returncode == 2, done.stderr
    assert "standard input: is closed or cannot be read" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("name", "code", "fragment"),
    [
        ("surrogate_cname.json", 1, "lone UTF-16 surrogate"),
        ("surrogate_key.json", 1, "lone UTF-16 surrogate"),
        ("long_integer.json", 2, "more than 4300 digits"),
        ("deep_nesting.json", 2, "nested more than 200 levels"),
    ],
)
def test_validate_reports_hostile_files_and_never_crashes(
    name: str, code: int, fragment: str
) -> None:
    for output in ("text", "json"):
        done = run_cli("validate", "--format", output, str(HOSTILE / name))
        assert done.returncode == code, done.stderr
        assert fragment in done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
