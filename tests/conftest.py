"""Fixtures for every folder: each test gets its own REC_TUI_HOME, so nothing touches the real
one; ``no_keyring`` (store, cli, tui and the leak tests) stands for a machine without a keyring.

Fixtures used by one folder live in that folder's conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.keyring_service import no_keyring

__all__ = ["no_keyring"]  # a fixture, offered to every test by name


@pytest.fixture(autouse=True)
def rec_tui_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("rec-tui-home")
    monkeypatch.setenv("REC_TUI_HOME", str(home))
    for name in ("AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return home
