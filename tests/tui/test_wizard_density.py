"""Issue 12: one-row editors with their labels beside them, and the layout designer in view.

Each test reads what is on screen (widget regions, the canvas's painted lines), not how the
forms are built.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from rec_tui.spec.rules.context import REC, TC
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.launch import build_draft
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.layout_view import wrap_parts
from rec_tui.tui.widgets.list_editor import ListEditor
from tests.support.tui import make_app, seed_body
from tests.support.tui_scenes import mix_body, settle
from tests.tui.test_tui_launch import options


def _form(app: RecTuiApp) -> StepForm:
    return next(form for form in app.query(StepForm) if form.display and form.is_on_screen)


def _in_view(app: RecTuiApp, widget: Widget) -> bool:
    """Whether all of ``widget`` is inside the visible part of the current form."""
    shown = widget.region
    return bool(shown.area) and _form(app).content_region.contains_region(shown)


def _label_of(editor: FieldEditor) -> Widget:
    return editor.query_one(".field-label")


def _labels_in_view(app: RecTuiApp) -> tuple[int, int]:
    editors = [e for e in _form(app).editors if e.display]
    return sum(_in_view(app, _label_of(e)) for e in editors), len(editors)


@pytest.mark.parametrize(("step", "fields"), [("session", 4), ("streams", 13)])
async def test_every_field_of_the_step_fits_at_120x40(step: str, fields: int) -> None:
    # Three-row inputs showed about eight fields; one-row editors show the whole step.
    app = make_app(mix_body(), step=step)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown, total = _labels_in_view(app)
        assert total == fields
        assert shown == total


async def test_labels_sit_beside_their_one_row_inputs() -> None:
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for editor in _form(app).editors:
            field_input = editor.query_one(".field-input", Widget)
            label = _label_of(editor)
            assert field_input.region.height == 1, editor.path
            assert label.region.y == field_input.region.y, editor.path
            assert label.region.right <= field_input.region.x, editor.path


def _label_in_view(app: Any, focused: Any) -> bool:
    editor = next((node for node in focused.ancestors if isinstance(node, FieldEditor)), None)
    return editor is not None and _in_view(app, _label_of(editor))


async def test_a_jump_at_80x24_shows_the_field_with_its_label() -> None:
    body = seed_body("2_individual_snapshot_only.json")
    app = make_app(body, mode="individual", step="session")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for path in (
            f"{REC}.subscribeUidGroup",
            f"{REC}.unSubscribeVideoUids",
            "clientRequest.storageConfig.fileNamePrefix",
            "clientRequest.storageConfig.secretKey",
        ):
            await app.focus_path(path)
            # A jump to another step builds and lays out its form first: on a busy machine the
            # scroll lands a few frames later, and the label's row (laid out with the field's
            # problem line) a frame after the field, so wait for both (a bounded number).
            for _ in range(80):
                await pilot.pause(0.05)
                focused = app.focused
                if focused is not None and _in_view(app, focused) and _label_in_view(app, focused):
                    break
            assert focused is not None
            editor = next(node for node in focused.ancestors if isinstance(node, FieldEditor))
            assert _in_view(app, focused), path
            assert _in_view(app, _label_of(editor)), path


async def test_uid_lists_say_which_list_they_are_in_their_own_box() -> None:
    app = make_app(mix_body(), step="streams")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lists = {e.path.rsplit(".", 1)[1]: e for e in app.query(ListEditor) if "Uids" in e.path}
        placeholders = {key: e.query_one(Input).placeholder for key, e in lists.items()}
        assert placeholders["subscribeAudioUids"].startswith("Record audio of")
        assert placeholders["unSubscribeAudioUids"].startswith("Do not record audio of")
        assert placeholders["subscribeVideoUids"].startswith("Record video of")
        assert placeholders["unSubscribeVideoUids"].startswith("Do not record video of")
        # "#allstream#" only goes into an empty subscribe list (R50): no button elsewhere.
        offers = {
            key: any(b.display for b in e.query(".all-streams").results(Button))
            for key, e in lists.items()
        }
        assert offers == {
            "subscribeAudioUids": False,  # it holds uids already
            "unSubscribeAudioUids": False,
            "subscribeVideoUids": False,
            "unSubscribeVideoUids": False,
        }
        audio = lists["subscribeAudioUids"]
        audio.load([])
        await pilot.pause()
        assert any(b.display for b in audio.query(".all-streams").results(Button))


def _four_tiles_too_wide() -> dict[str, Any]:
    body = copy.deepcopy(mix_body())
    tc = body["clientRequest"]["recordingConfig"]["transcodingConfig"]
    tc.update(width=2448, height=1080, mixedVideoLayout=3)
    uids = ["1000001", "1000002", "1000003", "1000004"]
    tc["layoutConfig"] = [
        {"uid": uid, "x_axis": x, "y_axis": y, "width": 0.5, "height": 0.5}
        for uid, (x, y) in zip(uids, [(0, 0), (0.5, 0), (0, 0.5), (0.5, 0.5)], strict=True)
    ]
    body["clientRequest"]["recordingConfig"]["subscribeVideoUids"] = uids
    return body


def _canvas_text(canvas: LayoutCanvas) -> str:
    return "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


async def test_the_designer_is_in_view_on_entry_and_draws_the_frame_as_declared() -> None:
    app = make_app(_four_tiles_too_wide(), step="layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        canvas = app.query_one(LayoutCanvas)
        assert _in_view(app, canvas)
        assert app.focused is canvas
        text = _canvas_text(canvas)
        for uid in ("1000001", "1000002", "1000003", "1000004"):
            assert uid in text
        # Drawn as sent (not the 360 default) and marked.
        assert "2448×1080" in text
        assert "over the 1,920 limit" in text
        assert "[0] uid 1000001 · at 0, 0 · size 0.5×0.5" in text
        # The frame is drawn wider than tall, as 2448×1080 is.
        assert canvas.view().source.width == 2448
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "[1] uid 1000002 · at 0.5, 0" in _canvas_text(canvas)
        assert app.draft.get(f"{TC}.width") == 2448  # drawing never changes the request


async def test_a_long_placeholder_is_cut_not_wrapped_out_of_its_one_row() -> None:
    app = make_app(mix_body(), step="layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        path = f"{TC}.defaultUserBackgroundImage"
        field_input = next(e for e in app.query(FieldEditor) if e.path == path).query_one(Input)
        assert field_input.placeholder.startswith("e.g. https://")
        shown = field_input.render_line(0).text.rstrip()
        assert shown.startswith("e.g. https://") and shown.endswith("…")
        # Focused (the cursor on it), still the same row: not "e.g." alone.
        field_input.focus()
        await pilot.pause()
        assert field_input.has_focus
        assert field_input.render_line(0).text.rstrip() == shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("layout", [3, 1])
async def test_the_canvas_text_is_whole_at_both_sizes(size: tuple[int, int], layout: int) -> None:
    """The keys and the tile's numbers wrap between their parts: no line is cut with "…"."""
    body = mix_body()
    body["clientRequest"]["recordingConfig"]["transcodingConfig"]["mixedVideoLayout"] = layout
    app = make_app(body, step="layout")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        canvas = app.query_one(LayoutCanvas)
        lines = [canvas.render_line(y).text.rstrip() for y in range(canvas.size.height)]
        assert not any(line.endswith("…") for line in lines), lines
        text = "\n".join(lines)
        assert "t templates" in text
        if layout == 3:
            assert "alpha 1 · crop" in text  # the selected tile's numbers, to the end
        # The frame keeps rows of its own under the text.
        assert sum("┌" in line or "│" in line for line in lines) >= 4


def test_parts_wrap_between_parts_and_cut_only_past_the_last_line() -> None:
    assert wrap_parts(["a add", "x remove", "u uid"], 16, 2) == ["a add · x remove", "u uid"]
    assert wrap_parts(["a add", "x remove"], 16, 2, "  ") == ["a add  x remove"]
    assert wrap_parts(["a very long part"], 6, 3) == ["a very", "long", "part"]
    assert wrap_parts(["one", "two", "three"], 5, 2) == ["one", "two…"]


async def test_a_long_chosen_value_keeps_its_select_to_one_row() -> None:
    app = make_app(mix_body(), step="layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        profile = app.query_one("#profile")
        # "1280×720, 15 fps, 1130 kbps" is cut with "…" rather than wrapped to a second row.
        assert profile.region.height == 1


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_field_s_problem_is_shown_whole_under_its_input(size: tuple[int, int]) -> None:
    # A token for another channel: the warning under the RTC token (a secret's three-column
    # row) wraps to several lines; every one of them must be on screen, none cut.
    ticket = Path(__file__).parents[1] / "data" / "tickets" / "wrong_channel_zh.txt"
    draft, notices = build_draft(options(open_path=str(ticket)))
    app = RecTuiApp(draft, notices=notices)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        token = next(e for e in app.query(FieldEditor) if e.path == "clientRequest.token")
        line = token.query_one(".field-problem", Static)
        text = Text(str(line.visual))
        assert "joins" in text.plain
        width = line.content_region.width
        needed = len(text.wrap(Console(width=width), width))
        assert needed > 1
        assert line.content_region.height == needed
        assert line.content_region.x == token.query_one(".field-input").region.x


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_token_input_keeps_the_width_of_the_other_session_inputs(
    size: tuple[int, int],
) -> None:
    # The Session step narrows its label column; the token's row has a third column (Show),
    # which a two-column pattern would have made as wide as the labels.
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        inputs = {
            e.path: e.query_one(".field-input").region
            for e in _form(app).editors
            if e.path in ("session.appId", "clientRequest.token")
        }
        app_id, token = inputs["session.appId"], inputs["clientRequest.token"]
        assert token.x == app_id.x
        assert token.width >= app_id.width - 8


async def test_at_80x24_the_problems_list_grows_while_it_is_read() -> None:
    """Five rows hold one or two problems: with the focus in the list (F5) it takes more of
    the column, and the form has its rows back once the focus leaves (Enter jumps to the
    field, which is then shown with its label)."""
    from rec_tui.tui.widgets.problems_pane import ProblemsPane

    body = copy.deepcopy(mix_body())
    body["clientRequest"]["recordingConfig"].update(maxIdleTime=2, channelType=7, streamTypes=9)
    app = make_app(body)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.query_one(ProblemsPane)
        resting = pane.region.height
        await pilot.press("f5")
        await pilot.pause()
        assert pane.region.height >= resting + 5
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause(0.05)
            if pane.region.height == resting:
                break
        assert pane.region.height == resting
        focused = app.focused
        assert focused is not None and _in_view(app, focused)
        editor = next(node for node in focused.ancestors if isinstance(node, FieldEditor))
        assert _in_view(app, _label_of(editor))


async def test_a_problem_line_appearing_above_the_focused_field_keeps_it_in_view() -> None:
    body = seed_body("1_mix_av.json")
    storage = body["clientRequest"]["storageConfig"]
    storage.update(bucket="acme-recordings", accessKey="AKIAREALKEY01", secretKey="sk-real-0001")
    app = make_app(body, mode="mix", step="session")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path = "clientRequest.storageConfig.extensionParams.endpoint"
        await app.focus_path(path)
        await settle(pilot)
        focused = app.focused
        assert focused is not None and _in_view(app, focused)
        # Problems arrive above it (as when a jump's form shows its problems a moment late):
        # each mounts a line under its field and pushes the focused one down.
        for key in ("bucket", "accessKey", "secretKey"):
            app.draft.set(f"clientRequest.storageConfig.{key}", "xxxxx")
        await settle(pilot)
        assert app.focused is focused and _in_view(app, focused)
