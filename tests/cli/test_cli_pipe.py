"""A closed pipe (``rec-tui schema | head``) ends the command quietly, without a traceback."""

from __future__ import annotations

import io
import sys
import tempfile

import pytest

from rec_tui.cli import main


class _ClosedPipe(io.TextIOBase):
    """Standard output whose reader has gone away."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self._fd


def test_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryFile() as target:
        monkeypatch.setattr(sys, "stdout", _ClosedPipe(target.fileno()))
        assert main(["schema"]) == 0
