"""Recognise what was pasted or opened and hand it to the importer of its kind."""

from __future__ import annotations

from pathlib import Path

from rec_tui.formats.importers.curl import import_curl, is_curl
from rec_tui.formats.importers.json_body import body_in_text_or_none, body_within, parse_object
from rec_tui.formats.importers.log_line import import_log_line
from rec_tui.formats.importers.references import body_references, point_out
from rec_tui.formats.importers.result import ImportProblem, ImportResult

_WHAT = {"json": "JSON body", "text": "text"}


def import_text(text: str) -> ImportResult:
    """Recognise and import ``text``; raises :class:`ImportProblem`, never changes anything.

    The text is data: nothing in it is run, expanded or read from this machine, and it never
    decides where requests go (the customer's host and App ID are reported, not used).
    """
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        raise ImportProblem("nothing to import: paste a JSON body, a curl command or a log line.")
    if is_curl(stripped):
        result = import_curl(stripped)
    else:
        result = _import_json(text) if stripped.startswith(("{", "[")) else import_log_line(text)
        point_out(result, _WHAT[result.kind], body_references(result.body))
    summary = result.customer_summary()
    if summary is not None:
        result.notices.append(
            f"{summary[0].upper()}{summary[1:]} (for information: importing never changes "
            "where requests go)."
        )
    return result


def _import_json(text: str) -> ImportResult:
    try:
        value = parse_object(text, "the JSON body")
    except ImportProblem as problem:
        # A log record that starts with an object ({"ts":…} {"cname":…}) is text.
        found = body_in_text_or_none(text)
        if found is None:
            raise problem from None
        value = found
    inner = body_within(value)
    result = ImportResult(value if inner is None else inner, "json")
    if inner is not None and inner is not value:
        result.notices.append("Took the start body found inside the JSON.")
    return result


def import_file(path: str | Path) -> ImportResult:
    file = Path(path).expanduser()
    try:
        text = file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ImportProblem(f"{file}: no such file.") from None
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"{file}: not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8."
        ) from None
    except OSError as error:
        raise ImportProblem(f"{file}: cannot be read ({error.strerror or error}).") from None
    try:
        return import_text(text)
    except ImportProblem as problem:
        raise ImportProblem(f"{file}: {problem.message}") from None
