"""A secret's input and the "Show" / "Hide" toggle after it.

The input itself shows or hides what was typed (:data:`REVEAL_KEY`), so the toggle is left
out of the focus chain: Tab goes from the secret straight to the next field, and what the
user types next lands there rather than on a toggle that takes no text. The toggle follows
the input's masking and is still there for the mouse.
"""

from __future__ import annotations

from typing import Any, ClassVar, Final

from textual.binding import Binding, BindingType
from textual.events import Click
from textual.widgets import Input, Static

from rec_tui.i18n import N_, _
from rec_tui.tui.widgets.row_input import RowInput

# Used by nothing else on the wizard's screen, Input's own keys included (F10 lists it).
REVEAL_KEY: Final = "ctrl+f"
REVEAL_KEY_SHOWN: Final = "Ctrl+F"


class SecretInput(RowInput):
    """A masked input that :data:`REVEAL_KEY` shows or hides."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the footer while a secret has the focus: the toggle cannot be tabbed to.
        Binding(REVEAL_KEY, "reveal", N_("Show / hide"), tooltip=N_("Show or hide the secret"))
    ]

    def action_reveal(self) -> None:
        self.password = not self.password

    def on_blur(self) -> None:
        # Shown for a look, not for good: leaving the field masks it again, so the secret
        # is not left in clear on screen (in a screenshot, a shared screen) after undo.
        self.password = True


class RevealToggle(Static):
    """ "Show" / "Hide" after a secret input: a click shows or hides it, as its key does.

    A Static rather than a Button: it looks and works the same here, but a Button's
    styles cost more at start-up than the whole Session form's secret needs.
    """

    DEFAULT_CSS = """
    RevealToggle {
        width: auto; height: 1; margin: 0 0 0 1; padding: 0 1;
        text-style: bold; color: $button-foreground; background: $surface;
        &:hover { background: $surface-darken-1; }
    }
    """

    def __init__(self, secret: Input, **kwargs: Any) -> None:
        super().__init__(_("Show"), **kwargs)
        self._secret = secret
        self.tooltip = _("Show or hide the secret ({key})").format(key=REVEAL_KEY_SHOWN)

    def on_mount(self) -> None:
        self.watch(self._secret, "password", self._masked, init=False)

    def _masked(self, masked: bool) -> None:
        self.update(_("Show") if masked else _("Hide"))

    def on_click(self, event: Click) -> None:
        event.stop()
        self._secret.password = not self._secret.password
