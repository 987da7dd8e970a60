"""The wizard's partial screen updates (rec_tui/tui/compositor.py): the same picture as
Textual's own, for a fraction of the rendering."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, TypeVar, cast

import pytest
from rich.console import Console, RenderableType
from rich.segment import ControlType
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.compositor import ColumnsCompositor, Coverage, columns
from rec_tui.tui.forms.layout import LayoutForm
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.layout_host import MIX_BODY
from tests.support.tui import SIZE, editor, focus_at_the_end, make_app

TILE_UID = f"{LAYOUT_CONFIG}[0].uid"
T = TypeVar("T")


def test_changed_areas_are_joined_only_where_their_columns_overlap() -> None:
    field, preview = Region(51, 14, 27, 1), Region(83, 12, 37, 1)
    canvas = Region(30, 2, 40, 10)
    assert columns({field, preview}) == [field, preview]
    assert columns({field, preview, canvas}) == [field.union(canvas), preview]
    assert columns({Region(0, 0, 10, 1), Region(10, 5, 5, 1)}) == [
        Region(0, 0, 10, 1),
        Region(10, 5, 5, 1),
    ]


def _coverage(*drawn: tuple[int, int, int]) -> Coverage:
    coverage = Coverage()
    for y, start, end in drawn:
        coverage.add(y, start, end)
    return coverage


def test_a_span_is_covered_only_if_every_cell_of_it_is_drawn() -> None:
    assert _coverage((5, 0, 40)).covers(5, 10, 30)
    assert _coverage((5, 10, 18), (5, 18, 30)).covers(5, 10, 30)  # spans that touch
    assert _coverage((5, 18, 30), (5, 0, 12), (5, 10, 18)).covers(5, 10, 30)  # any order
    assert not _coverage((5, 10, 18), (5, 19, 30)).covers(5, 10, 30)  # a gap at 18
    assert not _coverage((5, 10, 29)).covers(5, 10, 30)  # the last cell
    assert not _coverage((4, 0, 40)).covers(5, 10, 30)  # another row
    assert not Coverage().covers(5, 10, 30)


def test_the_rows_to_draw_are_those_not_drawn_over_the_crop_in_runs() -> None:
    screen = Region(0, 0, 40, 10)
    # A container with a border drawn after its child: its top and bottom rows only.
    coverage = _coverage(*((y, 1, 39) for y in range(1, 9)))
    coverage_of_border = [(y, 0, 1) for y in range(10)] + [(y, 39, 40) for y in range(10)]
    for y, start, end in coverage_of_border:
        coverage.add(y, start, end)
    assert coverage.rows_to_draw(screen, screen) == [Region(0, 0, 40, 1), Region(0, 9, 40, 1)]
    # Drawn now, they are covered for whatever lies behind.
    assert coverage.rows_to_draw(screen, screen) == []
    # Over a crop, only the crop's columns must be covered; the run is the widget's width.
    side = _coverage(*((y, 0, 10) for y in range(10)))
    assert side.rows_to_draw(Region(0, 2, 20, 3), Region(0, 0, 10, 10)) == []
    assert side.rows_to_draw(Region(0, 2, 20, 3), Region(5, 3, 10, 1)) == [Region(0, 3, 20, 1)]


def _drawn(update: RenderableType | None) -> dict[tuple[int, int], tuple[str, str]]:
    """What the update puts on the terminal: each cell it writes, its character and style."""
    assert update is not None
    console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO())
    cells: dict[tuple[int, int], tuple[str, str]] = {}
    x = y = 0
    for segment in console.render(update):
        if segment.control:
            for control in segment.control:
                if control[0] == ControlType.CURSOR_MOVE_TO:
                    _, x, y = cast("tuple[ControlType, int, int]", control)
            continue
        for character in segment.text:
            if character == "\n":
                continue
            cells[x, y] = (character, str(segment.style))
            x += 1
    return cells


async def _layout_step(pilot: Any, app: RecTuiApp, focus: str) -> None:
    await pilot.pause()
    if focus == "canvas":
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.press("0")
    else:
        field = focus_at_the_end(app, TILE_UID)
        field.cursor_blink = False
    await pilot.pause(0.4)  # the fixes' pause: only the keys' own changes are drawn next


# For each focus, the key measured and the keys before it that make the session's first
# change (which lays the screen out: "● unsaved" in the title). They leave a change: keys
# that undid it would bring the draft back to as opened, and the measured key would put
# "● unsaved" in the title again.
ONE_KEY = {"field": (("6",), "7"), "canvas": (("right",), "right")}


@pytest.mark.parametrize(("focus", "keys"), [("field", "7"), ("canvas", "right")])
async def test_a_key_s_changes_are_drawn_as_textual_would_draw_them(
    monkeypatch: pytest.MonkeyPatch, focus: str, keys: str
) -> None:
    app = make_app(MIX_BODY, step="layout")
    updates: list[tuple[set[Region], Any, Any]] = []
    ours = ColumnsCompositor.render_partial_update

    def both(compositor: ColumnsCompositor) -> ChopsUpdate | None:
        dirty = set(compositor._dirty_regions)
        if not dirty:
            return None
        textual = Compositor.render_partial_update(compositor)
        compositor._dirty_regions.update(dirty)
        update = ours(compositor)
        updates.append((dirty, _drawn(textual), _drawn(update)))
        return update

    async with app.run_test(size=SIZE) as pilot:
        await _layout_step(pilot, app, focus)
        # After the session's first change, which puts "● unsaved" in the title (see
        # ONE_KEY): the key measured changes the field (or canvas) and the preview only.
        await pilot.press(*ONE_KEY[focus][0])
        await pilot.pause(0.4)
        monkeypatch.setattr(ColumnsCompositor, "render_partial_update", both)
        await pilot.press(keys)
        await pilot.pause()
    assert updates
    # The field (or canvas) and the preview were changed in one frame, in two columns.
    assert any(len(columns(dirty)) > 1 for dirty, _, _ in updates)
    for _, textual, drawn in updates:
        assert drawn == textual


async def _one_key(
    monkeypatch: pytest.MonkeyPatch,
    focus: str,
    look: Callable[[RecTuiApp], T],
    keys: tuple[tuple[str, ...], str] | None = None,
) -> tuple[list[tuple[Widget, Region]], T]:
    """What was rendered (each widget with its crop) for one key in a tile's uid field or
    on the canvas, and what ``look`` saw of the app just after it; ``keys``: the first
    change and the key measured, when not ONE_KEY's."""
    app = make_app(MIX_BODY, step="layout")
    rendered: list[tuple[Widget, Region]] = []
    render_lines = Widget.render_lines

    def counted(widget: Widget, crop: Region) -> Any:
        rendered.append((widget, crop))
        return render_lines(widget, crop)

    async with app.run_test(size=SIZE) as pilot:
        await _layout_step(pilot, app, focus)
        first_change, key = keys or ONE_KEY[focus]
        await pilot.press(*first_change)
        await pilot.pause(0.4)
        monkeypatch.setattr(Widget, "render_lines", counted)
        await pilot.press(key)
        await pilot.pause()
        seen = look(app)
    return rendered, seen


async def test_a_key_that_brings_the_draft_back_to_as_saved_redraws_the_title_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.tui.widgets.step_list import StepList

    def title(app: RecTuiApp) -> str:
        return f"{app.title} {app.query_one('#document-title').render()}"

    # "7" puts "● unsaved" in the title; Backspace brings the draft back to as opened.
    crops, shown = await _one_key(monkeypatch, "field", title, (("7",), "backspace"))
    assert "●" not in shown
    rendered = [widget for widget, _ in crops]
    # The title's line is drawn again; the steps list under it is not (setting the app's
    # title repainted the whole screen).
    assert rendered and not [widget for widget in rendered if isinstance(widget, StepList)]


async def test_a_key_typed_in_a_field_renders_the_form_s_changed_row_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered, (typed, form_height) = await _one_key(
        monkeypatch,
        "field",
        lambda app: (app.draft.get(TILE_UID), app.query_one(LayoutForm).region.height),
    )
    assert typed is not None and typed.endswith("7")
    # Textual rendered all of the form's rows (30 and more) for the one row typed in.
    assert rendered
    assert max(crop.height for _, crop in rendered) <= 2 < form_height


async def test_a_key_s_frame_renders_no_widget_hidden_behind_those_in_front(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.widgets import ContentSwitcher

    from rec_tui.tui.widgets.preview import JsonView

    def look(app: RecTuiApp) -> tuple[Input, list[Widget], JsonView]:
        behind = [app.screen, app.query_one(ContentSwitcher), app.query_one(LayoutForm)]
        return editor(app, TILE_UID).query_one(Input), behind, app.query_one(JsonView)

    rendered_crops, (field, behind, preview) = await _one_key(monkeypatch, "field", look)
    rendered = [widget for widget, _ in rendered_crops]
    assert field.value.endswith("7")
    # The typed row and the preview's changed line are drawn by the input and the
    # preview's text in front of them; the form, the step's switcher and the screen behind
    # them show nothing there: Textual rendered them too and drew none of it.
    assert field in rendered and preview in rendered
    assert not [widget for widget in behind if widget in rendered]


async def test_a_canvas_key_renders_none_of_the_rows_of_the_panes_beside_the_canvas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.tui.widgets.preview import JsonView, Preview
    from rec_tui.tui.widgets.step_list import StepList

    kinds: tuple[tuple[str, type[Widget] | tuple[type[Widget], ...]], ...] = (
        ("preview", (Preview, JsonView)),
        ("steps", StepList),
        ("canvas", LayoutCanvas),
    )
    crops, x_axis = await _one_key(
        monkeypatch, "canvas", lambda app: app.draft.get(f"{LAYOUT_CONFIG}[0].x_axis")
    )
    assert x_axis == 0.02  # the first change moved it by 0.01 already
    rendered = {
        name: [crop for widget, crop in crops if isinstance(widget, kind)] for name, kind in kinds
    }
    # The canvas is drawn again, all its rows; the preview pane beside it only for the
    # line of the preview that changed (Textual rendered it for every row of the canvas),
    # the steps pane on the other side not at all.
    assert rendered["canvas"] and max(crop.height for crop in rendered["canvas"]) > 2
    assert rendered["preview"] and max(crop.height for crop in rendered["preview"]) <= 2
    assert rendered["steps"] == []


async def test_a_canvas_key_repaints_the_rows_it_changed_and_the_screen_is_as_drawn_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(MIX_BODY, step="layout")
    drawn: list[dict[tuple[int, int], tuple[str, str]]] = []
    canvas_rows: list[int] = []
    ours = ColumnsCompositor.render_partial_update
    render_lines = Widget.render_lines

    def recorded(compositor: ColumnsCompositor) -> ChopsUpdate | None:
        update = ours(compositor)
        if update is not None:
            drawn.append(_drawn(update))
        return update

    def counted(widget: Widget, crop: Region) -> Any:
        if isinstance(widget, LayoutCanvas):
            canvas_rows.append(crop.height)
        return render_lines(widget, crop)

    async with app.run_test(size=SIZE) as pilot:
        await _layout_step(pilot, app, "canvas")
        # The first change of the session lays the screen out ("● unsaved" in the title);
        # it leaves a change (see ONE_KEY).
        await pilot.press(*ONE_KEY["canvas"][0])
        await pilot.pause(0.4)
        compositor = app.screen._compositor
        terminal = _drawn(compositor.render_update(full=True))
        monkeypatch.setattr(ColumnsCompositor, "render_partial_update", recorded)
        monkeypatch.setattr(Widget, "render_lines", counted)
        await pilot.press("right")
        await pilot.pause()
        assert app.draft.get(f"{LAYOUT_CONFIG}[0].x_axis") == 0.02
        canvas_height = app.query_one(LayoutCanvas).size.height
        monkeypatch.undo()
        # The reference: every row of the canvas rendered afresh (no line cached).
        app.query_one(LayoutCanvas).refresh()
        await pilot.pause()
        full = _drawn(compositor.render_update(full=True))
    assert drawn
    for update in drawn:
        terminal.update(update)
    # What the terminal shows after the key's updates is the screen drawn in full...
    assert terminal == full
    # ...though only the canvas rows the moved tile (and its marks) touch were repainted.
    assert canvas_rows and sum(canvas_rows) < canvas_height


@pytest.mark.parametrize("step", ["session", "layout"])
async def test_a_full_update_draws_what_textual_draws_without_rows_hidden_behind_others(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    from textual.widgets import ContentSwitcher

    app = make_app(MIX_BODY, step=step)
    rendered: list[tuple[Widget, Region]] = []
    render_lines = Widget.render_lines

    def counted(widget: Widget, crop: Region) -> Any:
        rendered.append((widget, crop))
        return render_lines(widget, crop)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        textual = _drawn(Compositor.render_update(compositor, full=True))
        monkeypatch.setattr(Widget, "render_lines", counted)
        ours = _drawn(compositor.render_update(full=True))
        behind = [app.screen, app.query_one(ContentSwitcher)]
        every_row = sum(
            region.intersection(clip).height for region, clip in compositor.visible_widgets.values()
        )
    assert ours == textual
    # The screen and the step's switcher are filled by the panes and the form in front of
    # them: Textual rendered each of their rows, which a full screen (the first frame)
    # waited for, and drew none of them.
    assert not [widget for widget, _ in rendered if widget in behind]
    assert sum(crop.height for _, crop in rendered) < every_row * 2 / 3
