"""Labels of lazily built steps must be drawn in a visible colour.

Textual caches a widget's visual style; a label whose style was computed while its step
was still being built kept a transparent foreground, and every field label and the
problems title vanished from the screen. The app stylesheet gives them an explicit colour.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Label, RadioButton, Static

from tests.support.tui_scenes import scene_app, settle


def _drawn_in_colour(widget: Widget) -> bool:
    foreground = widget.visual_style.foreground
    return foreground is not None and foreground.a > 0


@pytest.mark.parametrize("step", ["session", "streams", "storage", "layout"])
async def test_field_labels_and_problem_title_are_visible(step: str) -> None:
    app = scene_app(step)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = [label for label in app.query(".field-label").results(Label) if label.region]
        assert shown, "the step shows no field labels"
        for label in shown:
            assert _drawn_in_colour(label), f"{label.content!r} is invisible"
        assert _drawn_in_colour(app.query_one("#problems-title", Static))


@pytest.mark.parametrize("step", ["session", "snapshots"])
async def test_radio_button_labels_are_visible(step: str) -> None:
    app = scene_app(step)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        buttons = [b for b in app.query(RadioButton) if b.region]
        assert len(buttons) >= 3
        for button in buttons:
            style = button.get_visual_style("toggle--label")
            assert style.foreground is not None and style.foreground.a > 0, button.label
            assert style.foreground != style.background, f"{button.label} is invisible"
