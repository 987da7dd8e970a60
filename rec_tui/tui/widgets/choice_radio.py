"""A RadioSet where moving is choosing, and whose highlight starts on the pressed button."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet

from rec_tui.i18n import N_


class ChoiceRadioSet(RadioSet):
    """Arrow keys choose at once (one key per choice, as in a GUI radio group).

    A plain RadioSet moves a highlight that Enter or Space must then confirm: people
    arrowed to "curl" and exported the format still chosen.
    """

    DEFAULT_CSS = """
    ChoiceRadioSet { width: 1fr; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose_next(1)", N_("Next choice"), show=False),
        Binding("up,left", "choose_next(-1)", N_("Previous choice"), show=False),
    ]

    def on_mount(self) -> None:
        # RadioSet highlights its first button on mount; a person expects the cursor on
        # the current choice (otherwise "individual" looks chosen while "mix" is).
        self.show_pressed()

    def action_next_button(self) -> None:
        # RadioSet calls this as it mounts, to highlight its first button, and the form
        # then moves the highlight to the pressed one: three buttons styled again before
        # the first frame. With nothing highlighted yet, the highlight starts where it ends.
        if self._selected is None:
            pressed = [n for n, node in enumerate(self._nodes) if getattr(node, "value", False)]
            if pressed:
                self._selected = pressed[0]
                return
        super().action_next_button()

    def show_pressed(self) -> None:
        """Move the highlight to the pressed button (after mount, or a change in code)."""
        if self.pressed_index >= 0 and self._selected != self.pressed_index:
            self._selected = self.pressed_index

    def action_choose_next(self, step: int) -> None:
        # Not an override of action_next_button: RadioSet calls that on mount.
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        if self._selected is None:
            return
        button = self._nodes[self._selected]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True
