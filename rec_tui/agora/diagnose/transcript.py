"""This session's own exchanges (the Send panel's) written out as material for ``diagnose``.

Each exchange becomes two log lines, as a customer's log would show them: the time, method,
URL and request body; then the HTTP status and answer. The records are redacted, so the RTC
token the recorder was given is put back for the token checks; the diagnosis masks it again
in everything it quotes. Times are the sender's clock's (the one its recordings are timed
by), so the gaps between calls are the session's own.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rec_tui.agora.exchange import Exchange


@dataclass(frozen=True, slots=True)
class Sent:
    """One exchange of the session: the redacted record, when it ended (Unix time, by the
    sender's clock) and, for a start, the RTC token its body carried before redaction."""

    exchange: Exchange
    at: float
    token: str = ""


def latest_recording(sent: Sequence[Sent]) -> Sequence[Sent]:
    """The exchanges from the last acquire on: the recording being worked on, so that a
    recording that failed before the fix does not keep its findings after it."""
    acquires = [index for index, item in enumerate(sent) if item.exchange.call == "acquire"]
    return sent[acquires[-1] :] if acquires else sent


def transcript(sent: Sequence[Sent]) -> str:
    """The session's exchanges as log lines, oldest first."""
    lines: list[str] = []
    for item in sent:
        exchange = item.exchange
        when = datetime.fromtimestamp(item.at, UTC).isoformat(timespec="milliseconds")
        body = _with_token(exchange.request_body, item.token)
        request = "" if body is None else " " + _json(body)
        lines.append(f"{when} {exchange.method} {exchange.url}{request}")
        if exchange.status is None:
            lines.append(f"{when} {exchange.call}: no answer ({exchange.error})")
            continue
        answer = exchange.response_body
        shown = _json(answer) if isinstance(answer, dict | list) else str(answer or "")
        lines.append(f"{when} HTTP/1.1 {exchange.status} {shown}".rstrip())
    return "\n".join(lines)


def _with_token(body: Any, token: str) -> Any:
    if not token or not isinstance(body, dict) or not isinstance(body.get("clientRequest"), dict):
        return body
    restored = copy.deepcopy(body)
    restored["clientRequest"]["token"] = token
    return restored


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
