"""Recognise what was pasted or opened and hand it to the importer of its kind."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from rec_tui.formats.importers.curl import import_curl, is_curl
from rec_tui.formats.importers.json_body import body_in_text_or_none, body_within, parse_object
from rec_tui.formats.importers.log_line import import_log_line
from rec_tui.formats.importers.references import fill_secret_references
from rec_tui.formats.importers.result import ImportProblem, ImportResult


def import_text(text: str, environ: Mapping[str, str] | None = None) -> ImportResult:
    """Recognise and import ``text``; raises :class:`ImportProblem`, never changes anything."""
    env = os.environ if environ is None else environ
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        raise ImportProblem("nothing to import: paste a JSON body, a curl command or a log line.")
    if is_curl(stripped):
        result = import_curl(stripped, env)
    elif stripped.startswith(("{", "[")):
        result = _import_json(text)
    else:
        result = import_log_line(text)
    fill_secret_references(result, env)
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


def import_file(path: str | Path, environ: Mapping[str, str] | None = None) -> ImportResult:
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
        return import_text(text, environ)
    except ImportProblem as problem:
        raise ImportProblem(f"{file}: {problem.message}") from None
