"""The history file: every exchange with Agora or the sandbox, one redacted JSON line each.

Records are written already redacted by the client (see :mod:`rec_tui.agora.client`); this module
only appends and reads. A line that cannot be read (a crash mid-write, a hand edit, a field
of the wrong type) is skipped and counted when listing, never rewritten.
"""

from __future__ import annotations

import json
import os
import stat
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from rec_tui.errors import RecTuiError
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
    target.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
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
    """The last ``last`` readable records and the number of unreadable lines skipped.

    Raises :class:`HistoryError` only when the file itself cannot be read (not a regular
    file, no permission); a missing file is an empty history.
    """
    target = path or history_file()
    result = Recent()
    if last <= 0:
        return result
    kept: deque[dict[str, Any]] = deque(maxlen=last)
    for line in _lines(target):
        record = _record(line)
        if record is None:
            result.skipped += 1
        else:
            kept.append(record)
    result.records = list(kept)
    return result


def _lines(target: Path) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line too long to read."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    except OSError as error:
        raise HistoryError(f"{target}: cannot be read ({error.strerror or error}).") from None
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise HistoryError(f"{target}: not a regular file; move it away to start afresh.")
        while line := stream.readline(MAX_LINE_BYTES):
            if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield None
            elif line.strip():
                yield line


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
