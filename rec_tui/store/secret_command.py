"""Secrets from a command the user configures, like git's credential helpers.

In ``<config dir>/config.toml``::

    [secrets]
    command = ["pass", "show", "rec-tui/{entry}"]

``{entry}`` is replaced by the keyring entry wanted (``agora/customer-secret``,
``preset/<name>/clientRequest.token``, …). The command runs without a shell, with no input
and a timeout; the first line of what it prints is the secret (nothing printed: no such
secret). It is asked only for entries the keyring does not have, and never stores
anything: saving still goes to the keyring (or, without one, to ``env:`` references).
Its errors are reported without anything it printed on standard output.
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from rec_tui.i18n import _
from rec_tui.store import paths
from rec_tui.store.files import StoreFileError, read_regular_file
from rec_tui.store.secrets import SecretStore, SecretStoreError

CONFIG_FILE: Final = "config.toml"
PLACEHOLDER: Final = "{entry}"
TIMEOUT_SECONDS: Final = 10.0
MAX_OUTPUT_BYTES: Final = 65_536
_ENTRY: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._\[\]/-]*")


def config_file() -> Path:
    return paths.config_dir() / CONFIG_FILE


@dataclass(frozen=True, slots=True)
class SecretCommand:
    """The configured command line, with ``{entry}`` where the entry name goes."""

    argv: tuple[str, ...]
    timeout: float = TIMEOUT_SECONDS

    @property
    def shown(self) -> str:
        return " ".join(self.argv)

    def get(self, entry: str) -> str | None:
        """The secret for ``entry``, None when the command prints nothing.

        Raises :class:`SecretStoreError` when it cannot run, fails or hangs.
        """
        if not _ENTRY.fullmatch(entry) or ".." in entry.split("/"):
            raise SecretStoreError(
                _("{entry} is not an entry name the secrets command is asked.").format(
                    entry=repr(entry)
                )
            )
        argv = [part.replace(PLACEHOLDER, entry) for part in self.argv]
        try:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                close_fds=True,
            )
        except OSError as error:
            raise self._failure(
                entry, _("could not start ({reason})").format(reason=error.strerror or error)
            ) from None
        out, err, finished = _bounded_output(process, self.timeout)
        if not finished:
            process.kill()
            process.wait()
            raise self._failure(
                entry,
                _("gave no answer within {seconds} seconds").format(seconds=f"{self.timeout:.0f}"),
            )
        secret = out.decode("utf-8", errors="replace").partition("\n")[0].rstrip("\r")
        if process.returncode != 0:
            reason = _scrubbed(err.decode("utf-8", errors="replace"), secret)
            raise self._failure(
                entry,
                _("failed (exit status {status}){reason}").format(
                    status=process.returncode, reason=reason
                ),
            )
        return secret or None

    def _failure(self, entry: str, what: str) -> SecretStoreError:
        return SecretStoreError(
            _(
                "The secrets command `{command}` (from {file}) {what} when asked for {entry}. "
                "Fix the command, or supply the secret another way."
            ).format(command=self.argv[0], file=config_file(), what=what, entry=repr(entry))
        )


def _bounded_output(process: subprocess.Popen[bytes], timeout: float) -> tuple[bytes, bytes, bool]:
    """stdout and stderr (each up to MAX_OUTPUT_BYTES) and whether it ended in time."""
    assert process.stdout is not None and process.stderr is not None
    out, err = bytearray(), bytearray()
    buffers = {process.stdout.fileno(): out, process.stderr.fileno(): err}
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        for stream in (process.stdout, process.stderr):
            selector.register(stream, selectors.EVENT_READ)
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return b"", b"", False
            for key, _events in selector.select(remaining):
                chunk = os.read(key.fd, 65536)
                buffer = buffers[key.fd]
                if not chunk:
                    selector.unregister(key.fileobj)
                elif len(buffer) < MAX_OUTPUT_BYTES:
                    buffer.extend(chunk[: MAX_OUTPUT_BYTES - len(buffer)])
    process.stdout.close()
    process.stderr.close()
    try:
        process.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        return b"", b"", False
    return bytes(out), bytes(err), True


def _scrubbed(stderr: str, secret: str) -> str:
    """The first line of the command's error output, never containing what it printed."""
    line = stderr.strip().partition("\n")[0].strip()
    if secret and len(secret) >= 4:
        line = line.replace(secret, "••••••••")
    if len(line) > 200:
        line = line[:200] + "…"
    return f": {line}" if line else ""


def configured(path: Path | None = None) -> SecretCommand | None:
    """The secrets command of ``config.toml``; None when none is configured.

    Raises :class:`SecretStoreError` naming the file and the problem when it is unusable.
    """
    target = path or config_file()
    try:
        document = tomllib.loads(read_regular_file(target).decode("utf-8"))
    except StoreFileError as error:
        if error.missing:
            return None
        raise SecretStoreError(error.message) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError) as error:
        raise SecretStoreError(
            _("{file}: not valid TOML ({error}).").format(file=target, error=error)
        ) from None
    section = document.get("secrets")
    if section is None:
        return None
    command = section.get("command") if isinstance(section, dict) else None
    if (
        not isinstance(command, list)
        or not command
        or not all(isinstance(part, str) and part for part in command)
        or not any(PLACEHOLDER in part for part in command)
    ):
        raise SecretStoreError(
            _(
                "{file}: [secrets] command must be a list of words with {placeholder} where the "
                'entry name goes, e.g. command = ["pass", "show", "rec-tui/{placeholder}"].'
            ).format(file=target, placeholder=PLACEHOLDER)
        )
    return SecretCommand(tuple(command))


class CommandBackedStore:
    """A store whose missing entries are asked of the secrets command."""

    def __init__(self, store: SecretStore, command: SecretCommand) -> None:
        self._store = store
        self._command = command

    @property
    def backend_name(self) -> str:
        return f"{self._store.backend_name}, then `{self._command.argv[0]}`"

    @property
    def persistent(self) -> bool:
        return self._store.persistent

    def get(self, entry: str) -> str | None:
        found = self._store.get(entry)
        return found if found is not None else self._command.get(entry)

    def set(self, entry: str, value: str) -> None:
        self._store.set(entry, value)

    def delete(self, entry: str) -> None:
        self._store.delete(entry)

    def __repr__(self) -> str:
        return f"CommandBackedStore({self._store!r}, {self._command.argv[0]!r})"
