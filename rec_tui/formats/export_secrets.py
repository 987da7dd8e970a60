"""Secrets in an export: each one a ``${REC_TUI_…}`` reference, or its value when revealed.

An export is meant to run as it is, so no secret is ever left out or masked with bullets:
without ``reveal`` each becomes a reference to the environment variable its declaration
names (``Field.env``, :data:`rec_tui.store.secrets.BODY_SECRET_ENV`); with ``reveal`` it is
written as it is, unless the draft holds only a preset's reference to it (``keyring:…`` or
``env:…`` that could not be read), which is written as a reference too. A secret the
declarations require in this mode (the storage keys) that the body lacks, because it
could not be found when a preset was opened, is added back as a reference, so the request
does not fail at Agora for a key that was silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.modes import Mode
from rec_tui.store.presets import ENV_REF, KEYRING_REF, secret_locations
from rec_tui.store.presets.references import env_variable, is_allowed_variable


def secret_variable(key: str, value: str) -> str:
    """The variable an export refers to: the one an ``env:`` value names, else the declared one."""
    if value.startswith(ENV_REF):
        variable = value.removeprefix(ENV_REF)
        if is_allowed_variable(variable):
            return variable
    return env_variable(key)


def only_a_reference(value: str) -> bool:
    """True when ``value`` is a preset's reference to a secret, not the secret itself."""
    return value.startswith((KEYRING_REF, ENV_REF))


def refer_to_secrets(
    body: Any, reference: Callable[[str], str], *, reveal: bool, mode: Mode | None = None
) -> list[str]:
    """Replace, in place, each secret of ``body`` by ``reference(variable)``; the variables.

    With ``reveal`` secret values stay; references a preset left unresolved do not. With
    ``mode`` (a start body), a secret required in that mode and missing is added as a
    reference. The variables come back in the order they first appear, each once.
    """
    variables: list[str] = []

    def refer(path: str, variable: str) -> None:
        jsonpath.set_value(body, path, reference(variable))
        if variable not in variables:
            variables.append(variable)

    for path, key, value in secret_locations(body):
        if not reveal or only_a_reference(value):
            refer(path, secret_variable(key, value))
    for field in catalogue.secret_fields():
        if mode is None or mode not in field.required_in or not field.applies_to(mode):
            continue
        parent = jsonpath.get(body, field.parent) if field.parent else body
        if isinstance(parent, dict) and field.key not in parent:
            refer(field.path, field.env)
    return variables
