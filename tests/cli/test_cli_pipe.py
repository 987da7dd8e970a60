"""A closed pipe (``rec-tui schema | head``) ends the command quietly, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


# A long output fails while the command writes; a short one when Python flushes at exit.
@pytest.mark.parametrize("command", [["schema"], ["explain", "432"]], ids=["long", "short"])
def test_closed_pipe_ends_quietly(command: list[str]) -> None:
    # The reader is gone before the command starts, so its very first write meets a closed
    # pipe, whatever the timing.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "rec_tui", *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")
