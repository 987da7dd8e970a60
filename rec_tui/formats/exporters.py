"""Export a draft: the body as JSON, the start request as curl, a shell script that
acquires then starts, or a TOML preset.

Every export runs (or opens) as it is, so no secret is left out or masked with bullets:
without ``reveal`` each secret is a reference to its environment variable (see
:mod:`rec_tui.formats.export_secrets`), with ``reveal`` its value. In the JSON export a
reference is the text ``"${REC_TUI_TOKEN}"`` in place of the value, as a customer's shell
template would have it (rec-tui's importers point such references out and keep them); in
curl and the script it is a shell reference the shell fills in; in TOML it is a preset's
``env:REC_TUI_TOKEN``. Where the shell exports send is :mod:`rec_tui.formats.export_shell`.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from rec_tui.formats.export_secrets import only_a_reference, refer_to_secrets, secret_variable
from rec_tui.formats.export_shell import (
    SANDBOX_SERVE_URL,
    export_curl,
    export_shell,
    sandbox_note,
)
from rec_tui.request.draft import Draft
from rec_tui.request.redact import redact_url
from rec_tui.store import presets
from rec_tui.store.secrets import Credentials

Format = Literal["json", "curl", "shell", "toml"]
FORMATS: Final[tuple[Format, ...]] = ("json", "curl", "toml", "shell")

__all__ = [
    "FORMATS",
    "SANDBOX_SERVE_URL",
    "Format",
    "export",
    "export_curl",
    "export_json",
    "export_shell",
    "export_toml",
    "sandbox_note",
]


def export_json(draft: Draft, *, reveal: bool = False) -> str:
    """The body; without ``reveal`` each secret is the text ``${VARIABLE}``.

    User info in URLs (``https://user:password@host``) is masked unless revealed: no
    variable is declared for it.
    """
    body = draft.request_body()
    refer_to_secrets(body, lambda variable: f"${{{variable}}}", reveal=reveal, mode=draft.mode)
    return json.dumps(body if reveal else _urls_masked(body), indent=2, ensure_ascii=False) + "\n"


def _urls_masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _urls_masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_urls_masked(item) for item in value]
    return redact_url(value) if isinstance(value, str) else value


def export_toml(
    draft: Draft, name: str = "exported", description: str = "", *, reveal: bool = False
) -> str:
    """A preset file; secrets as ``env:`` references (or values with ``reveal``)."""

    def reference(_path: str, key: str, value: str) -> str:
        if reveal and not only_a_reference(value):
            return value
        return presets.ENV_REF + secret_variable(key, value)

    document = presets.to_document(draft, name, description, reference)
    # Every secret is a value or an env: reference by now; this adds the missing ones.
    refer_to_secrets(
        document["body"], lambda variable: presets.ENV_REF + variable, reveal=True, mode=draft.mode
    )
    return presets.dumps(document)


def export(
    draft: Draft,
    fmt: Format,
    *,
    reveal: bool = False,
    credentials: Credentials | None = None,
    name: str = "exported",
    description: str = "",
) -> str:
    """``draft`` in format ``fmt``; ValueError when its endpoint is not understood."""
    if fmt == "json":
        return export_json(draft, reveal=reveal)
    if fmt == "curl":
        return export_curl(draft, reveal=reveal, credentials=credentials)
    if fmt == "shell":
        return export_shell(draft, reveal=reveal, credentials=credentials)
    return export_toml(draft, name, description, reveal=reveal)
