"""Asked on quit while recordings run: an unattended recording costs the customer money."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from rec_tui.i18n import N_, _, ngettext
from rec_tui.tui.screens.dialog import Dialog

QuitChoice = Literal["stop", "leave"]


class StopBeforeQuitScreen(Dialog[QuitChoice | None]):
    """Dismisses with "stop" (stop them, then quit), "leave" (quit anyway) or None (stay)."""

    DEFAULT_CSS = """
    StopBeforeQuitScreen > Vertical {
        width: 72; border: thick $error;
    }
    StopBeforeQuitScreen #question { margin-bottom: 1; }
    StopBeforeQuitScreen Horizontal { height: auto; align-horizontal: right; }
    StopBeforeQuitScreen Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", N_("Cancel"))]

    def __init__(self, running: int) -> None:
        super().__init__()
        self.running = running

    def compose(self) -> ComposeResult:
        question = ngettext(
            "{count} recording is still running. An unattended recording keeps costing the "
            "customer money until maxIdleTime ends it. Stop before quitting?",
            "{count} recordings are still running. An unattended recording keeps costing the "
            "customer money until maxIdleTime ends it. Stop before quitting?",
            self.running,
        )
        with Vertical():
            yield Static(question.format(count=self.running), id="question")
            with Horizontal():
                yield Button(_("Cancel"), id="stay")
                yield Button(_("Quit, leave running"), id="leave", variant="error")
                yield Button(_("Stop and quit"), id="stop", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#stop", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = event.button.id
        self.dismiss(choice if choice in ("stop", "leave") else None)  # type: ignore[arg-type]

    def action_stay(self) -> None:
        self.dismiss(None)
