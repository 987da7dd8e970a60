"""What the wizard redraws: values shown from the draft cover nothing and re-lay out nothing."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from rich.console import Console, RenderableType
from textual._compositor import Compositor
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.request.draft import Draft
from rec_tui.request.validate import Checked
from rec_tui.spec.problems import Problem
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.item_table import ItemTable
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.object_list import ObjectListEditor
from rec_tui.tui.widgets.on_screen import off_screen
from rec_tui.tui.widgets.preview import JsonView
from tests.support.layout_host import MIX_BODY
from tests.support.tui import SIZE, editor, focus_at_the_end, preview_plain, seed_body


class OverlayCountingApp(RecTuiApp):
    """The wizard, counting the loading overlays Textual is asked to put over a widget."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self.overlays = 0

    def get_loading_widget(self) -> Widget:
        self.overlays += 1
        return super().get_loading_widget()


async def test_a_value_shown_from_the_draft_puts_no_loading_overlay_over_its_input() -> None:
    # Undo reloads the input from the draft; a "loading" input is covered by Textual's
    # LoadingIndicator and the whole screen is laid out again, twice, for every such value.
    app = OverlayCountingApp(Draft(body={"cname": "before", "uid": "1"}, clock=lambda: 0.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = editor(app, "cname").query_one(Input)
        field.focus()
        await pilot.press("end", *"-x")
        await pilot.pause()
        assert app.draft.get("cname") == "before-x"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert field.value == "before"
        assert app.draft.get("cname") == "before"
        assert app.overlays == 0
        assert not field.loading


class FirstFrameApp(RecTuiApp):
    """The wizard, keeping the text of the first frame it sends to the terminal."""

    def __init__(self, draft: Draft, start_step: str = "session") -> None:
        super().__init__(draft, start_step=start_step)
        self.first_frame: str | None = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None and self.first_frame is None:
            self.first_frame = screen_text(screen)
        super()._display(screen, renderable)


def screen_text(screen: Screen[Any]) -> str:
    """The characters the screen's compositor has drawn, line by line."""
    width, height = screen.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(screen._compositor.render_update(full=True))
    return console.export_text()


def _mix_draft(body: dict[str, Any]) -> Draft:
    """A mix-mode draft holding ``body``."""
    draft = Draft(mode="mix")
    draft.replace_body(body)
    return draft


def _body_with_errors() -> dict[str, Any]:
    body = seed_body("1_mix_av.json")
    recording = body["clientRequest"]["recordingConfig"]
    recording["maxIdleTime"] = -5
    recording["channelType"] = 7
    return body


async def test_the_first_frame_counts_the_problems_and_shows_the_preview() -> None:
    draft = _mix_draft(_body_with_errors())
    app = FirstFrameApp(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        errors = sum(problem.is_error for problem in app.problems)
        assert errors >= 2
        first = app.first_frame
        assert first is not None
        assert f"{errors} error" in first
        assert "[F8 fix]" in first  # maxIdleTime -5 has one
        assert "Problems: none" not in first
        assert '"maxIdleTime": -5' in first
        assert '"cname"' in first


async def test_the_first_frame_at_a_later_step_shows_that_steps_part_of_the_preview() -> None:
    draft = _mix_draft(_body_with_errors())
    app = FirstFrameApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.first_frame
        assert first is not None
        assert '"transcodingConfig"' in first
        assert '"cname"' not in first


class FirstLookApp(RecTuiApp):
    """The wizard, keeping whether each field label was drawn bold in the first frame."""

    def __init__(self, draft: Draft, start_step: str) -> None:
        super().__init__(draft, start_step=start_step)
        self.first_bold: dict[str, bool] | None = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None and self.first_bold is None:
            self.first_bold = {
                str(label.render()): label.rich_style.bold is True
                for label in screen.query(".field-label")
                if label.region
            }
        super()._display(screen, renderable)


async def test_the_first_frame_shows_the_focused_field_s_label_in_its_focused_look() -> None:
    # The first screen is styled once, as its widgets mount; the focus placed after that
    # restyles the focused field's label (FieldEditor:focus-within) before the first frame.
    draft = _mix_draft(_body_with_errors())
    app = FirstLookApp(draft, start_step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused.parent is not None
        label = str(focused.parent.query_one(".field-label", Widget).render())
        assert app.first_bold is not None
        assert app.first_bold[label] is True
        assert sum(app.first_bold.values()) == 1  # the other labels are plain


class LayoutCountingApp(RecTuiApp):
    """The wizard, counting the times its screen is laid out again (widgets moved/resized)."""

    def __init__(self, draft: Draft, start_step: str) -> None:
        super().__init__(draft, start_step=start_step)
        self.layouts = 0
        self.counting = False

    def on_mount(self) -> None:
        screen = self.screen
        lay_out = screen._refresh_layout

        def counted(size: Any = None, scroll: bool = False) -> None:
            if self.counting:
                self.layouts += 1
            lay_out(size, scroll)

        screen._refresh_layout = counted  # type: ignore[method-assign]
        # RecTuiApp.on_mount runs after this one (Textual calls the handler of every class
        # of the MRO): calling it here too would subscribe the wizard to the draft twice.


async def settled(pilot: Any, app: LayoutCountingApp) -> None:
    """Wait until the screen is laid out no more, then count from there."""
    app.counting = True
    for _ in range(50):
        app.layouts = 0
        await pilot.pause(0.1)
        if app.layouts == 0:
            return
    raise AssertionError("the screen never stopped being laid out")


TILE_UID = "clientRequest.recordingConfig.transcodingConfig.layoutConfig[0].uid"


async def test_typing_in_a_field_lays_out_nothing_while_the_preview_and_problems_follow() -> None:
    body = _body_with_errors()
    transcoding = body["clientRequest"]["recordingConfig"]["transcodingConfig"]
    transcoding["mixedVideoLayout"] = 3
    transcoding["layoutConfig"] = [
        {"uid": "123", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5}
    ]
    draft = Draft(mode="mix")
    draft.replace_body(body)
    app = LayoutCountingApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, TILE_UID)
        # The first change marks the draft unsaved: the Steps pane's title gains "● unsaved"
        # (new words, laid out once); from then on typing changes no words but the field's.
        await pilot.press("7")
        await settled(pilot, app)  # the focus moved: the footer's keys are laid out anew
        # Keys that change the value but not the problems: nothing changes size or place.
        for key in ("7", "backspace", "4"):
            await pilot.press(key)
            await pilot.pause()
        app.counting = False
        assert app.draft.get(TILE_UID) == "12374"
        assert '"uid": "12374"' in preview_plain(app)
        assert app.layouts == 0


def drawn_lines(monkeypatch: pytest.MonkeyPatch, widget_class: type[Widget]) -> list[int]:
    """The lines (y) that widgets of ``widget_class`` draw from now on, in order."""
    drawn: list[int] = []
    draw_line = widget_class.render_line

    def counted(widget: Widget, y: int) -> Strip:
        drawn.append(y)
        return draw_line(widget, y)

    monkeypatch.setattr(widget_class, "render_line", counted)
    return drawn


async def test_a_keystroke_redraws_only_the_preview_lines_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = drawn_lines(monkeypatch, JsonView)
    body = seed_body("1_mix_av.json")
    body["cname"] = "room"
    app = RecTuiApp(Draft(body=body, clock=lambda: 0.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, "cname")
        await pilot.pause()
        drawn.clear()
        await pilot.press("s")
        await pilot.pause()
        assert '"cname": "rooms"' in preview_plain(app)
        # The cname line alone (the preview shows about 35 lines).
        assert drawn and len(drawn) <= 2


class FrameRecordingApp(RecTuiApp):
    """The wizard, keeping the text of every frame it sends to the terminal once asked."""

    def __init__(self, draft: Draft, start_step: str) -> None:
        super().__init__(draft, start_step=start_step)
        self.frames: list[str] | None = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.frames is not None:
            self.frames.append(screen_text(screen))


def _left_of(text: str, column: int) -> list[str]:
    return [line[:column] for line in text.splitlines()]


async def test_a_canvas_arrow_key_moves_the_tile_and_the_preview_in_the_same_frame() -> None:
    draft = _mix_draft(copy.deepcopy(MIX_BODY))
    app = FrameRecordingApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.press("0")
        await pilot.pause(0.3)
        before = screen_text(app.screen)
        preview_left = before.splitlines()[0].index("POST")
        app.frames = []
        await pilot.press("right")
        await pilot.pause(0.3)
        assert app.draft.get(f"{LAYOUT_CONFIG}[0].x_axis") == 0.01
        moved = [
            frame
            for frame in app.frames
            if '"x_axis": 0.01' in "\n".join(line[preview_left:] for line in frame.splitlines())
        ]
        assert moved, "no frame showed the move in the preview"
        # The first frame whose preview shows the move also shows the canvas changed, and no
        # frame before it showed the canvas changed alone.
        first = app.frames.index(moved[0])
        assert _left_of(moved[0], preview_left) != _left_of(before, preview_left)
        for frame in app.frames[:first]:
            assert _left_of(frame, preview_left) == _left_of(before, preview_left)


async def test_the_preview_opened_at_a_later_step_has_its_scrollbar_where_it_is_scrolled() -> None:
    draft = _mix_draft(_body_with_errors())
    app = RecTuiApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        view = app.query_one(JsonView)
        assert view.scroll_y > 0
        assert view.vertical_scrollbar.position == view.scroll_y


class CheckCountingApp(RecTuiApp):
    """The wizard, counting the checks of its draft."""

    # Never within a test unless asked for: what runs per keystroke is counted alone.
    FIXES_AFTER = 3600.0

    def __init__(self, draft: Draft, start_step: str = "session") -> None:
        super().__init__(draft, start_step=start_step)
        self.checks = 0
        check = draft.check

        def counted() -> Checked:
            self.checks += 1
            return check()

        draft.check = counted  # type: ignore[method-assign]


def _problem_rows(app: RecTuiApp) -> list[str]:
    rows = app.query_one("#problem-list", OptionList)
    return [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]


async def test_a_keystroke_checks_the_body_once_and_leaves_the_fixes_for_a_pause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fix_rounds: list[Checked] = []
    with_fixes = Checked.with_fixes

    def counted(checked: Checked) -> list[Problem]:
        fix_rounds.append(checked)
        return with_fixes(checked)

    monkeypatch.setattr(Checked, "with_fixes", counted)
    draft = _mix_draft(_body_with_errors())
    app = CheckCountingApp(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, "cname")
        await pilot.pause()
        app.checks = 0
        fix_rounds.clear()
        for key in ("x", "y", "backspace"):
            await pilot.press(key)
            await pilot.pause()
        # One check per change; no fix worked out while the keys come.
        assert app.draft.get("cname").endswith("x")
        assert app.checks == 3
        assert fix_rounds == []
        # F8 (here: what F8 asks for) works them out at once, from the same check.
        fixed = app.problems_with_fixes()
        assert app.checks == 3
        assert len(fix_rounds) == 1
        assert any(problem.fix is not None for problem in fixed)
        await pilot.pause()
        assert any("[F8 fix]" in row for row in _problem_rows(app))


async def test_the_fix_marks_follow_once_typing_pauses() -> None:
    draft = _mix_draft(_body_with_errors())
    app = RecTuiApp(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = editor(app, "cname").query_one(Input)
        field.focus()
        # Emptying a required field adds a problem: the list is filled again, and the
        # [F8 fix] mark of maxIdleTime -5 comes back once the fixes are worked out.
        field.value = ""
        await pilot.pause()
        for _ in range(50):
            await pilot.pause(0.1)
            if any("[F8 fix]" in row for row in _problem_rows(app)):
                break
        assert any(problem.fix is not None for problem in app.problems)
        assert any("[F8 fix]" in row for row in _problem_rows(app))


@pytest.mark.parametrize(
    ("step", "path", "typed"),
    [
        ("streams", "clientRequest.recordingConfig.maxIdleTime", 3000),
        ("session", "cname", "httpClient46322400"),
    ],
)
async def test_typing_in_a_step_lays_nothing_out_again(step: str, path: str, typed: object) -> None:
    # The streams step's group suggestion and the session step's mode summary were written
    # again after every key, words unchanged; each such update lays the whole screen out
    # (5-10 ms a key).
    app = LayoutCountingApp(_mix_draft(seed_body("1_mix_av.json")), start_step=step)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, path)
        await pilot.press("0")  # the first change marks the draft unsaved (new words)
        await settled(pilot, app)
        for key in ("0", "backspace", "0"):
            await pilot.press(key)
            await pilot.pause()
        app.counting = False
        assert app.draft.get(path) == typed
        assert app.layouts == 0


async def test_a_change_made_elsewhere_lays_the_files_step_out_no_more() -> None:
    # A fix, the palette or the JSON editor change the draft while the step is shown: its
    # form shows the draft again, and its note on the mode was written again, unchanged.
    app = LayoutCountingApp(_mix_draft(seed_body("1_mix_av.json")), start_step="files")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft.set("cname", "first")  # the first change marks the draft unsaved
        await settled(pilot, app)
        app.draft.set("cname", "second")
        await pilot.pause()
        app.counting = False
        assert app.layouts == 0


@pytest.fixture
def placings(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each time Textual works out the places of the screen's widgets: False when it works
    out every widget's (the whole screen laid out), True for the visible ones only."""
    arranged: list[bool] = []
    arrange = Compositor._arrange_root

    def counted(compositor: Compositor, root: Widget, size: Size, visible_only: bool = True) -> Any:
        arranged.append(visible_only)
        return arrange(compositor, root, size, visible_only)

    monkeypatch.setattr(Compositor, "_arrange_root", counted)
    return arranged


async def test_typing_below_the_canvas_places_no_widget_again_until_it_is_in_view(
    placings: list[bool],
) -> None:
    # Asking a widget scrolled out of sight to repaint makes Textual work out the place of
    # every widget of the screen again on the next key (5-10 ms): the canvas above a tile's
    # fields waits until it is scrolled back into view.
    draft = _mix_draft(copy.deepcopy(MIX_BODY))
    app = RecTuiApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, TILE_UID)
        await pilot.press("7")  # the first change marks the draft unsaved (new words)
        await pilot.pause(0.3)
        canvas = app.query_one(LayoutCanvas)
        assert off_screen(canvas)
        placings.clear()
        for key in ("7", "backspace", "4"):
            await pilot.press(key)
            await pilot.pause(0.2)
        assert '"uid": "10174"' in preview_plain(app)
        assert False not in placings  # every widget's place: never worked out again
        canvas.scroll_visible(animate=False)
        await pilot.pause(0.3)
        assert "10174" in "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


async def test_canvas_keys_place_no_widget_again_and_the_tiles_fields_catch_up_in_view(
    placings: list[bool],
) -> None:
    # The tiles table and the selected tile's fields are below the canvas, out of sight:
    # they show the moves once scrolled into view, not on every arrow key.
    draft = _mix_draft(copy.deepcopy(MIX_BODY))
    app = RecTuiApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.press("0", "right")  # the first change marks the draft unsaved
        await pilot.pause(0.3)
        x_axis = editor(app, f"{LAYOUT_CONFIG}[0].x_axis").query_one(Input)
        assert off_screen(x_axis)
        placings.clear()
        for key in ("right", "right", "left"):
            await pilot.press(key)
            await pilot.pause(0.3)
        assert app.draft.get(f"{LAYOUT_CONFIG}[0].x_axis") == 0.02
        assert False not in placings
        table = app.query_one(ObjectListEditor).query_one(DataTable)
        table.scroll_visible(animate=False)
        x_axis.scroll_visible(animate=False)
        await pilot.pause(0.3)
        assert x_axis.value == "0.02"
        assert "0.02" in table.get_row_at(0)


async def test_a_value_typed_into_a_tile_redraws_its_row_of_the_tiles_table_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = drawn_lines(monkeypatch, ItemTable)
    draft = _mix_draft(copy.deepcopy(MIX_BODY))
    app = RecTuiApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, TILE_UID)
        table = app.query_one(ItemTable)
        table.scroll_visible(animate=False)
        await pilot.press("7")
        await pilot.pause(0.5)  # the table catches up a moment after the key
        assert not off_screen(table)
        drawn.clear()
        await pilot.press("4")
        await pilot.pause(0.5)
        assert table.get_row_at(0)[1] == "10174"
        assert table.get_row_at(1)[1] == "102"
        # The first tile's line (the header is line 0): not the other rows.
        assert set(drawn) == {1}


def test_the_preview_makes_again_only_the_lines_a_change_touched() -> None:
    from rec_tui.tui.json_lines import render
    from rec_tui.tui.widgets.preview import styled_lines

    body = _body_with_errors()
    draft = Draft(mode="mix")
    draft.replace_body(body)
    made: dict[tuple[str, str], Any] = {}
    before = styled_lines(render(draft.body), draft.validate(fixes=False), made)
    draft.set("clientRequest.recordingConfig.maxIdleTime", 30)  # an error mark goes too
    draft.set("cname", "room-2")
    problems = draft.validate(fixes=False)
    after = styled_lines(render(draft.body), problems, made)
    fresh = styled_lines(render(draft.body), problems)
    # Exactly what a fresh rendering shows, mark and colours included...
    assert [(line.plain, line.spans) for line in after] == [
        (line.plain, line.spans) for line in fresh
    ]
    # ...with every untouched line the very one shown before.
    remade = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old is not new]
    assert [after[n].plain.strip() for n in remade] == [
        '"cname": "room-2",',
        '"maxIdleTime": 30,',
    ]


async def test_moving_a_tile_in_and_out_of_an_overlap_keeps_the_canvas_s_height() -> None:
    # Left then right from the frame's edge: the tile's numbers change width ("at 0, 0" /
    # "at 0.01, 0") and an overlap comes and goes; the canvas keeps its rows, so the
    # fields under it stay put and the screen is not laid out again on every arrow key.
    draft = _mix_draft(copy.deepcopy(MIX_BODY))
    app = LayoutCountingApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.press("right")  # the first change marks the draft unsaved
        await settled(pilot, app)
        heights = set()
        marks = set()
        for key in ("left", "right", "left", "right"):
            await pilot.press(key)
            await pilot.pause()
            heights.add(canvas.region.height)
            marks.add(any("overlap" in line for line in canvas.view().marks_in_words()))
        app.counting = False
        assert marks == {True, False}  # the overlap did come and go
        assert len(heights) == 1
        assert app.layouts == 0
