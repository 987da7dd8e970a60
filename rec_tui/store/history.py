"""The history file: every exchange with Agora or the sandbox, one redacted JSON line each.

Records are written already redacted by the client (see :mod:`rec_tui.agora.client`); this module
only appends and reads. A line that cannot be read (a crash mid-write, a hand edit, a field
of the wrong type) is skipped and counted when listing, never rewritten. The recent records
are found by reading backwards from the end, so listing them takes the same time however
long the history has grown.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final

from rec_tui.errors import RecTuiError
from rec_tui.i18n import _
from rec_tui.store.paths import history_file

# No record rec-tui writes comes near this (answers are capped); a longer line is skipped.
MAX_LINE_BYTES: Final = 4_000_000

# The fields a reader relies on, and the types each may have when present.
_FIELD_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "at": (str,),
    "call": (str,),
    "method": (str,),
    "url": (str,),
    "status": (int, type(None)),
    "elapsed_ms": (int, float),
    "request_id": (str, type(None)),
    "error": (str, type(None)),
    "attempt": (int,),
}


class HistoryError(RecTuiError):
    """The history file cannot be read at all; the message names it and says why."""


@dataclass
class Recent:
    """The last readable records, oldest first, and how many lines were skipped."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0


def append(record: dict[str, Any], path: Path | None = None) -> None:
    """Append ``record`` as one line; a single ``write`` so concurrent writers do not interleave."""
    target = path or history_file()
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    try:
        fd = os.open(target, flags, 0o600)
    except FileNotFoundError:
        # The folder is made when first missing, not checked at every call (a send
        # writes a line per attempt).
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, flags, 0o600)
    try:
        # A lone surrogate (from a hostile answer) becomes its JSON escape, \udXXX, which
        # reads back as the same string instead of making the whole exchange unwritable.
        os.write(fd, line.encode("utf-8", "backslashreplace"))
    finally:
        os.close(fd)


def recent(last: int, path: Path | None = None) -> list[dict[str, Any]]:
    """The last ``last`` readable records, oldest first."""
    return read_recent(last, path).records


def read_recent(last: int, path: Path | None = None) -> Recent:
    """The last ``last`` readable records and the number of unreadable lines among them.

    Raises :class:`HistoryError` only when the file itself cannot be read (not a regular
    file, no permission); a missing file is an empty history.
    """
    with open_recent(last, path) as found:
        return Recent(list(found.records()), found.skipped)


@dataclass
class RecentSpan:
    """Where the last readable records are in the open history file, found from its end.

    ``skipped`` counts the unreadable lines between the oldest of them and the end;
    :meth:`records` reads them oldest first, one line at a time, so any number of them
    can be written out in bounded memory.
    """

    stream: BinaryIO | None
    start: int
    end: int
    count: int
    skipped: int

    def records(self) -> Iterator[dict[str, Any]]:
        if self.stream is None:
            return
        for _offset, line in _lines_forward(self.stream, self.start, self.end):
            record = _record(line)
            if record is not None:
                yield record


@contextmanager
def open_recent(last: int, path: Path | None = None) -> Iterator[RecentSpan]:
    """The span of the last ``last`` readable records, read backwards from the end.

    The time taken depends on how many records are asked for, not on the file's size.
    """
    target = path or history_file()
    stream = _open(target) if last > 0 else None
    if stream is None:
        yield RecentSpan(None, 0, 0, 0, 0)
        return
    with stream:
        end = stream.seek(0, os.SEEK_END)
        span = RecentSpan(stream, end, end, 0, 0)
        for start, line in _lines_backward(stream, end):
            if _record(line) is None:
                span.skipped += 1
                continue
            span.start, span.count = start, span.count + 1
            if span.count == last:
                break
        yield span


def _open(target: Path) -> BinaryIO | None:
    """The history file opened for reading; None when there is none yet."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise HistoryError(
            _("{file}: cannot be read ({reason}).").format(
                file=target, reason=error.strerror or error
            )
        ) from None
    # Checked before wrapping the descriptor: a folder cannot even be wrapped.
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise HistoryError(
            _("{file}: not a regular file; move it away to start afresh.").format(file=target)
        )
    return os.fdopen(fd, "rb")


# How much of the file is read at a time when reading backwards.
_BLOCK: Final = 64 * 1024


def _lines_backward(stream: BinaryIO, end: int) -> Iterator[tuple[int, bytes | None]]:
    """(offset, line) for each non-blank line before ``end``, last first; None for a line
    too long to read (``MAX_LINE_BYTES`` or more), whose bytes are never held."""
    # The line being read, its later pieces first, until its start is found.
    pieces: list[bytes] = []
    size = 0
    too_long = False
    position = end
    while position > 0:
        block_start = max(0, position - _BLOCK)
        stream.seek(block_start)
        block = stream.read(position - block_start)
        position = block_start
        high = len(block)
        while True:
            newline = block.rfind(b"\n", 0, high)
            piece = block[newline + 1 : high]
            size += len(piece)
            too_long = too_long or size >= MAX_LINE_BYTES
            if not too_long:
                pieces.append(piece)
            if newline < 0:
                break
            line = None if too_long else b"".join(reversed(pieces))
            if line is None or line.strip():
                yield block_start + newline + 1, line
            pieces, size, too_long = [], 0, False
            high = newline
    line = None if too_long else b"".join(reversed(pieces))
    if line is None or line.strip():
        yield 0, line


def _lines_forward(stream: BinaryIO, start: int, end: int) -> Iterator[tuple[int, bytes | None]]:
    """(offset, line) for each non-blank line from ``start`` to ``end``; None for a line
    too long to read."""
    stream.seek(start)
    position = start
    while position < end and (line := stream.readline(min(MAX_LINE_BYTES, end - position))):
        offset = position
        position += len(line)
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                position += len(rest)
            position += len(rest)
            yield offset, None
        elif line.strip():
            yield offset, line


def _record(line: bytes | None) -> dict[str, Any] | None:
    if line is None:
        return None
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict):
        return None
    for name, types in _FIELD_TYPES.items():
        value = record.get(name)
        if name in record and (not isinstance(value, types) or isinstance(value, bool)):
            return None
    if "elapsed_ms" in record and not _is_duration(record["elapsed_ms"]):
        return None
    return record


def _is_duration(value: float) -> bool:
    """A number of milliseconds that can be printed as one (not 10**400, not inf)."""
    try:
        return 0 <= float(value) < 1e12
    except OverflowError:
        return False
