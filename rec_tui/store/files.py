"""Reading and writing rec-tui's own small files safely: bounded reads, atomic writes.

Every file rec-tui reads from its config or data directory may have been put there by
someone else (a team repository, a hand edit): it is read only if it is a regular file
(never a FIFO, which would hang, or a device such as ``/dev/zero``, which never ends) and
only up to a size limit. Writes go to a temporary file in the same directory, are synced
and then renamed over the target, so a crash mid-write leaves the old file intact.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from rec_tui.errors import RecTuiError
from rec_tui.i18n import _

# typing is for type checkers only: `rec-tui preset list` reads its files through this
# module, and imports neither typing nor contextlib (about a twentieth of its time).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

MAX_FILE_BYTES: Final = 1_000_000
_NO_HARD_LINKS: Final = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK})


class StoreFileError(RecTuiError):
    """A file that cannot be read or written; the message names it and says why."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Symbolic links are followed (a preset may be linked from a checkout), but what they
    point to must be a regular file too. Opening is non-blocking, so a FIFO with no writer
    is refused instead of waiting forever.
    """
    with _OpenedRegular(path, limit) as (handle, _status):
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise StoreFileError(_too_big(path, limit))
        return b"".join(chunks)


def read_regular_head(
    path: Path, size: int, limit: int = MAX_FILE_BYTES
) -> tuple[bytes, os.stat_result]:
    """The first ``size`` bytes of ``path`` and its status, with the checks and limit of
    :func:`read_regular_file` (the file's own size is the status's ``st_size``)."""
    with _OpenedRegular(path, limit) as (handle, status):
        return os.read(handle, size), status


class _OpenedRegular:
    """A read handle on ``path`` and its status, once it is known to be a regular file of
    at most ``limit`` bytes; any failure, while opening or in the ``with`` block, is a
    :class:`StoreFileError` naming the file. The handle is closed at the block's end."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.handle = -1

    def __enter__(self) -> tuple[int, os.stat_result]:
        path = self.path
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise StoreFileError(
                _("{path}: no such file.").format(path=path), missing=True
            ) from None
        except OSError as error:
            raise _unreadable(path, error) from None
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode):
                raise StoreFileError(
                    _(
                        "{path}: not a regular file ({kind}); rec-tui reads only ordinary "
                        "files here. Replace it with a copy of the file it stands for."
                    ).format(path=path, kind=_kind(status.st_mode))
                )
            if status.st_size > self.limit:
                raise StoreFileError(_too_big(path, self.limit))
        except OSError as error:
            os.close(handle)
            raise _unreadable(path, error) from None
        except BaseException:
            os.close(handle)
            raise
        self.handle = handle
        return handle, status

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> None:
        os.close(self.handle)
        if isinstance(error, OSError):
            raise _unreadable(self.path, error) from None


def _unreadable(path: Path, error: OSError) -> StoreFileError:
    return StoreFileError(
        _("{path}: cannot be read ({error}).").format(path=path, error=error.strerror or error)
    )


def _too_big(path: Path, limit: int) -> str:
    return _(
        "{path}: larger than {megabytes} MB, far more than rec-tui ever writes; "
        "it is not read. Check that it is the right file."
    ).format(path=path, megabytes=limit // 1_000_000)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISDIR(mode):
        return _("a directory")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not an ordinary file")


def _create_exclusively(temporary: str, target: Path) -> None:
    """Give ``temporary`` the name ``target`` unless that name exists (FileExistsError)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # A file system without hard links: claim the name with O_EXCL, then fill it by
        # rename (a reader may briefly see it empty, never another writer's content).
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def write_atomically(target: Path, text: str | bytes, *, exclusive: bool = False) -> None:
    """Write ``text`` to a temporary file beside ``target``, fsync, then put it in place.

    The file is readable by its owner only (0600, as the temporary file is created), and
    ``text`` may be bytes (a zip) as well as text.

    With ``exclusive`` the final name is created by a hard link, which fails if the name
    appeared meanwhile (:class:`FileExistsError`, the old file untouched); otherwise it is
    renamed over whatever is there.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # FileExistsError here means something on the way is a file, not a folder: it must
        # not pass for the "target appeared meanwhile" of an exclusive write below.
        why = (
            _("a part of its path is a file, not a folder")
            if isinstance(error, FileExistsError)
            else (error.strerror or str(error))
        )
        raise StoreFileError(
            _("Could not write {target}: {why}.").format(target=target, why=why)
        ) from None
    import tempfile  # not on the path of commands that only read (`preset list`)

    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        try:
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if exclusive:
                _create_exclusively(temporary, target)
            else:
                os.replace(temporary, target)
        except BaseException:
            _remove_if_there(temporary)
            raise
    except FileExistsError:
        raise
    except OSError as error:
        raise StoreFileError(
            _("Could not write {target}: {error}.").format(
                target=target, error=error.strerror or error
            )
        ) from None


def _remove_if_there(path: str) -> None:
    """Remove the file ``path``; one already gone (or that cannot be removed) is left."""
    try:
        os.unlink(path)
    except OSError:
        return
