"""Issue 12's rough edges found by keys at 120×40 and 80×24: what is on screen, read whole."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from rec_tui.request.draft import APP_ID
from tests.support.tui import editor, make_app, type_into
from tests.support.tui_scenes import mix_body, settle

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
