"""The draft is the one owner of state: bugs found when widgets kept their own copies.

Each test drives the wizard with keys, as a person would, and failed before the app
subscribed to the draft (issue 11).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from textual.widgets import Input, Switch, TextArea

from rec_tui.spec.rules.context import TC
from rec_tui.store import presets
from rec_tui.store.secrets import MemoryStore
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.import_dialog import ImportScreen
from rec_tui.tui.screens.preset_open import PresetOpenScreen
from tests.support.keyring_service import no_keyring
from tests.support.tui import SIZE, make_app, type_into

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

UNSAVED_MARK = "●"


async def _press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def _type_in_send_panel(pilot: Any, app: RecTuiApp, widget_id: str, text: str) -> None:
    field = app.query_one(f"#{widget_id}", Input)
    field.scroll_visible(animate=False, immediate=True)
    field.focus()
    await pilot.pause()
    assert field.has_focus
    await _press(pilot, *text)


async def test_editing_the_app_id_in_the_send_panel_marks_the_preset_unsaved() -> None:
    app = make_app({"cname": "room", "uid": "1"}, step="review")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert UNSAVED_MARK not in app.title
        await _type_in_send_panel(pilot, app, "send-app-id", "abc")
        assert app.draft.app_id == "abc"
        assert app.title.endswith(UNSAVED_MARK)


async def test_undoing_every_change_since_the_save_leaves_nothing_unsaved() -> None:
    app = make_app({"cname": "room", "uid": "1"}, step="session")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft.set("cname", "other")
        app.draft.set("uid", "2")
        await pilot.pause()
        assert app.title.endswith(UNSAVED_MARK)
        await _press(pilot, "ctrl+z")
        assert app.title.endswith(UNSAVED_MARK)  # one change is left
        await _press(pilot, "ctrl+z")
        assert UNSAVED_MARK not in app.title
        await _press(pilot, "ctrl+y")
        assert app.title.endswith(UNSAVED_MARK)


async def test_editing_the_endpoint_url_in_the_send_panel_marks_the_preset_unsaved() -> None:
    app = make_app({"cname": "room", "uid": "1"}, step="review")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.widgets import Select

        app.query_one("#send-endpoint", Select).value = "custom"
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#send-url", Input).display
        assert app.draft.get("session.endpoint") == ""  # custom, no URL yet
        app.files.mark_saved()
        assert UNSAVED_MARK not in app.title
        await _type_in_send_panel(pilot, app, "send-url", "http://127.0.0.1:9")
        assert app.draft.endpoint == "http://127.0.0.1:9"
        assert app.title.endswith(UNSAVED_MARK)


async def test_an_app_id_typed_on_the_session_step_survives_send_panel_edits() -> None:
    app = make_app({"cname": "room", "uid": "1"}, step="review")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the Send panel is built with the Review step
        await app.show_step("session")
        await type_into(pilot, app, "session.appId", "typed-on-session")
        assert app.draft.app_id == "typed-on-session"
        await app.show_step("review")
        await pilot.pause()
        assert app.query_one("#send-app-id", Input).value == "typed-on-session"
        await _type_in_send_panel(pilot, app, "send-expired-hour", "5")
        assert app.draft.acquire_options == {"resourceExpiredHour": 5}
        assert app.draft.app_id == "typed-on-session"


async def test_values_set_aside_do_not_come_back_in_another_document() -> None:
    app = make_app({"cname": "first", "uid": "1"}, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switch = app.query_one("#transcoding-on", Switch)
        switch.focus()
        await _press(pilot, "space")
        from textual.widgets import Select

        app.query_one("#profile", Select).value = 3  # 1280×720
        await pilot.pause()
        assert app.draft.get(f"{TC}.width") == 1280
        switch.focus()
        await _press(pilot, "space")  # off: 1280×720 is set aside for this document
        assert app.draft.get(TC) is None

        await _press(pilot, "f6")  # another document
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one(TextArea).load_text(json.dumps({"cname": "second", "uid": "2"}))
        await pilot.pause()
        app.screen.query_one("#import").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.draft.get("cname") == "second"

        switch.focus()
        await _press(pilot, "space")
        assert app.draft.get(f"{TC}.width") != 1280
        assert app.draft.get(TC) == {"width": 360, "height": 640, "fps": 15, "bitrate": 500}


async def test_renaming_the_open_preset_then_saving_keeps_the_new_name() -> None:
    store = MemoryStore()
    app = make_app({"cname": "room", "uid": "1"})
    presets.save(app.draft, "before", store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.files.open_preset("before")
        await pilot.pause()
        assert app.title == "rec-tui — before"

        await _press(pilot, "ctrl+o")
        assert isinstance(app.screen, PresetOpenScreen)
        await _press(pilot, "f2")
        field = app.screen.query_one("#new-name", Input)
        field.value = ""
        await _press(pilot, *"after", "enter")
        assert presets.preset_path("after").exists()
        await _press(pilot, "escape")
        assert not isinstance(app.screen, PresetOpenScreen)
        assert app.title == "rec-tui — after"

        await type_into(pilot, app, "cname", "edited")
        await _press(pilot, "ctrl+s")
        assert not presets.preset_path("before").exists()
        saved = presets.preset_path("after").read_text(encoding="utf-8")
        assert "edited" in saved
