"""Fixers for values written as the wrong JSON type, misspelled keys and mistyped words.

These are the fixes whose result is certain: 527841 written as "527841", "30" as 30,
"true" as true, a misspelled key given the name the catalogue knows, "Standard" written
"standard", "0123" written "123".
"""

from __future__ import annotations

import math
from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.fixes.places import declared_at, item_of, service_at
from rec_tui.request.fixes.registry import fixer
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Kind
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Edit, Fix, Problem
from rec_tui.spec.rules.checks import UidVerdict, check_uid
from rec_tui.spec.rules.context import as_int, is_number
from rec_tui.spec.rules.generic import closest_key

# What no conversion can produce (None is a JSON value of its own).
NOTHING: Final = object()

_HEX_DIGITS: Final = frozenset("0123456789abcdefABCDEF")
_MISSPELLED_KEYS: Final = {
    "unsubscribeAudioUids": "unSubscribeAudioUids",
    "unsubscribeVideoUids": "unSubscribeVideoUids",
    "VideoBitrate": "videoBitrate",
}


# --- converting one value ---------------------------------------------------------------


def as_kind(value: Any, kind: Kind) -> Any:
    """``value`` written as a ``kind`` value when that is certain, else :data:`NOTHING`."""
    if kind in ("string", "uid") and is_number(value):
        whole = as_int(value)
        # Beyond 64 bits no UID or other text field makes sense (and str() of thousands of
        # digits raises).
        return str(whole) if whole is not None and whole.bit_length() <= 64 else NOTHING
    if kind in ("int", "float") and isinstance(value, str):
        return _number_from(value.strip(), whole=kind == "int")
    if kind == "int" and isinstance(value, float) and is_number(value) and value.is_integer():
        return int(value)
    if kind == "bool" and isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().casefold(), NOTHING)
    return NOTHING


def _number_from(text: str, *, whole: bool) -> Any:
    try:
        number = float(text)
    except ValueError:
        return NOTHING
    if not math.isfinite(number):
        return NOTHING
    if number.is_integer() and ("." not in text or whole):
        return int(number)
    return NOTHING if whole else number


def _convert(path: str, new: Any) -> Fix:
    if isinstance(new, bool):
        said = _("Write {key} as true or false without quotes")
    elif isinstance(new, str):
        said = _("Write {key} as text (in quotes)")
    else:
        said = _("Write {key} as a number without quotes")
    # A list item is named with its index: the fix changes that one item, not the list.
    return Fix(said.format(key=item_of(path)), (Edit("convert", path, new),))


# --- the fixers -------------------------------------------------------------------------


@fixer("body.types")
def wrong_type(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """Convert a value to its declared type; drop a null or "" that counts as not set."""
    path = problem.path
    if not path or not jsonpath.has(body, path):
        return None
    value = jsonpath.get(body, path)
    if value is None or value == "":
        removed = (
            _("Remove the null {key} (it counts as not set)")
            if value is None
            else _("Remove the empty {key} (it counts as not set)")
        )
        return Fix(removed.format(key=item_of(path)), (Edit("delete", path),))
    declared = declared_at(body, path)
    if declared is None:
        return None
    field, kind = declared
    converted = as_kind(value, kind)
    if converted is not NOTHING:
        return _convert(path, converted)
    in_list = isinstance(jsonpath.parse(path)[-1], int)
    if kind == "array" and not in_list and field.items is not None and not isinstance(value, dict):
        item = as_kind(value, field.items)
        wrapped = [value if item is NOTHING else item]
        return Fix(_("Make {key} a list").format(key=item_of(path)), (Edit("set", path, wrapped),))
    return None


@fixer("body.uid.type")
def number_as_text(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """A number where the API wants the same digits as text."""
    value = jsonpath.get(body, problem.path)
    converted = as_kind(value, "string")
    return None if converted is NOTHING else _convert(problem.path, converted)


@fixer("legacy.audio.strings")
def audio_option(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """48000 written as "48000"; a placeholder where only one value is allowed gets it."""
    converted = number_as_text(problem, body, mode)
    declared = declared_at(body, problem.path)
    if converted is not None or declared is None or len(declared[0].choices) != 1:
        return converted
    only = declared[0].choices[0].value
    return Fix(
        _('Set {key} to "{only}", its only value').format(key=item_of(problem.path), only=only),
        (Edit("set", problem.path, only),),
    )


@fixer("web.booleans")
def text_as_boolean(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    value = jsonpath.get(body, problem.path)
    converted = as_kind(value, "bool")
    return None if converted is NOTHING else _convert(problem.path, converted)


@fixer("body.unknown_key", "sub.key.spelling", "web.bitrate.keycase")
def misspelled_key(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """Rename a key to the declared key it most likely means (case first, then spelling)."""
    tokens = jsonpath.parse(problem.path)
    if not tokens or not isinstance(tokens[-1], str):
        return None
    key = tokens[-1]
    holder = jsonpath.get(body, jsonpath.join(tokens[:-1])) if len(tokens) > 1 else body
    if not isinstance(holder, dict):
        return None
    suggestion = _MISSPELLED_KEYS.get(key)
    if suggestion is None:
        parent = jsonpath.join(tokens[:-1])
        siblings = catalogue.children(parent, service_at(body, problem.path))
        suggestion = closest_key(key, [declared.key for declared in siblings])
    if suggestion is None or suggestion in holder:
        return None
    return Fix(
        _('Rename "{key}" to "{suggestion}"').format(key=key, suggestion=suggestion),
        (Edit("rename", problem.path, new_key=suggestion),),
    )


@fixer("body.uid.range", "sub.list.uid", "tc.tile.uid", "tc.maxres.format", "tc.bgconfig.entry")
def leading_zeros(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """A UID written with leading zeros ("0123"): write the number the server reads."""
    value = jsonpath.get(body, problem.path)
    if check_uid(value) is not UidVerdict.LEADING_ZERO:
        return None
    return Fix(
        _("Write {key} without leading zeros").format(key=item_of(problem.path)),
        (Edit("set", problem.path, str(int(value))),),
    )


@fixer("rec.streamMode.enum", "legacy.policy.enum", "legacy.container")
def letter_case(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """A word of a fixed set written in other letters ("Standard", "KMS", " hls")."""
    value = jsonpath.get(body, problem.path)
    declared = declared_at(body, problem.path)
    if not isinstance(value, str) or declared is None:
        return None
    wanted = value.strip().casefold()
    for choice in declared[0].choice_values:
        if isinstance(choice, str) and choice.casefold() == wanted and choice != value:
            return Fix(
                _('Write {key} as "{choice}"').format(key=item_of(problem.path), choice=choice),
                (Edit("set", problem.path, choice),),
            )
    return None


@fixer("tc.color.format")
def colour(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """ "FF0000", "0xFF0000" and "#F00" are all #FF0000."""
    value = jsonpath.get(body, problem.path)
    if not isinstance(value, str):
        return None
    digits = value.strip()
    for prefix in ("#", "0x", "0X"):
        digits = digits.removeprefix(prefix)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6 or not _HEX_DIGITS.issuperset(digits):
        return None
    written = f"#{digits.upper()}"
    return Fix(
        _("Write the colour as {written}").format(written=written),
        (Edit("set", problem.path, written),),
    )
