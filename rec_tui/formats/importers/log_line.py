"""A log line (or any text) with the start body somewhere in it, maybe after its URL."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final

from rec_tui.formats.importers.json_body import START_BODY_KEYS, body_within
from rec_tui.formats.importers.json_scan import json_values_in
from rec_tui.formats.importers.references import body_references, point_out
from rec_tui.formats.importers.result import ImportProblem, ImportResult
from rec_tui.formats.importers.url import call_of, read_url
from rec_tui.formats.jsonfile import position
from rec_tui.i18n import _

CALL_URL: Final = re.compile(
    r"""(?:https?://[^\s"'<>()]+?)?/v1/apps/[^\s"'<>/]+/cloud_recording/[^\s"'<>()]*"""
)
# clientRequest keys of acquire: a body with only these is not the start request.
ACQUIRE_ONLY: Final = frozenset(
    {"resourceExpiredHour", "scene", "region", "excludeResourceIds", "startParameter"}
)


@dataclass
class Candidate:
    """A start body found in text, where it starts, and the URL it was sent to if known."""

    start: int
    body: dict[str, Any]
    url: str | None = None
    # Set when the body came from a curl command: everything that command said.
    curl: ImportResult | None = None

    @property
    def call(self) -> str | None:
        if self.curl is not None:
            return self.curl.call
        return None if self.url is None else call_of(self.url)

    def score(self) -> tuple[bool, bool, bool, int]:
        """Higher is likelier the start request: sent to start, then not to another call,
        then with more than acquire's options, then with more of cname/uid/clientRequest."""
        request = self.body.get("clientRequest")
        start_options = isinstance(request, dict) and bool(request.keys() - ACQUIRE_ONLY)
        return (
            self.call == "start",
            self.call is None,
            start_options,
            len(START_BODY_KEYS & self.body.keys()),
        )


def candidates_in(text: str) -> tuple[list[Candidate], int]:
    """Start bodies in ``text``, each with the URL just before it; and how many JSON
    values there were in all."""
    events: list[tuple[int, str | None, Any]] = [
        (match.start(), match.group().rstrip(".,;:"), None) for match in CALL_URL.finditer(text)
    ]
    values = list(json_values_in(text))
    events += [(start, None, value) for start, _end, value in values]
    events.sort(key=lambda event: event[0])
    found: list[Candidate] = []
    pending_url: str | None = None
    for start, url, value in events:
        if url is not None:
            pending_url = url
            continue
        body = body_within(value)
        if body is not None:
            found.append(Candidate(start, body, pending_url))
            pending_url = None
    return found, len(values)


def best(candidates: list[Candidate]) -> Candidate:
    chosen = candidates[0]
    for candidate in candidates[1:]:
        if candidate.score() > chosen.score():
            chosen = candidate
    return chosen


def import_log_line(text: str) -> ImportResult:
    candidates, values = candidates_in(text)
    if not candidates:
        raise no_body_problem(text, values)
    chosen = best(candidates)
    result = ImportResult(chosen.body, "log")
    if chosen.url is not None:
        read_url(chosen.url, result, _("log line"))
    result.notices.append(_("Took the start body found inside the text."))
    point_out(result, _("log line"), body_references(result.body))
    return result


def no_body_problem(text: str, values: int) -> ImportProblem:
    if values:
        return ImportProblem(
            _(
                "found JSON objects in the text, but none looks like a start body (an object "
                "with cname, uid or clientRequest). Paste the request body itself."
            )
        )
    brace = text.find("{")
    if brace == -1:
        return ImportProblem(
            _(
                "no JSON object found: paste a JSON start body, a curl command, or a log line "
                "that contains the body."
            )
        )
    # There is a body but it does not parse: report where, relative to the whole text.
    try:
        json.JSONDecoder().raw_decode(text, brace)
    except json.JSONDecodeError as error:
        return ImportProblem(
            _("the JSON in the text is not valid: {detail}.").format(detail=error.msg),
            error.lineno,
            error.colno,
        )
    except (ValueError, RecursionError):
        line, column = position(text, brace)
        return ImportProblem(
            _("the JSON in the text is nested too deeply or holds a number too long to read."),
            line,
            column,
        )
    return ImportProblem(_("the JSON in the text could not be read."))
