"""A switch's state in words beside it: a Switch shows on and off by colour alone."""

from __future__ import annotations

from textual.widgets import Static

from rec_tui.i18n import _
from rec_tui.tui.widgets.css_classes import update_if_changed


def switch_words(on: bool) -> str:
    return _("on") if on else _("off: Space turns it on")


class SwitchState(Static):
    """The words for a switch's state; ``show`` changes them (without relayout if the same)."""

    DEFAULT_CSS = "SwitchState { width: 1fr; padding: 0 0 0 1; color: $text-muted; }"

    def __init__(self, on: bool = False, *, id: str | None = None) -> None:
        super().__init__(switch_words(on), id=id)

    def show(self, on: bool) -> None:
        update_if_changed(self, switch_words(on))
