"""What the wizard redraws: values shown from the draft cover nothing and re-lay out nothing."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from rec_tui.request.draft import Draft
from rec_tui.tui.app import RecTuiApp
from tests.support.tui import SIZE, editor


class OverlayCountingApp(RecTuiApp):
    """The wizard, counting the loading overlays Textual is asked to put over a widget."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self.overlays = 0

    def get_loading_widget(self) -> Widget:
        self.overlays += 1
        return super().get_loading_widget()


async def test_a_value_shown_from_the_draft_puts_no_loading_overlay_over_its_input() -> None:
    # Undo reloads the input from the draft; a "loading" input is covered by Textual's
    # LoadingIndicator and the whole screen is laid out again, twice, for every such value.
    app = OverlayCountingApp(Draft(body={"cname": "before", "uid": "1"}, clock=lambda: 0.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = editor(app, "cname").query_one(Input)
        field.focus()
        await pilot.press("end", *"-x")
        await pilot.pause()
        assert app.draft.get("cname") == "before-x"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert field.value == "before"
        assert app.draft.get("cname") == "before"
        assert app.overlays == 0
        assert not field.loading
