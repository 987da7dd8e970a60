"""Secrets are shown and hidden from their own input (Ctrl+F) or by a click on "Show"
(test_tui_wizard.py clicks it); Tab goes from a secret straight to the next field, never to
the toggle."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from rec_tui.spec.rules.context import STORAGE
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.keys_help import KeysHelpScreen
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.keys_footer import KeysFooter
from rec_tui.tui.widgets.secret_input import RevealToggle
from tests.support.keyring_service import no_keyring
from tests.support.tui import SIZE, click, editor, focus_at_the_end, make_app, seed_body
from tests.tui.test_tui_send import sandboxed_app, settle

__all__ = ["no_keyring"]

SECRET_KEY = f"{STORAGE}.secretKey"


def _label(toggle: RevealToggle) -> str:
    return str(toggle.render())


def _storage_app() -> RecTuiApp:
    return make_app(seed_body("1_mix_av.json"), step="storage")


async def test_tab_from_a_secret_goes_to_the_next_field_and_the_typing_lands_there() -> None:
    app = _storage_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        secret = focus_at_the_end(app, SECRET_KEY)
        await pilot.press("tab")
        await pilot.pause()
        landed = app.focused
        assert isinstance(landed, Input) and landed is not secret
        owner = next(node for node in landed.ancestors if isinstance(node, FieldEditor))
        assert owner.path != SECRET_KEY
        await pilot.press("x", "y")
        await pilot.pause()
        assert landed.value.endswith("xy")
        assert str(app.draft.get(owner.path)).endswith("xy")


async def test_ctrl_f_in_a_secret_shows_and_hides_it_and_leaving_it_hides_it() -> None:
    app = _storage_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        secret = focus_at_the_end(app, SECRET_KEY)
        toggle = editor(app, SECRET_KEY).query_one(RevealToggle)
        assert secret.password and _label(toggle) == "Show"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert not secret.password and _label(toggle) == "Hide"
        assert app.focused is secret  # still typing in it
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert secret.password and _label(toggle) == "Show"
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("tab")  # on to the next field: the secret is not left in clear
        await pilot.pause()
        assert secret.password and _label(toggle) == "Show"


async def test_the_key_is_in_the_footer_while_a_secret_is_focused_and_in_f10() -> None:
    app = _storage_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        assert "ctrl+f" not in [key.key for key in footer.keys]
        focus_at_the_end(app, SECRET_KEY)
        await pilot.pause()
        assert "ctrl+f" in [key.key for key in footer.keys]
        await pilot.press("f10")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, KeysHelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(help_screen.query_one(Static).content)
        assert "Ctrl+F" in console.export_text()


async def _send_panel_on_agora(pilot: Pilot[Any], app: RecTuiApp) -> Input:
    from textual.widgets import Select

    await settle(pilot, app)
    app.query_one("#send-endpoint", Select).value = "global"
    await settle(pilot, app)
    secret = app.query_one("#send-customer-secret", Input)
    secret.scroll_visible(animate=False, immediate=True)
    secret.focus()
    await pilot.pause()
    return secret


@pytest.mark.usefixtures("no_keyring")
async def test_the_send_panels_secret_tabs_past_its_toggle_and_shows_on_ctrl_f() -> None:
    _sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=(120, 60)) as pilot:
        secret = await _send_panel_on_agora(pilot, app)
        toggle = app.query_one("#send-reveal", RevealToggle)
        await pilot.press("s", "3")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert not secret.password and _label(toggle) == "Hide"
        await click(pilot, toggle)
        assert secret.password and _label(toggle) == "Show"
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.query_one("#send-keep", Button)
        assert secret.value == "s3"
