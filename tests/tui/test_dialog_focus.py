"""Issue 12: every dialog takes the keys when it opens — typing straight away is never lost."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, TextArea

from rec_tui.spec.rules.context import TC
from rec_tui.tui.screens.export_dialog import ExportScreen
from rec_tui.tui.screens.import_dialog import ImportScreen
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.layout_dialogs import TemplateMenu, UidPrompt
from tests.support.tui import make_app
from tests.support.tui_scenes import mix_body, settle


@pytest.mark.parametrize(
    ("key", "dialog", "typed"),
    [
        # No Tab first: the old uid is selected, so typing replaces it.
        ("u", UidPrompt, ("4", "2", "enter")),
        # The template list has the keys: the second template, straight away.
        ("t", TemplateMenu, ("down", "enter")),
    ],
)
async def test_layout_dialogs_take_the_keys_at_once(
    key: str, dialog: type[Screen[Any]], typed: tuple[str, ...]
) -> None:
    app = make_app(mix_body(), step="layout")
    tiles_before = app.draft.get(f"{TC}.layoutConfig")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.query_one(LayoutCanvas).focus()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, dialog)
        await pilot.press(*typed)
        await pilot.pause()
        assert not isinstance(app.screen, dialog)
        tiles = app.draft.get(f"{TC}.layoutConfig")
        if key == "u":
            assert tiles[0]["uid"] == "42"
        else:
            assert tiles != tiles_before


async def test_ctrl_e_exports_from_a_field_and_is_end_of_line_in_a_dialogs_field() -> None:
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        while not isinstance(app.focused, Input):
            await pilot.press("tab")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        name = app.screen.query_one(Input)
        await pilot.press(*"abc", "home", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        assert name.cursor_position == len(name.value)


async def test_export_dialog_arrow_chooses_and_enter_copies_that_format() -> None:
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.fmt == "json"
        await pilot.press("down")  # one key: curl is chosen, not merely highlighted
        await pilot.pause()
        assert screen.fmt == "curl"
        shown = screen.query_one("#export-text", TextArea).text.splitlines()
        assert next(line for line in shown if not line.startswith("#")).startswith("curl")
        await pilot.press("enter")
        await pilot.pause()
        # Headless: the copy goes to a file, and the message says which format went there.
        message = str(screen.query_one("#export-message").render())
        assert "curl export" in message


async def test_save_and_import_dialogs_take_typing_at_once() -> None:
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        await pilot.press("a", "c", "m", "e")
        assert app.screen.query_one("#preset-name", Input).value.endswith("acme")
        await pilot.press("escape", "f6")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("{")
        assert app.screen.query_one("#import-text", TextArea).text.startswith("{")


async def test_the_arrows_move_along_a_dialog_s_buttons() -> None:
    from textual.app import App

    from rec_tui.tui.screens.confirm import ConfirmScreen

    answers: list[bool | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConfirmScreen("Open it?", confirm="Open anyway"), answers.append)

    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "cancel"
        await pilot.press("right")  # Right then Enter cancelled silently: it did not move
        assert app.focused is not None and app.focused.id == "confirm"
        await pilot.press("right", "left", "left")  # the row's ends stay put
        assert app.focused is not None and app.focused.id == "cancel"
        await pilot.press("right", "enter")
        await pilot.pause()
    assert answers == [True]
