"""Allowed values and ranges read from the field declarations, for hand-written rules.

A value outside its field's declared range or choices is reported by the generic check
(:mod:`rec_tui.spec.rules.values`); these helpers serve the rules that need the declared
values for something a declaration cannot say (an area limit once both sides are in range,
a vendor that only warns), so they read the catalogue rather than repeating numbers. Only
JSON numbers are judged: a value of another type reads as "not judged here" because the
type rule R17 reports it, so each mistake is reported once.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from rec_tui.i18n import _
from rec_tui.record import Record
from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import as_int, is_number
from rec_tui.spec.rules.quoting import listed, range_text


class Bounds(Record, frozen=True):
    """The inclusive range a declared field allows."""

    minimum: float
    maximum: float

    def outside(self, raw: object, *, whole: bool = True) -> bool:
        """True when ``raw`` is a number that is not (whole and) within the range.

        With ``whole`` a fraction such as ``30.5`` is outside (spec: "not an integer" uses
        the number(int) definition), while ``30.0`` counts as 30.
        """
        if not is_number(raw):
            return False
        assert isinstance(raw, (int, float))
        if whole and as_int(raw) is None:
            return True
        return not self.minimum <= raw <= self.maximum

    def text(self) -> str:
        return range_text(self.minimum, self.maximum)


def bounds(path: str, service: str | None = None) -> Bounds:
    """The declared range of the field at ``path`` (it must declare both ends)."""
    declared = catalogue.field(path, service)
    if declared.minimum is None or declared.maximum is None:
        raise KeyError(f"{path} declares no range")
    return Bounds(declared.minimum, declared.maximum)


def int_choices(path: str, service: str | None = None) -> frozenset[int]:
    """The whole-number choices declared for the field at ``path``."""
    values = catalogue.field(path, service).choice_values
    return frozenset(v for v in values if isinstance(v, int) and not isinstance(v, bool))


def str_choices(path: str, service: str | None = None) -> tuple[str, ...]:
    """The string choices declared for the field at ``path``, in declaration order."""
    return tuple(v for v in catalogue.field(path, service).choice_values if isinstance(v, str))


def not_a_choice(raw: object, allowed: Container[int]) -> bool:
    """True when ``raw`` is a JSON number that is not one of the ``allowed`` whole values.

    ``30.5`` is not a choice of any set of whole numbers; a value of another JSON type, or
    absent, is not judged here (R17 reports it).
    """
    if not is_number(raw):
        return False
    value = as_int(raw)
    return value is None or value not in allowed


def listing(values: Iterable[int] | Iterable[str]) -> str:
    """``{0, 1, 2}`` → ``"0, 1 or 2"``."""
    ordered = [str(v) for v in sorted(values, key=_in_order)]
    if len(ordered) == 1:
        return ordered[0]
    return _("{values} or {last}").format(values=listed(ordered[:-1]), last=ordered[-1])


def _in_order(value: int | str) -> tuple[int, str]:
    return (value, "") if isinstance(value, int) else (0, value)
