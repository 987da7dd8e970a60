"""The history file: every exchange with Agora or the sandbox, one redacted JSON line each.

Records are written already redacted by the client (see :mod:`rec_tui.agora.client`); this module
only appends and reads. A line that cannot be read (a crash mid-write, a hand edit) is
skipped when listing, never rewritten.
"""

from __future__ import annotations

import json
import os
from collections import deque
from pathlib import Path
from typing import Any

from rec_tui.store.paths import history_file


def append(record: dict[str, Any], path: Path | None = None) -> None:
    """Append ``record`` as one line; a single ``write`` so concurrent writers do not interleave."""
    target = path or history_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def recent(last: int, path: Path | None = None) -> list[dict[str, Any]]:
    """The last ``last`` readable records, oldest first."""
    target = path or history_file()
    if last <= 0 or not target.exists():
        return []
    kept: deque[dict[str, Any]] = deque(maxlen=last)
    with target.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                kept.append(record)
    return list(kept)
