"""The registered rules that concern a field, for the help screen and the forms."""

from __future__ import annotations

from rich.text import Text

from rec_tui.i18n import _
from rec_tui.spec.field import Field
from rec_tui.spec.rules import Rule, by_name


def rules_of(field: Field) -> list[Rule]:
    found = (by_name(name) for name in field.rules)
    return [r for r in found if r is not None]


def rules_text(field: Field) -> Text:
    text = Text()
    for index, found in enumerate(rules_of(field)):
        if index:
            text.append("\n")
        style = "red" if found.severity.startswith("E") else "yellow"
        text.append(f"{found.id:>5} ", style)
        text.append(_(found.summary))
        text.append(f"  ({found.name}, {found.severity})", "dim")
    return text
