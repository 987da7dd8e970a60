"""Presets: one TOML file per saved setup, with secrets only as references.

A preset holds a ``format`` version, its name, a description, the mode, the session values
(App ID, endpoint, acquire options, snapshot intent) and the ``start`` body. Each secret in
the body is written as a reference — ``keyring:<entry>`` (the value is in the OS keyring
under the ``rec-tui`` service) or ``env:<VARIABLE>`` (saved where no keyring was usable, or
exported to share) — never as the value.

Files are read with ``tomllib`` and written with ``tomli_w`` atomically (temporary file in
the same directory, fsync, rename), so a crash mid-save leaves the old preset intact. A
load never writes: a broken file stays byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, cast

from rec_tui.errors import RecTuiError
from rec_tui.request import endpoints
from rec_tui.request.draft import Draft, Original
from rec_tui.request.redact import secret_places
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import MODES, Mode
from rec_tui.store import paths
from rec_tui.store.secrets import BODY_SECRET_ENV, SecretStore, SecretStoreError

FORMAT_VERSION: Final = 1
SUFFIX: Final = ".toml"
KEYRING_REF: Final = "keyring:"
ENV_REF: Final = "env:"
SNAPSHOT_INTENTS: Final = ("only", "plus_recording")

_TOP_KEYS: Final = ("format", "name", "description", "mode", "session", "body")
_SESSION_KEYS: Final = ("app_id", "endpoint", "acquire_options", "snapshot_intent")
_NAME_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")


class PresetError(RecTuiError):
    """A preset that cannot be read, saved, renamed or deleted.

    The message names the file and the line and column or key, and says what to do.
    ``missing_secrets`` is True when the only trouble is secrets that could not be found,
    so a caller may offer to open the preset without them.
    """

    def __init__(self, message: str, *, missing_secrets: bool = False) -> None:
        super().__init__(message)
        self.missing_secrets = missing_secrets


@dataclass
class Preset:
    name: str
    draft: Draft
    description: str = ""
    path: Path | None = None
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PresetSummary:
    """One line of the preset list; ``problem`` is set when the file cannot be read."""

    name: str
    path: Path
    mode: str
    description: str
    modified: datetime
    problem: str | None = None


# --- names and paths ------------------------------------------------------------------


def check_name(name: str) -> str:
    """The name, stripped; :class:`PresetError` when it cannot be a file name."""
    stripped = name.strip()
    if not _NAME_PATTERN.fullmatch(stripped):
        raise PresetError(
            f"{name!r} cannot be a preset name: use 1 to 64 letters, digits, spaces, dots, "
            "dashes or underscores, starting with a letter or digit."
        )
    return stripped


def preset_path(name: str, directory: Path | None = None) -> Path:
    return (directory or paths.presets_dir()) / f"{check_name(name)}{SUFFIX}"


def secret_entry(preset_name: str, path: str) -> str:
    """The keyring entry holding the secret at ``path`` of a preset's body."""
    return f"preset/{preset_name}/{path}"


# --- secrets inside a body -------------------------------------------------------------


def secret_locations(body: Any) -> list[tuple[str, str, str]]:
    """(path, key, value) of every non-empty secret string, wherever it stands."""
    return list(secret_places(body))


# --- converting between a Draft and the TOML document ------------------------------------


def to_document(
    draft: Draft,
    name: str,
    description: str = "",
    secret_reference: Callable[[str, str, str], str] | None = None,
) -> dict[str, Any]:
    """The TOML document of a preset; ``secret_reference(path, key, value)`` replaces
    each secret (by default with an ``env:`` reference)."""
    reference = secret_reference or (lambda _path, key, _value: env_reference(key))
    body = draft.request_body()
    for path, key, value in secret_locations(body):
        jsonpath.set_value(body, path, reference(path, key, value))
    _refuse_nulls(body, "body")
    session: dict[str, Any] = {"endpoint": draft.endpoint}
    if draft.app_id:
        session["app_id"] = draft.app_id
    if draft.acquire_options:
        options = copy.deepcopy(draft.acquire_options)
        _refuse_nulls(options, "session.acquire_options")
        session["acquire_options"] = options
    if draft.snapshot_intent is not None:
        session["snapshot_intent"] = draft.snapshot_intent
    document: dict[str, Any] = {"format": FORMAT_VERSION, "name": name}
    if description:
        document["description"] = description
    document["mode"] = draft.mode
    document["session"] = session
    document["body"] = body
    return document


def env_reference(key: str) -> str:
    return f"{ENV_REF}{BODY_SECRET_ENV.get(key, 'REC_TUI_' + key.upper())}"


def _refuse_nulls(value: Any, where: str) -> None:
    """TOML has no null; say where one is rather than dropping it silently."""
    for path, item in jsonpath.walk(value):
        if item is None:
            raise PresetError(
                f"{where}.{path} is null, which a TOML preset cannot hold: remove the field "
                "(or give it a value) and save again."
            )


def dumps(document: Mapping[str, Any]) -> str:
    import tomli_w

    header = "# rec-tui preset. Secrets are references (keyring:… or env:…), never values.\n"
    text: str = tomli_w.dumps(document)
    return header + text


# --- saving -----------------------------------------------------------------------------


def save(
    draft: Draft,
    name: str,
    store: SecretStore,
    *,
    description: str = "",
    force: bool = False,
    directory: Path | None = None,
    path: Path | None = None,
) -> Preset:
    """Write the preset (secrets to ``store``); refuses to overwrite unless ``force``.

    Each secret goes to its own keyring entry and the file refers to it. Without a real
    keyring the entry lives in memory only, and a notice says which variable to set later
    (a missing entry falls back to that variable when loading).
    """
    name = check_name(name)
    target = path or preset_path(name, directory)
    if target.exists() and not force:
        raise PresetError(
            f"A preset named {name!r} already exists ({target}). Choose another name, or "
            "overwrite it (--force on the command line)."
        )
    notices: list[str] = []
    stored: list[str] = []

    def reference(path_: str, key: str, value: str) -> str:
        if not store.persistent:
            variable = env_reference(key).removeprefix(ENV_REF)
            notices.append(
                f"No keyring: {path_} is kept for this session only; in a later session "
                f"set {variable} or type it in again."
            )
        entry = secret_entry(name, path_)
        store.set(entry, value)
        stored.append(entry)
        return f"{KEYRING_REF}{entry}"

    try:
        text = dumps(to_document(draft, name, description, reference))
    except SecretStoreError as error:
        raise PresetError(f"Could not save {name!r}: {error}") from None
    write_atomically(target, text)
    return Preset(name, draft, description, target, notices)


def write_atomically(target: Path, text: str) -> None:
    """Temporary file in the same directory, fsync, then rename over the target."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise PresetError(f"Could not write {target}: {error.strerror or error}.") from None


# --- loading ----------------------------------------------------------------------------


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

    Raises :class:`PresetError` naming the file and line/column or key. The file is only
    read. With ``allow_missing_secrets`` a secret that cannot be found is left out and a
    notice says so, instead of failing. With ``resolve_secrets=False`` the body keeps the
    references themselves (enough for a masked export; the keyring is not touched).
    """
    path = resolve(name_or_path, directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PresetError(f"{path}: no such preset file.") from None
    except OSError as error:
        raise PresetError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PresetError(
            f"{path}: not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8."
        ) from None
    return parse(
        text,
        path,
        store,
        allow_missing_secrets=allow_missing_secrets,
        resolve_secrets=resolve_secrets,
        environ=os.environ if environ is None else environ,
    )


def resolve(name_or_path: str | Path, directory: Path | None = None) -> Path:
    """A path as given when it looks like one, else the preset of that name."""
    text = str(name_or_path)
    candidate = Path(text).expanduser()
    if isinstance(name_or_path, Path) or "/" in text or text.endswith(SUFFIX) or candidate.exists():
        return candidate
    return preset_path(text, directory)


def parse(
    text: str,
    path: Path,
    store: SecretStore,
    *,
    allow_missing_secrets: bool = False,
    resolve_secrets: bool = True,
    environ: Mapping[str, str] | None = None,
) -> Preset:
    env = os.environ if environ is None else environ
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PresetError(f"{path}: {_toml_error(error)} Fix the TOML syntax there.") from None
    checker = _Checker(path, text)
    checker.check(document)
    session = document.get("session", {})
    mode = cast(Mode, document["mode"])
    body = copy.deepcopy(document["body"])
    notices = (
        _resolve_secrets(body, path, text, store, env, allow_missing_secrets)
        if resolve_secrets
        else []
    )
    draft = Draft(
        mode=mode,
        body=body,
        app_id=session.get("app_id", ""),
        endpoint=session.get("endpoint", "sandbox"),
        acquire_options=copy.deepcopy(session.get("acquire_options", {})),
        snapshot_intent=session.get("snapshot_intent"),
        original=Original(body, mode, f"preset {document.get('name') or path.stem}"),
    )
    return Preset(
        name=document.get("name") or path.stem,
        draft=draft,
        description=document.get("description", ""),
        path=path,
        notices=notices,
    )


def _toml_error(error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's message ends with "(at line L, column C)"; put the position first.
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        reason = message[: found.start()]
        return f"line {found.group(1)}, column {found.group(2)}: not valid TOML: {reason}."
    return f"not valid TOML: {message}."


def _resolve_secrets(
    body: dict[str, Any],
    path: Path,
    text: str,
    store: SecretStore,
    env: Mapping[str, str],
    allow_missing: bool,
) -> list[str]:
    notices: list[str] = []
    missing: list[str] = []
    left_out_paths: list[str] = []
    for body_path, key, value in secret_locations(body):
        where = f"{path}, {_locate(text, 'body.' + body_path)}body.{body_path}"
        if value.startswith(KEYRING_REF):
            entry = value.removeprefix(KEYRING_REF)
            try:
                found = store.get(entry)
            except SecretStoreError as error:
                raise PresetError(f"{where}: {error}") from None
            variable = BODY_SECRET_ENV.get(key)
            if found is None and variable and env.get(variable):
                found = env[variable]
                notices.append(f"{body_path}: keyring entry missing, taken from ${variable}.")
            if found is None:
                keeper = (
                    f"the keyring ({store.backend_name}) has"
                    if store.persistent
                    else "no keyring is usable here, so this session has"
                )
                missing.append(
                    f"{where}: {keeper} no entry {entry!r}. "
                    f"Set {variable or 'the secret'} in the environment, or open the preset "
                    "without this secret and type it in."
                )
        elif value.startswith(ENV_REF):
            variable = value.removeprefix(ENV_REF)
            found = env.get(variable) or None
            if found is None:
                missing.append(
                    f"{where}: refers to the environment variable {variable}, which is not "
                    "set. Set it, or open the preset without this secret and type it in."
                )
        else:
            notices.append(
                f"{where} holds the secret in plain text; save the preset again to move it "
                "into the keyring."
            )
            continue
        if found is None:
            left_out_paths.append(body_path)
            jsonpath.remove(body, body_path)
        else:
            jsonpath.set_value(body, body_path, found)
    if missing and not allow_missing:
        raise PresetError("\n".join(missing), missing_secrets=True)
    if missing:
        left_out = ", ".join(sorted(left_out_paths))
        notices.append(
            f"Opened without secrets that could not be found ({left_out}): type them in, "
            "or set their environment variables (REC_TUI_TOKEN, …) and open it again."
        )
    return notices


def _locate(text: str, dotted: str) -> str:
    """The "line N: " prefix for the line defining ``dotted`` (table.key), best effort, else ""."""
    *table_parts, key = dotted.split(".")
    table = ".".join(table_parts)
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", stripped)
        if header:
            current = header.group(1).replace('"', "").replace(" ", "")
            continue
        assignment = re.match(r'"?([A-Za-z0-9_.-]+?)"?\s*=', stripped)
        if not assignment:
            continue
        full = f"{current}.{assignment.group(1)}" if current else assignment.group(1)
        if full == dotted or (current == table and assignment.group(1) == key):
            return f"line {number}: "
    return ""


class _Checker:
    """Type and key checks of a parsed preset, each failure one clear PresetError."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, key: str, problem: str) -> PresetError:
        return PresetError(f"{self.path}, {_locate(self.text, key)}key {key!r}: {problem}")

    def check(self, document: dict[str, Any]) -> None:
        self._unknown(document, _TOP_KEYS, "")
        version = document.get("format")
        if version is None:
            raise self.fail("format", f"missing. Add `format = {FORMAT_VERSION}` at the top.")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("format", f"must be a whole number such as {FORMAT_VERSION}.")
        if version > FORMAT_VERSION:
            raise self.fail(
                "format",
                f"this preset uses format {version}, newer than this rec-tui understands "
                f"({FORMAT_VERSION}). Upgrade rec-tui to open it.",
            )
        for key in ("name", "description"):
            if key in document and not isinstance(document[key], str):
                raise self.fail(key, "must be a text string in quotes.")
        mode = document.get("mode")
        if mode not in MODES:
            shown = "missing" if mode is None else f"is {mode!r}"
            raise self.fail("mode", f"{shown}; use one of {', '.join(MODES)}.")
        session = document.get("session", {})
        if not isinstance(session, dict):
            raise self.fail("session", "must be a table ([session]).")
        self._session(session)
        if "body" not in document:
            raise self.fail("body", "missing: add a [body] table with the start request.")
        if not isinstance(document["body"], dict):
            raise self.fail("body", "must be a table ([body]) holding the start request object.")

    def _session(self, session: dict[str, Any]) -> None:
        self._unknown(session, _SESSION_KEYS, "session.")
        for key in ("app_id", "endpoint"):
            if key in session and not isinstance(session[key], str):
                raise self.fail(f"session.{key}", "must be a text string in quotes.")
        if "endpoint" in session:
            try:
                endpoints.resolve(session["endpoint"])
            except ValueError as error:
                raise self.fail("session.endpoint", str(error)) from None
        if "acquire_options" in session and not isinstance(session["acquire_options"], dict):
            raise self.fail("session.acquire_options", "must be a table.")
        intent = session.get("snapshot_intent")
        if intent is not None and intent not in SNAPSHOT_INTENTS:
            raise self.fail(
                "session.snapshot_intent", f"is {intent!r}; use {' or '.join(SNAPSHOT_INTENTS)}."
            )

    def _unknown(self, table: dict[str, Any], known: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1)
            hint = f' Did you mean "{close[0]}"?' if close else f" Known keys: {', '.join(known)}."
            raise self.fail(f"{prefix}{key}", f"unknown key.{hint} Rename or remove it.")


# --- listing, renaming, deleting ------------------------------------------------------------


def list_presets(directory: Path | None = None) -> list[PresetSummary]:
    """Every preset in the directory, by name; unreadable ones carry their problem."""
    folder = directory or paths.presets_dir()
    if not folder.is_dir():
        return []
    summaries: list[PresetSummary] = []
    for file in sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stem.lower()):
        try:
            modified = datetime.fromtimestamp(file.stat().st_mtime, tz=UTC)
            document = tomllib.loads(file.read_text(encoding="utf-8"))
            mode = document.get("mode")
            description = document.get("description", "")
            problem = None if mode in MODES else "unknown mode"
            summaries.append(
                PresetSummary(
                    file.stem,
                    file,
                    str(mode or "?"),
                    description if isinstance(description, str) else "",
                    modified,
                    problem,
                )
            )
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            summaries.append(
                PresetSummary(file.stem, file, "?", "", datetime.now(tz=UTC), str(error))
            )
    return summaries


def rename(old: str, new: str, store: SecretStore, *, directory: Path | None = None) -> Path:
    """Rename a preset: the file, its ``name`` key and its keyring entries."""
    source = preset_path(old, directory)
    new = check_name(new)
    target = preset_path(new, directory)
    if not source.exists():
        raise PresetError(f"There is no preset named {old!r} ({source}).")
    if target.exists() and target != source:
        raise PresetError(f"A preset named {new!r} already exists ({target}); choose another.")
    text = source.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PresetError(f"{source}: {_toml_error(error)} Fix it before renaming.") from None
    _Checker(source, text).check(document)
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
        raise PresetError(f"Could not rename {old!r}: {error}") from None
    write_atomically(target, dumps(document))
    if target != source:
        source.unlink()
    for old_entry, _new_entry in moves:
        with contextlib.suppress(SecretStoreError):
            store.delete(old_entry)
    return target


def delete(name: str, store: SecretStore, *, directory: Path | None = None) -> None:
    """Delete a preset file and the keyring entries it owns."""
    path = preset_path(name, directory)
    if not path.exists():
        raise PresetError(f"There is no preset named {name!r} ({path}).")
    owned: list[str] = []
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        prefix = f"{KEYRING_REF}{secret_entry(check_name(name), '')}"
        owned = [
            value.removeprefix(KEYRING_REF)
            for _p, _k, value in secret_locations(document.get("body", {}))
            if value.startswith(prefix)
        ]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        pass  # a broken preset can still be deleted; it owns no entries we can find
    try:
        path.unlink()
    except OSError as error:
        raise PresetError(f"Could not delete {path}: {error.strerror or error}.") from None
    for entry in owned:
        with contextlib.suppress(SecretStoreError):
            store.delete(entry)
