"""The options of the acquire a ticket shows (region, resourceExpiredHour, scene,
startParameter), so that a replay acquires as the customer did.

Only the options declared as ``session.acquire.*`` fields are taken: those are the ones the
draft holds, checks (R118, R8) and sends. Any other key (``excludeResourceIds``, the
customer's own running tasks; the SDKs' ``regionAffinity``) is left out and said. So is a
startParameter holding a secret (a token, storage keys): the draft's acquire options are
saved in presets as they are, where only the body's secrets become references.
"""

from __future__ import annotations

from typing import Any

from rec_tui.formats.importers.log_line import ACQUIRE_ONLY, Candidate
from rec_tui.formats.jsonfile import position
from rec_tui.i18n import _
from rec_tui.request.json_copy import copy_json
from rec_tui.request.redact import secret_values


def _request(candidate: Candidate) -> dict[str, Any] | None:
    request = candidate.body.get("clientRequest")
    return request if isinstance(request, dict) else None


def _is_acquire(candidate: Candidate) -> bool:
    """Sent to acquire; or, sent nowhere the ticket names, holding acquire's options only."""
    if candidate.call is not None:
        return candidate.call == "acquire"
    request = _request(candidate)
    return request is not None and bool(request) and request.keys() <= ACQUIRE_ONLY


def _declared() -> frozenset[str]:
    from rec_tui.spec.fields_session import ACQUIRE, FIELDS

    prefix = ACQUIRE + "."
    return frozenset(
        field.path[len(prefix) :]
        for field in FIELDS
        if field.path.startswith(prefix) and "." not in field.path[len(prefix) :]
    )


def acquire_options(
    text: str, candidates: list[Candidate], chosen: Candidate, notices: list[str]
) -> dict[str, Any] | None:
    """The clientRequest of the acquire nearest before ``chosen`` (else the first acquire),
    its declared options only; None when the ticket shows no acquire."""
    acquires = [c for c in candidates if c is not chosen and _is_acquire(c)]
    if not acquires:
        return None
    before = [c for c in acquires if c.start < chosen.start]
    acquire = before[-1] if before else acquires[0]
    request = _request(acquire) or {}
    declared = _declared()
    options = {key: copy_json(value) for key, value in request.items() if key in declared}
    line, _column = position(text, acquire.start)
    left_out = sorted(request.keys() - declared)
    if secret_values(options.get("startParameter")):
        del options["startParameter"]
        notices.append(
            _(
                "Left startParameter of the acquire on line {line} out: it holds secrets, "
                "which rec-tui keeps in the start body only; the replay acquires without it."
            ).format(line=line)
        )
    if options:
        notices.append(
            _("Took the acquire options on line {line} of the ticket: {options}.").format(
                line=line, options=", ".join(_shown(key, value) for key, value in options.items())
            )
        )
    if left_out:
        notices.append(
            _(
                "Left {keys} of the acquire on line {line} out: rec-tui has no setting for "
                "them, so the replay acquires without them."
            ).format(keys=", ".join(left_out), line=line)
        )
    return options


def _shown(key: str, value: Any) -> str:
    """``region NA``; an object (startParameter) by its key alone."""
    return key if isinstance(value, dict | list) else f"{key} {value}"
