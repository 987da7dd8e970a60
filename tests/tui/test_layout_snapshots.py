"""How the layout canvas looks: each preset layout and a custom layout, at 120×40 and 80×24."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.support.layout_host import MIX_BODY, CanvasHost, mix_draft

MIX_TILES = MIX_BODY["clientRequest"]["recordingConfig"]["transcodingConfig"]["layoutConfig"]

SIZES = [(120, 40), (80, 24)]
CASES: dict[str, dict[str, Any]] = {
    "floating": {"mixedVideoLayout": 0, "layoutConfig": None},
    "best_fit": {"mixedVideoLayout": 1, "layoutConfig": None},
    "vertical": {"mixedVideoLayout": 2, "layoutConfig": None, "maxResolutionUid": "101"},
    # The sample's three tiles plus a repeated uid and an off-canvas tile, so the marks show.
    "custom": {
        "layoutConfig": [
            *copy.deepcopy(MIX_TILES),
            {"uid": "102", "x_axis": 0.45, "y_axis": 0.6, "width": 0.3, "height": 0.3},
            {"x_axis": 0.85, "y_axis": 0.05, "width": 0.25, "height": 0.2},
        ]
    },
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_canvas_snapshot(snap_compare: Any, case: str, size: tuple[int, int]) -> None:
    assert snap_compare(CanvasHost(mix_draft(**CASES[case])), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_wizard_step_snapshot(snap_compare: Any, size: tuple[int, int]) -> None:
    """The designer where users meet it: the wizard's Transcoding & layout step."""
    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
    from tests.support.tui_scenes import fixed_keyring_status

    async def focus_canvas(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.clear_notifications()  # start-up notices (e.g. no keyring) are not ours
        pilot.app.query_one(LayoutCanvas).focus()
        await pilot.pause()

    app = RecTuiApp(mix_draft(**CASES["custom"]), start_step="layout")
    fixed_keyring_status(app)
    assert snap_compare(app, terminal_size=size, run_before=focus_canvas)
