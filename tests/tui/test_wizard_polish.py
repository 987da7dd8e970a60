"""Issue 12's rough edges found by keys at 120×40 and 80×24: what is on screen, read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input, Static, Switch

from rec_tui.i18n import _, activate
from rec_tui.request.draft import APP_ID
from rec_tui.request.services import service_index
from rec_tui.spec.names import RTMP_PUBLISH
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.export_dialog import ExportScreen
from rec_tui.tui.send_panel import SendPanel
from tests.support.tui import editor, make_app, type_into
from tests.support.tui_scenes import mix_body, settle
from tests.tui.test_tui_send import sandboxed_app
from tests.tui.test_tui_send import settle as send_settle

APP_ID_VALUE = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_whole_app_id_is_in_view_with_the_cursor_after_it(size: tuple[int, int]) -> None:
    # A support engineer reads the customer's 32-character App ID off the screen: at 120×40
    # the input showed 29 characters and the first ones scrolled away behind the cursor.
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await type_into(pilot, app, APP_ID, APP_ID_VALUE)
        field_input = editor(app, APP_ID).query_one(".field-input", Input)
        assert field_input.cursor_position == len(APP_ID_VALUE)
        assert field_input.scroll_x == 0
        assert field_input.content_region.width > len(APP_ID_VALUE)
        assert field_input.region.right <= app.screen.region.right


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_every_send_button_is_on_screen(
    size: tuple[int, int], lang: str, tmp_path: Path
) -> None:
    # At 80 columns "Stop (async)", the last of the one-row buttons, fell off the right edge.
    if lang == "zh":
        activate("zh", tmp_path)
    _, app = sandboxed_app("mix")
    async with app.run_test(size=size) as pilot:
        await send_settle(pilot, app)
        panel = app.query_one(SendPanel)
        buttons = [
            button
            for button in panel.query(Button)
            if all(node.display for node in button.ancestors_with_self)
        ]
        assert buttons
        for button in buttons:
            button.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            shown = button.region
            assert shown.width >= cell_len(str(button.label)), button.id
            assert panel.content_region.x <= shown.x, button.id
            assert shown.right <= panel.content_region.right, button.id
            assert shown.right <= app.screen.region.right, button.id


def _words(app: RecTuiApp, selector: str) -> str:
    """The words beside a switch, checked to be on screen whole."""
    state = app.screen.query_one(selector, Static)
    words = str(state.render())
    shown = state.content_region
    assert shown.width >= cell_len(words), words
    assert shown.right <= app.screen.region.right, words
    return words


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_cdn_switch_says_its_state_in_words(
    size: tuple[int, int], lang: str, tmp_path: Path
) -> None:
    # The switch showed on and off by colour alone.
    if lang == "zh":
        activate("zh", tmp_path)
    app = make_app({"cname": "c", "uid": "1", "clientRequest": {}}, mode="web", step="web")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        switch = app.query_one("#cdn-on", Switch)
        switch.scroll_visible(animate=False, immediate=True)
        switch.focus()
        await pilot.pause()
        assert _words(app, "#cdn-state") == _("off: Space turns it on")
        await pilot.press("space")
        await pilot.pause()
        assert service_index(app.draft.body, RTMP_PUBLISH) is not None
        assert _words(app, "#cdn-state") == _("on")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_reveal_switch_says_its_state_in_words(
    size: tuple[int, int], lang: str, tmp_path: Path
) -> None:
    if lang == "zh":
        activate("zh", tmp_path)
    app = make_app(mix_body(), step="session")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("tab")  # the hint says: Tab: Reveal, Save to file, Close
        await pilot.pause()
        assert app.focused is screen.query_one("#reveal", Switch)
        assert _words(app, "#reveal-state") == _("off: Space turns it on")
        await pilot.press("space")
        await pilot.pause()
        assert screen.reveal
        assert _words(app, "#reveal-state") == _("on")
