"""A RadioSet whose keyboard highlight starts on the pressed button, not the first one."""

from __future__ import annotations

from textual.widgets import RadioSet


class ChoiceRadioSet(RadioSet):
    DEFAULT_CSS = """
    ChoiceRadioSet { width: 1fr; height: auto; }
    """

    def on_mount(self) -> None:
        # RadioSet highlights its first button on mount; a person expects the cursor on
        # the current choice (otherwise "individual" looks chosen while "mix" is).
        self.show_pressed()

    def show_pressed(self) -> None:
        """Move the highlight to the pressed button (after mount, or a change in code)."""
        if self.pressed_index >= 0 and self._selected != self.pressed_index:
            self._selected = self.pressed_index
