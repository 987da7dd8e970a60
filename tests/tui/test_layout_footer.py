"""With the layout canvas focused, the footer still fits: every key it shows is on screen."""

from __future__ import annotations

import itertools

import pytest
from textual.widgets import Input

from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.keys_footer import KeysFooter
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
        keys = app.query_one(KeysFooter).drawn
        shown = [key.shown.description for key in keys]
        assert shown[: len(canvas_keys)] == canvas_keys
        # The app's own keys all stay visible, none pushed past the right edge.
        for description in ("Quit", "Help", "Prev", "Next", "Keys", "Save", "Open", "Send"):
            assert description in shown
        assert all(key.whole and key.end <= size[0] for key in keys)
        # Nothing drawn on top of another key.
        assert all(left.end < right.start for left, right in itertools.pairwise(keys))


async def test_the_footer_is_drawn_again_only_when_its_keys_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Textual's Footer rebuilt its nine keys at every focus move; the same keys stay now.
    drawn: list[int] = []
    real_render = KeysFooter.render

    def counting_render(self: KeysFooter) -> object:
        drawn.append(1)
        return real_render(self)

    monkeypatch.setattr(KeysFooter, "render", counting_render)
    app = RecTuiApp(mix_draft(), start_step="layout")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor(app, f"{TRANSCODING}.width").query_one(Input).focus()
        await pilot.pause()
        await pilot.pause(0.1)
        footer = app.query_one(KeysFooter)
        keys = footer.keys
        drawn.clear()
        editor(app, f"{TRANSCODING}.height").query_one(Input).focus()  # the same keys
        await pilot.pause()
        await pilot.pause(0.1)
        assert footer.keys == keys and drawn == []
        app.query_one(LayoutCanvas).focus()  # the canvas adds its own keys
        await pilot.pause()
        await pilot.pause(0.1)
        shown = [key.description for key in footer.keys]
        assert "Next tile" in shown and shown != [key.description for key in keys]
        assert drawn
