"""Benchmark the wizard: start-up to first paint, keystroke latency, and peak memory.

Run: ``.venv/bin/python tests/bench/bench_tui.py``.

1. Start-up: the installed ``rec-tui`` console script and a minimal Textual app
   (``tests/bench/minimal_app.py``, run by the same interpreter) are each started in a
   pseudo-terminal of 120×40; the time from spawning the process to the first appearance
   of a marker text in its output (the first painted screen) is measured, median of
   several runs. Target: rec-tui at most 1.5× the minimal app.
2. Peak memory: VmHWM (peak resident set) of each process read from /proc just after the
   first paint. Target: at most 1.5× the minimal app.
3. Keystroke: with a large mix body (17 tiles, 17-entry subscription lists, storage with
   extensionParams) open at the Transcoding & layout step, a character is typed into a
   tile's uid field with Pilot (headless); recorded are the time from the key press to the
   end of the update of preview, problems and forms (``app._show_draft``) and to the end
   of the next frame drawn after it. Median and 95th percentile; target under 16 ms (one
   frame at 60 Hz). The baseline printed next to it is a bare ``validate()`` of the same
   body, the least any live check has to do.
"""

from __future__ import annotations

import asyncio
import copy
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent
RUNS = 5


# --- start-up and memory -------------------------------------------------------------------


def first_paint(argv: list[str], marker: bytes, timeout: float = 30.0) -> tuple[float, int]:
    """Seconds from spawn to ``marker`` on the screen, and the peak RSS (kB) at that time."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a 120×40 terminal
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("TEXTUAL", None)
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    started = time.perf_counter()
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen += chunk
                if marker in seen.replace(b"\x1b", b""):
                    elapsed = time.perf_counter() - started
                    break
        peak = _peak_rss_kb(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed, peak


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def precompile() -> None:
    """Byte-compile rec_tui first, as pip does for an installed package.

    Textual in site-packages was compiled when it was installed; an editable install of
    rec-tui run with PYTHONDONTWRITEBYTECODE=1 (as on these machines) would otherwise be
    compiled from source on every start, which no installed copy ever is.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "rec_tui"), quiet=1)


def startup() -> None:
    precompile()
    minimal = [sys.executable, str(ROOT / "tests" / "bench" / "minimal_app.py")]
    wizard = [str(BIN / "rec-tui")]
    results: dict[str, list[tuple[float, int]]] = {"minimal": [], "rec-tui": []}
    for _ in range(RUNS):  # interleaved, so machine load hits both alike
        results["minimal"].append(first_paint(minimal, b"Hello from a minimal"))
        results["rec-tui"].append(first_paint(wizard, b"Problems:"))
    time_of = {name: statistics.median(r[0] for r in runs) for name, runs in results.items()}
    memory_of = {name: max(r[1] for r in runs) for name, runs in results.items()}
    print(f"start-up to first paint (median of {RUNS}, 120x40 pty):")
    print(f"  minimal Textual app  {time_of['minimal'] * 1000:7.0f} ms")
    print(f"  rec-tui              {time_of['rec-tui'] * 1000:7.0f} ms")
    ratio = time_of["rec-tui"] / time_of["minimal"]
    print(f"  ratio                {ratio:7.2f}x   (target <= 1.5x)")
    print("peak memory at first paint (VmHWM):")
    print(f"  minimal Textual app  {memory_of['minimal'] / 1024:7.1f} MiB")
    print(f"  rec-tui              {memory_of['rec-tui'] / 1024:7.1f} MiB")
    print(
        f"  ratio                {memory_of['rec-tui'] / memory_of['minimal']:7.2f}x"
        "   (target <= 1.5x)"
    )


# --- keystroke -------------------------------------------------------------------------------


def large_body() -> dict[str, Any]:
    from tests.support.tui import seed_body

    body = seed_body("1_mix_av.json")
    rec = body["clientRequest"]["recordingConfig"]
    uids = [str(1000 + n) for n in range(17)]
    rec["subscribeAudioUids"] = list(uids)
    rec["subscribeVideoUids"] = list(uids)
    rec["unSubscribeAudioUids"] = [str(5000 + n) for n in range(8)]
    rec["subscribeUidGroup"] = 3
    rec["transcodingConfig"].update(
        width=1280,
        height=720,
        fps=15,
        bitrate=1130,
        mixedVideoLayout=3,
        backgroundImage="https://example.com/canvas.jpg",
        layoutConfig=[
            {
                "uid": uid,
                "x_axis": (n % 4) * 0.25,
                "y_axis": (n // 4) * 0.2,
                "width": 0.25,
                "height": 0.2,
                "alpha": 1.0,
                "render_mode": n % 2,
            }
            for n, uid in enumerate(uids)
        ],
        backgroundConfig=[
            {"uid": uid, "image_url": f"https://example.com/{uid}.jpg"} for uid in uids[:8]
        ],
    )
    body["clientRequest"]["storageConfig"]["extensionParams"] = {
        "sse": "aes256",
        "tag": "demo",
        "endpoint": "https://storage.example.com",
    }
    return body


async def keystrokes(samples: int = 60) -> tuple[list[float], list[float], list[float]]:
    """Per keystroke: (to the model updated, to the next frame drawn), and the baseline."""
    from textual.screen import Screen
    from textual.widgets import Input

    from rec_tui.request.validate import validate
    from tests.support.tui import SIZE, editor, make_app

    body = large_body()
    app = make_app(copy.deepcopy(body), step="layout")
    updated: list[float] = []
    painted: list[float] = []
    marks: dict[str, float] = {}
    real_update = app._show_draft
    real_frame = Screen._on_timer_update

    def timed_update(origin: object | None = None) -> None:
        real_update(origin)
        marks["updated"] = time.perf_counter()

    def timed_frame(screen: Screen[Any]) -> None:
        real_frame(screen)
        if "updated" in marks and "painted" not in marks:
            marks["painted"] = time.perf_counter()

    app._show_draft = timed_update  # type: ignore[method-assign]
    Screen._on_timer_update = timed_frame  # type: ignore[method-assign,assignment]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.5)
            path = "clientRequest.recordingConfig.transcodingConfig.layoutConfig[0].uid"
            editor(app, path).query_one(Input).focus()
            await pilot.pause(0.3)
            for n in range(samples):
                marks.clear()
                started = time.perf_counter()
                await pilot.press("backspace" if n % 2 else "7")
                while "painted" not in marks:
                    await asyncio.sleep(0.001)
                updated.append(marks["updated"] - started)
                painted.append(marks["painted"] - started)
                await pilot.pause(0.05)
    finally:
        Screen._on_timer_update = real_frame  # type: ignore[method-assign]
    baseline = []
    for _ in range(samples):
        started = time.perf_counter()
        validate("mix", body)
        baseline.append(time.perf_counter() - started)
    return updated, painted, baseline


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def keystroke() -> None:
    updated, painted, baseline = asyncio.run(keystrokes())
    print("keystroke in a tile uid field, large body (17 tiles, full lists):")
    print(
        f"  preview, problems and forms updated: median "
        f"{statistics.median(updated) * 1000:6.2f} ms   p95 {p95(updated) * 1000:6.2f} ms"
        "   (target < 16 ms)"
    )
    print(
        f"  ...and the next frame drawn:         median "
        f"{statistics.median(painted) * 1000:6.2f} ms   p95 {p95(painted) * 1000:6.2f} ms"
    )
    print(
        f"  baseline, validate() alone:          median "
        f"{statistics.median(baseline) * 1000:6.2f} ms"
    )


if __name__ == "__main__":
    keystroke()
    startup()
