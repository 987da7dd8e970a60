"""Fixtures of the command-line tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def served(rec_tui_home: Path) -> Iterator[str]:
    """`rec-tui sandbox serve` in a child process; yields the base URL it printed."""
    env = {**os.environ, "REC_TUI_HOME": str(rec_tui_home)}
    server = subprocess.Popen(
        [sys.executable, "-m", "rec_tui", "sandbox", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert first.startswith("Sandbox listening on http://127.0.0.1:"), first
        yield first.rsplit(" ", 1)[-1].strip()
    finally:
        server.terminate()
        server.wait(timeout=10)
