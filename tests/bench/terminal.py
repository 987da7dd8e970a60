"""A real terminal for the benchmarks: tmux at 120×40, watched as a person watches it.

Programs run in panes of one private tmux server. A control-mode client (``tmux -C``)
starts them, types keys into them and reads their screens with ``capture-pane``: each
read is a round trip over a pipe to the server (a fraction of a millisecond), not a new
process, so the screen can be polled every millisecond or two without loading the machine.
What is measured is what the terminal shows: a frame counts once tmux has drawn it.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

WIDTH, HEIGHT = 120, 40
POLL_SECONDS = 0.001


class Tmux:
    """A private tmux server with one 120×40 session per program."""

    def __init__(self) -> None:
        self.socket = f"rec-tui-bench-{os.getpid()}"
        self.home = tempfile.mkdtemp(prefix="rec-tui-bench-home-")
        env = dict(os.environ)
        env.update(
            REC_TUI_HOME=self.home,
            TERM="xterm-256color",
            COLORTERM="truecolor",
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.pop("TEXTUAL", None)
        self._tmux = ["tmux", "-L", self.socket, "-f", "/dev/null"]
        subprocess.run(
            [*self._tmux, "new-session", "-d", "-s", "idle", "-x", str(WIDTH), "-y", str(HEIGHT)],
            env=env,
            check=True,
        )
        self._control = subprocess.Popen(
            [*self._tmux, "-C", "attach", "-t", "idle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self._sessions = 0
        try:
            self._wait_attached()
            self.command("refresh-client -f no-output")
            self.command(f"set-option -g default-size {WIDTH}x{HEIGHT}")
            self.command("set-option -g remain-on-exit on")  # a crash stays readable
            self.command("set-option -g default-terminal xterm-256color")
        except BaseException:
            self.close()
            raise

    def _wait_attached(self) -> None:
        # Commands sent before the client is attached fail with "no current client".
        assert self._control.stdout is not None
        while not self._control.stdout.readline().startswith(b"%session-changed"):
            pass

    def command(self, line: str) -> list[str]:
        """Run one tmux command through the control client; its output lines."""
        assert self._control.stdin is not None and self._control.stdout is not None
        self._control.stdin.write(line.encode() + b"\n")
        self._control.stdin.flush()
        output: list[str] = []
        inside = False
        while True:
            raw = self._control.stdout.readline()
            if not raw:
                raise RuntimeError(f"tmux control client ended during {line!r}")
            text = raw.decode("utf-8", "replace").rstrip("\n")
            if text.startswith("%begin"):
                # Flags 1: the answer to a command of this client (0: tmux's own, at attach).
                inside = text.split()[-1] == "1"
            elif inside and (text.startswith("%end") or text.startswith("%error")):
                if text.startswith("%error"):
                    raise RuntimeError(f"tmux refused {line!r}: {output}")
                return output
            elif inside:
                output.append(text)

    def new_pane(self) -> str:
        """A fresh 120×40 session waiting (idle) for a program; its name."""
        self._sessions += 1
        name = f"s{self._sessions}"
        self.command(f"new-session -d -s {name} -x {WIDTH} -y {HEIGHT} 'sleep 100000'")
        return name

    def spawn(self, name: str, argv: Sequence[str]) -> float:
        """Start ``argv`` in the session's pane; the moment it was asked to start."""
        shell = "exec " + " ".join(shlex.quote(part) for part in argv)
        started = time.perf_counter()
        self.command(f"respawn-pane -k -t {name} {shlex.quote(shell)}")
        return started

    def screen(self, name: str) -> str:
        return "\n".join(self.command(f"capture-pane -p -t {name}"))

    def pid(self, name: str) -> int:
        return int(self.command(f"display-message -p -t {name} '#{{pane_pid}}'")[0])

    def keys(self, name: str, *keys: str, literal: bool = False) -> float:
        """Type ``keys`` into the pane; the moment they were sent."""
        flag = "-l " if literal else ""
        quoted = " ".join(shlex.quote(key) for key in keys)
        sent = time.perf_counter()
        self.command(f"send-keys -t {name} {flag}{quoted}")
        return sent

    def wait_for(
        self, name: str, done: Callable[[str], bool], timeout: float = 30.0
    ) -> tuple[float, str]:
        """Poll the pane until ``done(screen)``; the moment it was seen and that screen."""
        deadline = time.perf_counter() + timeout
        while True:
            text = self.screen(name)
            seen = time.perf_counter()
            if done(text):
                return seen, text
            if seen > deadline:
                raise TimeoutError(f"{name}: the expected screen never came; last:\n{text}")
            time.sleep(POLL_SECONDS)

    def stop(self, name: str) -> None:
        self.command(f"kill-session -t {name}")

    def close(self) -> None:
        """End the server and everything running in it, even if the control client died."""
        with contextlib.suppress(RuntimeError, OSError):  # it ends before it answers
            self.command("kill-server")
        subprocess.run([*self._tmux, "kill-server"], capture_output=True, check=False)
        self._control.kill()
        self._control.wait(timeout=10)
        shutil.rmtree(self.home, ignore_errors=True)


def peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def ms(values: Sequence[float]) -> str:
    """``median / p95`` in milliseconds."""
    return f"median {statistics.median(values) * 1000:7.1f} ms   p95 {p95(values) * 1000:7.1f} ms"


def region(screen: str, left: int) -> str:
    """The columns from ``left`` on, of every line: one pane of the wizard."""
    return "\n".join(line[left:] for line in screen.splitlines())
