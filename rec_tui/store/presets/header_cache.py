"""What the list of presets read from each file's header last time, to read only what changed.

Listing thousands of presets spends its time opening and reading each file. The cache, a
JSON file in the user cache directory, keeps each listed preset's mode and description
(all a header holds besides the format and the name, which is the file's own; never a
secret, nor a reference to one) with the file's status when it was read: size, change
times, inode and device. A later listing stats every file and uses the cached header of
a file whose status is unchanged; any other file is read again.

The cache is never trusted beyond that: one written for another presets folder, of
another format, unreadable or malformed in any part is ignored as a whole (every file is
read again), and a file changed within the last seconds is not cached at all (a change in
the same tick of the file system's clock would leave its status as it was). It is
written atomically, and only when the listing found something different from it; a cache
that cannot be written is simply not written.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from rec_tui.spec.modes import MODES
from rec_tui.store import paths
from rec_tui.store.files import MAX_FILE_BYTES, StoreFileError, read_regular_file, write_atomically

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

FILE_NAME: Final = "preset-headers.json"
CACHE_FORMAT: Final = 1
# Time stamps of some file systems tick once a second or every two: a file changed later
# than this before the listing might change again without its status showing it.
SETTLE_NS: Final = 3_000_000_000
# rec-tui writes a description as one line: 5,000 presets make well under 1 MB. A larger
# cache (thousands of long hand-written descriptions) is not read: the files are.
MAX_CACHE_BYTES: Final = 16 * MAX_FILE_BYTES

# What the cache keeps of a header: its mode and description.
Header = tuple[str, str]


class HeaderCache:
    """The headers cached for one presets folder; :meth:`save` writes what was listed."""

    def __init__(self, folder: Path, file: Path) -> None:
        self.folder = folder
        self.file = file
        # Each file's cached entry as stored: [*its status, mode, description].
        self._known: dict[str, list[Any]] = _read(file, folder)
        self._listed: dict[str, list[Any]] = {}

    @classmethod
    def for_folder(cls, folder: Path) -> HeaderCache:
        return cls(folder, paths.cache_dir() / FILE_NAME)

    def get(self, name: str, status: os.stat_result) -> Header | None:
        """The cached header of the file ``name`` if it is unchanged since it was cached."""
        known = self._known.get(name)
        # Field by field, the likeliest to differ first (no list made per file: listing
        # thousands of presets asks this of each).
        if (
            known is None
            or known[1] != status.st_mtime_ns
            or known[0] != status.st_size
            or known[2] != status.st_ctime_ns
            or known[3] != status.st_ino
            or known[4] != status.st_dev
        ):
            return None
        self._listed[name] = known
        return known[5], known[6]

    def put(self, name: str, status: os.stat_result, mode: str, description: str) -> None:
        """Cache the header read from the file ``name``, which had ``status`` when read."""
        if status.st_mtime_ns > time.time_ns() - SETTLE_NS:
            return
        self._listed[name] = [*_status(status), mode, description]

    def save(self) -> None:
        """Write the headers listed this time, if they differ from the cache read."""
        if self._listed == self._known:
            return
        document = {"format": CACHE_FORMAT, "folder": str(self.folder), "presets": self._listed}
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        try:
            write_atomically(self.file, text)
        except (StoreFileError, OSError):
            return  # no cache: the next listing reads every file again
        self._known = dict(self._listed)


def _status(status: os.stat_result) -> list[int]:
    """What tells a file changed: size, modification and change times, inode, device."""
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def _read(file: Path, folder: Path) -> dict[str, list[Any]]:
    """The cache in ``file`` if it is whole and for ``folder``; otherwise nothing."""
    try:
        document = json.loads(read_regular_file(file, MAX_CACHE_BYTES))
    except (StoreFileError, OSError, ValueError, RecursionError):
        return {}
    if (
        not isinstance(document, dict)
        or document.get("format") != CACHE_FORMAT
        or document.get("folder") != str(folder)
        or not isinstance(document.get("presets"), dict)
    ):
        return {}
    known: dict[str, list[Any]] = document["presets"]
    if not all(map(_well_formed, known.values())):
        return {}
    return known


def _well_formed(entry: object) -> bool:
    """One cached file: its status (five whole numbers), mode and description."""
    return (
        type(entry) is list
        and len(entry) == 7
        and entry[5] in MODES
        and type(entry[6]) is str
        and type(entry[0]) is type(entry[1]) is type(entry[2]) is int
        and type(entry[3]) is type(entry[4]) is int
    )
