"""The canvas keys no other test presses: `]` and `[` pick the tile the next edit changes,
`.` raises its alpha, `-` takes a user out of a preset layout's preview."""

from __future__ import annotations

from typing import Any

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.spec.rules.context import TC
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.layout_host import CanvasHost, mix_draft

SIZE = (120, 40)


def _tiles(app: CanvasHost) -> list[dict[str, Any]]:
    tiles: list[dict[str, Any]] = app.draft.get(LAYOUT_CONFIG)
    return tiles


def _screen_text(app: CanvasHost) -> str:
    canvas = app.query_one(LayoutCanvas)
    return "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


def _users_drawn(canvas: LayoutCanvas) -> int:
    return sum(region.user is not None for region in canvas.view().preset_regions())


def _x_positions(app: CanvasHost) -> list[float]:
    return [tile["x_axis"] for tile in _tiles(app)]


async def test_right_bracket_selects_the_next_tile_and_wraps() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0", "right_square_bracket", "left")
        assert _x_positions(app) == [0.0, 0.59, 0.6]  # tile 1 moved, not tile 0
        await pilot.press("right_square_bracket", "right_square_bracket", "right")
        assert _x_positions(app) == [0.01, 0.59, 0.6]  # 1 → 2 → back to 0


async def test_left_bracket_selects_the_previous_tile_and_wraps() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0", "left_square_bracket", "left")
        assert _x_positions(app) == [0.0, 0.6, 0.59]  # 0 → the last tile, 2
        await pilot.press("left_square_bracket", "left")
        assert _x_positions(app) == [0.0, 0.59, 0.59]


async def test_full_stop_raises_alpha_up_to_one() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "full_stop")
        assert _tiles(app)[2]["alpha"] == 0.7
        changes = app.changes
        await pilot.press("full_stop", "full_stop", "full_stop", "full_stop")
        assert _tiles(app)[2]["alpha"] == 1.0
        assert app.changes == changes + 3  # the press past 1.0 changed nothing
        await pilot.press("comma")
        assert _tiles(app)[2]["alpha"] == 0.9  # `,` is its opposite


async def test_minus_shows_one_user_fewer_in_a_preset_layout_down_to_one() -> None:
    app = CanvasHost(mix_draft(mixedVideoLayout=1, layoutConfig=None))
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(LayoutCanvas)
        assert canvas.preset_users == 5
        body_before = app.draft.request_body()
        await pilot.press("minus")
        await pilot.pause()
        assert canvas.preset_users == 4 and _users_drawn(canvas) == 4
        assert "4 users as Agora places them" in _screen_text(app)
        for _ in range(5):
            await pilot.press("minus")
        await pilot.pause()
        assert canvas.preset_users == 1 and _users_drawn(canvas) == 1
        # Only the preview changes: the request is not edited.
        assert app.draft.request_body() == body_before
        assert app.draft.get(f"{TC}.mixedVideoLayout") == 1


async def test_arrow_presses_on_one_tile_are_one_undo_step() -> None:
    """Nudging a tile by three arrow presses is undone by one Ctrl+Z; a move of another
    tile, or another kind of edit, is a step of its own."""
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0", "right", "right", "right")
        assert _x_positions(app) == [0.03, 0.6, 0.6]
        await pilot.press("right_square_bracket", "left")
        await pilot.press("left_square_bracket", "right")
        assert _x_positions(app) == [0.04, 0.59, 0.6]
        app.draft.undo()  # the last press (tile 0 again, after tile 1's move)
        assert _x_positions(app) == [0.03, 0.59, 0.6]
        app.draft.undo()  # tile 1's move
        assert _x_positions(app) == [0.03, 0.6, 0.6]
        app.draft.undo()  # the three presses at once
        assert _x_positions(app) == [0.0, 0.6, 0.6]
