"""Issue 12's rough edges found by keys at 120×40 and 80×24: what is on screen, read whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input

from rec_tui.i18n import ENGLISH, activate
from rec_tui.request.draft import APP_ID
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


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    activate(ENGLISH)
    yield
    activate(ENGLISH)


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
