"""Presets: round trips, secret references, broken files left untouched, list/rename/delete."""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from rec_tui.request.draft import Draft
from rec_tui.store import files, presets
from rec_tui.store.paths import presets_dir
from rec_tui.store.secrets import MemoryStore
from tests.support.keyring_service import KeyringService
from tests.support.seed_examples import EXAMPLES

TOKEN = "tok-PRESET-SECRET-0001"


def _keyring() -> MemoryStore:
    """An in-memory store that behaves as a keyring (entries are kept, not env: references)."""
    return MemoryStore(persistent=True)


def _draft(body: dict[str, Any] | None = None, mode: str = "mix") -> Draft:
    draft = Draft(mode=mode)  # type: ignore[arg-type]
    draft.replace_body(
        body or {"cname": "room", "uid": "527841", "clientRequest": {"token": TOKEN}}
    )
    draft.set("session.appId", "0123456789abcdef0123456789abcdef")
    draft.set("session.endpoint", "global")
    return draft


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_each_seed_example_survives_save_and_load(
    title: str, mode: str, body: dict[str, Any]
) -> None:
    store = _keyring()
    draft = _draft(copy.deepcopy(body), mode)
    draft.set("session.snapshotIntent", "plus_recording")
    draft.set("session.acquire", {"resourceExpiredHour": 24, "scene": 0})
    saved = presets.save(draft, "seed", store, description=title)
    loaded = presets.load("seed", store)
    assert loaded.draft.body == body
    assert loaded.draft.mode == mode
    assert loaded.description == title
    assert loaded.draft.app_id == draft.app_id
    assert loaded.draft.endpoint == "global"
    assert loaded.draft.acquire_options == {"resourceExpiredHour": 24, "scene": 0}
    assert loaded.draft.snapshot_intent == "plus_recording"
    # No secret value is in the file; each is a keyring reference.
    text = saved.path.read_text(encoding="utf-8") if saved.path else ""
    for _path, key, value in presets.secret_locations(body):
        assert f'{key} = "{value}"' not in text
    document = tomllib.loads(text)
    assert document["format"] == presets.FORMAT_VERSION
    assert document["body"]["clientRequest"]["token"] == ("keyring:preset/seed/clientRequest.token")


def test_a_start_parameter_holding_a_secret_is_not_saved() -> None:
    store = _keyring()
    draft = _draft()
    start_parameter = {"token": TOKEN, "storageConfig": {"secretKey": "sk-in-acquire-0001"}}
    draft.set("session.acquire", {"region": "NA", "startParameter": start_parameter})
    saved = presets.save(draft, "acq", store)
    text = saved.path.read_text(encoding="utf-8") if saved.path else ""
    assert TOKEN not in text and "sk-in-acquire-0001" not in text
    assert presets.load("acq", store).draft.acquire_options == {"region": "NA"}


@pytest.mark.keyring_service
def test_secrets_go_to_the_real_keyring(real_keyring: KeyringService) -> None:
    from rec_tui.store.secrets import SERVICE, open_store

    store = open_store().store
    presets.save(_draft(), "real", store)
    assert real_keyring.secret_tool_lookup(SERVICE, "preset/real/clientRequest.token") == TOKEN
    assert TOKEN not in presets.preset_path("real").read_text()
    assert presets.load("real", store).draft.get("clientRequest.token") == TOKEN


def test_save_refuses_to_overwrite_unless_forced() -> None:
    store = _keyring()
    presets.save(_draft(), "demo", store, description="first")
    with pytest.raises(presets.PresetError, match=r"already exists.*overwrite"):
        presets.save(_draft(), "demo", store, description="second")
    assert presets.load("demo", store).description == "first"
    presets.save(_draft(), "demo", store, description="second", force=True)
    assert presets.load("demo", store).description == "second"


def test_a_failed_write_leaves_the_old_preset_intact(monkeypatch: pytest.MonkeyPatch) -> None:
    store = _keyring()
    saved = presets.save(_draft(), "demo", store, description="old")
    assert saved.path is not None
    before = saved.path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(presets.PresetError, match="No space left"):
        presets.save(_draft(), "demo", store, description="new", force=True)
    assert saved.path.read_bytes() == before
    assert sorted(p.name for p in saved.path.parent.iterdir()) == [".demo.toml.lock", "demo.toml"]


def test_nulls_are_refused_with_their_path() -> None:
    draft = _draft({"cname": "a", "uid": "1", "clientRequest": {"recordingConfig": None}})
    with pytest.raises(presets.PresetError, match=r"body\.clientRequest\.recordingConfig is null"):
        presets.save(draft, "nulls", _keyring())
    assert not presets.preset_path("nulls").exists()


def test_bad_names_are_refused() -> None:
    for name in ("", "../escape", "a/b", ".hidden"):
        with pytest.raises(presets.PresetError, match="cannot be a preset name"):
            presets.save(_draft(), name, _keyring())


def _write(name: str, text: str) -> Path:
    path = presets_dir() / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    return path


GOOD = """\
format = 1
name = "good"
mode = "mix"

[session]
app_id = "abc"
endpoint = "global"

[body]
cname = "room"
uid = "1"
"""

BROKEN = {
    "syntax": (
        GOOD.replace('cname = "room"', 'cname = "room'),
        ["line 10, column", "not valid TOML", "Fix the TOML syntax"],
    ),
    "wrong_type": (
        GOOD.replace('app_id = "abc"', "app_id = 123"),
        ["line 6", "'session.app_id'", "must be a text string"],
    ),
    "unknown_key": (
        GOOD.replace('mode = "mix"', 'mode = "mix"\ndescripton = "typo"'),
        ["line 4", "'descripton'", 'Did you mean "description"?'],
    ),
    "unknown_session_key": (
        GOOD.replace('endpoint = "global"', 'endpoint = "global"\nappid = "x"'),
        ["'session.appid'", 'Did you mean "app_id"?'],
    ),
    "newer_format": (
        GOOD.replace("format = 1", "format = 7"),
        ["line 1", "format 7", "newer than this rec-tui understands", "Upgrade rec-tui"],
    ),
    "missing_secret": (
        GOOD + '\n[body.clientRequest]\ntoken = "keyring:preset/broken/clientRequest.token"\n',
        ["line 14, column 9", "no entry 'preset/broken/clientRequest.token'", "Set REC_TUI_TOKEN"],
    ),
    "body_not_object": (
        GOOD.replace('mode = "mix"', 'mode = "mix"\nbody = "cname=room"').split("[body]")[0],
        ["line 4", "'body'", "must be a table"],
    ),
    "bad_mode": (
        GOOD.replace('mode = "mix"', 'mode = "mixed"'),
        ["line 3", "'mode'", "is 'mixed'", "individual"],
    ),
    "not_utf8": (None, ["not UTF-8"]),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_presets_say_where_and_stay_byte_identical(kind: str) -> None:
    text, expected = BROKEN[kind]
    if text is None:
        path = presets_dir() / "broken.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b'format = 1\nname = "\xff"\n')
        os.utime(path, (1_600_000_000, 1_600_000_000))
    else:
        path = _write("broken", text)
    before = path.read_bytes()
    with pytest.raises(presets.PresetError) as caught:
        presets.load("broken", _keyring(), environ={})
    message = caught.value.message
    assert str(path) in message
    for fragment in expected:
        assert fragment in message, (fragment, message)
    assert "Traceback" not in message
    assert path.read_bytes() == before
    assert path.stat().st_mtime == 1_600_000_000
    assert sorted(p.name for p in path.parent.iterdir()) == ["broken.toml"]


def test_a_missing_secret_can_be_left_out_or_taken_from_the_environment() -> None:
    path = _write("good", GOOD + '\n[body.clientRequest]\ntoken = "keyring:preset/good/t"\n')
    with pytest.raises(presets.PresetError) as caught:
        presets.load("good", _keyring(), environ={})
    assert caught.value.missing_secrets
    opened = presets.load("good", _keyring(), environ={}, allow_missing_secrets=True)
    assert opened.draft.get("clientRequest.token") is None
    assert any(
        "Opened without secrets that could not be found (clientRequest.token)" in notice
        for notice in opened.notices
    )
    from_env = presets.load("good", _keyring(), environ={"REC_TUI_TOKEN": "tok-env"})
    assert from_env.draft.get("clientRequest.token") == "tok-env"
    assert path.read_text().count("keyring:") == 1


def test_list_shows_name_mode_description_and_change_time() -> None:
    store = _keyring()
    presets.save(_draft(), "beta", store, description="second one")
    presets.save(_draft(mode="web"), "alpha", store, description="first one")
    _write("broken", "format = [")
    listed = presets.list_presets()
    assert [(p.name, p.mode, p.description) for p in listed] == [
        ("alpha", "web", "first one"),
        ("beta", "mix", "second one"),
        ("broken", "?", ""),
    ]
    assert listed[2].error is not None
    assert listed[0].modified.tzinfo is not None


def test_rename_moves_the_file_and_its_keyring_entries() -> None:
    store = _keyring()
    presets.save(_draft(), "old", store)
    presets.rename("old", "new", store)
    assert not presets.preset_path("old").exists()
    assert store.get("preset/old/clientRequest.token") is None
    assert store.get("preset/new/clientRequest.token") == TOKEN
    loaded = presets.load("new", store)
    assert loaded.name == "new"
    assert loaded.draft.get("clientRequest.token") == TOKEN
    presets.save(_draft(), "other", store)
    with pytest.raises(presets.PresetError, match="already exists"):
        presets.rename("new", "other", store)


def test_delete_removes_the_file_and_its_keyring_entries() -> None:
    store = _keyring()
    presets.save(_draft(), "gone", store)
    presets.delete("gone", store)
    assert not presets.preset_path("gone").exists()
    assert store.entries == {}
    with pytest.raises(presets.PresetError, match="no preset named 'gone'"):
        presets.delete("gone", store)


def test_a_plain_text_secret_in_a_hand_written_preset_is_loaded_with_a_notice() -> None:
    _write("hand", GOOD + '\n[body.clientRequest]\ntoken = "plain-token-value"\n')
    loaded = presets.load("hand", _keyring())
    assert loaded.draft.get("clientRequest.token") == "plain-token-value"
    assert any("plain text" in notice for notice in loaded.notices)
    # The notice itself does not repeat the value.
    assert all("plain-token-value" not in notice for notice in loaded.notices)
