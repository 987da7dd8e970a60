"""Reading JSON text and files with errors that name the file, line and column.

Used by every command and importer that reads a JSON body, so that a bad file always gets
the same clear message instead of a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rec_tui.errors import RecTuiError

STDIN_NAME = "-"


class JsonInputError(RecTuiError):
    """A JSON input that could not be read or parsed.

    ``line`` and ``column`` are 1-based and None when the problem is not at a position
    (the file is missing, say). ``str()`` gives the full message for a person.
    """

    def __init__(
        self, source: str, reason: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.source
        if self.line is not None:
            where += f", line {self.line}, column {self.column}"
        return f"{where}: {self.reason}"


def _display_name(source: str) -> str:
    return "standard input" if source == STDIN_NAME else source


def load_json_text(text: str, source: str = "<text>") -> Any:
    """Parse ``text`` as JSON; a syntax error becomes a :class:`JsonInputError`.

    NaN and Infinity literals are accepted, as Python's json module does; the validator
    reports them as bad numbers instead of refusing the whole file.
    """
    name = _display_name(source)
    if text.startswith("\ufeff"):
        text = text[1:]  # a UTF-8 byte order mark, as some Windows editors write
    if not text.strip():
        raise JsonInputError(name, "the input is empty; expected a JSON object.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonInputError(
            name, f"not valid JSON: {error.msg}.", error.lineno, error.colno
        ) from None
    except RecursionError:
        raise JsonInputError(name, "not readable: the JSON is nested too deeply.") from None


def read_json_file(source: str) -> Any:
    """Read and parse the file at ``source`` (``-`` for standard input)."""
    name = _display_name(source)
    try:
        if source == STDIN_NAME:
            text = sys.stdin.read()
        else:
            text = Path(source).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise JsonInputError(name, "no such file.") from None
    except IsADirectoryError:
        raise JsonInputError(name, "is a directory, not a JSON file.") from None
    except PermissionError:
        raise JsonInputError(name, "permission denied.") from None
    except UnicodeDecodeError as error:
        raise JsonInputError(
            name, f"not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8."
        ) from None
    except OSError as error:
        raise JsonInputError(name, f"cannot be read: {error.strerror or error}.") from None
    return load_json_text(text, source)
