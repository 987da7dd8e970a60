"""Atomic writes: exclusive creation also where the file system has no hard links."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from rec_tui.store import files


@pytest.mark.parametrize("hard_links", [True, False], ids=["links", "no-links"])
def test_exclusive_creation_never_replaces_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    if not hard_links:

        def no_link(*_args: object) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(files.os, "link", no_link)
    target = tmp_path / "p.toml"
    files.write_atomically(target, "first", exclusive=True)
    with pytest.raises(FileExistsError):
        files.write_atomically(target, "second", exclusive=True)
    assert target.read_text() == "first"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p.toml"]
    files.write_atomically(target, "third")
    assert target.read_text() == "third"
