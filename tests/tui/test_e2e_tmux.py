"""End to end: the installed ``rec-tui`` console script in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REC_TUI = Path(sys.executable).parent / "rec-tui"


def _tmux(socket: str, *args: str) -> str:
    result = subprocess.run(
        ["tmux", "-L", socket, *args], capture_output=True, text=True, check=True, timeout=10
    )
    return result.stdout


def _wait_for(socket: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "wizard")
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not appear on the screen; last screen:\n{screen}")


@pytest.fixture
def tmux_socket(rec_tui_home: Path) -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt-get install tmux) — the e2e test needs it")
    if not REC_TUI.exists():
        pytest.skip(f"the console script {REC_TUI} is not installed (pip install -e .)")
    socket = f"rec-tui-e2e-{uuid.uuid4().hex[:8]}"
    yield socket
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10)


def test_typing_a_channel_name_shows_in_the_preview(tmux_socket: str, rec_tui_home: Path) -> None:
    env = {**os.environ, "REC_TUI_HOME": str(rec_tui_home), "TERM": "xterm-256color"}
    command = f"{REC_TUI} --mode mix --step session"
    subprocess.run(
        [
            "tmux",
            "-L",
            tmux_socket,
            "new-session",
            "-d",
            "-s",
            "wizard",
            "-x",
            "120",
            "-y",
            "40",
            command,
        ],
        check=True,
        env=env,
        timeout=10,
    )
    _wait_for(tmux_socket, "✗3 Session")  # painted, and the first check has run
    time.sleep(0.3)  # keys sent the instant the first screen appears can be lost
    for key in ("Tab", "Tab"):  # mode → App ID → channel name
        _tmux(tmux_socket, "send-keys", "-t", "wizard", key)
        time.sleep(0.2)
    _tmux(tmux_socket, "send-keys", "-t", "wizard", "-l", "e2edemo")
    screen = _wait_for(tmux_socket, '"cname": "e2edemo"')
    assert "Channel name (cname)" in screen
    _tmux(tmux_socket, "send-keys", "-t", "wizard", "C-q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        sessions = subprocess.run(
            ["tmux", "-L", tmux_socket, "list-sessions"], capture_output=True, text=True, timeout=10
        )
        if sessions.returncode != 0 or "wizard" not in sessions.stdout:
            break
        try:
            screen = _tmux(tmux_socket, "capture-pane", "-p", "-t", "wizard")
        except subprocess.CalledProcessError:
            break  # it quit between the two tmux calls
        if "Discard and quit" in screen:
            # The draft has changes, so quitting asks first: move to the button, press it.
            _tmux(tmux_socket, "send-keys", "-t", "wizard", "Tab")
            time.sleep(0.2)
            _tmux(tmux_socket, "send-keys", "-t", "wizard", "Enter")
        time.sleep(0.3)
    else:
        raise AssertionError("rec-tui did not quit on Ctrl+Q")


def _start(socket: str, home: Path) -> None:
    """The wizard in a tmux pane; the pane says ``EXIT <status>`` when it ends."""
    env = {**os.environ, "REC_TUI_HOME": str(home), "TERM": "xterm-256color"}
    command = f"{REC_TUI}; echo EXIT $?; sleep 30"
    subprocess.run(
        [
            *("tmux", "-L", socket, "new-session", "-d", "-s", "wizard"),
            "-x",
            "120",
            "-y",
            "40",
            command,
        ],
        check=True,
        env=env,
        timeout=10,
    )
    _wait_for(socket, "✗3 Session")
    time.sleep(0.3)


@pytest.mark.parametrize(
    ("keys", "then"),
    [
        # Typed at once: PageUp reaches the palette before its list is laid out.
        (("C-p", "PageUp"), "Search for commands"),
        (("C-p", "PageDown", "PageUp", "PageUp"), "Search for commands"),
        # Quit, then the palette while the wizard is closing.
        (("C-q", "C-p", "C-p"), "EXIT 0"),
    ],
)
def test_palette_keys_typed_quickly_do_not_crash(
    tmux_socket: str, rec_tui_home: Path, keys: tuple[str, ...], then: str
) -> None:
    _start(tmux_socket, rec_tui_home)
    _tmux(tmux_socket, "send-keys", "-t", "wizard", *keys)
    screen = _wait_for(tmux_socket, then)
    time.sleep(1)
    screen = _tmux(tmux_socket, "capture-pane", "-p", "-t", "wizard")
    assert "Error" not in screen and "EXIT 1" not in screen, screen
