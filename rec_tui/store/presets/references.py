"""Secret references in a preset: ``keyring:<entry>`` and ``env:<VARIABLE>``.

A preset never holds a secret's value, only where to find it. Presets are shared in team
repositories, so a preset is untrusted input: it may refer only to its own keyring entries
(``keyring:preset/<its name>/<body path>``, as :func:`secret_entry` names them) and to the
documented variables (``REC_TUI_…``, ``AGORA_CUSTOMER_ID``, ``AGORA_CUSTOMER_SECRET``).
Anything else — the shared customer credentials' entries, another preset's entries,
``env:HOME`` — is refused before any secret is read, so no command can be made to print or
send a value the preset was not allowed to read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.redact import secret_places
from rec_tui.spec import jsonpath
from rec_tui.store.presets.errors import PresetError, locate_value
from rec_tui.store.secrets import (
    BODY_SECRET_ENV,
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    SecretStore,
    SecretStoreError,
)

KEYRING_REF: Final = "keyring:"
ENV_REF: Final = "env:"
ENV_PREFIX: Final = "REC_TUI_"

# What may follow "preset/<name>/" in an entry: a body path, never with "/", "..", a
# leading "." or control characters, so a secrets command cannot be steered elsewhere.
_ENTRY_PATH: Final = re.compile(r"(?!.*\.\.)[^./\x00-\x1f\x7f][^/\x00-\x1f\x7f]*")
_VARIABLE: Final = re.compile(r"[A-Z][A-Z0-9_]*")


def secret_entry(preset_name: str, path: str) -> str:
    """The keyring entry holding the secret at ``path`` of a preset's body."""
    return f"preset/{preset_name}/{path}"


def env_reference(key: str) -> str:
    """The ``env:`` reference for a secret of this key name."""
    return f"{ENV_REF}{env_variable(key)}"


def env_variable(key: str) -> str:
    return BODY_SECRET_ENV.get(key, f"{ENV_PREFIX}{key.upper()}")


def secret_locations(body: Any) -> list[tuple[str, str, str]]:
    """(path, key, value) of every non-empty secret string, wherever it stands."""
    return list(secret_places(body))


def is_allowed_variable(variable: str) -> bool:
    return variable in (CUSTOMER_ID_ENV, CUSTOMER_SECRET_ENV) or (
        variable.startswith(ENV_PREFIX) and _VARIABLE.fullmatch(variable) is not None
    )


def owns_entry(owner: str | None, entry: str) -> bool:
    """True when ``entry`` is one of the preset ``owner``'s own keyring entries."""
    if owner is None:
        return False
    prefix = secret_entry(owner, "")
    return entry.startswith(prefix) and _ENTRY_PATH.fullmatch(entry[len(prefix) :]) is not None


def reference_problem(value: str, owner: str | None) -> str | None:
    """Why a preset named ``owner`` may not use the reference ``value``; None when it may."""
    if value.startswith(KEYRING_REF):
        entry = value.removeprefix(KEYRING_REF)
        if owns_entry(owner, entry):
            return None
        own = (
            f"keyring:{secret_entry(owner, '…')}"
            if owner
            else "keyring:preset/" + _("<its name>") + "/…"
        )
        return _(
            "refers to the keyring entry {entry}, which is not this preset's own: a preset "
            "may use only its own entries ({own}). Replace the reference with the secret's "
            "value and save the preset again, or use an env: reference."
        ).format(entry=repr(entry), own=own)
    if value.startswith(ENV_REF):
        variable = value.removeprefix(ENV_REF)
        if is_allowed_variable(variable):
            return None
        return _(
            "refers to the environment variable {variable}, which a preset may not read: "
            "only {prefix}… variables, {id_variable} and {secret_variable}. Use one of those."
        ).format(
            variable=repr(variable),
            prefix=ENV_PREFIX,
            id_variable=CUSTOMER_ID_ENV,
            secret_variable=CUSTOMER_SECRET_ENV,
        )
    return None


def check_references(body: Any, owner: str | None, path: Path, text: str) -> None:
    """Refuse the first reference the preset may not use, naming it, the line and column."""
    for body_path, _key, value in secret_locations(body):
        problem = reference_problem(value, owner)
        if problem is not None:
            where = locate_value(text, value, f"body.{body_path}")
            raise PresetError(
                _("{path}, {where}{key} {problem}").format(
                    path=path, where=where, key=f"body.{body_path}", problem=problem
                )
            )


def resolve_secrets(
    body: dict[str, Any],
    path: Path,
    text: str,
    store: SecretStore,
    env: Mapping[str, str],
    allow_missing: bool,
) -> list[str]:
    """Replace each (already checked) reference in ``body`` with its value; the notices."""
    notices: list[str] = []
    missing: list[str] = []
    left_out_paths: list[str] = []
    for body_path, key, value in secret_locations(body):
        where = f"{path}, {locate_value(text, value, 'body.' + body_path)}body.{body_path}"
        if value.startswith(KEYRING_REF):
            entry = value.removeprefix(KEYRING_REF)
            try:
                found = store.get(entry)
            except SecretStoreError as error:
                raise PresetError(f"{where}: {error}") from None
            variable = env_variable(key)
            if found is None and env.get(variable):
                found = env[variable]
                notices.append(
                    _("{path}: keyring entry missing, taken from ${variable}.").format(
                        path=body_path, variable=variable
                    )
                )
            if found is None:
                lacking = (
                    _(
                        "{where}: the keyring ({backend}) has no entry {entry}. Set {variable} "
                        "in the environment, or open the preset without this secret and type "
                        "it in."
                    )
                    if store.persistent
                    else _(
                        "{where}: no keyring is usable here, so this session has no entry "
                        "{entry}. Set {variable} in the environment, or open the preset "
                        "without this secret and type it in."
                    )
                )
                missing.append(
                    lacking.format(
                        where=where,
                        backend=store.backend_name,
                        entry=repr(entry),
                        variable=variable,
                    )
                )
        elif value.startswith(ENV_REF):
            variable = value.removeprefix(ENV_REF)
            found = env.get(variable) or None
            if found is None:
                missing.append(
                    _(
                        "{where}: refers to the environment variable {variable}, which is not "
                        "set. Set it, or open the preset without this secret and type it in."
                    ).format(where=where, variable=variable)
                )
        else:
            notices.append(
                _(
                    "{where} holds the secret in plain text; save the preset again to move "
                    "it into the keyring."
                ).format(where=where)
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
            _(
                "Opened without secrets that could not be found ({left_out}): type "
                "them in, or set their environment variables (REC_TUI_TOKEN, …) and "
                "open it again."
            ).format(left_out=left_out)
        )
    return notices
