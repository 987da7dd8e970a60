"""JSON bodies: parse one, find the start body inside a JSON value, find objects in text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from rec_tui.formats.importers.json_scan import json_values_in
from rec_tui.formats.importers.result import ImportProblem
from rec_tui.formats.jsonfile import JsonInputError, load_json_document
from rec_tui.i18n import N_, _

if TYPE_CHECKING:
    from rec_tui.spec.problems import Problem

START_BODY_KEYS: Final = frozenset({"cname", "uid", "clientRequest"})


def parse_object(
    text: str, what: str, notices: list[str], repeated: list[Problem] | None = None
) -> dict[str, Any]:
    """``text`` as a JSON object; anything else is an :class:`ImportProblem` naming ``what``.

    A key written twice in one object keeps its last value, and ``notices`` gets a line
    saying where and which value was kept; ``repeated``, the warning validate gives for it.
    """
    try:
        value, duplicates = load_json_document(text, what)
    except JsonInputError as error:
        raise ImportProblem(
            _("{what} is {reason}").format(what=what, reason=error.reason),
            error.line,
            error.column,
        ) from None
    if not isinstance(value, dict):
        raise ImportProblem(
            _("{what} is a JSON {type}, but a start body is an object {{…}}.").format(
                what=what, type=_(json_type(value))
            )
        )
    notices.extend(duplicate.notice(what) for duplicate in duplicates)
    if repeated is not None:
        repeated.extend(duplicate.problem() for duplicate in duplicates)
    return value


def json_type(value: Any) -> str:
    if isinstance(value, list):
        return N_("array")
    if isinstance(value, str):
        return N_("string")
    if isinstance(value, bool):
        return N_("boolean")
    return N_("number") if isinstance(value, int | float) else N_("null")


def looks_like_body(value: Any) -> bool:
    return isinstance(value, dict) and bool(START_BODY_KEYS & value.keys())


def body_within(value: Any) -> dict[str, Any] | None:
    """The start body in a JSON value: itself, a nested object, or a JSON string in it."""
    if looks_like_body(value):
        return value
    children: list[Any] = []
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, list):
        children = value
    elif isinstance(value, str) and value.lstrip().startswith("{"):
        # A body logged as an escaped JSON string.
        children = [found for _start, _end, found in json_values_in(value)]
    for item in children:
        found = body_within(item)
        if found is not None:
            return found
    return None
