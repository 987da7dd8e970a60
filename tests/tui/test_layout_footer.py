"""With the layout canvas focused, the footer still fits: every key it shows is on screen."""

from __future__ import annotations

import pytest
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.layout_host import mix_draft
from tests.support.tui import editor

TRANSCODING = "clientRequest.recordingConfig.transcodingConfig"


@pytest.mark.parametrize(
    ("size", "canvas_keys"),
    [((120, 40), ["Next tile", "Add tile", "Remove tile"]), ((80, 24), [])],
)
async def test_footer_fits_with_the_canvas_focused(
    size: tuple[int, int], canvas_keys: list[str]
) -> None:
    app = RecTuiApp(mix_draft(), start_step="layout")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.query_one(LayoutCanvas).focus()
        await pilot.pause()
        await pilot.pause(0.1)
        keys = list(app.query_one(Footer).query(FooterKey))
        shown = [key.description for key in keys]
        assert shown[: len(canvas_keys)] == canvas_keys
        # The app's own keys all stay visible, none pushed past the right edge.
        for description in ("Quit", "Help", "Prev", "Next", "Keys", "Save", "Open", "Send"):
            assert description in shown
        assert all(key.region.right <= size[0] for key in keys)
        regions = sorted(key.region.x for key in keys)
        assert len(set(regions)) == len(regions)  # nothing drawn on top of another key


async def test_the_footer_is_composed_again_only_when_its_keys_change() -> None:
    # Textual's Footer rebuilt its nine keys at every focus move; the same keys stay now.
    app = RecTuiApp(mix_draft(), start_step="layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor(app, f"{TRANSCODING}.width").query_one(Input).focus()
        await pilot.pause()
        await pilot.pause(0.1)
        footer = app.query_one(Footer)
        keys = list(footer.query(FooterKey))
        editor(app, f"{TRANSCODING}.height").query_one(Input).focus()  # the same keys
        await pilot.pause()
        await pilot.pause(0.1)
        assert list(footer.query(FooterKey)) == keys
        app.query_one(LayoutCanvas).focus()  # the canvas adds its own keys
        await pilot.pause()
        await pilot.pause(0.1)
        shown = [key.description for key in footer.query(FooterKey)]
        assert "Next tile" in shown and shown != [key.description for key in keys]
