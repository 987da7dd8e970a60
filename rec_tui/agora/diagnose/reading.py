"""Read a pasted ticket into an :class:`Exchange`: which calls were made, which answer
belongs to which call, and when each happened.

The material is read as a sequence of events in the order they appear: Cloud Recording
URLs (a curl command's or a log line's), JSON values (a request body, an answer, a
callback event), HTTP status lines, known server texts in prose and loose RTC tokens.
A body goes with the URL just before it; a status line with the answer after it; an
answer with the last call still waiting for one when it fits that call, else with a call
inferred from the answer's shape.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Final

from rec_tui.agora.diagnose.model import Answer, Call, Callback, Exchange, Stamp
from rec_tui.agora.diagnose.times import stamp_in, stamp_of_notify_ms
from rec_tui.formats.importers.json_body import looks_like_body
from rec_tui.formats.importers.json_scan import json_values_in
from rec_tui.formats.importers.log_line import CALL_URL

_URL_PARTS: Final = re.compile(
    r"/v1/apps/(?P<app_id>[^/\s]+)/cloud_recording/"
    r"(?:resourceid/(?P<resource_id>[^/\s]+)/)?(?:sid/(?P<sid>[^/\s]+)/)?"
    r"(?:mode/(?P<mode>[^/\s]+)/)?(?P<call>[A-Za-z]+)"
)
_STATUS: Final = re.compile(
    r"HTTP/\d(?:\.\d)?\s+(?P<a>[1-5]\d\d)\b"
    r"|(?i:\bstatus(?:[ _]?code)?)\s*[:=]?\s*(?P<b>[1-5]\d\d)\b"
    r"|(?:状态码|返回码|HTTP状态)\s*[:：=]?\s*(?P<c>[1-5]\d\d)\b"
    r"|\b(?P<d>[1-5]\d\d)\s+(?:OK|Created|Partial Content|Bad Request|Unauthorized|Not Found"
    r"|Too Many Requests|Internal Server Error|Gateway Time-?out)\b"
)
# Server texts that decide a finding, when quoted in prose rather than in a JSON answer.
KNOWN_TEXTS: Final[tuple[str, ...]] = (
    "failed to find worker",
    "api rate limit exceeded",
    "invalid authentication credentials",
    "invalid appid",
    "invalid_appid",
    "appid is invalid",
)
_KNOWN_TEXT: Final = re.compile("|".join(re.escape(text) for text in KNOWN_TEXTS), re.I)
_APP_ID: Final = re.compile(r"[0-9a-fA-F]{32}")
_LOOSE_TOKEN: Final = re.compile(r"(?<![A-Za-z0-9+/])00[67][A-Za-z0-9+/=%]{30,}")
_ANSWER_KEYS: Final = frozenset({"sid", "resourceId", "serverResponse", "reason"})
# A gateway error is {"message": …}, sometimes with a request id beside it.
_GATEWAY_KEYS: Final = 2
_WRAPPER_DEPTH: Final = 3
_START_KEYS: Final = frozenset(
    {
        "token",
        "recordingConfig",
        "storageConfig",
        "recordingFileConfig",
        "snapshotConfig",
        "extensionServiceConfig",
        "appsCollection",
        "transcodeOptions",
        "extensionParams",
    }
)
_UPDATE_KEYS: Final = frozenset({"streamSubscribe", "webRecordingConfig", "rtmpPublishConfig"})
_ACQUIRE_KEYS: Final = frozenset(
    {"resourceExpiredHour", "scene", "region", "excludeResourceIds", "startParameter"}
)
# Words naming a call in a log line, English and Chinese (the Chinese docs' names).
_CALL_WORDS: Final = tuple(
    (call, re.compile(pattern, re.I))
    for call, pattern in (
        ("acquire", r"\bacquire\b|获取(?:云端录制)?资源"),
        ("start", r"\bstart\b|开始录制|启动录制|开始云端录制"),
        ("query", r"\bquery\b|查询"),
        ("update", r"\bupdate\b|更新"),
        ("stop", r"\bstop\b|停止"),
    )
)
# A body written before its URL in the same command (curl -d '…' URL) is this close.
_SAME_COMMAND_LINES: Final = 5


@dataclass(frozen=True, slots=True)
class _Event:
    start: int
    line: int
    kind: str  # url, request, answer, callback, status, text, token
    value: Any


def read_exchange(text: str) -> Exchange:
    exchange = Exchange(text)
    line_starts = [0] + [found.end() for found in re.finditer(r"\n", text)]
    stamps = [stamp_in(line) for line in text.split("\n")]
    exchange.stamps = [stamp for stamp in stamps if stamp is not None]
    events = _events(text, line_starts)
    _Assembler(exchange, stamps).run(events)
    return exchange


def _events(text: str, line_starts: list[int]) -> list[_Event]:
    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    events: list[_Event] = []
    spans: list[tuple[int, int]] = []
    for start, end, value in json_values_in(text):
        spans.append((start, end))
        kind, value = _classify(value)
        if kind:
            events.append(_Event(start, line_of(start), kind, value))

    starts = [start for start, _end in spans]  # in order, not overlapping

    def outside(offset: int) -> bool:
        index = bisect_right(starts, offset) - 1
        return index < 0 or offset >= spans[index][1]

    for found in CALL_URL.finditer(text):  # also inside a JSON log record
        url = found.group().rstrip(".,;:'\"")
        events.append(_Event(found.start(), line_of(found.start()), "url", url))
    patterns = (("status", _STATUS), ("text", _KNOWN_TEXT), ("token", _LOOSE_TOKEN))
    for kind, pattern in patterns:
        for found in pattern.finditer(text):
            if outside(found.start()):
                seen: Any = found.group()
                if kind == "status":
                    seen = int(next(group for group in found.groups() if group))
                events.append(_Event(found.start(), line_of(found.start()), kind, seen))
    events.sort(key=lambda event: event.start)
    return events


def _classify(value: Any, depth: int = _WRAPPER_DEPTH) -> tuple[str, Any]:
    """What a JSON value in the text is; a log record wrapping one ({"level": …,
    "response": {…}}) is what it wraps (an answer before a body: a start's answer has
    cname and uid too)."""
    if isinstance(value, dict):
        if "eventType" in value:
            return "callback", value
        if is_answer(value):
            return "answer", value
        if looks_like_body(value):
            return "request", value
    if isinstance(value, str) and value.lstrip().startswith("{") and depth > 0:
        # A body or answer logged as an escaped JSON string.
        value = [found for _start, _end, found in json_values_in(value)]
    if depth == 0 or not isinstance(value, dict | list):
        return "", value
    for item in value.values() if isinstance(value, dict) else value:
        kind, found = _classify(item, depth - 1)
        if kind:
            return kind, found
    return "", value


def is_answer(value: dict[str, Any]) -> bool:
    """Agora's answer: a sid, resourceId or serverResponse, a service error (code), or a
    gateway error ({"message": …} alone; a log record's "message" is not one)."""
    if "clientRequest" in value:
        return False
    code = value.get("code")
    if _ANSWER_KEYS & value.keys() or (isinstance(code, int) and not isinstance(code, bool)):
        return True
    return isinstance(value.get("message"), str) and len(value) <= _GATEWAY_KEYS


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def call_of_body(body: dict[str, Any]) -> str | None:
    """Which call a body was for, from what its clientRequest holds (None: cannot tell)."""
    request = body.get("clientRequest")
    if not isinstance(request, dict):
        return None
    keys = request.keys()
    if "async_stop" in keys:
        return "stop"
    if _UPDATE_KEYS & keys:
        return "update"
    if "mixedVideoLayout" in keys or "layoutConfig" in keys:
        return "updateLayout"
    if _START_KEYS & keys:
        return "start"
    if keys and keys <= _ACQUIRE_KEYS:
        return "acquire"
    return None


def call_of_answer(body: dict[str, Any]) -> str | None:
    """Which call an answer came from, from its shape (None: cannot tell)."""
    if body.get("code") is not None or body.get("reason") or body.get("message"):
        return None
    response = body.get("serverResponse")
    if isinstance(response, dict):
        if "uploadingStatus" in response:
            return "stop"
        return "query" if "status" in response else None
    if body.get("sid"):
        return "start"
    return "acquire" if body.get("resourceId") else None


def _same_path(first: str | None, second: str) -> bool:
    one, other = _URL_PARTS.search(first or ""), _URL_PARTS.search(second)
    return one is not None and other is not None and one.group(0) == other.group(0)


def _call_named(line: str) -> str | None:
    """The one call a log line names in words ("query failed: …", "查询录制 …"), if any."""
    named = {call for call, pattern in _CALL_WORDS if pattern.search(line)}
    return named.pop() if len(named) == 1 else None


class _Assembler:
    def __init__(self, exchange: Exchange, stamps: list[Stamp | None]) -> None:
        self.exchange = exchange
        self.lines = exchange.text.split("\n")
        self.stamps = stamps
        self.last_line = 0  # the line of the previous event: times after it are the next's
        self.body_wanted: Call | None = None  # a URL's call still without its body
        self.status: tuple[int, int, Stamp | None] | None = None  # line, status, time

    def run(self, events: list[_Event]) -> None:
        for event in events:
            when = self._time_of(event.line)
            handler = getattr(self, f"_on_{event.kind}")
            handler(event, when)
        self._settle_status()

    def _time_of(self, line: int) -> Stamp | None:
        own = self.stamps[line - 1]
        if own is None:
            earlier = (s for s in reversed(self.stamps[self.last_line : line - 1]) if s)
            own = next(earlier, None)
        self.last_line = line
        return own

    def _on_url(self, event: _Event, when: Stamp | None) -> None:
        self._settle_status()
        parts = _URL_PARTS.search(event.value)
        kind = parts.group("call") if parts else None
        last = self.exchange.calls[-1] if self.exchange.calls else None
        if (
            last is not None
            and last.url is None
            and last.answer is None
            and last.kind in (None, kind)
            and event.line - last.line <= _SAME_COMMAND_LINES
        ):
            call = last  # curl -d '{…}' URL: the body came first
            call.kind = kind
        elif last is not None and last.answer is None and _same_path(last.url, event.value):
            # curl -v echoes the request line ("> POST /v1/apps/…"): the same call again.
            last.time = last.time or when
            return
        else:
            call = Call(event.line, kind, time=when)
            self.exchange.calls.append(call)
            self.body_wanted = call
        call.url = event.value
        if parts is not None:
            # "<appid>", "$APP_ID", "YOUR_APP_ID": a placeholder is no App ID to check against.
            app_id = parts.group("app_id")
            call.app_id = app_id if _APP_ID.fullmatch(app_id) else None
            call.resource_id = parts.group("resource_id")
            call.sid = parts.group("sid")

    def _on_request(self, event: _Event, when: Stamp | None) -> None:
        self._settle_status()
        wanted = self.body_wanted
        self.body_wanted = None
        if wanted is not None and wanted.body is None and wanted.answer is None:
            wanted.body = event.value
            wanted.body_line = event.line
            wanted.time = wanted.time or when
            return
        call = Call(event.line, call_of_body(event.value), body=event.value, time=when)
        call.body_line = event.line
        self.exchange.calls.append(call)

    def _on_status(self, event: _Event, when: Stamp | None) -> None:
        self._settle_status()
        self.status = (event.line, event.value, when)

    def _on_answer(self, event: _Event, when: Stamp | None) -> None:
        self._answer(self._with_status(Answer(event.line, body=event.value, time=when)))

    def _on_text(self, event: _Event, when: Stamp | None) -> None:
        self.exchange.texts.append((event.line, event.value))
        if not self.exchange.calls:
            return  # the customer's account of the symptom, before any call: not an answer
        self._answer(self._with_status(Answer(event.line, text=event.value, time=when)))

    def _with_status(self, answer: Answer) -> Answer:
        """``answer`` with the status line just before it, if any."""
        if self.status is not None:
            _line, answer.status, status_time = self.status
            answer.time = answer.time or status_time
            self.status = None
        return answer

    def _on_callback(self, event: _Event, when: Stamp | None) -> None:
        data = event.value
        payload = _object(data.get("payload"))
        event_type = data.get("eventType")
        sid = payload.get("sid")
        self.exchange.callbacks.append(
            Callback(
                event.line,
                event_type if isinstance(event_type, int) else None,
                _object(payload.get("details")),
                sid if isinstance(sid, str) else None,
                stamp_of_notify_ms(data.get("notifyMs")) or when,
            )
        )

    def _on_token(self, event: _Event, when: Stamp | None) -> None:
        self.exchange.loose_tokens.append((event.line, event.value))

    def _settle_status(self) -> None:
        """A status line with no answer body after it is an answer of its own."""
        if self.status is not None:
            line, status, when = self.status
            self.status = None
            self._answer(Answer(line, status, time=when))

    def _answer(self, answer: Answer) -> None:
        self.body_wanted = None
        shape = call_of_answer(answer.body) if answer.body is not None else None
        # Only the last call may still be waiting: an answer never goes back past a call.
        last = self.exchange.calls[-1] if self.exchange.calls else None
        if last is not None and last.answer is None and shape in (None, last.kind):
            last.answer = answer
            return
        kind = shape or _call_named(self.lines[answer.line - 1])
        call = Call(answer.line, kind, answer=answer, inferred=True)
        self.exchange.calls.append(call)
