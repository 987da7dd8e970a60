"""How the layout canvas looks: each preset layout and a custom layout, at 120×40 and 80×24."""

from __future__ import annotations

from typing import Any

import pytest

from tests.layout_host import CanvasHost, mix_draft

SIZES = [(120, 40), (80, 24)]
CASES: dict[str, dict[str, Any]] = {
    "floating": {"mixedVideoLayout": 0, "layoutConfig": None},
    "best_fit": {"mixedVideoLayout": 1, "layoutConfig": None},
    "vertical": {"mixedVideoLayout": 2, "layoutConfig": None, "maxResolutionUid": "101"},
    # A custom layout with an off-canvas tile and a repeated uid, so the marks show.
    "custom": {
        "layoutConfig": [
            {"uid": "101", "x_axis": 0.0, "y_axis": 0.0, "width": 0.6, "height": 1.0},
            {
                "uid": "102",
                "x_axis": 0.6,
                "y_axis": 0.0,
                "width": 0.4,
                "height": 0.5,
                "render_mode": 1,
            },
            {"uid": "103", "x_axis": 0.6, "y_axis": 0.5, "width": 0.4, "height": 0.5, "alpha": 0.6},
            {"uid": "102", "x_axis": 0.45, "y_axis": 0.6, "width": 0.3, "height": 0.3},
            {"x_axis": 0.85, "y_axis": 0.05, "width": 0.25, "height": 0.2},
        ]
    },
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_canvas_snapshot(snap_compare: Any, case: str, size: tuple[int, int]) -> None:
    assert snap_compare(CanvasHost(mix_draft(**CASES[case])), terminal_size=size)
