"""What the sandbox sends back: an :class:`Answer`, and Agora's two refusal shapes.

Every refusal is built from :mod:`rec_tui.spec.codes`, the table ``explain`` reads: a
service error carries the code's documented HTTP status and, where Agora's reference gives
one, its exact ``reason`` text; a gateway error carries one of the documented messages. A
code or message the table does not hold cannot be answered (a ``KeyError`` in the tests),
so the sandbox and ``explain`` cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final

from rec_tui.spec.codes import CODES, MESSAGES, answer_status

# How Agora names the calls at the head of a code 2 reason ("Acquire: invalid … value!").
CALL_NAMES: Final[dict[str, str]] = {
    "acquire": "Acquire",
    "start": "Start",
    "query": "Query",
    "update": "Update",
    "updateLayout": "UpdateLayout",
    "stop": "Stop",
}


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    payload: Any
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        text = self.payload if isinstance(self.payload, str) else json_text(self.payload)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate echoed from a request: JSON's \uXXXX escapes carry it safely.
            if isinstance(self.payload, str):
                return text.encode("utf-8", "backslashreplace")
            return json.dumps(self.payload, ensure_ascii=True).encode("ascii")


def json_text(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False)


def service_error(code: int, detail: str = "", *, status: int | None = None) -> Answer:
    """``{"code": code, "reason": …}`` with the code's documented status and reason.

    ``detail`` is the reason of a code whose reference entry has no fixed text (2, 8, 432,
    433, 1001, 1028); a code with a documented text always answers exactly that text.
    """
    entry = CODES[code]
    if entry.reason and detail:
        raise ValueError(f"code {code} answers Agora's own reason {entry.reason!r}, no detail")
    if not entry.reason and not detail:
        raise ValueError(f"code {code} has no documented reason text: give a detail")
    answered = status if status is not None else answer_status(entry)
    if answered is None:
        raise ValueError(f"code {code} has no documented HTTP status: give one")
    return Answer(answered, {"code": code, "reason": entry.reason or detail})


def invalid_parameter(call: str, detail: str) -> Answer:
    """Code 2 with a reason shaped as Agora's: ``"Start: <what is wrong>"``."""
    return service_error(2, f"{CALL_NAMES[call]}: {detail}")


def gateway_error(message: str, headers: dict[str, str] | None = None) -> Answer:
    """``{"message": message}`` with its documented status (spec 4.1 gateway errors)."""
    entry = {m.message: m for m in MESSAGES}[message]
    status = answer_status(entry)
    assert status is not None
    return Answer(status, {"message": message}, dict(headers or {}))
