"""Turning an answer from Agora (or the sandbox) into a result or one kind of error.

Both failure shapes (``{"message"}`` from the gateway, ``{"code", "reason"}`` from the
service), 2xx answers that carry an error code (201/7, 206/65, 206/435) and answers that are
not JSON at all end up as a :class:`RecordingError` whose text names the code, what it means
and what to check — the same words ``rec-tui explain`` prints, taken from
:mod:`rec_tui.spec.codes`.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from rec_tui.agora.identifiers import identifier_problem
from rec_tui.errors import RecTuiError
from rec_tui.i18n import N_, _
from rec_tui.request.endpoints import Call
from rec_tui.spec.codes import Explanation, describe_code, describe_message

ErrorKind = Literal["service", "gateway", "non_json", "network", "unexpected", "oversized"]

# What each call's successful answer must carry (spec 1.4): "HTTP 2xx" alone is not success.
EXPECTED_FIELDS: Final[dict[Call, tuple[str, ...]]] = {
    "acquire": ("resourceId",),
    "start": ("sid",),
    "query": (),
    "update": (),
    "updateLayout": (),
    "stop": (),
}

# The identifiers a successful answer carries that later calls put into their URLs.
URL_FIELDS: Final = ("resourceId", "sid")

_MAX_RAW_TEXT: Final = 300


class RecordingError(RecTuiError):
    """A call that did not succeed, explained for a support engineer.

    ``status`` is the HTTP status (None when no answer arrived), ``code`` the service's
    numeric code if any, ``reason`` the server's own words (already redacted), and
    ``request_id`` the answer's ``x-request-id``.
    """

    def __init__(
        self,
        call: Call,
        kind: ErrorKind,
        *,
        status: int | None = None,
        code: int | None = None,
        reason: str = "",
        request_id: str = "",
        body: Any = None,
        sent: bool = True,
    ) -> None:
        self.call = call
        self.kind = kind
        self.status = status
        self.code = code
        self.reason = reason
        self.request_id = request_id
        self.body = body
        # False only when the request surely never left (the connection was not made).
        self.sent = sent
        # Seconds the server asked us to wait (a 429's or 503's Retry-After), when it said.
        self.retry_after: float | None = None
        # What the caller must know beyond the code's meaning (e.g. a start that may run).
        self.notes: list[str] = []
        self.explanation = _explanation(kind, status, code, reason)
        super().__init__(self.message)

    @property
    def meaning(self) -> str:
        return self.explanation.said_meaning if self.explanation else ""

    @property
    def check(self) -> str:
        return self.explanation.said_check if self.explanation else ""

    @property
    def headline(self) -> str:
        """One line: which call failed and how (the server's reason quoted as it was sent)."""
        if self.kind == "network":
            return _("{call}: no answer ({reason})").format(call=self.call, reason=self.reason)
        parts = [_("{call} failed: HTTP {status}").format(call=self.call, status=self.status)]
        if self.code is not None:
            parts.append(_("code {code}").format(code=self.code))
        if self.reason:
            parts.append(f'"{self.reason}"')
        return _(", ").join(parts)

    @property
    def message(self) -> str:
        lines = [self.headline]
        if self.explanation is not None:
            lines.append(_("Meaning: {meaning}").format(meaning=self.meaning))
            lines.append(_("Check: {check}").format(check=self.check))
        lines += self.notes
        if self.request_id:
            lines.append(_("Request ID: {request_id}").format(request_id=self.request_id))
        return "\n".join(lines)

    def add_note(self, note: str) -> None:
        self.notes.append(note)
        self.args = (self.message,)

    def as_dict(self) -> dict[str, Any]:
        return {
            "call": self.call,
            "kind": self.kind,
            "status": self.status,
            "code": self.code,
            "reason": self.reason,
            "meaning": self.meaning,
            "check": self.check,
            "request_id": self.request_id,
            "notes": list(self.notes),
        }


_NETWORK = Explanation(
    None,
    "—",
    N_("No answer arrived from any host: the connection failed or timed out on every attempt."),
    N_(
        "Check the network, proxy and firewall (HTTPS to the API hosts), or try another "
        "endpoint or region."
    ),
)
_NON_JSON = Explanation(
    None,
    "—",
    N_(
        "The answer is not JSON, so it did not come from the Cloud Recording service (a proxy, "
        "load balancer or wrong URL answered instead)."
    ),
    N_("Check the endpoint URL and any proxy in between; the raw text is shown above."),
)
_OVERSIZED = Explanation(
    None,
    "—",
    N_(
        "The answer was far larger than any Cloud Recording answer, so rec-tui stopped reading "
        "it (a wrong URL, a proxy or a broken server answered)."
    ),
    N_("Check the endpoint URL and any proxy in between."),
)
_UNEXPECTED = Explanation(
    None,
    "—",
    N_(
        "The answer is JSON but lacks the fields a successful answer carries, or carries them "
        "in a form that cannot be used (an ID that could not go into a URL)."
    ),
    N_("Query the session to see its state; compare the answer with spec section 1.4."),
)


def _explanation(
    kind: ErrorKind, status: int | None, code: int | None, reason: str
) -> Explanation | None:
    if kind == "network":
        return _NETWORK
    if kind == "non_json":
        return _NON_JSON
    if kind == "oversized":
        return _OVERSIZED
    if code is not None:
        found = describe_code(code)
        if found is not None:
            return found
    if reason:
        found = describe_message(reason)
        if found is not None:
            return found
    if kind == "unexpected":
        return _UNEXPECTED
    if status == 429:
        return describe_message("API rate limit exceeded")
    return None


def parse_json(text: str) -> Any:
    """The JSON value of ``text``, or None when it is not JSON."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def interpret(
    call: Call, status: int, text: str, request_id: str = ""
) -> dict[str, Any] | RecordingError:
    """The answer's JSON object when the call succeeded, else the error it amounts to.

    ``text`` must already be redacted: it ends up in the error's reason.
    """
    data = parse_json(text)
    return interpret_answer(call, status, text if data is None else data, request_id)


def interpret_answer(
    call: Call, status: int, answer: Any, request_id: str = ""
) -> dict[str, Any] | RecordingError:
    """:func:`interpret` for an answer already read: its (redacted) JSON value, or its
    (redacted) text when it is not JSON. The client reads each answer once, for this and
    for the history alike."""
    data = answer
    if not isinstance(data, dict):
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        raw = " ".join(text.split())[:_MAX_RAW_TEXT]
        return RecordingError(call, "non_json", status=status, reason=raw, request_id=request_id)
    code = data.get("code")
    code = code if isinstance(code, int) and not isinstance(code, bool) else None
    if status == 200 and all(key in data for key in EXPECTED_FIELDS[call]) and not code:
        problem = next(
            (
                found
                for key in URL_FIELDS
                if key in data and (found := identifier_problem(key, data[key])) is not None
            ),
            None,
        )
        if problem is None:
            return data
        return RecordingError(
            call,
            "unexpected",
            status=status,
            reason=_("the answer's {problem}").format(problem=problem),
            request_id=request_id,
            body=data,
        )
    reason = data.get("reason", data.get("message", ""))
    reason = reason if isinstance(reason, str) else json.dumps(reason)
    if code is not None:
        kind: ErrorKind = "service"
    elif "message" in data:
        kind = "gateway"
    else:
        kind = "unexpected"
    return RecordingError(
        call, kind, status=status, code=code, reason=reason, request_id=request_id, body=data
    )
