"""The layout canvas inside the wizard's Transcoding & layout step: one model with the form."""

from __future__ import annotations

import re
from typing import Any

from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.request.draft import Draft
from rec_tui.spec.rules.context import TC
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.object_list import ObjectListEditor
from tests.support.layout_host import MIX_BODY

SIZE = (120, 40)


def make_app(body: dict[str, Any], step: str) -> RecTuiApp:
    draft = Draft(mode="mix")
    draft.replace_body(body)
    return RecTuiApp(draft, start_step=step)


def _input(app: RecTuiApp, path: str) -> Input:
    found = [e for e in app.query(FieldEditor) if e.path == path]
    assert found, f"no editor for {path}"
    return found[0].query_one(".field-input", Input)


async def type_into(pilot: Any, app: RecTuiApp, path: str, text: str) -> None:
    """Focus the field, clear it and type ``text`` as a person would."""
    field_input = _input(app, path)
    field_input.focus()
    await pilot.pause()
    field_input.value = ""
    await pilot.press(*text)
    await pilot.pause()


def preview_plain(app: RecTuiApp) -> str:
    """The preview's text, whichever widget shows it (a JSON view with ``plain``, or text)."""
    body = app.query_one("#preview-body")
    plain = getattr(body, "plain", None)
    return plain if isinstance(plain, str) else str(body.render())


def _canvas_text(canvas: LayoutCanvas) -> str:
    return "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


async def _field_value(pilot: Any, app: RecTuiApp, path: str) -> str:
    """What the field shows once scrolled into view, as the user would look at it (an
    input out of sight is brought up to date when it comes into view)."""
    field_input = _input(app, path)
    field_input.scroll_visible(animate=False)
    await pilot.pause()
    return field_input.value


async def test_canvas_edits_reach_the_form_preview_and_problems() -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.pause()
        await pilot.press("0", "right", "shift+up")
        await pilot.pause()
        assert app.draft.get(f"{LAYOUT_CONFIG}[0]") == {
            "uid": "101",
            "x_axis": 0.01,
            "y_axis": 0.0,
            "width": 0.6,
            "height": 0.99,
        }
        # The tiles table's editors show the highlighted (first) tile.
        assert await _field_value(pilot, app, f"{LAYOUT_CONFIG}[0].x_axis") == "0.01"
        assert await _field_value(pilot, app, f"{LAYOUT_CONFIG}[0].height") == "0.99"
        assert '"x_axis": 0.01' in preview_plain(app)
        await pilot.press("1", "right")
        await pilot.pause()
        assert any(p.rule_id == "R70" for p in app.problems)  # the problems pane agrees


async def test_form_edits_redraw_the_canvas() -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, app, f"{LAYOUT_CONFIG}[0].uid", "777")
        await type_into(pilot, app, f"{TC}.width", "640")
        canvas = app.query_one(LayoutCanvas)
        await pilot.pause()
        text = _canvas_text(canvas)
        assert "[0] uid 777" in text and "640×720" in text


async def test_layout_choice_switches_the_canvas_to_the_preset_preview() -> None:
    body: dict[str, Any] = {**MIX_BODY}
    app = make_app(body, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        app.draft.set(f"{TC}.mixedVideoLayout", 2)
        await pilot.pause()
        text = _canvas_text(app.query_one(LayoutCanvas))
        assert "Vertical layout (2)" in text and "5 users" in text


def _tiles(app: RecTuiApp) -> ObjectListEditor:
    return next(e for e in app.query(ObjectListEditor) if e.path == LAYOUT_CONFIG)


async def test_tiles_are_numbered_by_json_index_and_follow_the_canvas_selection() -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tiles = _tiles(app)
        table = tiles.query_one(DataTable)
        assert len(app.draft.get(LAYOUT_CONFIG)) >= 2
        assert table.get_cell_at(Coordinate(0, 0)) == "[0]"
        assert table.get_cell_at(Coordinate(1, 0)) == "[1]"
        assert "Tile [0]" in str(tiles.query_one(".item-title", Static).render())
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.pause()
        await pilot.press("1")  # select tile [1] on the canvas
        await pilot.pause()
        assert tiles.index == 1 and table.cursor_row == 1
        assert "Tile [1]" in str(tiles.query_one(".item-title", Static).render())
        assert _input(app, f"{LAYOUT_CONFIG}[1].x_axis")  # the editors edit tile [1]
        # ...and the other way round: the table's highlight selects the tile on the canvas.
        table.focus()
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert tiles.index == 0 and canvas.editor.selected == 0


async def test_select_is_refused_for_an_index_out_of_range() -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tiles = _tiles(app)
        count = len(app.draft.get(LAYOUT_CONFIG))
        assert not tiles.select(count)
        assert tiles.select(count - 1) and tiles.index == count - 1


async def test_coming_back_to_the_layout_step_shows_the_focused_canvas() -> None:
    """Left scrolled down at the tiles table, the layout step comes back (F2 then F3) with
    the canvas it focuses in view: arrows never move a tile nobody can see."""
    app = make_app(MIX_BODY, "layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        form = app.query_one("#form-layout")
        tiles = next(e for e in app.query(ObjectListEditor) if e.path == LAYOUT_CONFIG)
        tiles.query_one(DataTable).focus()
        await pilot.pause()
        canvas = app.query_one(LayoutCanvas)
        assert not form.region.contains_region(canvas.region)  # scrolled away from it
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert app.current_step == "layout" and app.focused is canvas
        assert canvas.region.area and form.region.contains_region(canvas.region)


def _screen_text(app: RecTuiApp) -> str:
    return re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")


async def test_f10_with_the_canvas_focused_lists_the_canvas_keys_first() -> None:
    from rec_tui.tui.screens.keys_help import KeysHelpScreen

    app = make_app(MIX_BODY, "layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.query_one(LayoutCanvas).focus()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)
        shown = _screen_text(app)
        for words in ("move the selected tile", "resize it", "Ctrl+L", "remove the selected"):
            assert words in shown, words
        # At the top of the list, before the wizard's own keys; the keys bound one by one
        # are listed from their bindings, printed as on the keyboard.
        own = dict(app.screen.own_keys)
        assert app.screen.own_keys[0][1] == "move the selected tile"
        assert own["]"] == "select the next tile"
        assert own["X / Delete"] == "remove the selected tile"
        assert own["+ / ="] == "one user more in a preset layout's preview"
        assert own["Ctrl+L"] == "apply the layout to the running mix recording"
        await pilot.press("escape")
        # Elsewhere the canvas's keys are not listed.
        await pilot.press("f2")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)
        assert "move the selected tile" not in _screen_text(app)
