"""Preset files are read bounded: regular files only, a size limit, a nesting limit, and
values a JSON request can hold — each refusal one clear message, never a hang or a crash."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from rec_tui.formats.documents import OpenProblem, open_document
from rec_tui.store import presets
from rec_tui.store.paths import presets_dir
from rec_tui.store.presets.header import HEAD_BYTES
from rec_tui.store.secrets import MemoryStore

GOOD = """\
format = 1
name = "{name}"
mode = "mix"

[body]
cname = "room"
uid = "1"
"""


def _path(name: str) -> Path:
    folder = presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.toml"


def _write(name: str, extra: str = "") -> Path:
    path = _path(name)
    path.write_text(GOOD.format(name=name) + extra, encoding="utf-8")
    return path


def _deep_array(levels: int) -> str:
    return "deep = " + "[" * levels + "1" + "]" * levels + "\n"


def _deep_tables(levels: int) -> str:
    return "[body." + ".".join(f"k{i}" for i in range(levels)) + "]\nx = 1\n"


def _load_guarded(name: str) -> presets.PresetError:
    """Load in a thread so that a regression (a hang on a FIFO) fails instead of hanging."""
    caught: list[BaseException] = []

    def attempt() -> None:
        try:
            presets.load(name, MemoryStore())
        except BaseException as error:  # handed to the test below
            caught.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "loading the preset did not return"
    assert len(caught) == 1 and isinstance(caught[0], presets.PresetError), caught
    return caught[0]


def test_a_symlink_to_a_device_is_refused_as_not_a_regular_file() -> None:
    _path("zero").symlink_to("/dev/zero")
    error = _load_guarded("zero")
    assert "not a regular file (a device)" in error.message


def test_a_fifo_is_refused_without_waiting_for_a_writer() -> None:
    os.mkfifo(_path("pipe"))
    error = _load_guarded("pipe")
    assert "not a regular file (a named pipe)" in error.message


def test_a_directory_named_like_a_preset_is_refused() -> None:
    _path("folder").mkdir()
    assert "a directory" in _load_guarded("folder").message


def test_a_file_over_the_size_limit_is_refused() -> None:
    _write("huge", "# " + "x" * 1_000_001 + "\n")
    assert "larger than 1 MB" in _load_guarded("huge").message


@pytest.mark.parametrize("levels", [40, 700, 5000])
@pytest.mark.parametrize("shape", ["array", "tables"])
def test_deep_nesting_is_refused_with_a_message(levels: int, shape: str) -> None:
    extra = _deep_tables(levels) if shape == "tables" else "[body.x]\n" + _deep_array(levels)
    path = _write("deep", extra)
    before = path.read_bytes()
    message = _load_guarded("deep").message
    assert "nested more than 32 levels deep" in message or "not valid TOML" in message
    assert str(path) in message
    assert path.read_bytes() == before


def test_nesting_up_to_the_limit_is_fine() -> None:
    _write("ok", _deep_tables(28))
    loaded = presets.load("ok", MemoryStore())
    assert loaded.draft.get("k0.k1.k2.k3") is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1979-05-27T07:32:00Z", "holds a date or time"),
        ("1979-05-27", "holds a date or time"),
        ("07:32:00", "holds a date or time"),
        ("inf", "holds inf or nan"),
        ("nan", "holds inf or nan"),
        ("9" * 30, "beyond TOML's 64-bit range"),
    ],
)
def test_a_value_json_cannot_hold_is_refused_naming_the_key(value: str, expected: str) -> None:
    _write("odd", f"startedAt = {value}\n")
    message = _load_guarded("odd").message
    assert "line 8, column 1: key 'body.startedAt'" in message
    assert expected in message


def test_an_integer_of_thousands_of_digits_is_refused() -> None:
    _write("digits", "uid2 = " + "7" * 5000 + "\n")
    message = _load_guarded("digits").message
    assert "not a usable TOML preset" in message or "64-bit" in message


def test_one_bad_file_never_breaks_the_list() -> None:
    _write("alpha")
    _path("zero").symlink_to("/dev/zero")
    os.mkfifo(_path("pipe"))
    _write("deep", _deep_tables(700))
    _write("when", "at = 1979-05-27\n")
    _path("dangling").symlink_to(_path("nowhere"))
    _path("huge").write_text(GOOD.format(name="huge") + "# padding\n" * 200_000, "utf-8")
    _path("badmode").write_text('format = 1\nmode = "mixed"\n\n[body]\nuid = "1"\n', "utf-8")
    _write("omega")
    listed = {entry.name: entry for entry in presets.list_presets()}
    assert sorted(listed) == [
        "alpha", "badmode", "dangling", "deep", "huge", "omega", "pipe", "when", "zero"
    ]  # fmt: skip
    assert listed["alpha"].error is None and listed["omega"].error is None
    assert listed["alpha"].mode == "mix"
    for name in ("zero", "pipe", "dangling", "huge", "badmode"):
        assert listed[name].error, name
        assert listed[name].mode == "?"
    assert "larger than 1 MB" in (listed["huge"].error or "")
    assert "line 2, column 1: key 'mode'" in (listed["badmode"].error or "")


def test_the_list_reads_the_header_and_opening_says_what_is_wrong_below_it() -> None:
    # The list shows what the first lines say; the body's problems are found on opening.
    _write("deep", _deep_tables(700))
    _write("when", "at = 1979-05-27\n")
    listed = {entry.name: entry for entry in presets.list_presets()}
    assert (listed["deep"].mode, listed["deep"].error) == ("mix", None)
    assert (listed["when"].mode, listed["when"].error) == ("mix", None)
    assert "nested more than 32 levels" in _load_guarded("deep").message
    assert "body.at" in _load_guarded("when").message


def test_a_header_the_head_of_the_file_does_not_hold_is_read_from_the_whole_file() -> None:
    # A description of many lines pushes the first table beyond the head read for the list.
    long = "x" * (HEAD_BYTES * 2)
    description = f'description = """\n[not a table]\n{long}"""\n'
    _path("long").write_text(f'format = 1\nmode = "web"\n{description}[body]\nuid = "1"\n', "utf-8")
    _path("broken").write_text(f'format = 1\nmode = "web"\nx = "{long}\n[body]\n', "utf-8")
    listed = {entry.name: entry for entry in presets.list_presets()}
    assert (listed["long"].mode, listed["long"].error) == ("web", None)
    assert listed["long"].description.startswith("[not a table]\nxxx")
    assert "line 3, column" in (listed["broken"].error or "")


def test_opening_a_deep_preset_in_the_wizard_gives_a_message() -> None:
    _write("deep", _deep_tables(700))
    with pytest.raises(OpenProblem, match="nested more than 32 levels"):
        open_document("deep", MemoryStore())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("\ud800", "not valid Unicode"),
        (10**30, "beyond TOML's 64-bit range"),
        (float("nan"), "inf or nan"),
    ],
)
def test_save_refuses_what_it_could_not_read_back(value: object, expected: str) -> None:
    from rec_tui.request.draft import Draft

    draft = Draft(mode="mix")
    draft.replace_body({"cname": "room", "uid": "1", "clientRequest": {"odd": value}})
    with pytest.raises(presets.PresetError) as caught:
        presets.save(draft, "odd", MemoryStore(persistent=True))
    assert "body.clientRequest.odd" in caught.value.message
    assert expected in caught.value.message
    assert not presets.preset_path("odd").exists()


def test_what_save_accepts_at_the_depth_limit_loads_again() -> None:
    from rec_tui.request.draft import Draft

    nested: dict[str, object] = {"x": 1}
    for _ in range(29):
        nested = {"k": nested}
    draft = Draft(mode="mix")
    draft.replace_body({"cname": "room", "uid": "1", "deep": nested})
    presets.save(draft, "edge", MemoryStore(persistent=True))
    assert presets.load("edge", MemoryStore()).draft.body == draft.body
    draft.set("deep", {"k": nested})
    with pytest.raises(presets.PresetError, match="nested more than 32 levels"):
        presets.save(draft, "edge2", MemoryStore(persistent=True))
