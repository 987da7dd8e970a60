"""F1 on a field: what it does, its type and range, default, modes, the seed's text, rules."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from rec_tui.i18n import CHINESE, N_, _, active_language, ngettext
from rec_tui.spec.field import Field
from rec_tui.spec.modes import MODES, Mode
from rec_tui.spec.rules.quoting import bound
from rec_tui.tui.field_rules import rules_text
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.value_text import as_json
from rec_tui.tui.widgets.field_editor import FieldEditor

_KIND_NAMES = {
    "string": N_("text (JSON string)"),
    "uid": N_('UID written as text, "1" … "4294967295"'),
    "int": N_("whole number (JSON number)"),
    "float": N_("number (JSON number)"),
    "bool": N_("true or false"),
    "url": N_("URL (JSON string)"),
    "object": N_("object"),
    "array": N_("list"),
}
_REQUIREMENTS = {
    "required": N_("required in {mode} mode"),
    "recommended": N_("recommended in {mode} mode"),
    "optional": N_("optional in {mode} mode"),
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
    kind = _(_KIND_NAMES[field.kind])
    if field.kind == "array" and field.items:
        kind = _("list of {items}").format(items=_(_KIND_NAMES[field.items]))
    return kind


def _range_line(field: Field) -> str:
    parts: list[str] = []
    if field.minimum is not None or field.maximum is not None:
        # Written as the problems write a limit (2,592,000, not 2.592e+06).
        low = "…" if field.minimum is None else bound(field.minimum)
        high = "…" if field.maximum is None else bound(field.maximum)
        parts.append(_("{low} to {high}").format(low=low, high=high))
    if field.max_items is not None:
        parts.append(
            ngettext("at most {count} item", "at most {count} items", field.max_items).format(
                count=field.max_items
            )
        )
    return _("; ").join(parts)


def descriptions(field: Field) -> tuple[str, str, str]:
    """The field's description in the active language, then the heading and text of the
    other language's, shown beneath it.

    In Chinese the seed's own sentence is the field's text (``help_zh``); a field the seed
    does not describe has its English help translated in the catalogue. The heading names
    the text beneath in that text's own language, as it always has ("Seed (中文)").
    """
    said = field.said_help()
    if active_language() == CHINESE:
        return said, "English", field.help
    heading = "Seed (中文)" if field.help_zh else "中文 (translated)"
    return said, heading, field.help_zh or _chinese(field.help)


def _chinese(message: str) -> str:
    """``message`` from the Chinese catalogue, whichever language is active."""
    if active_language() == CHINESE:
        return _(message)
    from rec_tui.i18n import LOCALES
    from rec_tui.i18n.catalogue import load
    from rec_tui.store.paths import cache_dir

    try:
        return load(LOCALES[CHINESE], cache_dir()).gettext(message)
    except OSError:
        return ""


def help_text(field: Field, path: str, mode: Mode) -> Text:
    text = Text()
    text.append(f"{_(field.label)}\n", "bold")
    text.append(f"{path}\n\n", "dim")
    if field.legacy:
        text.append(
            _("LEGACY field: not in Agora's current documentation.") + "\n\n", "bold yellow"
        )
    first, other_heading, other = descriptions(field)
    text.append(f"{first}\n")
    # The labels are padded to one width in cells: a Chinese character takes two.
    names = {
        "type": _("Type"),
        "range": _("Range"),
        "choices": _("Choices"),
        "default": _("Default"),
        "modes": _("Modes"),
        "requirement": _("Requirement"),
        "secret": _("Secret"),
        "service": _("Service"),
        "example": _("Example"),
    }
    width = max(cell_len(name) for name in names.values()) + 2

    def row(name: str, value: str) -> None:
        if value:
            label = names[name]
            text.append(f"\n{label}{' ' * (width - cell_len(label))}", "bold cyan")
            text.append(value)

    row("type", _type_line(field))
    row("range", _range_line(field))
    if field.choices:
        row(
            "choices",
            _("; ").join(
                f"{as_json(c.value)} = {c.shown_label()}"
                if str(c.value) != c.label
                else as_json(c.value)
                for c in field.choices
            ),
        )
    row("default", "" if field.default is None else as_json(field.default))
    applies = [m for m in MODES if m in field.modes]
    row(
        "modes",
        ", ".join(applies)
        + (
            ""
            if field.applies_to(mode)
            else "  " + _("(not {mode}: left out of the body)").format(mode=mode)
        ),
    )
    requirement = _(_REQUIREMENTS[field.requirement(mode)]).format(mode=mode)
    if field.requirement_note:
        requirement = _("{requirement}. {note}").format(
            requirement=requirement, note=_(field.requirement_note)
        )
    row("requirement", requirement)
    if field.secret:
        row("secret", _("masked on screen, in presets, exports and logs"))
    if field.service:
        row("service", field.service)
    row("example", "" if field.example is None else as_json(field.example))
    if other:
        text.append(f"\n\n{other_heading}\n", "bold")
        text.append(other)
    rules = rules_text(field)
    if rules.plain:
        text.append("\n\n" + _("Rules") + "\n", "bold")
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
        Binding("escape,f1,q", "dismiss", N_("Close")),
        Binding("f10", "keys", N_("All keys")),
    ]

    def __init__(self, field: Field, path: str, *, mode: Mode) -> None:
        super().__init__()
        self._text = help_text(field, path, mode)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._text, id="help-text")
            yield Static(_("Esc closes · F10 lists every key"), id="help-footer")

    def action_keys(self) -> None:
        from rec_tui.tui.screens.keys_help import KeysHelpScreen

        self.app.switch_screen(KeysHelpScreen())
