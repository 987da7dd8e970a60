"""Allowed values read from the field declarations, for the enum and range rules.

The rules take their allowed values from the catalogue rather than repeating numbers, so
one declaration drives the checks, the wizard's pickers and the schema export.
"""

from __future__ import annotations

from collections.abc import Collection, Container

from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import as_int, is_number


def int_choices(path: str) -> frozenset[int]:
    """The whole-number choices declared for the field at ``path``."""
    return frozenset(
        value
        for value in catalogue.field(path).choice_values
        if isinstance(value, int) and not isinstance(value, bool)
    )


def str_choices(path: str) -> tuple[str, ...]:
    """The string choices declared for the field at ``path``, in declaration order."""
    return tuple(v for v in catalogue.field(path).choice_values if isinstance(v, str))


def int_range(path: str) -> tuple[int, int]:
    declared = catalogue.field(path)
    if declared.minimum is None or declared.maximum is None:
        raise KeyError(f"{path} declares no range")
    return int(declared.minimum), int(declared.maximum)


def listing(values: Collection[int]) -> str:
    """``{0, 1, 2}`` → ``"0, 1 or 2"``."""
    ordered = [str(v) for v in sorted(values)]
    if len(ordered) == 1:
        return ordered[0]
    return ", ".join(ordered[:-1]) + " or " + ordered[-1]


def outside(raw: object, allowed: Container[int]) -> bool:
    """True when ``raw`` is a JSON number that is not one of the ``allowed`` whole values.

    ``30.5`` is outside any set of whole numbers (spec: "not an integer" uses the
    number(int) definition); a value of another JSON type, or absent, is not judged here —
    the type rule R17 reports it.
    """
    if not is_number(raw):
        return False
    value = as_int(raw)
    return value is None or value not in allowed


_SHOWN_TEXT_MAX = 40
_SHOWN_INT_MAX = 10**18


def shown(value: object) -> str:
    """A value quoted in a message, kept short: long text is cut, and a huge integer is not
    written out (Python refuses to turn one of over 4300 digits into text)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _SHOWN_INT_MAX:
        return "a very large number"
    if isinstance(value, str) and len(value) > _SHOWN_TEXT_MAX:
        return repr(value[: _SHOWN_TEXT_MAX - 3] + "...")
    return repr(value)
