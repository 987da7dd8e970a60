"""The list of presets: each one's name, mode, description and last change, from its header.

Apart from :mod:`.repository` so that listing (``rec-tui preset list``, the wizard's
Ctrl+O dialog) loads neither the editing model nor the keyring: it reads the head of each
file only (see :mod:`.header`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from rec_tui.store import paths
from rec_tui.store.files import StoreFileError, read_regular_head
from rec_tui.store.presets.errors import PresetError
from rec_tui.store.presets.header import HEAD_BYTES, header_text, read_header

SUFFIX: Final = paths.PRESET_SUFFIX


@dataclass(frozen=True, slots=True)
class PresetEntry:
    """One preset in the folder, from its header; ``error`` says why the header cannot be
    read (None when it can: the rest of the file is checked when it is opened)."""

    name: str
    path: Path
    mode: str
    description: str
    modified: datetime
    error: str | None = None


def list_presets(directory: Path | None = None) -> list[PresetEntry]:
    """Every preset in the folder, by name; one that cannot be opened carries its ``error``.

    Each entry comes from the file's header (its first lines: format, name, description,
    mode), read and checked as opening it would; what is wrong further down (the session,
    the body, its secret references) is said when it is opened. So the time taken is that
    of reading the first lines of each file, and a broken file never stops the others
    being listed.
    """
    folder = directory or paths.presets_dir()
    try:
        with os.scandir(folder) as found:
            names = [entry.name for entry in found if entry.name.endswith(SUFFIX)]
    except OSError:
        return []
    files = [folder / name for name in sorted(names, key=lambda name: name.lower())]
    return [_entry(file, folder) for file in files]


def _entry(file: Path, folder: Path) -> PresetEntry:
    try:
        head, status = read_regular_head(file, HEAD_BYTES)
    except StoreFileError as error:
        return PresetEntry(file.stem, file, "?", "", _modified(file), error.message)
    modified = datetime.fromtimestamp(status.st_mtime, tz=UTC)
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
        return PresetEntry(file.stem, file, "?", "", modified, error.message)
    return PresetEntry(
        file.stem, file, str(header["mode"]), header.get("description", ""), modified
    )


def _modified(file: Path) -> datetime:
    """When ``file`` (or the link itself, when it leads nowhere) last changed."""
    try:
        return datetime.fromtimestamp(file.lstat().st_mtime, tz=UTC)
    except OSError:
        return datetime.now(tz=UTC)
