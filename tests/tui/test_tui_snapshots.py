"""Snapshot tests: each wizard step at 120×40 and the 80×24 layout.

Regenerate after an intended change of look with
``.venv/bin/pytest tests/tui/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.tui_scenes import SCENES, scene_app, settle


@pytest.mark.parametrize("step", list(SCENES))
def test_step_at_120x40(step: str, snap_compare: Any) -> None:
    assert snap_compare(scene_app(step), terminal_size=(120, 40), run_before=settle)


def test_session_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(scene_app("session"), terminal_size=(80, 24), run_before=settle)


def test_preview_at_80x24(snap_compare: Any) -> None:
    async def show_preview(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()

    assert snap_compare(scene_app("session"), terminal_size=(80, 24), run_before=show_preview)


def test_too_small(snap_compare: Any) -> None:
    assert snap_compare(scene_app("session"), terminal_size=(60, 20), run_before=settle)


def test_problems_being_read_at_80x24(snap_compare: Any) -> None:
    """F5 at 80×24: the problems list takes more of the column while it has the focus."""

    async def read_problems(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("f5")
        await pilot.pause()

    app = scene_app("advanced")
    assert snap_compare(app, terminal_size=(80, 24), run_before=read_problems)
