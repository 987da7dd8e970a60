"""F1 on a field: what it does, its type and range, default, modes, the seed's text, rules."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from rec_tui.spec.field import Field
from rec_tui.spec.modes import MODES, Mode
from rec_tui.tui.field_rules import rules_text
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.value_text import as_json
from rec_tui.tui.widgets.field_editor import FieldEditor

_KIND_NAMES = {
    "string": "text (JSON string)",
    "uid": 'UID written as text, "1" … "4294967295"',
    "int": "whole number (JSON number)",
    "float": "number (JSON number)",
    "bool": "true or false",
    "url": "URL (JSON string)",
    "object": "object",
    "array": "list",
}


def field_for_widget(widget: Widget | None) -> tuple[Field, str] | None:
    """The field (and its concrete path) of the editor that contains ``widget``."""
    node: Any = widget
    while node is not None:
        if isinstance(node, FieldEditor):
            return node.field, node.path
        node = node.parent
    return None


def _type_line(field: Field) -> str:
    kind = _KIND_NAMES[field.kind]
    if field.kind == "array" and field.items:
        kind = f"list of {_KIND_NAMES[field.items]}"
    return kind


def _range_line(field: Field) -> str:
    parts: list[str] = []
    if field.minimum is not None or field.maximum is not None:
        low = "…" if field.minimum is None else f"{field.minimum:g}"
        high = "…" if field.maximum is None else f"{field.maximum:g}"
        parts.append(f"{low} to {high}")
    if field.max_items is not None:
        parts.append(f"at most {field.max_items} items")
    return "; ".join(parts)


def help_text(field: Field, path: str, mode: Mode) -> Text:
    text = Text()
    text.append(f"{field.label}\n", "bold")
    text.append(f"{path}\n\n", "dim")
    if field.legacy:
        text.append("LEGACY field: not in Agora's current documentation.\n\n", "bold yellow")
    text.append(f"{field.help}\n")

    def row(name: str, value: str) -> None:
        if value:
            text.append(f"\n{name:<13}", "bold cyan")
            text.append(value)

    row("Type", _type_line(field))
    row("Range", _range_line(field))
    if field.choices:
        row(
            "Choices",
            "; ".join(
                f"{as_json(c.value)} = {c.label}" if str(c.value) != c.label else as_json(c.value)
                for c in field.choices
            ),
        )
    row("Default", "" if field.default is None else as_json(field.default))
    applies = [m for m in MODES if m in field.modes]
    row(
        "Modes",
        ", ".join(applies)
        + ("" if field.applies_to(mode) else f"  (not {mode}: left out of the body)"),
    )
    requirement = field.requirement(mode)
    row(
        "Requirement",
        f"{requirement} in {mode} mode"
        + (f". {field.requirement_note}" if field.requirement_note else ""),
    )
    if field.secret:
        row("Secret", "masked on screen, in presets, exports and logs")
    if field.service:
        row("Service", field.service)
    row("Example", "" if field.example is None else as_json(field.example))
    if field.help_zh:
        text.append("\n\nSeed (中文)\n", "bold")
        text.append(field.help_zh)
    rules = rules_text(field)
    if rules.plain:
        text.append("\n\nRules\n", "bold")
        text.append_text(rules)
    return text


class FieldHelpScreen(Dialog[None]):
    DEFAULT_CSS = """
    FieldHelpScreen > VerticalScroll {
        width: 90%; max-width: 110; height: 85%; border: thick $primary;
    }
    FieldHelpScreen #help-footer { color: $text-muted; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close"),
        Binding("f10", "keys", "All keys"),
    ]

    def __init__(self, field: Field, path: str, *, mode: Mode) -> None:
        super().__init__()
        self._text = help_text(field, path, mode)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._text, id="help-text")
            yield Static("Esc closes · F10 lists every key", id="help-footer")

    def action_keys(self) -> None:
        from rec_tui.tui.screens.keys_help import KeysHelpScreen

        self.app.switch_screen(KeysHelpScreen())
