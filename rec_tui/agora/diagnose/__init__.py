"""``diagnose``: from whatever a customer pasted to the likely cause of their problem.

The material is read into an exchange (:mod:`.reading`: which answer belongs to which
call, and when), then each check — one small function per kind of finding — looks at
it. Findings come most likely cause first; evidence quotes the material with secrets
masked. A finding is an error only when the material proves it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Final

from rec_tui.agora.diagnose import body_checks, call_checks, token_checks, upload_checks
from rec_tui.agora.diagnose.context import Context, seconds_between
from rec_tui.agora.diagnose.evidence import Quoter
from rec_tui.agora.diagnose.model import (
    ERROR,
    FINDING_IDS,
    Call,
    Callback,
    Exchange,
    Finding,
    Stamp,
)
from rec_tui.agora.diagnose.reading import read_exchange
from rec_tui.request.redact import redact_body
from rec_tui.request.unsendable import replace_surrogates

__all__ = ["FINDING_IDS", "Diagnosis", "Finding", "diagnose"]

Check = Callable[[Context], Iterable[Finding]]
# In this order: recorder_left names the token and uid findings found before it, and
# empty_file_list the upload failure.
CHECKS: Final[tuple[Check, ...]] = (
    call_checks.credentials_invalid,
    call_checks.service_not_enabled,
    call_checks.rate_limited,
    token_checks.token_findings,
    token_checks.token_missing,
    call_checks.acquire_start_mismatch,
    call_checks.resource_expired,
    body_checks.uid_collision,
    call_checks.already_running,
    upload_checks.upload_failed,
    upload_checks.recording_error,
    upload_checks.upload_backuped,
    upload_checks.upload_unfinished,
    call_checks.recorder_left,
    body_checks.placeholder_uids,
    call_checks.no_stream,
    upload_checks.empty_file_list,
    body_checks.body_invalid,
    body_checks.portrait_default,
    call_checks.snapshot_no_filelist,
)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    findings: tuple[Finding, ...]
    exchange: Exchange

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == ERROR for finding in self.findings)

    def exchange_json(self) -> list[dict[str, Any]]:
        """The calls (each with its answer) and callback events, in the material's order,
        with the seconds between one and the next where both times are known."""
        events: list[Call | Callback] = [*self.exchange.calls, *self.exchange.callbacks]
        events.sort(key=lambda event: event.line)
        rows: list[dict[str, Any]] = []
        previous: Stamp | None = None
        for event in events:
            when = event.when if isinstance(event, Call) else event.time
            gap = seconds_between(previous, when)
            row = {
                "line": event.line,
                "time": None if when is None else _iso(when.at),
                "seconds_after_previous": None if gap is None else round(gap, 3),
            }
            row.update(_call_row(event) if isinstance(event, Call) else _callback_row(event))
            rows.append(_printable_value(row))
            previous = when
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "findings": [finding.as_json() for finding in self.findings],
            "exchange": self.exchange_json(),
        }


def diagnose(text: str, *, now: float | None = None) -> Diagnosis:
    """What went wrong in the exchange ``text`` describes. ``now`` judges token expiry
    only when the material holds no times (default: the current time)."""
    exchange = read_exchange(text)
    context = Context(exchange, Quoter(exchange), time.time() if now is None else now)
    for check in CHECKS:
        context.found.extend(check(context))
    findings = sorted((_printable(f) for f in context.found), key=Finding.sort_key)
    return Diagnosis(tuple(findings), exchange)


def _printable(finding: Finding) -> Finding:
    """The finding with lone surrogates quoted from the material made printable."""
    return replace(
        finding,
        message=replace_surrogates(finding.message),
        evidence=tuple(replace_surrogates(item) for item in finding.evidence),
        fix=replace_surrogates(finding.fix),
    )


def _printable_value(value: Any) -> Any:
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, dict):
        return {replace_surrogates(str(key)): _printable_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_printable_value(item) for item in value]
    return value


def _call_row(call: Call) -> dict[str, Any]:
    return {
        "call": call.kind,
        "quoted": not call.inferred,
        "app_id": call.app_id,
        "resource_id": call.resource_id,
        "sid": call.sid,
        "cname": call.cname,
        "uid": call.uid,
        "answer": None if call.answer is None else call.answer.as_json(),
    }


def _callback_row(callback: Callback) -> dict[str, Any]:
    return {
        "call": "callback",
        "event_type": callback.event_type,
        "sid": callback.sid,
        "details": redact_body(callback.details),
    }


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat().replace("+00:00", "Z")
