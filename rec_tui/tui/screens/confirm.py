"""A yes/no question in a small modal (delete a preset, quit with unsaved changes, …)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from rec_tui.i18n import _
from rec_tui.tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Dismisses with True for the confirming button, False for the other or Escape."""

    DEFAULT_CSS = """
    ConfirmScreen > Vertical {
        border: thick $warning;
    }
    ConfirmScreen #question { margin-bottom: 1; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    def __init__(
        self, question: str, confirm: str | None = None, cancel: str | None = None
    ) -> None:
        super().__init__()
        self.question = question
        # Said when the dialog is made (in the language chosen then), not when declared.
        self.confirm_label = _("Yes") if confirm is None else confirm
        self.cancel_label = _("Cancel") if cancel is None else cancel

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question")
            with Horizontal():
                yield Button(self.cancel_label, id="cancel")
                yield Button(self.confirm_label, id="confirm", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def cancelled(self) -> bool:
        return False
