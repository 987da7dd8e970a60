"""How every message writes what it quotes: body values, numbers, counts and ranges.

The one formatter of rule messages and hints, of the fixes' change lines and the diff
(:func:`rec_tui.request.fixes.shown.shown_value` adds only the masking of secrets) and of
the forms' range hints, so they all read the same:

* values as JSON (``"abc"`` with its quotes), cut to a length a sentence can hold: a pasted
  body can hold a megabyte-long string or a number with thousands of digits (whose
  ``str()`` even raises);
* numbers in plain digits, never in exponent notation (``2592000``, not ``2.592e+06``;
  ``0.0000001``, not ``1e-07``), declared limits grouped by thousands (``2,592,000``);
* counts with the noun in the right number (``1 user``, ``2 users``) and words after the
  right article (``a video list``, ``an audio list``).

Its words follow the active language (:mod:`rec_tui.i18n`); :func:`counted` and
:func:`with_article` are English grammar, for modules not translated yet: a translated
message says its count with ``ngettext`` instead.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

from rec_tui.i18n import _
from rec_tui.i18n import grouped as grouped_whole

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

LIMIT: Final = 48
_HUGE_BITS: Final = 256
# Longer than this in plain digits and a number is described rather than written.
_MAX_DIGITS: Final = 24


def number(value: int | float, *, grouped: bool = False) -> str:
    """``value`` in plain digits (``1e-07`` → ``0.0000001``); ``grouped``: ``2,592,000``."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)  # NaN and Infinity: Python's JSON reader accepts them
        from decimal import Decimal  # only to quote a fraction in a message

        text = format(Decimal(repr(value)), "f")
    elif value.bit_length() > _HUGE_BITS:
        return _("a very large number")
    else:
        text = str(value)
    if len(text.lstrip("-").replace(".", "")) > _MAX_DIGITS:
        return _("a very large number") if abs(value) >= 1 else _("a number very close to 0")
    if grouped:
        whole, dot, fraction = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        text = f"{sign}{grouped_whole(int(whole.lstrip('-')))}{dot}{fraction}"
    return text


def bound(value: float) -> str:
    """A declared limit: a whole one without ``.0``, grouped by thousands (``2,592,000``)."""
    return number(int(value) if float(value).is_integer() else value, grouped=True)


def range_text(low: float, high: float) -> str:
    """``5–2,592,000``: a declared range, as forms and messages write it."""
    return f"{bound(low)}–{bound(high)}"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 user``, ``2 users``, ``0 entries`` (give ``plural`` when it is not noun + s)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def with_article(word: str) -> str:
    """``a video``, ``an audio``: the article a word that is read as written takes."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def one_of(values: list[str]) -> str:
    """``0``, ``one of 0 or 1``, ``one of 0, 1 or 2``: the allowed values, already written."""
    if len(values) == 1:
        return values[0]
    return _("one of {values} or {last}").format(values=listed(values[:-1]), last=values[-1])


def listed(items: list[str]) -> str:
    """``a, b, c``: items written one after another, as the language separates them."""
    return _(", ").join(items)


def shown(value: object, limit: int = LIMIT, *, nested: bool = False) -> str:
    """``"abc"`` (with quotes), ``30.5``, ``null``; an array or object as ``an array`` /
    ``an object``, or with ``nested`` as its JSON; at most ``limit`` characters."""
    if isinstance(value, (list, dict)) and not nested:
        return _("an array") if isinstance(value, list) else _("an object")
    pieces: list[str] = []
    size = 0
    try:
        for piece in _json_pieces(value, limit):
            pieces.append(piece)
            size += len(piece)
            if size > limit:
                break
    except RecursionError:
        return _("(too deeply nested to show)")
    text = "".join(pieces)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json_pieces(value: object, limit: int) -> Iterator[str]:
    """The JSON text of ``value`` in pieces, numbers plain, long strings cut past ``limit``."""
    if value is None:
        yield "null"
    elif isinstance(value, bool):
        yield "true" if value else "false"
    elif isinstance(value, (int, float)):
        yield number(value)
    elif isinstance(value, str):
        yield json.dumps(value[: limit + 1], ensure_ascii=False)
    elif isinstance(value, list):
        yield "["
        for index, item in enumerate(value):
            yield ", " if index else ""
            yield from _json_pieces(item, limit)
        yield "]"
    elif isinstance(value, dict):
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield ", " if index else ""
            yield json.dumps(str(key)[: limit + 1], ensure_ascii=False) + ": "
            yield from _json_pieces(item, limit)
        yield "}"
    else:
        yield type(value).__name__
