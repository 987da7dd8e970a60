"""Reading JSON text and files with errors that name the file, line and column.

Used by every command and importer that reads a JSON body, so that a bad file always gets
the same clear message instead of a traceback. Reading is bounded: at most
:data:`MAX_BYTES`, nesting at most :data:`MAX_DEPTH` levels, regular files only (a FIFO
without a writer or ``/dev/zero`` would hang or exhaust memory), integers of at most
Python's 4,300 digits.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys

from rec_tui.errors import RecTuiError
from rec_tui.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, BinaryIO, Final

    from rec_tui.request.duplicate_keys import DuplicateKey

STDIN_NAME = "-"
MAX_BYTES: Final = 10 * 1024 * 1024
# No start body comes close: the deepest declared path is under ten levels.
MAX_DEPTH: Final = 200
# Compiled on first use (through re's cache), by the one message that needs it.
_BRACKET_OR_STRING: Final = r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]'


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
            where = _("{source}, line {line}, column {column}").format(
                source=self.source, line=self.line, column=self.column
            )
        return _("{where}: {reason}").format(where=where, reason=self.reason)


def display_name(source: str) -> str:
    """How to name ``source`` in a message (printable even for undecodable file names)."""
    if source == STDIN_NAME:
        return _("standard input")
    return source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def too_big(size: int) -> str:
    """What follows "the file", "the text"… that is over the size rec-tui reads."""
    return _("is {size} MB; rec-tui reads at most {limit} MB (a start body is a few KB).").format(
        size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024
    )


# Text that does not even start like JSON is usually what a customer pasted.
_NOT_JSON_HINT: Final = N_(
    "This looks like text, not a JSON body: a curl command, a log line or a whole ticket "
    "opens with `rec-tui --open FILE`, and `rec-tui diagnose FILE` reads it for the cause."
)


def load_json_text(text: str, source: str = "<text>") -> Any:
    """Parse ``text`` as JSON; anything wrong with it becomes a :class:`JsonInputError`.

    NaN and Infinity literals are accepted, as Python's json module does; the validator
    reports them as bad numbers instead of refusing the whole file. A key written twice
    in one object keeps its last value (:func:`load_json_document` also says where).
    """
    return load_json_document(text, source)[0]


def load_json_document(text: str, source: str = "<text>") -> tuple[Any, list[DuplicateKey]]:
    """:func:`load_json_text`, and each key written more than once in one object.

    Those are not refused: the value written last is kept, as most JSON readers do, and
    each repeat is handed back for the caller to report as a warning (``validate``) or a
    notice (import). They are noticed while parsing, at a few microseconds per body; only
    a body that has one is then walked again to locate them.
    """
    name = display_name(source)
    if len(text) > MAX_BYTES:
        raise JsonInputError(name, _("the text {too_big}").format(too_big=too_big(len(text))))
    if text.startswith("\ufeff"):
        text = text[1:]  # a UTF-8 byte order mark, as some Windows editors write
    if not text.strip():
        raise JsonInputError(name, _("the input is empty; expected a JSON object."))
    repeated = _Repeated()
    try:
        value = json.loads(text, object_pairs_hook=repeated.pairs)
    except json.JSONDecodeError as error:
        from rec_tui.request.json_text import explain_syntax_error

        detail = explain_syntax_error(error.msg, text, error.pos)
        reason = _("not valid JSON: {detail}").format(detail=detail)
        if text.lstrip()[:1] not in ("{", "[", '"'):
            reason = _("{reason} {hint}").format(reason=reason, hint=_(_NOT_JSON_HINT))
        raise JsonInputError(name, reason, error.lineno, error.colno) from None
    except RecursionError:
        raise _too_deep(name, text) from None
    except ValueError:  # an integer longer than Python converts
        raise _long_number(name, text) from None
    if depth_of(value) > MAX_DEPTH:
        raise _too_deep(name, text)
    if not repeated.seen:
        return value, []
    from rec_tui.request.duplicate_keys import find

    return value, find(text, value)


class _Repeated:
    """The object hook of :func:`load_json_document`: builds each object as :mod:`json`
    does, and notes whether any had a key twice (the dict is then shorter than its pairs)."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        if len(made) < len(pairs):
            self.seen = True
        return made


def depth_of(value: Any) -> int:
    """How deeply ``value`` nests (a scalar is 0, ``{}`` is 1), without recursion."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            pending.extend(
                (child, depth) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _too_deep(name: str, text: str) -> JsonInputError:
    depth = 0
    for match in re.finditer(_BRACKET_OR_STRING, text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = position(text, match.start())
                return JsonInputError(
                    name,
                    _(
                        "nested more than {depth} levels deep here; a start body needs fewer "
                        "than ten."
                    ).format(depth=MAX_DEPTH),
                    line,
                    column,
                )
        elif token in "]}":
            depth -= 1
    return JsonInputError(name, _("nested more than {depth} levels deep.").format(depth=MAX_DEPTH))


def _long_number(name: str, text: str) -> JsonInputError:
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", text)
    line, column = position(text, found.start()) if found else (None, None)
    return JsonInputError(
        name,
        _(
            "a number with more than {limit} digits; no field of a start body takes one that long."
        ).format(limit=limit),
        line,
        column,
    )


def read_text(source: str) -> str:
    """The UTF-8 text of the file at ``source`` (``-`` for standard input), bounded.

    Only regular files are read: a directory, a FIFO or a device gets a message instead
    of a hang or an endless read.
    """
    name = display_name(source)
    data = _read_stdin(name) if source == STDIN_NAME else _read_regular_file(source, name)
    if len(data) > MAX_BYTES:
        raise JsonInputError(name, _("the input {too_big}").format(too_big=too_big(len(data))))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonInputError(
            name,
            _("not UTF-8 text (bad byte at offset {offset}); save it as UTF-8.").format(
                offset=error.start
            ),
        ) from None


def _read_stdin(name: str) -> bytes:
    stream = sys.stdin
    try:
        if stream is None:
            raise ValueError("no standard input")
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return read_at_most(buffer, MAX_BYTES + 1)
        return stream.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
    except (ValueError, OSError):
        raise JsonInputError(
            name,
            _(
                "is closed or cannot be read; pipe a body in (rec-tui validate - < body.json) "
                "or give a file name."
            ),
        ) from None


def _read_regular_file(source: str, name: str) -> bytes:
    try:
        _require_regular(os.stat(source), name)
        # O_NONBLOCK: if the path became a FIFO since the check, opening must not wait.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(source, flags)
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            _require_regular(info, name)
            return read_at_most(file, MAX_BYTES + 1, expected=info.st_size)
    except (FileNotFoundError, NotADirectoryError):
        raise JsonInputError(name, _("no such file.")) from None
    except PermissionError:
        raise JsonInputError(name, _("permission denied.")) from None
    except OSError as error:
        reason = _("cannot be read: {error}.").format(error=error.strerror or error)
        raise JsonInputError(name, reason) from None


READ_CHUNK: Final = 256 * 1024


def read_at_most(file: BinaryIO, limit: int, *, expected: int = READ_CHUNK) -> bytes:
    """Up to ``limit`` bytes of ``file``, holding only what was read.

    ``file.read(limit)`` sets aside ``limit`` bytes before reading: 10 MB of memory for
    every file opened, however small (the wizard's peak memory for ``--open`` of a 5 kB
    body). The first read asks for ``expected`` bytes (the file's size) and one more, to
    see whether it grew since; chunks follow until the end or the limit.
    """
    chunks: list[bytes] = []
    wanted = min(expected + 1, limit)
    total = 0
    while total < limit:
        chunk = file.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        wanted = min(READ_CHUNK, limit - total)
    return b"".join(chunks)


def _require_regular(info: os.stat_result, name: str) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        if info.st_size > MAX_BYTES:
            reason = _("the file {too_big}").format(too_big=too_big(info.st_size))
            raise JsonInputError(name, reason)
        return
    if stat.S_ISDIR(mode):
        reason = _("is a directory, not a JSON file.")
    elif stat.S_ISFIFO(mode):
        reason = _(
            "is a named pipe (FIFO), not a regular file; to read from a pipe, redirect it "
            "to standard input and give - instead."
        )
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        reason = _("is a device, not a regular file.")
    else:
        reason = _("is not a regular file.")
    raise JsonInputError(name, reason)


def read_json_file(source: str) -> Any:
    """Read and parse the file at ``source`` (``-`` for standard input)."""
    return load_json_text(read_text(source), source)


def read_json_document(source: str) -> tuple[Any, list[DuplicateKey]]:
    """:func:`read_json_file`, and each key written more than once in one object."""
    return load_json_document(read_text(source), source)
