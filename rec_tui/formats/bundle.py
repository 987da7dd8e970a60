"""An escalation bundle: one zip with everything a colleague needs, and no secret.

It holds the request (secrets masked), the validator's problems, the recent exchanges from
the history, the versions of rec-tui and Python, and a README.txt listing what is inside, in
the language rec-tui speaks (for the colleague it is handed to; the members' names, keys and
values are the same in every language).
Every member passes through :func:`rec_tui.request.redact.redact_json` (or ``redact_text``)
with every secret value known to the caller — the body's, the keyring's — so even a history
line written by an older version, or a secret pasted into the wrong field, comes out masked.
The zip is written atomically and readable by its owner only.
"""

from __future__ import annotations

import io
import json
import platform
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from rec_tui import __version__
from rec_tui.i18n import _, moment, ngettext
from rec_tui.request.draft import Draft
from rec_tui.request.redact import redact_exchange, redact_json, redact_text, secret_values
from rec_tui.spec.problems import Problem
from rec_tui.store.files import write_atomically

# Files in the zip: owner read/write only, whoever unpacks it.
_MEMBER_MODE: Final = 0o600


@dataclass
class BundleContents:
    """What goes into a bundle, gathered by the caller (the command line)."""

    draft: Draft | None
    source: str  # how the request was named: a preset name or a file name
    exchanges: list[dict[str, Any]] = field(default_factory=list)
    skipped_exchanges: int = 0  # unreadable history lines
    secrets: set[str] = field(default_factory=set)  # known secret values, from the keyring
    # `rec-tui diagnose` of the material (its JSON); worked out above this layer, by the caller.
    diagnosis: dict[str, Any] | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))


def bundle_members(contents: BundleContents) -> dict[str, str]:
    """The zip's members, name → text, every one of them redacted."""
    draft = contents.draft
    known = set(contents.secrets)
    if draft is not None:
        known |= secret_values(draft.request_body())
    members: dict[str, str] = {}
    problems = draft.validate() if draft is not None else []
    if draft is not None:
        members["request.json"] = _json(redact_json(_request_of(draft), known))
        members["problems.json"] = _json(redact_json([p.as_dict() for p in problems], known))
    members["exchanges.jsonl"] = "".join(
        json.dumps(redact_exchange(record, known), ensure_ascii=False) + "\n"
        for record in contents.exchanges
    )
    if contents.diagnosis is not None:
        members["diagnosis.json"] = _json(redact_json(contents.diagnosis, known))
    members["versions.txt"] = _versions()
    members["README.txt"] = redact_text(_readme(contents, problems), known)
    return members


def write_bundle(target: Path, members: dict[str, str], created_at: datetime) -> None:
    """The zip of ``members``, written atomically with mode 0600 (StoreFileError if not)."""
    buffer = io.BytesIO()
    stamp = created_at.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("README.txt", *sorted(set(members) - {"README.txt"})):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _MEMBER_MODE << 16
            archive.writestr(info, members[name].encode("utf-8", "backslashreplace"))
    write_atomically(target, buffer.getvalue())


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _request_of(draft: Draft) -> dict[str, Any]:
    request = {
        "mode": draft.mode,
        "appId": draft.app_id,
        "endpoint": draft.endpoint,
        "acquire": draft.acquire_options,
        "body": draft.request_body(),
    }
    # Where the customer's material sent it: for an escalation, often the key fact.
    original = draft.original
    if original is not None and (original.customer_endpoint or original.customer_app_id):
        request["customer"] = {
            "endpoint": original.customer_endpoint or "",
            "appId": original.customer_app_id or "",
        }
    return request


def _versions() -> str:
    return (
        f"rec-tui {__version__}\n"
        f"Python {platform.python_version()} ({platform.python_implementation()})\n"
        f"Platform {platform.platform(terse=True)}\n"
    )


def _readme(contents: BundleContents, problems: list[Problem]) -> str:
    created = moment(contents.created_at, utc=True)
    lines = [
        _("rec-tui escalation bundle"),
        _("Made {created} by rec-tui {version}.").format(created=created, version=__version__),
        "",
        _(
            "Every secret (customer ID and secret, RTC token, storage keys, decryption secret and\n"
            "salt, App Certificate) is replaced by ••••••••. Nothing here can be used to log in."
        ),
        "",
        _("What is inside:"),
    ]
    lines += _described(contents, problems)
    return "\n".join(lines) + "\n"


def _member(name: str, text: str) -> str:
    """A member's name and what it holds, its lines beside the name (file names stay)."""
    first, *more = text.split("\n")
    return "\n".join([f"  {name:<17}{first}", *(f"{'':19}{line}" for line in more)])


def _described(contents: BundleContents, problems: list[Problem]) -> Iterable[str]:
    draft = contents.draft
    if draft is not None:
        errors = sum(1 for p in problems if p.is_error)
        warnings = len(problems) - errors
        yield _member(
            "request.json",
            _(
                "the {mode} request from {source}: mode, App ID,\n"
                "endpoint, acquire options and the start body"
            ).format(mode=draft.mode, source=contents.source),
        )
        found = _("what rec-tui's checks found in it: {errors}, {warnings}").format(
            errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
            warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
                count=warnings
            ),
        )
        yield _member("problems.json", found)
    else:
        yield "  " + _("(no request: none was named when the bundle was made)")
    count, unreadable = len(contents.exchanges), contents.skipped_exchanges
    exchanges = ngettext(
        "the last {count} exchange with Agora or the sandbox from\n"
        "rec-tui's history, one JSON object a line, oldest first",
        "the last {count} exchanges with Agora or the sandbox from\n"
        "rec-tui's history, one JSON object a line, oldest first",
        count,
    ).format(count=count)
    if unreadable:
        exchanges += ngettext(
            "; {count} unreadable history line left out",
            "; {count} unreadable history lines left out",
            unreadable,
        ).format(count=unreadable)
    yield _member("exchanges.jsonl", exchanges)
    if contents.diagnosis is not None:
        findings = len(contents.diagnosis.get("findings") or [])
        yield _member(
            "diagnosis.json",
            ngettext(
                "`rec-tui diagnose` of the material and those exchanges:\n"
                "{count} finding, most likely cause first",
                "`rec-tui diagnose` of the material and those exchanges:\n"
                "{count} findings, most likely cause first",
                findings,
            ).format(count=findings),
        )
    yield _member("versions.txt", _("the versions of rec-tui, Python and the operating system"))
