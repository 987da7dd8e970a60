"""An explanation the user reads once and dismisses (the missing keyring)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from rec_tui.tui.screens.dialog import Dialog


class NoticeScreen(Dialog[None]):
    """A titled text and an OK button (focused: Enter or Escape dismisses it)."""

    DEFAULT_CSS = """
    NoticeScreen > Vertical { width: 72; max-width: 95%; border: thick $warning; }
    NoticeScreen #notice-title { text-style: bold; margin-bottom: 1; }
    NoticeScreen #notice-text { margin-bottom: 1; }
    NoticeScreen Horizontal { height: auto; align-horizontal: right; }
    """

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.notice_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.notice_title, id="notice-title")
            yield Static(self.text, id="notice-text")
            with Horizontal():
                yield Button("OK", id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
