"""The frame every dialog shares: a box in the middle of the screen, Escape to cancel.

A dialog composes one container (``Vertical`` or ``VerticalScroll``) holding its content;
its own CSS sets only what differs (size, border colour) and :meth:`Dialog.cancelled`
says what Escape answers (None unless overridden).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from rec_tui.i18n import N_

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    /* Never taller than the screen: at 80×24 a dialog with the keyring explanation on top
       ran past the bottom edge, its buttons over the footer and its border cut off;
       what does not fit scrolls, and the focused widget is scrolled into view. */
    Dialog > Vertical, Dialog > VerticalScroll {
        width: 64; height: auto; max-height: 100%; overflow-y: auto;
        padding: 1 2; border: thick $accent; background: $surface;
    }
    Dialog .dialog-explanation {
        height: auto; color: $warning; margin: 0 0 1 0; padding: 0 0 0 1;
        border-left: outer $warning;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        # A row of buttons is a row: the arrows move along it, as in any dialog box.
        Binding("left", "next_button(-1)", N_("Previous button"), show=False),
        Binding("right", "next_button(1)", N_("Next button"), show=False),
    ]
    # The first focusable widget (its first input, list or button) takes the keys at once;
    # a screen's default would inherit the app's selector, which matches nothing here.
    AUTO_FOCUS = "*"

    def explain(self, text: str) -> None:
        """Put a one-time explanation (the missing keyring) at the top of the dialog, where
        it is read before the dialog's own question and goes when the dialog does."""
        containers = self.query_children("Vertical, VerticalScroll")
        if not containers:
            return
        containers.first().mount(Static(text, classes="dialog-explanation"), before=0)

    def action_next_button(self, step: int) -> None:
        focused = self.focused
        if not isinstance(focused, Button) or focused.parent is None:
            raise SkipAction()  # an input, a list or a radio set keeps its own arrows
        row = [b for b in focused.parent.query_children(Button) if b.focusable]
        index = row.index(focused) + step
        if 0 <= index < len(row):
            row[index].focus()

    def cancelled(self) -> ResultType | None:
        """What the dialog answers when cancelled."""
        return None

    def action_cancel(self) -> None:
        self.dismiss(self.cancelled())
