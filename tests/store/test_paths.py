"""Where files go: the user's config and data directories, or all under REC_TUI_HOME."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rec_tui.store import paths


@pytest.mark.skipif(sys.platform != "linux", reason="XDG directories are the Linux defaults")
def test_without_rec_tui_home_the_xdg_directories_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    assert paths.config_dir() == tmp_path / "xdg-config" / "rec-tui"
    assert paths.presets_dir() == tmp_path / "xdg-config" / "rec-tui" / "presets"
    assert paths.data_dir() == tmp_path / "xdg-data" / "rec-tui"
    assert paths.history_file() == tmp_path / "xdg-data" / "rec-tui" / "history.jsonl"


def test_rec_tui_home_moves_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    assert paths.presets_dir() == tmp_path / "config" / "presets"
    assert paths.history_file() == tmp_path / "data" / "history.jsonl"
    monkeypatch.setenv(paths.HOME_ENV, "  ")
    assert paths.config_dir() != tmp_path / "config"  # blank means unset
