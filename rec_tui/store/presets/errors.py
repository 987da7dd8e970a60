"""The one error of presets, and where in a preset's text a problem stands."""

from __future__ import annotations

import re

from rec_tui.errors import RecTuiError
from rec_tui.i18n import _


class PresetError(RecTuiError):
    """A preset that cannot be read, saved, renamed or deleted.

    The message names the file and the line and column or key, and says what to do.
    ``missing_secrets`` is True when the only trouble is secrets that could not be found,
    so a caller may offer to open the preset without them.
    """

    def __init__(self, message: str, *, missing_secrets: bool = False) -> None:
        super().__init__(message)
        self.missing_secrets = missing_secrets


def locate_key(text: str, dotted: str) -> str:
    """ "line L, column C: " for the line defining ``dotted`` (table.key), best effort, else ""."""
    *table_parts, key = dotted.split(".")
    table = ".".join(table_parts)
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", stripped)
        if header:
            current = header.group(1).replace('"', "").replace(" ", "")
            continue
        assignment = re.match(r'"?([A-Za-z0-9_.-]+?)"?\s*=', stripped)
        if not assignment:
            continue
        full = f"{current}.{assignment.group(1)}" if current else assignment.group(1)
        if full == dotted or (current == table and assignment.group(1) == key):
            column = len(line) - len(line.lstrip()) + 1
            return _("line {number}, column {column}: ").format(number=number, column=column)
    return ""


def locate_value(text: str, value: str, dotted: str) -> str:
    """ "line L, column C: " of a quoted string value, else of its key, else ""."""
    for quoted in (f'"{value}"', f"'{value}'"):
        offset = text.find(quoted)
        if offset >= 0:
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            return _("line {line}, column {column}: ").format(line=line, column=column)
    return locate_key(text, dotted)
