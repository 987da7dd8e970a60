"""Secrets written as environment variable references (``"$REC_TUI_TOKEN"``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from rec_tui.formats.importers.result import ImportResult
from rec_tui.request.redact import SECRET_KEYS
from rec_tui.spec import jsonpath

ENV_REFERENCE: Final = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")


def resolved(value: str, env: Mapping[str, str]) -> str | None:
    """A value, or the environment's value when it is just ``$NAME``; None if unset."""
    match = ENV_REFERENCE.fullmatch(value)
    if match is None:
        return value
    return env.get(match.group(1)) or None


def fill_secret_references(result: ImportResult, env: Mapping[str, str]) -> None:
    for path, value in list(jsonpath.walk(result.body)):
        key = jsonpath.parse(path)[-1] if path else None
        if key not in SECRET_KEYS or not isinstance(value, str):
            continue
        match = ENV_REFERENCE.fullmatch(value)
        if match is None:
            continue
        variable = match.group(1)
        if env.get(variable):
            jsonpath.set_value(result.body, path, env[variable])
        else:
            jsonpath.remove(result.body, path)
            result.notices.append(
                f"{path} refers to ${variable}, which is not set here; fill it in "
                f"(or set {variable} and import again)."
            )
