"""Recognise what was pasted or opened and hand it to the importer of its kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rec_tui.formats.importers.json_body import body_within, parse_object
from rec_tui.formats.importers.references import body_references, point_out
from rec_tui.formats.importers.result import ImportProblem, ImportResult
from rec_tui.formats.jsonfile import MAX_BYTES, JsonInputError, read_text, too_big
from rec_tui.i18n import _
from rec_tui.request.mode_inference import infer_mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rec_tui.spec.problems import Problem

# The importers of curl commands, log lines and tickets are imported when text of their
# kind comes: opening a JSON body (``rec-tui --open body.json``, the wizard's start) loads
# none of them, nor their patterns and records.


def is_curl(text: str) -> bool:
    return re.match(r"^(\$\s+)?curl\s", text) is not None


def import_text(text: str) -> ImportResult:
    """Recognise and import ``text``; raises :class:`ImportProblem`, never changes anything.

    The text is data: nothing in it is run, expanded or read from this machine, and it never
    decides where requests go (the customer's host and App ID are reported, not used).
    """
    if len(text) > MAX_BYTES:
        raise ImportProblem(_("the pasted text {too_big}").format(too_big=too_big(len(text))))
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        raise ImportProblem(
            _("nothing to import: paste a JSON body, a curl command, a log line or a ticket.")
        )
    several_lines = "\n" in stripped
    if is_curl(stripped):
        from rec_tui.formats.importers.curl import import_curl

        result = _with_fallback(lambda: import_curl(stripped), text, several_lines)
    elif stripped.startswith(("{", "[")):
        result = _with_fallback(lambda: _import_json(text), text, True)
    else:
        result = _import_as_text(text, several_lines)
    result.make_printable()
    _say_mode_and_customer(result)
    return result


def _with_fallback(read: Callable[[], ImportResult], text: str, as_text: bool) -> ImportResult:
    """``read()``; if that fails, the text read as a ticket or log line, else the first error."""
    try:
        return read()
    except ImportProblem as problem:
        if not as_text:
            raise
        try:
            return _import_as_text(text, "\n" in text.strip())
        except ImportProblem:
            raise problem from None


def _import_as_text(text: str, several_lines: bool) -> ImportResult:
    """A ticket (several lines) or a log line with a body in it."""
    if several_lines:
        from rec_tui.formats.importers.ticket import import_ticket

        return import_ticket(text)
    from rec_tui.formats.importers.log_line import import_log_line

    return import_log_line(text)


def _import_json(text: str) -> ImportResult:
    notices: list[str] = []
    repeated: list[Problem] = []
    value = parse_object(text, _("the JSON body"), notices, repeated)
    inner = body_within(value)
    # A start body found inside the JSON has other paths than those the repeats were found at.
    repeated = repeated if inner is None or inner is value else []
    result = ImportResult(
        value if inner is None else inner, "json", notices=notices, repeated=repeated
    )
    if inner is not None and inner is not value:
        result.notices.append(_("Took the start body found inside the JSON."))
    point_out(result, _("JSON body"), body_references(result.body))
    return result


def _say_mode_and_customer(result: ImportResult) -> None:
    guess = infer_mode(result.body, result.call_path)
    result.mode, result.mode_guess = guess.mode, guess
    result.notices.append(guess.sentence())
    summary = result.customer_summary()
    if summary is not None:
        result.notices.append(
            _("{summary} (for information: importing never changes where requests go).").format(
                summary=f"{summary[0].upper()}{summary[1:]}"
            )
        )


def import_file(path: str | Path) -> ImportResult:
    return import_file_text(path)[0]


def import_file_text(path: str | Path) -> tuple[ImportResult, str]:
    """:func:`import_file`, and the text the file held (for a diagnosis of a ticket)."""
    file = Path(path).expanduser()
    try:
        text = read_text(str(file))
    except JsonInputError as error:
        raise ImportProblem(error.message) from None
    try:
        return import_text(text), text
    except ImportProblem as problem:
        raise ImportProblem(f"{file}: {problem.message}") from None
