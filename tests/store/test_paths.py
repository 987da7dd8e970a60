"""Where files go without REC_TUI_HOME: the user's config and data directories (XDG on Linux)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.paths import config_dir, data_dir, history_file, presets_dir
from rec_tui.store.secrets import MemoryStore

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="the XDG base directories are the Linux defaults"
)


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No REC_TUI_HOME, no XDG variables: a user whose home directory is a temporary one."""
    monkeypatch.delenv("REC_TUI_HOME")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_without_any_setting_files_go_under_the_home_directory(user_home: Path) -> None:
    assert config_dir() == user_home / ".config" / "rec-tui"
    assert presets_dir() == user_home / ".config" / "rec-tui" / "presets"
    assert data_dir() == user_home / ".local" / "share" / "rec-tui"
    assert history_file() == user_home / ".local" / "share" / "rec-tui" / "history.jsonl"


def test_the_xdg_variables_move_config_and_data(
    user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user_home / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(user_home / "dat"))
    assert presets_dir() == user_home / "cfg" / "rec-tui" / "presets"
    assert history_file() == user_home / "dat" / "rec-tui" / "history.jsonl"


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_rec_tui_home_is_no_setting(
    blank: str, user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REC_TUI_HOME", blank)
    assert config_dir() == user_home / ".config" / "rec-tui"
    assert data_dir() == user_home / ".local" / "share" / "rec-tui"


def test_a_preset_is_saved_in_the_user_config_directory(user_home: Path) -> None:
    draft = Draft(mode="mix")
    draft.replace_body({"cname": "room"})
    saved = presets.save(draft, "where", MemoryStore())
    assert saved.path == user_home / ".config" / "rec-tui" / "presets" / "where.toml"
    assert saved.path.is_file()
    assert [summary.name for summary in presets.list_presets()] == ["where"]
