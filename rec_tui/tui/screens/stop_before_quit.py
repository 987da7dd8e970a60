"""Asked on quit while recordings run: an unattended recording costs the customer money
(one in the built-in sandbox costs nothing and ends with the wizard: said so instead)."""

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

    def __init__(self, running: int, *, sandbox_only: bool = False) -> None:
        super().__init__()
        self.running = running
        # Every running recording is the in-process sandbox's: nothing is billed.
        self.sandbox_only = sandbox_only

    def question(self) -> str:
        if self.sandbox_only:
            question = ngettext(
                "{count} sandbox recording is still running. It ends with the wizard and is "
                "billed to nobody; stop it first to have the stop's answer in the history?",
                "{count} sandbox recordings are still running. They end with the wizard and "
                "are billed to nobody; stop them first to have the stops' answers in the history?",
                self.running,
            )
        else:
            question = ngettext(
                "{count} recording is still running. An unattended recording keeps costing the "
                "customer money until maxIdleTime ends it. Stop before quitting?",
                "{count} recordings are still running. An unattended recording keeps costing "
                "the customer money until maxIdleTime ends it. Stop before quitting?",
                self.running,
            )
        return question.format(count=self.running)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question(), id="question")
            with Horizontal():
                yield Button(_("Cancel"), id="stay")
                # "Leave running" would contradict the question: a sandbox one ends with us.
                leave = (
                    _("Quit without stopping") if self.sandbox_only else _("Quit, leave running")
                )
                yield Button(leave, id="leave", variant="error")
                yield Button(_("Stop and quit"), id="stop", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#stop", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = event.button.id
        self.dismiss(choice if choice in ("stop", "leave") else None)  # type: ignore[arg-type]

    def action_stay(self) -> None:
        self.dismiss(None)
