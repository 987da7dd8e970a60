"""What a diagnosis is made of: the calls and answers read from a ticket, and the findings.

Nothing here holds a secret unmasked: bodies are kept as the customer sent them (the
checks need the token), but everything shown goes through :mod:`.evidence` first.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final, Literal

Severity = Literal["error", "warning", "info"]
ERROR: Final[Severity] = "error"
WARNING: Final[Severity] = "warning"
INFO: Final[Severity] = "info"
_SEVERITY_ORDER: Final = {ERROR: 0, WARNING: 1, INFO: 2}

TOKEN_IDS: Final[tuple[str, ...]] = (
    "token-missing",
    "token-malformed",
    "token-app-mismatch",
    "token-channel-mismatch",
    "token-uid-mismatch",
    "token-expired",
)
# Most likely cause first: the causes a support engineer acts on come before the
# symptoms they explain (a missing token before the recorder that left because of it).
FINDING_IDS: Final[tuple[str, ...]] = (
    "credentials-invalid",
    "service-not-enabled",
    *TOKEN_IDS,
    "acquire-start-mismatch",
    "resource-expired",
    "uid-collision",
    "already-running",
    "rate-limited",
    # What the callback and stop said about the files: causes of "nothing was recorded".
    "upload-failed",
    "recording-error",
    "upload-backuped",
    "upload-unfinished",
    "recorder-left",
    "placeholder-uids",
    "no-stream",
    "empty-file-list",
    "body-invalid",
    "portrait-default",
    "snapshot-no-filelist",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One conclusion: what was seen (``evidence``, masked), what it means, what to do.

    ``id`` is one of :data:`FINDING_IDS`; ``rules`` names the validator's rules for
    ``body-invalid``; ``cause`` says which of its id's causes the material shows, where an
    id has several (the fields acquire and start differ in), so that two findings of one
    id can be told apart (a ticket's and its replay's).
    """

    id: str
    severity: Severity
    message: str
    evidence: tuple[str, ...]
    fix: str
    rules: tuple[str, ...] = ()
    cause: str = ""

    def sort_key(self) -> tuple[int, int]:
        return _SEVERITY_ORDER[self.severity], FINDING_IDS.index(self.id)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "severity": self.severity,
            "message": self.message,
            "evidence": list(self.evidence),
            "fix": self.fix,
        }
        if self.rules:
            data["rules"] = list(self.rules)
        if self.cause:
            data["cause"] = self.cause
        return data


@dataclass(frozen=True, slots=True)
class Stamp:
    """When something happened: a Unix time, and where it was read (``source``, as
    written: it is translated where it is said).

    ``zoned`` is False for a log time written without a time zone (read as UTC, so it
    may be off by the customer's offset).
    """

    at: float
    source: str
    zoned: bool = True


# How far after a call its task's later calls are looked for: a real ticket holds a few
# dozen calls; a pasted log of thousands must not cost a scan of all of them per start.
LATER_CALLS: Final = 200


# Calls and answers are compared by identity: two calls with the same body are two calls.
@dataclass(slots=True, eq=False)
class Answer:
    """What the server (or the customer's log) said back: status, JSON, or a known text."""

    line: int
    status: int | None = None
    body: dict[str, Any] | None = None
    text: str | None = None
    time: Stamp | None = None

    @property
    def code(self) -> int | None:
        code = (self.body or {}).get("code")
        return code if isinstance(code, int) and not isinstance(code, bool) else None

    @property
    def reason(self) -> str:
        for key in ("reason", "message"):
            value = (self.body or {}).get(key)
            if isinstance(value, str):
                return value
        return self.text or ""

    @property
    def sid(self) -> str | None:
        sid = (self.body or {}).get("sid")
        return sid if isinstance(sid, str) and sid else None

    @property
    def server_response(self) -> dict[str, Any] | None:
        response = (self.body or {}).get("serverResponse")
        return response if isinstance(response, dict) else None

    @property
    def failed(self) -> bool:
        """A refusal: a status of 400 or more, an error code, or an error text."""
        if self.status is not None and self.status >= 400:
            return True
        return self.code is not None or bool(self.reason)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"line": self.line, "status": self.status}
        if self.code is not None:
            data["code"] = self.code
        if self.reason:
            data["reason"] = self.reason
        if self.sid:
            data["sid"] = self.sid
        return data


@dataclass(slots=True, eq=False)
class Call:
    """One request of the exchange (acquire, start, query, update, updateLayout, stop).

    ``kind`` is None when neither a URL nor the body says which call it was;
    ``inferred`` is True when the call was not quoted and only its answer was.
    """

    line: int
    kind: str | None
    url: str | None = None
    app_id: str | None = None
    resource_id: str | None = None
    sid: str | None = None
    body: dict[str, Any] | None = None
    time: Stamp | None = None
    answer: Answer | None = None
    inferred: bool = False
    body_line: int | None = None  # where the body starts (after its URL's line, often)

    @property
    def cname(self) -> str | None:
        value = (self.body or {}).get("cname")
        return value if isinstance(value, str) else None

    @property
    def uid(self) -> str | None:
        value = (self.body or {}).get("uid")
        return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None

    @property
    def client_request(self) -> dict[str, Any]:
        request = (self.body or {}).get("clientRequest")
        return request if isinstance(request, dict) else {}

    @property
    def when(self) -> Stamp | None:
        """The time the call was made, else the time of its answer."""
        return self.time or (self.answer.time if self.answer else None)

    @property
    def started(self) -> bool:
        """A start answered with a sid and no error."""
        answer = self.answer
        return (
            self.kind == "start"
            and answer is not None
            and answer.sid is not None
            and not answer.failed
        )


@dataclass(frozen=True, slots=True)
class Callback:
    """A notification-callback (NCS) event."""

    line: int
    event_type: int | None
    details: dict[str, Any]
    sid: str | None
    time: Stamp | None


@dataclass(slots=True)
class Exchange:
    """Everything read from the material, in the order it appeared."""

    text: str
    calls: list[Call] = field(default_factory=list)
    callbacks: list[Callback] = field(default_factory=list)
    loose_tokens: list[tuple[int, str]] = field(default_factory=list)
    # Known server texts found in prose (not in a JSON answer): (line, text); those
    # after a call are also that call's answer.
    texts: list[tuple[int, str]] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Call]:
        return [call for call in self.calls if call.kind == kind]

    def answers(self) -> list[tuple[Call, Answer]]:
        return [(call, call.answer) for call in self.calls if call.answer is not None]

    def after(self, call: Call) -> Iterator[Call]:
        """The calls after ``call`` in the material that belong to the same task (same
        sid when both are known), nearest first, within :data:`LATER_CALLS`; read lazily,
        as most readers stop early."""
        sid = call.answer.sid if call.answer else None
        first = self.calls.index(call) + 1
        for later in itertools.islice(self.calls, first, first + LATER_CALLS):
            if sid is None or _sid_of(later) in (None, sid):
                yield later


def _sid_of(call: Call) -> str | None:
    return call.sid or (call.answer.sid if call.answer else None)
