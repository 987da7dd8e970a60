"""Export a draft: the body as JSON, the whole start request as curl, or a TOML preset.

Secrets stay out unless ``reveal`` is asked for explicitly: JSON masks them (through
``rec_tui.request.redact``), curl and TOML refer to environment variables instead
(``"$AGORA_CUSTOMER_SECRET"``, ``$REC_TUI_TOKEN``), so the command runs as-is in a shell
where those are set, and imports back to the same draft.
"""

from __future__ import annotations

import json
import shlex
from typing import Final, Literal

from rec_tui.request import endpoints
from rec_tui.request.draft import Draft
from rec_tui.request.redact import redact_body
from rec_tui.spec import jsonpath
from rec_tui.store import presets
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    RESOURCE_ID_ENV,
    Credentials,
)

Format = Literal["json", "curl", "toml"]
FORMATS: Final[tuple[Format, ...]] = ("json", "curl", "toml")

APP_ID_ENV: Final = "AGORA_APP_ID"

# Characters that keep their special meaning inside double quotes in a POSIX shell.
_DOUBLE_QUOTE_SPECIAL: Final = str.maketrans({"\\": "\\\\", '"': '\\"', "$": "\\$", "`": "\\`"})


def export_json(draft: Draft, *, reveal: bool = False) -> str:
    body = draft.request_body()
    return json.dumps(body if reveal else redact_body(body), indent=2, ensure_ascii=False) + "\n"


def _sentinel(label: str) -> str:
    return f"\x00{label}\x00"


def _shell_quoted(text: str, references: dict[str, str], *, json_escaped: bool = False) -> str:
    """One shell word for ``text``, where each sentinel becomes a ``${VARIABLE}`` reference.

    Without references the word is single-quoted; with them it is double-quoted and every
    character still special inside double quotes is escaped, so only the references expand.
    """
    if not references:
        return shlex.quote(text)
    quoted = '"' + text.translate(_DOUBLE_QUOTE_SPECIAL) + '"'
    for sentinel, variable in references.items():
        written = json.dumps(sentinel)[1:-1] if json_escaped else sentinel
        quoted = quoted.replace(written.translate(_DOUBLE_QUOTE_SPECIAL), f"${{{variable}}}")
    return quoted


def export_curl(
    draft: Draft,
    *,
    reveal: bool = False,
    credentials: Credentials | None = None,
    resource_id: str | None = None,
) -> str:
    """The start request as a curl command for a POSIX shell.

    Arguments that hold a ``$VARIABLE`` reference are double-quoted (so the shell fills
    them in); everything else is single-quoted by ``shlex.quote``. Secrets inside the body
    become ``$REC_TUI_…`` references unless ``reveal``; the values of those variables go
    into the JSON as they are, so they must not contain ``"`` or ``\\`` (tokens and keys
    never do).
    """
    body = draft.request_body()
    references: dict[str, str] = {}
    if not reveal:
        for index, (path, key, _value) in enumerate(presets.secret_locations(body)):
            sentinel = _sentinel(f"secret{index}")
            references[sentinel] = presets.env_reference(key).removeprefix(presets.ENV_REF)
            jsonpath.set_value(body, path, sentinel)
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    if reveal and credentials is not None:
        user = shlex.quote(f"{credentials.customer_id}:{credentials.customer_secret}")
    else:
        user = f'"${CUSTOMER_ID_ENV}:${CUSTOMER_SECRET_ENV}"'
    url_references: dict[str, str] = {}
    app_id = draft.app_id
    if not app_id:
        app_id = _sentinel("app")
        url_references[app_id] = APP_ID_ENV
    if not resource_id:
        resource_id = _sentinel("resource")
        url_references[resource_id] = RESOURCE_ID_ENV
    base = endpoints.resolve(draft.endpoint).primary
    url = base + endpoints.call_path("start", app_id, draft.mode, resource_id)
    lines = [
        f"curl -X POST {_shell_quoted(url, url_references)}",
        f"  -u {user}",
        f"  -H {shlex.quote('Content-Type: ' + endpoints.CONTENT_TYPE)}",
        f"  -d {_shell_quoted(data, references, json_escaped=True)}",
    ]
    return " \\\n".join(lines) + "\n"


def export_toml(
    draft: Draft, name: str = "exported", description: str = "", *, reveal: bool = False
) -> str:
    """A preset file; secrets as ``env:`` references (or values with ``reveal``)."""
    if reveal:
        return presets.dumps(
            presets.to_document(draft, name, description, lambda _p, _k, value: value)
        )
    return presets.dumps(presets.to_document(draft, name, description))


def export(
    draft: Draft,
    fmt: Format,
    *,
    reveal: bool = False,
    credentials: Credentials | None = None,
    name: str = "exported",
    description: str = "",
) -> str:
    if fmt == "json":
        return export_json(draft, reveal=reveal)
    if fmt == "curl":
        return export_curl(draft, reveal=reveal, credentials=credentials)
    return export_toml(draft, name, description, reveal=reveal)
