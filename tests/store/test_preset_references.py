"""A preset may read only its own keyring entries and the documented variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from rec_tui.store import presets
from rec_tui.store.paths import presets_dir
from rec_tui.store.secrets import CUSTOMER_SECRET_ENTRY, MemoryStore

HEAD = """\
format = 1
name = "{name}"
mode = "mix"

[session]
endpoint = "global"

[body]
cname = "room"
uid = "1"

[body.clientRequest]
token = "{reference}"
"""
ENV = {
    "HOME": "/home/engineer",
    "AWS_SECRET_ACCESS_KEY": "aws-SECRET-value-9931",
    "REC_TUI_TOKEN": "tok-from-env-1",
    "AGORA_CUSTOMER_SECRET": "cust-secret-from-env",
}


class WatchedStore(MemoryStore):
    """A keyring stand-in that records every entry read."""

    def __init__(self) -> None:
        super().__init__(persistent=True)
        self.read: list[str] = []

    def get(self, entry: str) -> str | None:
        self.read.append(entry)
        return super().get(entry)


def _store() -> WatchedStore:
    store = WatchedStore()
    store.set(CUSTOMER_SECRET_ENTRY, "customer-SECRET-in-keyring")
    store.set("preset/other/clientRequest.token", "other-preset-TOKEN")
    store.set("preset/mine/clientRequest.token", "my-own-TOKEN")
    return store


def _write(reference: str, name: str = "mine", folder: Path | None = None) -> Path:
    path = (folder or presets_dir()) / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(name=name, reference=reference), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "reference",
    [
        "keyring:agora/customer-secret",
        "keyring:preset/other/clientRequest.token",
        "keyring:preset/mine/../other/clientRequest.token",
        "keyring:preset/mine/",
        "env:HOME",
        "env:AWS_SECRET_ACCESS_KEY",
    ],
)
@pytest.mark.parametrize("resolve", [True, False], ids=["resolved", "masked"])
def test_a_foreign_reference_is_refused_naming_it_and_where(reference: str, resolve: bool) -> None:
    path = _write(reference)
    store = _store()
    with pytest.raises(presets.PresetError) as caught:
        presets.load("mine", store, environ=ENV, resolve_secrets=resolve)
    message = caught.value.message
    shown = reference.split(":", 1)[1]
    assert repr(shown) in message, message
    assert f"{path}, line 13, column 9: body.clientRequest.token" in message
    assert store.read == []  # refused before any secret was looked up
    for value in (*ENV.values(), "customer-SECRET-in-keyring", "other-preset-TOKEN"):
        assert value not in message


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("keyring:preset/mine/clientRequest.token", "my-own-TOKEN"),
        ("env:REC_TUI_TOKEN", "tok-from-env-1"),
        ("env:AGORA_CUSTOMER_SECRET", "cust-secret-from-env"),
    ],
)
def test_its_own_entries_and_the_documented_variables_are_read(
    reference: str, expected: str
) -> None:
    _write(reference)
    loaded = presets.load("mine", _store(), environ=ENV)
    assert loaded.draft.get("clientRequest.token") == expected


def test_a_file_outside_the_presets_folder_owns_no_keyring_entries(tmp_path: Path) -> None:
    # Named like the engineer's own preset, but not in the folder where saving puts presets.
    path = _write("keyring:preset/mine/clientRequest.token", folder=tmp_path)
    with pytest.raises(presets.PresetError, match="not this preset's own") as caught:
        presets.load(path, _store(), environ=ENV)
    assert "my-own-TOKEN" not in caught.value.message


def test_a_preset_with_a_foreign_reference_is_listed_and_refused_on_opening() -> None:
    _write("env:HOME", name="evil")
    _write("env:REC_TUI_TOKEN", name="fine")
    listed = {entry.name: entry for entry in presets.list_presets()}
    assert listed["fine"].error is None and listed["fine"].mode == "mix"
    assert listed["evil"].error is None  # the list reads the header only
    with pytest.raises(presets.PresetError, match="'HOME'"):
        presets.load("evil", _store(), environ=ENV)


def test_deleting_a_preset_leaves_entries_it_does_not_own() -> None:
    _write("keyring:preset/other/clientRequest.token")
    store = _store()
    presets.delete("mine", store)
    assert not presets.preset_path("mine").exists()
    assert store.get("preset/other/clientRequest.token") == "other-preset-TOKEN"
    assert store.get(CUSTOMER_SECRET_ENTRY) == "customer-SECRET-in-keyring"


def test_a_secret_under_any_parent_key_round_trips() -> None:
    from rec_tui.request.draft import Draft

    draft = Draft(mode="mix")
    body = {"cname": "r", "uid": "1", "extra": {"café params": [{"token": "tok-odd-parent"}]}}
    draft.replace_body(body)
    store = MemoryStore(persistent=True)
    presets.save(draft, "odd", store)
    assert "tok-odd-parent" not in presets.preset_path("odd").read_text()
    assert presets.load("odd", store, environ={}).draft.body == body
