"""A RadioSet where moving is choosing, and whose highlight starts on the pressed button."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ChoiceRadioSet(RadioSet):
    """Arrow keys choose at once (one key per choice, as in a GUI radio group).

    A plain RadioSet moves a highlight that Enter or Space must then confirm: people
    arrowed to "curl" and exported the format still chosen.
    """

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

    def action_next_button(self) -> None:
        super().action_next_button()
        self._choose_highlighted()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._choose_highlighted()

    def _choose_highlighted(self) -> None:
        if self._selected is None:
            return
        button = self._nodes[self._selected]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True
