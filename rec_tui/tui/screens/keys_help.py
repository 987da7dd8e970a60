"""Every key the wizard knows, in one place (F10, or F1 when no field is focused)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
from textual.widget import Widget
from textual.widgets import Static

from rec_tui.i18n import N_, _
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.widgets.field_editor import REQUIREMENT_MARKS
from rec_tui.tui.widgets.secret_input import REVEAL_KEY_SHOWN

# (key, what it does); the app's own bindings are listed after these, so keys added by
# other modules (presets, import/export, send) appear here without editing this list.
FORM_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", N_("next / previous field")),
    ("Enter", N_("in a list field: add what was typed or pasted; in Problems: go to the field")),
    ("Delete", N_("in a list: remove the highlighted item")),
    ("Up / Down", N_("move in lists, choices and the steps list")),
    (REVEAL_KEY_SHOWN, N_("in a secret field: show or hide what was typed")),
    ("Ctrl+P", N_("command palette: every action by name")),
    ("Esc", N_("close a dialog or this help")),
)


# The marks the wizard puts on fields, problems and lines, and what each one says.
MARKS: tuple[tuple[str, str], ...] = (
    (REQUIREMENT_MARKS["required"], N_("after a field's label: required in this mode")),
    (REQUIREMENT_MARKS["recommended"], N_("after a field's label: recommended in this mode")),
    ("✗", N_("an error: Agora would refuse the request (problems, preview, steps)")),
    ("⚠", N_("a warning: accepted, but likely not what the customer wants")),
    ("[F8 fix]", N_("the problem has a one-key fix: select it and press F8")),
)


class KeysHelpScreen(Dialog[None]):
    DEFAULT_CSS = """
    KeysHelpScreen > VerticalScroll {
        width: 80%; max-width: 90; height: 80%; border: thick $primary;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f10,f1,q", "dismiss", N_("Close"))]

    def __init__(self, focused: Widget | None = None) -> None:
        super().__init__()
        # The keys of the widget that had the focus (and of its containers) come first:
        # the layout canvas's arrows and letters are nowhere else in this list.
        self.own_keys = keys_around(focused)

    def compose(self) -> ComposeResult:
        table = Table(title=_("rec-tui keys"), expand=True, show_edge=False)
        table.add_column(_("Key"), style="bold cyan", no_wrap=True)
        table.add_column(_("Action"))
        for key, action in self.own_keys:
            table.add_row(key, _(action))
        if self.own_keys:
            table.add_section()
        seen: set[str] = set()
        for binding in self.app.BINDINGS:
            if isinstance(binding, Binding) and binding.key not in seen:
                seen.add(binding.key)
                table.add_row(_key_name(binding.key), _(binding.tooltip or binding.description))
        for key, action in FORM_KEYS:
            table.add_row(key, _(action))
        marks = Table(title=_("Marks"), expand=True, show_edge=False, show_header=False)
        marks.add_column(style="bold", no_wrap=True)
        marks.add_column()
        for mark, meaning in MARKS:
            marks.add_row(mark, _(meaning))
        with VerticalScroll():
            yield Static(table)
            yield Static(marks, id="keys-marks")


def keys_around(widget: Widget | None) -> tuple[tuple[str, str], ...]:
    """The keys of a widget and its containers that take part in this help, the widget's
    own first: for each that declares ``KEYS_HELP`` (pairs of keys as printed and what they
    do, for keys its bindings cannot say one by one, as a group of arrows), those pairs,
    then each of its bindings that has a tooltip, which says what the key does."""
    found: list[tuple[str, str]] = []
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        if hasattr(node, "KEYS_HELP"):
            found.extend(node.KEYS_HELP)
            found.extend(
                (_key_name(binding.key), binding.tooltip)
                for binding in node.BINDINGS
                if isinstance(binding, Binding) and binding.tooltip
            )
        node = node.parent
    return tuple(found)


def _key_name(key: str) -> str:
    """``ctrl+e,f6`` → ``Ctrl+E / F6`` (the way the keys are printed on a keyboard)."""
    return " / ".join(_one_key(part) for part in key.split(","))


def _one_key(key: str) -> str:
    if key.startswith("ctrl+"):
        return "Ctrl+" + _one_key(key.removeprefix("ctrl+"))
    symbol = format_key(key)  # "right_square_bracket" → "]"
    if len(symbol) == 1 and not symbol.isalnum():
        return symbol
    return key.upper() if len(key) <= 3 else key.capitalize()
