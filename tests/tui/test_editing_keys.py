"""Working on the request by keys: F7 JSON editing, F8 fixes, F9 the diff, Ctrl+B copy, the
palette's field finder and "Apply all fixes", the customer's endpoint."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input

from rec_tui.request.draft import APP_ID, Draft, Original
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.widgets.json_editor import JsonEditor
from tests.support.rules import clean
from tests.support.tui import SIZE, allow_osc52, preview_plain

# An individual-mode body as customers paste it: numbers where UID strings belong.
CUSTOMER_BODY: dict[str, Any] = {
    "cname": "httpClient463224",
    "uid": 527841,
    "clientRequest": {
        "recordingConfig": {
            "channelType": 0,
            "streamTypes": 2,
            "subscribeUidGroup": 0,
            "subscribeVideoUids": [245117],
        },
        "storageConfig": {
            "vendor": 1,
            "region": 0,
            "bucket": "bucket",
            "accessKey": "AKIAEXAMPLEKEY",
            "secretKey": "secretEXAMPLEkey",
        },
    },
}


def _app(body: dict[str, Any] | None = None, *, original: bool = True, **kw: Any) -> RecTuiApp:
    body = copy.deepcopy(body if body is not None else CUSTOMER_BODY)
    draft = Draft(
        mode="individual",
        body=body,
        original=Original(body, "individual", "ticket.txt", **kw) if original else None,
    )
    return RecTuiApp(draft)


async def _keys(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


def _rules(app: RecTuiApp) -> list[str]:
    return [problem.rule for problem in app.problems if problem.is_error]


async def test_f8_applies_the_fix_of_the_selected_problem_and_ctrl_z_takes_it_back() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.draft.get("uid") == 527841
        await _keys(pilot, "f5")  # the problems list, first problem highlighted
        chosen = app.selected_problem()
        assert chosen is not None and chosen.fix is not None
        await _keys(pilot, "f8")
        assert chosen.rule not in [p.rule for p in app.problems if p.path == chosen.path]
        before_undo = app.draft.request_body()
        await _keys(pilot, "ctrl+z")
        assert app.draft.request_body() != before_undo
        assert app.draft.request_body() == CUSTOMER_BODY


async def test_the_problems_list_marks_the_problems_f8_can_fix() -> None:
    from textual.widgets import OptionList

    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _keys(pilot, "f5")
        await pilot.pause(0.3)  # the marks follow once the fixes are worked out
        rows = app.query_one("#problem-list", OptionList)
        shown = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        marked = ["[F8 fix]" in row for row in shown]
        assert marked == [problem.fix is not None for problem in app.problems]
        assert any(marked)


async def test_apply_all_fixes_from_the_palette_is_one_undo_step() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _rules(app)
        await _keys(pilot, "ctrl+p")
        await pilot.press(*"Apply all fixes")
        await _keys(pilot, "enter")
        assert app.draft.get("uid") == "527841"
        assert app.draft.get("clientRequest.recordingConfig.subscribeVideoUids") == ["245117"]
        assert _rules(app) == []
        await _keys(pilot, "ctrl+z")
        assert app.draft.request_body() == CUSTOMER_BODY


async def test_the_palette_shows_its_help_as_written() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _keys(pilot, "ctrl+p")
        await pilot.press(*"fix of the selected")
        await pilot.pause(0.3)
        hits = app.screen.query_one(CommandList)
        shown = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("Problems marked [F8 fix] have a one-key fix" in hit for hit in shown), shown


async def test_f7_edits_the_body_as_json_and_the_forms_follow() -> None:
    app = _app(clean("mix"), original=False)
    app.draft.set_mode("mix")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _keys(pilot, "f7")
        editor = app.query_one(JsonEditor)
        assert editor.display and app.focused is editor.text_area
        assert not app.query_one("#preview").display
        area = editor.text_area
        row = next(i for i, line in enumerate(area.text.splitlines()) if '"cname"' in line)
        area.move_cursor((row, len(area.document.get_line(row)) - 2))
        await pilot.press(*"-2")
        editor.check_now()
        await pilot.pause()
        assert app.draft.get("cname") == "demo-2"
        # Back to the forms: the Session step's cname field shows what was typed as JSON.
        await _keys(pilot, "f7")
        assert not app.query(JsonEditor)
        assert app.query_one("#preview").display
        field = next(
            w for w in app.query(Input) if w.value == "demo-2" and w.has_class("field-input")
        )
        assert field is not None
        assert '"demo-2"' in preview_plain(app)


async def test_f7_on_text_that_does_not_parse_asks_in_the_wizard() -> None:
    app = _app(clean("mix"), original=False)
    app.draft.set_mode("mix")
    body = app.draft.request_body()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _keys(pilot, "f7")
        area = app.query_one(JsonEditor).text_area
        row = next(i for i, line in enumerate(area.text.splitlines()) if '"cname"' in line)
        area.move_cursor((row, len(area.document.get_line(row))))
        await pilot.press("backspace")  # the comma after cname's value
        await _keys(pilot, "f7")
        assert isinstance(app.screen, ConfirmScreen)
        await _keys(pilot, "f7")  # while it asks: the question's, no second one over it
        assert len(app.screen_stack) == 2
        await _keys(pilot, "enter")  # "Keep editing", focused
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        assert app.focused is area and app.query(JsonEditor)
        await _keys(pilot, "f7")
        assert isinstance(app.screen, ConfirmScreen)
        await _keys(pilot, "tab", "enter")  # "Revert the text"
        assert not app.query(JsonEditor) and app.query_one("#preview").display
        assert app.draft.request_body() == body


async def test_enter_on_a_problem_moves_the_json_editor_to_its_line() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _keys(pilot, "f7")
        await _keys(pilot, "f5")
        problem = app.selected_problem()
        assert problem is not None
        assert problem.path == "clientRequest.recordingConfig.subscribeVideoUids[0]"
        await _keys(pilot, "enter")
        editor = app.query_one(JsonEditor)
        row = editor.text_area.cursor_location[0]
        assert editor.text_area.document.get_line(row).strip() == "245117"
        assert app.focused is editor.text_area


async def test_f9_shows_what_changed_since_the_original() -> None:
    from rec_tui.tui.screens.diff_view import DiffScreen

    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft.set("clientRequest.recordingConfig.streamTypes", 0)
        await _keys(pilot, "f9")
        assert isinstance(app.screen, DiffScreen)
        await _keys(pilot, "escape")
        assert not isinstance(app.screen, DiffScreen)


async def test_ctrl_b_copies_the_body_with_secrets_masked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        allow_osc52(monkeypatch, app)
        await pilot.pause()
        await _keys(pilot, "ctrl+b")
        copied = app.clipboard
        assert '"cname": "httpClient463224"' in copied
        assert "secretEXAMPLEkey" not in copied and "AKIAEXAMPLEKEY" not in copied


@pytest.mark.parametrize(
    ("typed", "step", "path"),
    [
        ("bucket", "storage", "clientRequest.storageConfig.bucket"),  # by its key
        ("App ID", "session", APP_ID),  # by its label, a session value, from another step
    ],
)
async def test_the_palette_finds_a_field_and_opens_its_step(
    typed: str, step: str, path: str
) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.show_step("files")
        await _keys(pilot, "ctrl+p")
        await pilot.press(*typed)
        await pilot.pause(0.3)
        await _keys(pilot, "enter")
        await pilot.pause()
        assert app.current_step == step
        focused = app.focused
        assert focused is not None
        assert any(getattr(node, "path", None) == path for node in focused.ancestors_with_self)


async def test_the_customers_endpoint_is_used_only_when_asked() -> None:
    app = _app(customer_endpoint="global", customer_app_id="4855aaaabbbbccccddddeeeeffff9e4d")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.draft.endpoint == "sandbox"
        await _keys(pilot, "ctrl+p")
        await pilot.press(*"customer's endpoint")
        await pilot.pause(0.3)
        await _keys(pilot, "enter")
        assert app.draft.endpoint == "global"
        assert app.draft.app_id == "4855aaaabbbbccccddddeeeeffff9e4d"


async def test_an_import_that_fits_another_mode_better_offers_the_switch() -> None:
    from textual.widgets import TextArea

    from rec_tui.tui.screens.confirm import ConfirmScreen
    from rec_tui.tui.screens.import_dialog import ImportScreen

    url = "https://api.agora.io/v1/apps/appid1/cloud_recording/resourceid/r/mode/mix/start"
    command = f"curl -X POST {url} -d '{json.dumps(clean('web'))}'"
    app = RecTuiApp(Draft(mode="mix"))
    async with app.run_test(size=SIZE) as pilot:
        await _keys(pilot, "f6")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one(TextArea).load_text(command)
        app.screen.query_one("#import").focus()
        await _keys(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "web" in app.screen.question and app.draft.mode == "mix"
        await _keys(pilot, "tab", "enter")  # Enter alone would keep mix
        assert app.draft.mode == "web"
        assert app.draft.get("clientRequest.extensionServiceConfig") is not None
