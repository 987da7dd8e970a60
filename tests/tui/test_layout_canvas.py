"""The layout canvas driven as a user would, with keys and the mouse (Textual Pilot)."""

from __future__ import annotations

from typing import Any

import pytest

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.layout.templates import TEMPLATES
from rec_tui.spec.rules.context import TC
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.layout_dialogs import TemplateMenu, UidPrompt
from tests.support.layout_host import CanvasHost, mix_draft

SIZE = (120, 40)


def _tiles(app: CanvasHost) -> list[dict[str, Any]]:
    tiles: list[dict[str, Any]] = app.draft.get(LAYOUT_CONFIG)
    return tiles


def _canvas(app: CanvasHost) -> LayoutCanvas:
    return app.query_one(LayoutCanvas)


def _screen_text(app: CanvasHost) -> str:
    canvas = _canvas(app)
    return "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


async def test_arrows_move_by_one_hundredth_and_fine_keys_by_one_thousandth() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "left", "left", "down", "ctrl+right", "ctrl+down", "ctrl+down")
        tile = _tiles(app)[2]
        assert (tile["x_axis"], tile["y_axis"]) == (0.581, 0.512)
        assert (tile["width"], tile["height"]) == (0.4, 0.5)  # moving never resizes
        assert app.changes == 6  # the app's draft-change hook ran for every edit


async def test_shift_arrows_resize_from_the_bottom_right_corner() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "shift+left", "shift+left", "shift+up", "ctrl+shift+left")
        tile = _tiles(app)[1]
        assert (tile["x_axis"], tile["y_axis"]) == (0.6, 0.0)
        assert (tile["width"], tile["height"]) == (0.379, 0.49)


async def test_moving_past_the_edge_is_allowed_marked_and_reported() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "right")
        assert _tiles(app)[1]["x_axis"] == 0.61
        canvas = _canvas(app)
        assert canvas.marks.off_canvas(1)
        text = _screen_text(app)
        assert "[1] OFF uid 102" in text
        assert "Tile 1 runs off the canvas. (R70)" in text
        assert any(
            p.rule_id == "R70" and p.path == f"{LAYOUT_CONFIG}[1]" for p in app.draft.validate()
        )
        await pilot.press("left")
        assert not _canvas(app).marks.off_canvas(1)
        assert "OFF" not in _screen_text(app)


async def test_duplicate_uid_is_marked_like_the_validator_says() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "u")
        assert isinstance(app.screen, UidPrompt)
        await pilot.press("backspace", "backspace", "backspace", *"101", "enter")
        assert _tiles(app)[2]["uid"] == "101"
        assert _canvas(app).marks.uid_problem(2)
        assert "[2] uid 101 (!)" in _screen_text(app)


async def test_add_remove_alpha_and_render_mode() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert len(_tiles(app)) == 4
        assert _tiles(app)[3] == {"x_axis": 0.15, "y_axis": 0.15, "width": 0.25, "height": 0.25}
        await pilot.press("comma", "comma", "r")
        assert _tiles(app)[3]["alpha"] == 0.8 and _tiles(app)[3]["render_mode"] == 1
        await pilot.press("0", "x")
        assert [t.get("uid") for t in _tiles(app)] == ["102", "103", None]
        for _ in range(3):
            await pilot.press("x")
        assert app.draft.get(LAYOUT_CONFIG) is None  # no empty list left behind
        assert "No tiles" in _screen_text(app)


async def test_never_more_than_seventeen_tiles() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(16):
            await pilot.press("a")
        assert len(_tiles(app)) == 17


async def test_escape_in_the_uid_prompt_keeps_the_uid() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u", "backspace", "escape")
        assert _tiles(app)[0]["uid"] == "101"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
async def test_templates_give_valid_layouts_for_every_size(template: Any) -> None:
    app = CanvasHost(mix_draft(mixedVideoLayout=1, layoutConfig=None))
    async with app.run_test(size=SIZE):
        canvas = _canvas(app)
        for count in range(template.min_count, template.max_count + 1):
            canvas.apply_template(template.key, count)
            assert app.draft.get(f"{TC}.mixedVideoLayout") == 3
            problems = [
                p for p in app.draft.validate() if p.path.startswith(TC) and p.rule_id != "R76"
            ]
            assert problems == [], (template.key, count)
            assert len(_tiles(app)) <= 17


async def test_template_menu_strip_of_n() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TemplateMenu)
        app.screen.query_one("#strip").value = "6"  # type: ignore[attr-defined]
        await pilot.press("down", "down", "down", "enter")
        assert len(_tiles(app)) == 7 and _tiles(app)[0]["height"] == 0.75


async def test_template_menu_refuses_a_bad_strip_size() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        app.screen.query_one("#strip").value = "40"  # type: ignore[attr-defined]
        await pilot.press("down", "down", "down", "enter")
        assert isinstance(app.screen, TemplateMenu)
        assert "N must be 1–16; got 40." in str(app.screen.query_one("#template-error").render())
        assert len(_tiles(app)) == 3


async def test_mouse_drag_moves_the_tile_in_steps() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        canvas = _canvas(app)
        await pilot.pause()
        frame = canvas._frame()
        assert frame is not None
        # Grab tile 2 (bottom right) and drag it 11 cells left and 3 rows up.
        start = (frame.left + int(0.8 * frame.width), 1 + frame.top + int(0.75 * frame.height))
        await pilot.mouse_down(canvas, offset=start)
        await pilot.hover(canvas, offset=(start[0] - 11, start[1] - 3))
        await pilot.mouse_up(canvas, offset=(start[0] - 11, start[1] - 3))
        tile = _tiles(app)[2]
        assert tile["x_axis"] == pytest.approx(0.6 - 11 / frame.width, abs=0.006)
        assert tile["y_axis"] == pytest.approx(0.5 - 3 / frame.height, abs=0.006)
        assert round(tile["x_axis"] * 100, 6).is_integer()  # snapped to the keyboard step
        assert app.changes >= 1


async def test_form_edits_redraw_the_canvas() -> None:
    app = CanvasHost()
    async with app.run_test(size=SIZE) as pilot:
        app.draft.set(f"{LAYOUT_CONFIG}[0].uid", "999")
        app.draft.set(f"{TC}.width", 640)
        _canvas(app).refresh_from_draft()
        await pilot.pause()
        text = _screen_text(app)
        assert "[0] uid 999" in text and "640×720" in text


async def test_preset_layouts_preview_n_users_and_edit_keys_explain() -> None:
    app = CanvasHost(mix_draft(mixedVideoLayout=1, layoutConfig=None))
    async with app.run_test(size=SIZE) as pilot:
        canvas = _canvas(app)
        assert canvas.preset_users == 5  # the distinct subscribed video uids
        await pilot.press("plus", "plus")
        assert canvas.preset_users == 7
        assert "7 users as Agora places them" in _screen_text(app)
        body_before = app.draft.request_body()
        await pilot.press("right", "a")
        assert app.draft.request_body() == body_before  # nothing edited in a preset layout
        await pilot.press("c")
        assert app.draft.get(f"{TC}.mixedVideoLayout") == 3
        assert len(_tiles(app)) == 7 and _tiles(app)[0]["width"] == 0.333333


async def test_starting_from_a_preset_never_overwrites_existing_tiles() -> None:
    app = CanvasHost(mix_draft(mixedVideoLayout=0))  # layoutConfig is kept but ignored
    async with app.run_test(size=SIZE) as pilot:
        before = app.draft.request_body()
        await pilot.press("c")
        assert app.draft.request_body() == before
        assert any("already holds 3 tile(s)" in str(n.message) for n in app._notifications)
