"""The presets folder: names and paths, save, load, rename, delete, and their locks.

One TOML file per preset in :func:`rec_tui.store.paths.presets_dir`. Saving is safe against
a second rec-tui doing the same at the same time: every change to a preset holds that
preset's lock (``fcntl.flock`` on a hidden ``.<name>.toml.lock`` beside it), so its file and
its keyring entries always come from the same writer; and a save that must not overwrite
creates the file under its final name with a hard link, which fails if the name appeared
meanwhile. A load never writes: a broken file stays byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from rec_tui.i18n import _
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import Mode
from rec_tui.store import paths
from rec_tui.store.files import StoreFileError, read_regular_file
from rec_tui.store.files import write_atomically as write_file
from rec_tui.store.presets.document import dumps, read_document, to_document
from rec_tui.store.presets.errors import PresetError
from rec_tui.store.presets.listing import SUFFIX
from rec_tui.store.presets.references import (
    ENV_REF,
    KEYRING_REF,
    check_references,
    env_variable,
    owns_entry,
    resolve_secrets,
    secret_entry,
    secret_locations,
)
from rec_tui.store.secrets import SecretStore, SecretStoreError

if TYPE_CHECKING:
    from rec_tui.request.draft import Draft

LOCK_WAIT_SECONDS: Final = 30.0
_NAME_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")


@dataclass
class Preset:
    name: str
    draft: Draft
    description: str = ""
    path: Path | None = None
    notices: list[str] = field(default_factory=list)


# --- names and paths ------------------------------------------------------------------


def check_name(name: str) -> str:
    """The name, stripped; :class:`PresetError` when it cannot be a file name."""
    stripped = name.strip()
    if not _NAME_PATTERN.fullmatch(stripped):
        raise PresetError(
            _(
                "{name} cannot be a preset name: use 1 to 64 letters, digits, spaces, "
                "dots, dashes or underscores, starting with a letter or digit."
            ).format(name=repr(name))
        )
    return stripped


def preset_path(name: str, directory: Path | None = None) -> Path:
    return (directory or paths.presets_dir()) / f"{check_name(name)}{SUFFIX}"


def resolve(name_or_path: str | Path, directory: Path | None = None) -> Path:
    """A path as given when it looks like one, else the preset of that name."""
    text = str(name_or_path)
    candidate = Path(text).expanduser()
    if isinstance(name_or_path, Path) or "/" in text or text.endswith(SUFFIX) or candidate.exists():
        return candidate
    return preset_path(text, directory)


def owner_of(path: Path, directory: Path | None = None) -> str | None:
    """The name whose keyring entries the preset file at ``path`` may use.

    Only a file in the presets folder owns entries (saving is the only way to create them,
    and it writes there); a file anywhere else owns none.
    """
    folder = directory or paths.presets_dir()
    try:
        # The folders are compared resolved (REC_TUI_HOME may pass through a link); the
        # file itself is not, so a preset linked in from a checkout still counts as inside.
        inside = path.absolute().parent.resolve() == folder.resolve()
        name = check_name(path.stem) if path.suffix == SUFFIX else None
    except (PresetError, OSError, RuntimeError):
        return None
    return name if inside and name == path.stem else None


def write_atomically(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` atomically (see :mod:`rec_tui.store.files`)."""
    try:
        write_file(target, text)
    except StoreFileError as error:
        raise PresetError(error.message) from None


# --- locks ------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(names: list[str], folder: Path) -> Iterator[None]:
    """Hold the lock of each named preset (in name order, so two holders cannot deadlock)."""
    handles: list[int] = []
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name in sorted(set(names)):
                lock_path = folder / f".{name}{SUFFIX}.lock"
                flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
                handles.append(os.open(lock_path, flags, 0o600))
                _wait_for_lock(handles[-1], name)
        except OSError as error:
            raise PresetError(
                _("Could not lock the preset in {folder}: {error}.").format(
                    folder=folder, error=error.strerror or error
                )
            ) from None
        yield
    finally:
        for handle in handles:  # closing releases the lock
            os.close(handle)


def _wait_for_lock(handle: int, name: str) -> None:
    import fcntl

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise PresetError(
                    _(
                        "Another rec-tui has been changing the preset {name} for "
                        "{lock_wait_seconds:.0f} seconds; try again when it is done."
                    ).format(name=repr(name), lock_wait_seconds=LOCK_WAIT_SECONDS)
                ) from None
            time.sleep(0.02)


# --- saving -----------------------------------------------------------------------------


def save(
    draft: Draft,
    name: str,
    store: SecretStore,
    *,
    description: str = "",
    force: bool = False,
    directory: Path | None = None,
) -> Preset:
    """Write the preset (secrets to ``store``); refuses to overwrite unless ``force``.

    With a keyring each secret goes to the preset's own entry and the file refers to it.
    Without one (``store.persistent`` False) an entry would be gone at exit, so the file
    refers to environment variables instead and a notice says which ones to set.
    """
    name = check_name(name)
    target = preset_path(name, directory)
    entries: dict[str, str] = {}
    variables: dict[str, list[str]] = {}

    def reference(path_: str, key: str, value: str) -> str:
        if not store.persistent:
            variables.setdefault(env_variable(key), []).append(path_)
            return f"{ENV_REF}{env_variable(key)}"
        entries[secret_entry(name, path_)] = value
        return f"{KEYRING_REF}{secret_entry(name, path_)}"

    text = dumps(to_document(draft, name, description, reference))
    with _locked([name], target.parent):
        if not force and os.path.lexists(target):
            raise _exists(name, target)
        try:
            for entry, value in entries.items():
                store.set(entry, value)
        except SecretStoreError as error:
            raise PresetError(
                _("Could not save {name}: {error}").format(name=repr(name), error=error)
            ) from None
        try:
            write_file(target, text, exclusive=not force)
        except FileExistsError:
            raise _exists(name, target) from None
        except StoreFileError as error:
            raise PresetError(error.message) from None
    notices = [_variables_notice(variables)] if variables else []
    return Preset(name, draft, description, target, notices)


def _exists(name: str, target: Path) -> PresetError:
    return PresetError(
        _(
            "A preset named {name} already exists ({target}). Choose another name, "
            "or overwrite it (--force on the command line)."
        ).format(name=repr(name), target=target)
    )


def _variables_notice(variables: Mapping[str, list[str]]) -> str:
    listed = "; ".join(f"{variable} ({', '.join(where)})" for variable, where in variables.items())
    return _(
        "No usable keyring, so the preset refers to environment variables for "
        "its secrets instead of keeping them. Set these before opening or "
        "sending it: {listed}."
    ).format(listed=listed)


# --- loading ----------------------------------------------------------------------------


def read_preset_text(path: Path) -> str:
    """The text of a preset file, read safely (regular file, bounded, UTF-8)."""
    try:
        raw = read_regular_file(path)
    except StoreFileError as error:
        if error.missing:
            raise PresetError(_("{path}: no such preset file.").format(path=path)) from None
        raise PresetError(error.message) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PresetError(
            _("{path}: not UTF-8 text (bad byte at offset {start}); save it as UTF-8.").format(
                path=path, start=error.start
            )
        ) from None


def checked_document(text: str, path: Path, owner: str | None) -> dict[str, Any]:
    """The parsed document once it has passed every check, references included."""
    document = read_document(text, path)
    check_references(document["body"], owner, path, text)
    return document


def load(
    name_or_path: str | Path,
    store: SecretStore,
    *,
    allow_missing_secrets: bool = False,
    resolve_secrets: bool = True,
    environ: Mapping[str, str] | None = None,
    directory: Path | None = None,
) -> Preset:
    """Read a preset by name (in the presets directory) or by path.

    Raises :class:`PresetError` naming the file and line/column or key; nothing else. The
    file is only read. With ``allow_missing_secrets`` a secret that cannot be found is left
    out and a notice says so, instead of failing. With ``resolve_secrets=False`` the body
    keeps the references themselves (enough for a masked export; the keyring is not
    touched). References the preset may not use are refused either way.
    """
    path = resolve(name_or_path, directory)
    return parse(
        read_preset_text(path),
        path,
        store,
        allow_missing_secrets=allow_missing_secrets,
        resolve_secrets=resolve_secrets,
        environ=environ,
        directory=directory,
    )


def parse(
    text: str,
    path: Path,
    store: SecretStore,
    *,
    allow_missing_secrets: bool = False,
    resolve_secrets: bool = True,
    environ: Mapping[str, str] | None = None,
    directory: Path | None = None,
) -> Preset:
    document = checked_document(text, path, owner_of(path, directory))
    session = document.get("session", {})
    mode = cast(Mode, document["mode"])
    body = copy.deepcopy(document["body"])
    notices = (
        _resolve(body, path, text, store, environ, allow_missing_secrets) if resolve_secrets else []
    )
    from rec_tui.request.draft import Draft, Original

    draft = Draft(
        mode=mode,
        body=body,
        app_id=session.get("app_id", ""),
        endpoint=session.get("endpoint", "sandbox"),
        acquire_options=copy.deepcopy(session.get("acquire_options", {})),
        snapshot_intent=session.get("snapshot_intent"),
        original=Original(
            body, mode, _("preset {stem}").format(stem=document.get("name") or path.stem)
        ),
    )
    return Preset(
        name=document.get("name") or path.stem,
        draft=draft,
        description=document.get("description", ""),
        path=path,
        notices=notices,
    )


def _resolve(
    body: dict[str, Any],
    path: Path,
    text: str,
    store: SecretStore,
    environ: Mapping[str, str] | None,
    allow_missing: bool,
) -> list[str]:
    env = os.environ if environ is None else environ
    return resolve_secrets(body, path, text, store, env, allow_missing)


# --- renaming, deleting ------------------------------------------------------------


def rename(old: str, new: str, store: SecretStore, *, directory: Path | None = None) -> Path:
    """Rename a preset: the file, its ``name`` key and its keyring entries."""
    source = preset_path(old, directory)
    old, new = check_name(old), check_name(new)
    target = preset_path(new, directory)
    with _locked([old, new], source.parent):
        if not os.path.lexists(source):
            raise PresetError(
                _("There is no preset named {old} ({source}).").format(old=repr(old), source=source)
            )
        if os.path.lexists(target) and target != source:
            raise PresetError(
                _("A preset named {new} already exists ({target}); choose another.").format(
                    new=repr(new), target=target
                )
            )
        document = checked_document(read_preset_text(source), source, old)
        document["name"] = new
        moves: list[tuple[str, str]] = []
        for body_path, _key, value in secret_locations(document["body"]):
            if value == f"{KEYRING_REF}{secret_entry(old, body_path)}":
                moves.append((secret_entry(old, body_path), secret_entry(new, body_path)))
                jsonpath.set_value(
                    document["body"], body_path, f"{KEYRING_REF}{secret_entry(new, body_path)}"
                )
        try:
            for old_entry, new_entry in moves:
                stored = store.get(old_entry)
                if stored is not None:
                    store.set(new_entry, stored)
        except SecretStoreError as error:
            raise PresetError(
                _("Could not rename {old}: {error}").format(old=repr(old), error=error)
            ) from None
        try:
            write_file(target, dumps(document), exclusive=target != source)
        except FileExistsError:
            raise PresetError(
                _("A preset named {new} already exists ({target}); choose another.").format(
                    new=repr(new), target=target
                )
            ) from None
        except StoreFileError as error:
            raise PresetError(error.message) from None
        if target != source:
            with contextlib.suppress(FileNotFoundError):
                source.unlink()
        for old_entry, _new_entry in moves:
            with contextlib.suppress(SecretStoreError):
                store.delete(old_entry)
    return target


def delete(name: str, store: SecretStore, *, directory: Path | None = None) -> None:
    """Delete a preset file and the keyring entries it owns (a broken file owns none)."""
    path = preset_path(name, directory)
    name = check_name(name)
    with _locked([name], path.parent):
        if not os.path.lexists(path):
            raise PresetError(
                _("There is no preset named {name} ({path}).").format(name=repr(name), path=path)
            )
        owned: list[str] = []
        with contextlib.suppress(PresetError):
            document = read_document(read_preset_text(path), path)
            owned = [
                value.removeprefix(KEYRING_REF)
                for _p, _k, value in secret_locations(document["body"])
                if value.startswith(KEYRING_REF)
                and owns_entry(name, value.removeprefix(KEYRING_REF))
            ]
        try:
            path.unlink()
        except OSError as error:
            raise PresetError(
                _("Could not delete {path}: {error}.").format(
                    path=path, error=error.strerror or error
                )
            ) from None
        for entry in owned:
            with contextlib.suppress(SecretStoreError):
                store.delete(entry)
