"""``rec-tui preset``: what each action prints and its exit status (0 / 1 invalid / 2 failed)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, main
from tests.support.seed_examples import EXAMPLES
from tests.support.start_up import loaded_of, modules_loaded

pytestmark = pytest.mark.usefixtures("no_keyring")

VALID_MODE, VALID_BODY = EXAMPLES[0][1], EXAMPLES[0][2]


def _file(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def _customer_curl(tmp_path: Path, secret: str) -> str:
    """A customer's curl start command with their customer ID and ``secret`` in it."""
    return _file(
        tmp_path,
        "curl.sh",
        "curl https://api.agora.io/v1/apps/abc/cloud_recording/resourceid/r/mode/"
        f"{VALID_MODE}/start -u id-x:{secret} -d '{json.dumps(VALID_BODY)}'",
    )


def test_save_list_show_export_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    assert main(["preset", "save", "demo", "--from", body, "--mode", VALID_MODE,
                 "--description", "the seed's first example"]) == EXIT_OK  # fmt: skip
    saved = capsys.readouterr()
    assert "Saved preset 'demo'" in saved.out
    # No keyring here: the file refers to variables, and the notice names each one.
    assert "REC_TUI_TOKEN (clientRequest.token)" in saved.err

    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["mode"], p["description"]) for p in listed] == [
        ("demo", VALID_MODE, "the seed's first example")
    ]
    assert main(["preset", "list"]) == EXIT_OK
    assert "demo" in capsys.readouterr().out

    assert main(["preset", "show", "demo"]) == EXIT_OK
    shown = capsys.readouterr().out
    assert 'token = "env:REC_TUI_TOKEN"' in shown and "keyring:" not in shown.split("\n", 1)[1]

    assert main(["preset", "export", "demo", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["clientRequest"]["token"] == "${REC_TUI_TOKEN}"
    assert main(["preset", "export", "demo", "--format", "curl"]) == EXIT_OK
    assert "${REC_TUI_TOKEN}" in capsys.readouterr().out
    assert main(["preset", "export", "demo", "--format", "toml"]) == EXIT_OK
    assert 'token = "env:REC_TUI_TOKEN"' in capsys.readouterr().out

    assert main(["preset", "delete", "demo"]) == EXIT_OK
    assert "Deleted preset 'demo'" in capsys.readouterr().out
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_save_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE]) == EXIT_OK
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE]) == EXIT_FAILED
    assert "already exists" in capsys.readouterr().err
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE, "--force"]) == 0


def test_an_invalid_request_is_saved_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", {"cname": "room", "uid": 527841, "clientRequest": {}})
    assert main(["preset", "save", "bad", "--from", body, "--mode", "mix"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "bad: error: uid" in err
    assert main(["preset", "export", "bad", "--format", "json"]) == EXIT_REFUSED


def test_save_takes_the_mode_from_a_curl_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = _customer_curl(tmp_path, "secret-CLI-77")
    assert main(["preset", "save", "c", "--from", command]) == EXIT_OK
    err = capsys.readouterr().err
    assert "dropped" in err and "secret-CLI-77" not in err
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["mode"] == VALID_MODE


def test_store_credentials_without_a_keyring_says_nothing_was_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = _customer_curl(tmp_path, "secret-CLI-78")
    argv = ["preset", "save", "c", "--from", command, "--store-credentials"]
    assert main(argv) == EXIT_OK
    err = capsys.readouterr().err
    # "Stored … in memory for this session" of a command that ends at once kept nothing.
    assert "were not stored: no keyring is usable here" in err and "AGORA_CUSTOMER_ID" in err
    assert "Stored" not in err and "secret-CLI-78" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["preset", "show", "missing"], "no preset named 'missing'"),
        (["preset", "delete", "missing"], "no preset named 'missing'"),
        (["preset", "export", "missing", "--format", "json"], "no such preset file"),
        (["preset", "save", "x", "--from", "/nonexistent.json", "--mode", "mix"], "no such file"),
    ],
)
def test_what_cannot_be_done_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_FAILED
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_save_without_a_mode_infers_it_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    main(["preset", "save", "x", "--from", body])
    assert "rec-tui: Mode: " in capsys.readouterr().err
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["mode"] in ("individual", "mix", "web")


def test_a_broken_preset_exits_2_and_is_left_alone(
    rec_tui_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rec_tui_home / "config" / "presets" / "broken.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"format = 1\nmode = \n")
    assert main(["preset", "export", "broken", "--format", "curl"]) == EXIT_FAILED
    assert "line 2, column" in capsys.readouterr().err
    assert path.read_bytes() == b"format = 1\nmode = \n"


def _preset_file(rec_tui_home: Path, name: str, text: str) -> Path:
    path = rec_tui_home / "config" / "presets" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD_TOML = 'format = 1\nname = "{name}"\nmode = "mix"\n\n[body]\ncname = "room"\nuid = "1"\n'


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD_TOML.replace('"mix"', '"mixed"'), "line 3, column 1: key 'mode'"),
        (GOOD_TOML.replace('"room"', '"room'), "line 6, column"),
        (GOOD_TOML + "when = 1979-05-27\n", "line 8, column 1: key 'body.when'"),
    ],
)
def test_show_of_a_broken_preset_exits_2_with_line_and_column(
    rec_tui_home: Path, text: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _preset_file(rec_tui_home, "broken", text.format(name="broken"))
    assert main(["preset", "show", "broken"]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert where in captured.err and captured.out == ""


def test_list_shows_unreadable_presets_with_their_reason(
    rec_tui_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    _preset_file(rec_tui_home, "good", GOOD_TOML.format(name="good"))
    folder = rec_tui_home / "config" / "presets"
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    _preset_file(rec_tui_home, "badmode", GOOD_TOML.format(name="badmode").replace("mix", "mixed"))
    assert main(["preset", "list"]) == EXIT_OK
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "cannot be read" not in lines["good"]
    assert "[cannot be read:" in lines["pipe"] and "named pipe" in lines["pipe"]
    assert "a device" in lines["zero"] and "key 'mode': is 'mixed'" in lines["badmode"]
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["good"]["error"] is None and rows["good"]["mode"] == "mix"
    assert rows["pipe"]["error"] and rows["badmode"]["error"]


@pytest.mark.parametrize(
    "argv",
    [
        ["preset", "show", "deep"],
        ["preset", "export", "deep", "--format", "json"],
        ["preset", "export", "deep", "--format", "toml", "--reveal"],
        ["send", "deep", "--sandbox"],
    ],
)
def test_a_deeply_nested_preset_exits_2_with_a_message(
    rec_tui_home: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    levels = "[" * 700 + "1" + "]" * 700
    _preset_file(rec_tui_home, "deep", GOOD_TOML.format(name="deep") + f"x = {levels}\n")
    assert main(argv) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "nested more than 32 levels" in err and "Traceback" not in err


def test_export_reveal_never_prints_what_the_preset_may_not_read(
    rec_tui_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rec_tui.store import secrets

    store = secrets.MemoryStore(persistent=True)
    store.set(secrets.CUSTOMER_SECRET_ENTRY, "customer-SECRET-kept-77")
    monkeypatch.setattr(secrets, "open_store", lambda: secrets.OpenedStore(store, None))
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "aws-SECRET-88")
    for reference in ("keyring:agora/customer-secret", "env:AWS_SECRET_ACCESS_KEY"):
        token = f'\n[body.clientRequest]\ntoken = "{reference}"\n'
        _preset_file(rec_tui_home, "evil", GOOD_TOML.format(name="evil") + token)
        for fmt in ("json", "curl", "toml"):
            code = main(["preset", "export", "evil", "--format", fmt, "--reveal"])
            captured = capsys.readouterr()
            assert code == EXIT_FAILED
            assert reference.split(":")[1] in captured.err and "line 10, column 9" in captured.err
            for value in ("customer-SECRET-kept-77", "aws-SECRET-88"):
                assert value not in captured.out + captured.err


def test_without_a_keyring_the_saved_env_references_resolve_once_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    assert main(["preset", "save", "envy", "--from", body, "--mode", VALID_MODE]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Set these before opening or sending it: REC_TUI_TOKEN (clientRequest.token)" in err
    token = VALID_BODY["clientRequest"]["token"]
    assert token not in err
    assert main(["preset", "export", "envy", "--format", "json", "--reveal"]) == EXIT_FAILED
    assert "REC_TUI_TOKEN, which is not set" in capsys.readouterr().err
    monkeypatch.setenv("REC_TUI_TOKEN", "tok-set-later-5")
    for name in ("REC_TUI_STORAGE_ACCESS_KEY", "REC_TUI_STORAGE_SECRET_KEY"):
        monkeypatch.setenv(name, "storage-key")
    assert main(["preset", "export", "envy", "--format", "json", "--reveal"]) == EXIT_OK
    exported = json.loads(capsys.readouterr().out)
    assert exported["clientRequest"]["token"] == "tok-set-later-5"


def test_preset_list_reads_headers_without_loading_the_editing_model_or_the_keyring(
    tmp_path: Path,
) -> None:
    source = _file(tmp_path, "body.json", EXAMPLES[0][2])
    assert main(["preset", "save", "one", "--from", source, "--mode", EXAMPLES[0][1]]) == EXIT_OK
    code, modules = modules_loaded(["preset", "list"])
    assert code == EXIT_OK
    assert "rec_tui.store.presets.listing" in modules
    never = (
        "textual", "keyring", "httpx", "rec_tui.tui", "rec_tui.request", "rec_tui.spec.rules",
        "rec_tui.store.secrets", "rec_tui.store.presets.repository",
        "rec_tui.store.presets.document", "tomllib", "tempfile", "dataclasses",
        "babel", "rich",  # English writes its dates with the standard library
        # The sub-parsers' usage is not laid out to name them (argparse's help formatter
        # asks the terminal's width through shutil, which imports bz2 and lzma).
        "shutil", "bz2", "lzma", "textwrap", "rec_tui.cli.wrapping",
        "typing", "contextlib",  # for type checkers only; the file reader is a class
        "argparse", "gettext", "rec_tui.cli.parsing",  # a plain line (rec_tui.cli.plain)
    )  # fmt: skip
    assert loaded_of(modules, never) == []


# A minute's start in nanoseconds; listed with a file changed just before it, at it, after it.
MINUTE_NS = 1_700_000_040 * 1_000_000_000


@pytest.mark.parametrize("offset_ns", [-400, -600_000, 0, 59_999_000_000])
def test_list_says_the_minute_the_file_s_time_falls_in(
    rec_tui_home: Path, offset_ns: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also 400 ns before a minute: that is still the minute before, as a clock shows it."""
    import os
    import time

    path = _preset_file(rec_tui_home, "edge", GOOD_TOML.format(name="edge"))
    os.utime(path, ns=(MINUTE_NS + offset_ns, MINUTE_NS + offset_ns))
    assert main(["preset", "list"]) == EXIT_OK
    (line,) = capsys.readouterr().out.splitlines()
    seconds = (MINUTE_NS + offset_ns) // 10**9
    assert re.split(" {2,}", line)[2] == time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))
