"""Benchmark: redrawing the layout canvas with 17 tiles after a keystroke.

Run: ``.venv/bin/python tests/bench/bench_layout.py``. Measured at 120×40 in a headless
Textual app: the key's action (the tile moves, the draft's layoutConfig is rewritten, the
validator's tile rules and the overlap check run again) followed by painting every line of
the canvas. The baseline, measured in the same run, paints an empty custom canvas. Target:
median and 95th percentile under 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rec_tui.layout.templates import speaker_strip
from rec_tui.layout.tile import tiles_to_json
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.layout_host import CanvasHost, mix_draft

ROUNDS = 300
TARGET_MS = 16.0


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


def main() -> int:
    moved, _ = asyncio.run(_measure(17))
    baseline, _ = asyncio.run(_measure(0))
    full_median, full_p95 = _summary(moved)
    base_median, base_p95 = _summary(baseline)
    print(f"layout canvas at 120×40, {ROUNDS} rounds each")
    print(
        f"  baseline (empty canvas repaint):      median {base_median:6.2f} ms  "
        f"p95 {base_p95:6.2f} ms"
    )
    print(
        f"  17 tiles, keystroke move + repaint:   median {full_median:6.2f} ms  "
        f"p95 {full_p95:6.2f} ms"
    )
    print(
        f"  ratio to baseline:                    median {full_median / base_median:6.1f}×  "
        f"p95 {full_p95 / base_p95:6.1f}×"
    )
    verdict = "within" if full_p95 < TARGET_MS else "OVER"
    print(f"  target < {TARGET_MS:.0f} ms at p95: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
