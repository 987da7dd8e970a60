"""Benchmark: an arrow key on the layout canvas (17 tiles) until the preview shows the move.

Run: ``.venv/bin/python tests/bench/bench_layout.py [--keys N]``.

1. What the user waits for: the wizard runs in tmux at 120×40 (``terminal.py``) at the
   Transcoding & layout step of a large mix body with 17 tiles, the canvas focused and its
   first tile selected. Right and Left alternate; each is timed from sending the key to the
   screen showing the preview pane changed (the tile's x_axis line). Each screen that shows
   the preview changed is also checked for the canvas having changed with it (the canvas,
   the draft and the preview update in the same frame). Baseline in the same run,
   interleaved: a raw echo (``raw_echo.py``), the terminal and this measurement alone.
   Goal: p95 at most 16 ms (one frame at 60 Hz) over the echo. ``--before DIR`` runs the
   rec_tui of another checkout (DIR) in a second wizard, interleaved key by key with this
   one, for a before/after comparison in the same run.
2. Diagnostic only (narrow, not what the user sees): the canvas's move action and the
   painting of its lines called directly in a headless app, against painting an empty
   canvas.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rec_tui.layout.templates import speaker_strip
from rec_tui.layout.tile import tiles_to_json
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.bench.bench_tui import HERE, shows, write_body
from tests.bench.terminal import Tmux, ms, p95, region
from tests.support.layout_host import CanvasHost, mix_draft

ROUNDS = 300


def _paint_all(canvas: LayoutCanvas) -> None:
    for y in range(canvas.size.height):
        canvas.render_line(y)


def _time(step: Callable[[int], None]) -> list[float]:
    samples = []
    for index in range(ROUNDS):
        start = time.perf_counter()
        step(index)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


async def _measure(tiles: int) -> tuple[list[float], list[float]]:
    config = tiles_to_json(speaker_strip(16))[:tiles] if tiles else None
    app = CanvasHost(mix_draft(layoutConfig=config))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        canvas = app.query_one(LayoutCanvas)
        assert len(canvas.editor.tiles) == tiles, "the benchmark must draw the tiles it claims"
        canvas.editor.select(len(canvas.editor.tiles) // 2)

        def keystroke(index: int) -> None:
            canvas.action_move(1 if index % 2 == 0 else -1, 0, False)
            _paint_all(canvas)

        def repaint(_index: int) -> None:
            canvas._painted = None  # force a full repaint, as after any change
            _paint_all(canvas)

        return _time(keystroke if tiles else repaint), _time(repaint)


def preview_changed(before: str, preview_left: int) -> Callable[[str], bool]:
    shown = region(before, preview_left)
    return lambda screen: region(screen, preview_left) != shown


def wizard_argv(body_file: Path, before: Path | None = None) -> list[str]:
    """The wizard at the layout step, canvas focused; ``before``: another checkout's code."""
    source = [] if before is None else ["env", f"REC_TUI_BENCH_SOURCE={before}"]
    child = [sys.executable, str(HERE / "wizard_child.py"), str(body_file), "mix", "layout"]
    return [*source, *child, "canvas"]


def arrow_keys(samples: int, before: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        body_file = write_body(Path(directory))
        wizards = {"rec-tui canvas -> preview": wizard_argv(body_file)}
        if before is not None:
            wizards[f"before ({before.name})"] = wizard_argv(body_file, before)
        tmux = Tmux()
        try:
            echo = tmux.new_pane()
            tmux.spawn(echo, [sys.executable, str(HERE / "raw_echo.py"), "1000"])
            panes = {name: tmux.new_pane() for name in wizards}
            for name, argv in wizards.items():
                tmux.spawn(panes[name], argv)
            tmux.wait_for(echo, shows("value: 1000", typed=False))
            for pane in panes.values():
                tmux.wait_for(pane, lambda s: '"uid": "1000"' in s)
            time.sleep(1.5)  # the after-first-frame work is done, the canvas has the focus
            lefts = {
                name: tmux.screen(pane).splitlines()[0].index("POST")
                for name, pane in panes.items()
            }
            echoed: list[float] = []
            previewed: dict[str, list[float]] = {name: [] for name in wizards}
            together = dict.fromkeys(wizards, 0)
            for n in range(samples * 2):
                sent = (
                    tmux.keys(echo, "7", literal=True) if n % 2 == 0 else tmux.keys(echo, "BSpace")
                )
                seen, _ = tmux.wait_for(echo, shows("value: 1000", typed=n % 2 == 0))
                echoed.append(seen - sent)
                for name, pane in panes.items():  # interleaved
                    preview_left = lefts[name]
                    before_key = tmux.screen(pane)
                    sent = tmux.keys(pane, "Right" if n % 2 == 0 else "Left")
                    seen, after = tmux.wait_for(pane, preview_changed(before_key, preview_left))
                    previewed[name].append(seen - sent)
                    # The canvas is everything left of the preview pane.
                    left = [line[:preview_left] for line in after.splitlines()]
                    if left != [line[:preview_left] for line in before_key.splitlines()]:
                        together[name] += 1
                    time.sleep(0.05)
        finally:
            tmux.close()
    print(f"arrow key on the layout canvas (17 tiles) -> preview, tmux 120x40, {len(echoed)} keys:")
    print(f"  raw echo (terminal alone)      {ms(echoed)}")
    for name, values in previewed.items():
        print(f"  {name:30} {ms(values)}")
        print(
            f"    over the raw echo:           median "
            f"{(statistics.median(values) - statistics.median(echoed)) * 1000:7.1f} ms   "
            f"p95 {(p95(values) - p95(echoed)) * 1000:7.1f} ms   (goal: p95 <= 16 ms)"
        )
        print(
            f"    canvas changed in the same screen as the preview: {together[name]}/{len(values)}"
        )
    print(f"  load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def diagnostic() -> None:
    moved, _ = asyncio.run(_measure(17))
    baseline, _ = asyncio.run(_measure(0))
    full_median, full_p95 = _summary(moved)
    base_median, base_p95 = _summary(baseline)
    print(f"diagnostic: canvas move action + paint called directly, headless, {ROUNDS} rounds")
    print(
        f"  baseline (empty canvas repaint):      median {base_median:6.2f} ms  "
        f"p95 {base_p95:6.2f} ms"
    )
    print(
        f"  17 tiles, move action + repaint:      median {full_median:6.2f} ms  "
        f"p95 {full_p95:6.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="The layout canvas's arrow key -> preview.")
    parser.add_argument("--keys", type=int, default=40, help="pairs of keys")
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="also measure the rec_tui of this checkout, interleaved (a before/after run)",
    )
    parser.add_argument("--no-diagnostic", action="store_true", help="the tmux figures only")
    args = parser.parse_args()
    arrow_keys(args.keys, args.before)
    if args.no_diagnostic:
        return 0
    diagnostic()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
