"""The Review step's summary is read by keys: Tab and Shift+Tab stop on it and bring it
into view, and the arrows, Page Up/Down, Home and End scroll the step from it."""

from __future__ import annotations

from textual.widgets import Select, Static

from rec_tui.tui.forms.review import ReviewForm
from tests.support.tui import make_app, seed_body

SMALL = (80, 24)  # where the summary and the Send panel do not fit together


async def test_shift_tab_from_the_send_panel_goes_back_to_the_summary_in_view() -> None:
    app = make_app(seed_body("1_mix_av.json"), step="storage")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f3", "f3")  # web and advanced do not apply to mix: Review
        await pilot.pause()
        form = app.query_one(ReviewForm)
        summary = form.query_one("#review-plan", Static)
        assert app.focused is summary and form.scroll_y == 0

        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.query_one("#send-endpoint", Select)
        assert form.scroll_y > 0  # the panel is in view, the summary above it is not

        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is summary
        assert form.scroll_y == 0


async def test_the_arrows_home_and_end_scroll_the_summary() -> None:
    app = make_app(seed_body("1_mix_av.json"), step="review")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.query_one(ReviewForm)
        assert app.focused is form.query_one("#review-plan", Static)
        await pilot.press("down", "down")
        await pilot.pause()
        assert form.scroll_y == 2
        await pilot.press("end")
        await pilot.pause()
        assert form.scroll_y == form.max_scroll_y > 2
        await pilot.press("home")
        await pilot.pause()
        assert form.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert form.scroll_y > 2
        await pilot.press("up")
        await pilot.pause()
        assert app.focused is form.query_one("#review-plan", Static)
