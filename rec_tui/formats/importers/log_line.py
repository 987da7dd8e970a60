"""A log line (or any text) with the start body somewhere in it."""

from __future__ import annotations

import json
from typing import Any

from rec_tui.formats.importers.json_body import body_in_text_or_none, objects_in
from rec_tui.formats.importers.result import ImportProblem, ImportResult


def import_log_line(text: str) -> ImportResult:
    result = ImportResult(find_body(text), "text")
    result.notices.append("Took the start body found inside the text.")
    return result


def find_body(text: str) -> dict[str, Any]:
    found = body_in_text_or_none(text)
    if found is not None:
        return found
    if any(True for _ in objects_in(text)):
        raise ImportProblem(
            "found JSON objects in the text, but none looks like a start body (an object "
            "with cname, uid or clientRequest). Paste the request body itself."
        )
    brace = text.find("{")
    if brace == -1:
        raise ImportProblem(
            "no JSON object found: paste a JSON start body, a curl command, or a log line "
            "that contains the body."
        )
    # There is a body but it does not parse: report where, relative to the whole text.
    try:
        json.JSONDecoder().raw_decode(text, brace)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"the JSON in the text is not valid: {error.msg}.", error.lineno, error.colno
        ) from None
    raise ImportProblem("the JSON in the text could not be read.")
