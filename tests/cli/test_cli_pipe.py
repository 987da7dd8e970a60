"""A closed pipe (``rec-tui schema | head``) ends the command quietly, without a traceback."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
from typing import Any

import pytest


def _rec_tui(words: list[str], stdout: Any) -> subprocess.CompletedProcess[str]:
    """rec-tui run as a process, its output sent to ``stdout``, its messages kept."""
    return subprocess.run(
        [sys.executable, "-m", "rec_tui", *words],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )


# A long output fails while the command writes; a short one when Python flushes at exit.
@pytest.mark.parametrize("command", [["schema"], ["explain", "432"]], ids=["long", "short"])
def test_closed_pipe_ends_quietly(command: list[str]) -> None:
    # The reader is gone before the command starts, so its very first write meets a closed
    # pipe, whatever the timing.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _rec_tui(command, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


# The plain validate line ends the process itself; schema writes much, explain little.
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "command",
    [["validate", "BODY"], ["schema"], ["explain", "432"], ["--lang", "zh", "explain", "432"]],
    ids=["validate", "long", "short", "zh"],
)
def test_output_that_cannot_be_written_is_reported_without_a_traceback(
    command: list[str], tmp_path: pathlib.Path
) -> None:
    body = tmp_path / "body.json"
    body.write_text('{"uid": "527841", "cname": "room", "clientRequest": {}}', encoding="utf-8")
    words = [str(body) if word == "BODY" else word for word in command]
    with open("/dev/full", "wb") as full:
        result = _rec_tui(words, stdout=full)
    assert "Traceback" not in result.stderr
    said = "rec-tui: 无法写出输出：" if "zh" in command else "rec-tui: could not write the output: "
    assert result.stderr.splitlines()[-1].startswith(said), result.stderr
    assert result.returncode == 2
