"""The list of presets: each one's name, mode, description and last change, from its header.

Apart from :mod:`.repository` so that listing (``rec-tui preset list``, the wizard's
Ctrl+O dialog) loads neither the editing model nor the keyring: it reads the head of each
file only (see :mod:`.header`), and only of the files changed since the last listing
(see :mod:`.header_cache`).
"""

from __future__ import annotations

import os
from collections import namedtuple
from datetime import UTC, datetime
from pathlib import Path

from rec_tui.store import paths
from rec_tui.store.files import StoreFileError, read_regular_head
from rec_tui.store.presets.errors import PresetError
from rec_tui.store.presets.header import HEAD_BYTES, header_text, read_header
from rec_tui.store.presets.header_cache import HeaderCache

# typing is for type checkers only: its import (with contextlib) was about a twentieth of
# `rec-tui preset list`. They see the entry's fields as a typed named tuple; it is made
# from collections' (quicker to make than a dataclass or a record, thousands at a time).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NamedTuple

    class _Entry(NamedTuple):
        name: str
        folder: Path
        mode: str
        description: str
        modified_at: float
        error: str | None = None

else:
    _Entry = namedtuple("_Entry", "name folder mode description modified_at error", defaults=[None])

SUFFIX: Final = paths.PRESET_SUFFIX


class PresetEntry(_Entry):
    """One preset in the folder, from its header; ``error`` says why the header cannot be
    read (None when it can: the rest of the file is checked when it is opened).

    ``modified_at`` is the file's last change as a Unix timestamp (its ``st_mtime``).
    Its path and ``modified`` (that time as a datetime) are made only when asked for, as
    making thousands of them is a large part of listing as many presets."""

    __slots__ = ()

    @property
    def modified(self) -> datetime:
        """When the file last changed, in UTC."""
        return datetime.fromtimestamp(self.modified_at, tz=UTC)

    @property
    def path(self) -> Path:
        return self.folder / f"{self.name}{SUFFIX}"


def list_presets(directory: Path | None = None) -> list[PresetEntry]:
    """Every preset in the folder, by name; one that cannot be opened carries its ``error``.

    Each entry comes from the file's header (its first lines: format, name, description,
    mode), read and checked as opening it would; what is wrong further down (the session,
    the body, its secret references) is said when it is opened. So the time taken is that
    of reading the first lines of each file, and a broken file never stops the others
    being listed. The headers of files unchanged since the last listing come from the
    cache (:mod:`.header_cache`), so a listing then takes the time of reading each file's
    status.
    """
    folder = directory or paths.presets_dir()
    try:
        with os.scandir(folder) as found:
            names = [entry.name for entry in found if entry.name.endswith(SUFFIX)]
    except OSError:
        return []
    cache = HeaderCache.for_folder(folder)
    entries = []
    handle = _folder_handle(folder)
    try:
        for name in sorted(names, key=str.lower):
            cached = _cached_entry(handle, folder, name, cache)
            entries.append(cached or _entry(folder / name, folder, cache))
    finally:
        if handle is not None:
            os.close(handle)
    cache.save()
    return entries


def _folder_handle(folder: Path) -> int | None:
    """The folder opened, for reading each file's status without making its path (where
    the system can; otherwise None, and each status is read by the file's path)."""
    if os.stat not in os.supports_dir_fd:
        return None
    try:
        return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None


def _cached_entry(
    handle: int | None, folder: Path, name: str, cache: HeaderCache
) -> PresetEntry | None:
    """The entry of the file ``name`` in ``folder`` (open as ``handle``, when the system
    can) from the cache, if the file is unchanged since it was cached."""
    try:
        status = os.stat(name, dir_fd=handle) if handle is not None else os.stat(folder / name)
    except OSError:
        return None
    header = cache.get(name, status)
    if header is None:
        return None
    mode, description = header
    return PresetEntry(name[: -len(SUFFIX)], folder, mode, description, status.st_mtime)


def _entry(file: Path, folder: Path, cache: HeaderCache) -> PresetEntry:
    try:
        head, status = read_regular_head(file, HEAD_BYTES)
    except StoreFileError as error:
        return PresetEntry(file.stem, folder, "?", "", _modified(file), error.message)
    modified = status.st_mtime
    text = header_text(head, complete=status.st_size <= len(head))
    try:
        header = read_header(text, file) if text is not None else None
        if header is None:  # the header is not in the head alone: read all of it
            from rec_tui.store.presets.repository import (
                checked_document,
                owner_of,
                read_preset_text,
            )

            header = checked_document(read_preset_text(file), file, owner_of(file, folder))
    except PresetError as error:
        return PresetEntry(file.stem, folder, "?", "", modified, error.message)
    mode, description = str(header["mode"]), header.get("description", "")
    cache.put(file.name, status, mode, description)
    return PresetEntry(file.stem, folder, mode, description, modified)


def _modified(file: Path) -> float:
    """When ``file`` (or the link itself, when it leads nowhere) last changed."""
    try:
        return file.lstat().st_mtime
    except OSError:
        return datetime.now(tz=UTC).timestamp()
