"""The sandbox's Cloud Recording service: the real API's behaviour, as Agora documents it.

Every refusal is built by :mod:`rec_tui.sandbox.wire` from the codes table ``explain``
reads; success answers have the documented shapes (:mod:`rec_tui.sandbox.answers`).
Transport-free: :meth:`SandboxService.handle` takes a method, path, headers and body and
returns an :class:`Answer`, so the in-process httpx transport and the loopback HTTP server
serve exactly the same thing. Thread-safe (the loopback server answers from threads).
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rec_tui.agora.connect import SANDBOX_CUSTOMER_ID, SANDBOX_CUSTOMER_SECRET
from rec_tui.i18n import english
from rec_tui.request.call_checks import check_acquire, check_update, check_update_layout, layout_of
from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.sandbox.answers import Recording, onhold_of, rtmp_urls_of
from rec_tui.sandbox.scenarios import Scenarios
from rec_tui.sandbox.wire import (
    Answer,
    gateway_error,
    invalid_parameter,
    json_text,
    service_error,
)
from rec_tui.spec.modes import Mode, is_mode
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules import by_name, run
from rec_tui.spec.rules.checks import UidVerdict, check_uid
from rec_tui.spec.rules.context import Context, Session
from rec_tui.spec.rules.session import RESOURCE_LIFETIME_SECONDS, acquire_scene, scene_verdict

CUSTOMER_ID: Final = SANDBOX_CUSTOMER_ID
CUSTOMER_SECRET: Final = SANDBOX_CUSTOMER_SECRET
RATE_PER_SECOND: Final = 10
# How long a stopped recording can still be looked up (stop again answers 49) before it is
# forgotten; expired resource IDs are forgotten at once (their ID still says when they were
# acquired, so a late start gets 433, not "unknown").
STOPPED_RETENTION_SECONDS: Final = 600.0
# Expired state is swept at most this often (each sweep walks everything held).
SWEEP_INTERVAL_SECONDS: Final = 1.0
# The rule whose errors are bad layout fields (R65–R79 on an updateLayout body): code 1028.
LAYOUT_FIELDS_RULE: Final = "R125"
# Resource IDs end with the acquire time in milliseconds, as this many hex digits.
_STAMP_DIGITS: Final = 12

_ROUTE = re.compile(
    r"^/v1/apps/(?P<app>[^/]+)/cloud_recording/"
    r"(?:(?P<acquire>acquire)|resourceid/(?P<rid>[^/]+)/(?:sid/(?P<sid>[^/]+)/)?"
    r"mode/(?P<mode>[^/]+)/(?P<call>start|query|update|updateLayout|stop))/?$"
)


@dataclass(slots=True)
class _Resource:
    resource_id: str
    app_id: str
    cname: str
    uid: str
    acquire: dict[str, Any]
    acquired_at: float
    sid: str | None = None


class SandboxService:
    """An Agora-compatible Cloud Recording service held in memory.

    ``clock`` (wall time, seconds) decides resource expiry and is injectable; ``rate_clock``
    (monotonic) counts requests for the 10 per second limit.
    """

    def __init__(
        self,
        *,
        customer_id: str = CUSTOMER_ID,
        customer_secret: str = CUSTOMER_SECRET,
        clock: Callable[[], float] = time.time,
        rate_clock: Callable[[], float] = time.monotonic,
        rate_limit: int | None = RATE_PER_SECOND,
        scenarios: Scenarios | None = None,
    ) -> None:
        self._authorization = "Basic " + base64.b64encode(
            f"{customer_id}:{customer_secret}".encode()
        ).decode("ascii")
        self.clock = clock
        self.rate_clock = rate_clock
        self.rate_limit = rate_limit
        self.scenarios = scenarios or Scenarios()
        self.resources: dict[str, _Resource] = {}
        self.recordings: dict[str, Recording] = {}
        self._recent: deque[float] = deque()
        self._lock = threading.Lock()
        self._last_sweep = float("-inf")

    @property
    def running(self) -> list[Recording]:
        now = self.clock()
        return [r for r in self.recordings.values() if r.ended_at(now) is None]

    # --- entry point -------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Answer:
        """The answer to one request; never raises (a fault of the sandbox answers 500)."""
        lowered = {k.lower(): v for k, v in headers.items()}
        with self._lock, english():
            self._sweep()
            try:
                answer = self._handle(method, path, lowered, body)
            except Exception:  # whatever goes wrong, the client gets an answer
                answer = service_error(500)
        request_id = uuid.uuid4().hex
        return Answer(answer.status, answer.payload, {**answer.headers, "x-request-id": request_id})

    def _handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
        authorization = headers.get("authorization")
        if not authorization:
            return gateway_error("Unauthorized")
        if authorization != self._authorization:
            return gateway_error("Invalid authentication credentials")
        if self._over_rate():
            return gateway_error("API rate limit exceeded")
        route = _ROUTE.match(path.split("?", 1)[0])
        call = route and (route["acquire"] or route["call"])
        if route is None or not call or method != ("GET" if call == "query" else "POST"):
            return gateway_error("no Route matched with those values")
        payload: Any = None
        if method == "POST":
            refusal, payload = _read_body(call, headers.get("content-type"), body)
            if refusal is not None:
                return refusal
        if call == "acquire":
            return self._acquire(route["app"], payload)
        mode = route["mode"]
        if not is_mode(mode):
            return invalid_parameter(call, f"invalid mode {mode!r}: use individual, mix or web")
        if call == "start":
            return self._start(route["app"], route["rid"], mode, payload)
        recording = self._find(route["app"], route["rid"], route["sid"], mode)
        if recording is None:
            return service_error(404)
        if recording.stopped:
            # Only a repeated stop is told apart; everything else finds no task (D:query).
            return service_error(49) if call == "stop" else service_error(404)
        if recording.exited(self.clock()):
            return self._after_exit(recording, call)
        if call == "query":
            return self._reply(recording, serverResponse=recording.query_response(self.clock()))
        if call == "stop":
            return self._stop(recording, payload)
        if call == "update":
            return self._update(recording, payload)
        return self._update_layout(recording, payload)

    def _sweep(self) -> None:
        """Forget resource IDs past their lifetime and long-stopped recordings."""
        now = self.clock()
        if now - self._last_sweep < SWEEP_INTERVAL_SECONDS:
            return
        self._last_sweep = now
        for sid, recording in list(self.recordings.items()):
            ended_at = recording.ended_at(now)
            if ended_at is not None and now - ended_at > STOPPED_RETENTION_SECONDS:
                del self.recordings[sid]
                self.resources.pop(recording.resource_id, None)
        for resource_id, resource in list(self.resources.items()):
            if resource.sid is None and now - resource.acquired_at > RESOURCE_LIFETIME_SECONDS:
                del self.resources[resource_id]

    def _over_rate(self) -> bool:
        if self.rate_limit is None:
            return False
        now = self.rate_clock()
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        if len(self._recent) >= self.rate_limit:
            return True
        self._recent.append(now)
        return False

    # --- the calls ----------------------------------------------------------------------

    def _acquire(self, app_id: str, payload: dict[str, Any]) -> Answer:
        cname, uid = payload.get("cname"), payload.get("uid")
        # Agora's documented form of an acquire refusal: "Acquire: invalid <key> value!".
        if not isinstance(cname, str) or not cname:
            return invalid_parameter("acquire", "invalid cname value!")
        if check_uid(uid) is UidVerdict.BAD:
            return invalid_parameter("acquire", "invalid uid value!")
        problems = [p for p in check_acquire(payload) if p.is_error]
        if problems:
            key = problems[0].path.rsplit(".", 1)[-1] or "clientRequest"
            return invalid_parameter("acquire", f"invalid {key} value!")
        if not _channel_name_allowed(payload):
            return service_error(401)
        assert isinstance(uid, str)
        now = self.clock()
        resource_id = secrets.token_urlsafe(48) + f"{int(now * 1000):0{_STAMP_DIGITS}x}"
        self.resources[resource_id] = _Resource(resource_id, app_id, cname, uid, payload, now)
        return Answer(200, {"cname": cname, "uid": uid, "resourceId": resource_id})

    def _start(self, app_id: str, resource_id: str, mode: Mode, payload: dict[str, Any]) -> Answer:
        resource = self.resources.get(resource_id)
        if resource is None:
            if _acquired_long_ago(resource_id, self.clock()):
                return service_error(433, "the resource ID has expired: acquire a new one")
            return service_error(1001, "the resource ID could not be decoded")
        if resource.app_id != app_id:
            return service_error(432, "the App ID does not match the resource ID")
        if payload.get("cname") != resource.cname or payload.get("uid") != resource.uid:
            return service_error(432, "cname or uid differ from the acquire values")
        if resource.sid is not None:
            recording = self.recordings.get(resource.sid)
            if recording is not None and recording.ended_at(self.clock()) is None:
                return service_error(7)
            return service_error(
                433, "this resource ID has served its session: acquire a new one to start again"
            )
        if self.clock() - resource.acquired_at > RESOURCE_LIFETIME_SECONDS:
            return service_error(433, "the resource ID has expired: acquire a new one")
        verdict = scene_verdict(mode, acquire_scene(resource.acquire), postponed=False)
        if verdict is not None and verdict[0] == "error":
            return invalid_parameter("start", verdict[1])
        from rec_tui.request.validate import validate

        # With the acquire body, R8 holds start to the startParameter sent there.
        problems = validate(mode, payload, session=Session(acquire=resource.acquire))
        if any(p.is_error for p in problems):
            return invalid_parameter("start", _first_error(problems))
        if any(
            r.app_id == app_id and r.cname == resource.cname and r.uid == resource.uid
            for r in self.running
        ):
            return service_error(53)
        sid = uuid.uuid4().hex
        resource.sid = sid
        self.recordings[sid] = Recording(
            sid,
            resource_id,
            app_id,
            mode,
            resource.cname,
            resource.uid,
            payload,
            started_at=self.clock(),
            onhold=onhold_of(mode, payload),
            layout=layout_of(payload),
            rtmp_urls=rtmp_urls_of(mode, payload),
            exit=self.scenarios.exit_of(app_id, mode, payload, self.clock()),
        )
        return Answer(
            200,
            {"cname": resource.cname, "uid": resource.uid, "resourceId": resource_id, "sid": sid},
        )

    def exit_note(self, sid: str) -> str | None:
        """How the recording ``sid`` will end by itself, for people (None: it will not)."""
        with self._lock:
            recording = self.recordings.get(sid)
            if recording is None or recording.exit is None:
                return None
            exit = recording.exit
            after = exit.at - recording.started_at
        ending = {"left": "leaves", "idle": "exits", "kicked": "is kicked out"}[exit.reason]
        return f"the recorder {ending} {after:g} s after start: {exit.detail}"

    def _find(self, app_id: str, resource_id: str, sid: str, mode: str) -> Recording | None:
        recording = self.recordings.get(sid)
        if recording is None or recording.resource_id != resource_id:
            return None
        if recording.app_id != app_id or recording.mode != mode:
            return None
        return recording

    def _reply(self, recording: Recording, **extra: Any) -> Answer:
        return Answer(
            200,
            {
                "cname": recording.cname,
                "uid": recording.uid,
                "resourceId": recording.resource_id,
                "sid": recording.sid,
                **extra,
            },
        )

    def _mismatch(self, recording: Recording, payload: dict[str, Any]) -> Answer | None:
        if payload.get("cname") != recording.cname or payload.get("uid") != recording.uid:
            return service_error(432, "cname or uid differ from the acquire values")
        return None

    def _stop(self, recording: Recording, payload: dict[str, Any]) -> Answer:
        mismatch = self._mismatch(recording, payload)
        if mismatch is not None:
            return mismatch
        recording.stopped_at = self.clock()
        if recording.nobody_publishes:
            return service_error(435)
        return self._reply(recording, serverResponse=recording.stop_response())

    def _after_exit(self, recording: Recording, call: str) -> Answer:
        """What Agora answers once the recorder has ended by itself (see scenarios.py)."""
        if call == "stop" and recording.nobody_publishes:
            recording.stopped_at = self.clock()
            return service_error(435)
        if call == "stop" and recording.exit is not None and recording.exit.reason == "kicked":
            return service_error(49)
        return service_error(404)

    def _update(self, recording: Recording, payload: dict[str, Any]) -> Answer:
        mismatch = self._mismatch(recording, payload)
        if mismatch is not None:
            return mismatch
        problems = check_update(recording.mode, payload, acquire=None, start_body=recording.body)
        if any(p.is_error for p in problems):
            return invalid_parameter("update", _first_error(problems))
        request = payload["clientRequest"]
        onhold = request.get("webRecordingConfig", {}).get("onhold")
        if isinstance(onhold, bool):
            recording.onhold = onhold
        outputs = request.get("rtmpPublishConfig", {}).get("outputs")
        if isinstance(outputs, list):
            recording.rtmp_urls = [o["rtmpUrl"] for o in outputs if isinstance(o, dict)]
        return self._reply(recording)

    def _update_layout(self, recording: Recording, payload: dict[str, Any]) -> Answer:
        mismatch = self._mismatch(recording, payload)
        if mismatch is not None:
            return mismatch
        problems = check_update_layout(
            recording.mode, payload, acquire=None, start_body=recording.body
        )
        errors = [p for p in problems if p.is_error]
        if errors:
            # A call that is not an updateLayout at all (another mode, no clientRequest) is
            # code 2 (D:status); bad layout fields are 1028 (spec 1.4.5).
            if any(p.rule_id != LAYOUT_FIELDS_RULE for p in errors):
                return invalid_parameter("updateLayout", _first_error(errors))
            return service_error(1028, f"UpdateLayout: {_first_error(errors)}")
        recording.layout = layout_of(
            {"clientRequest": {"recordingConfig": {"transcodingConfig": payload["clientRequest"]}}}
        )
        return self._reply(recording)


def _read_body(call: str, content_type: str | None, body: bytes) -> tuple[Answer | None, Any]:
    """The JSON object a POST carries, or the refusal Agora gives instead."""
    if not is_json_content_type(content_type):
        shown = "none" if content_type is None else repr(content_type)
        return service_error(8, f"invalid Content-Type {shown}: send {CONTENT_TYPE}"), None
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return service_error(8, "the request body is not valid JSON"), None
    except RecursionError:
        return service_error(8, "the request body is nested too deeply"), None
    if not isinstance(payload, dict):
        return invalid_parameter(call, "the request body must be a JSON object"), None
    try:
        json_text(payload).encode("utf-8")
    except UnicodeEncodeError:
        return invalid_parameter(
            call,
            "the request body holds a lone surrogate escape (such as \\ud800): not valid "
            "Unicode text",
        ), None
    return None, payload


def is_json_content_type(value: str | None) -> bool:
    """Whether ``value`` names JSON in UTF-8, written any way the docs and SDKs write it.

    ``application/json`` (the seed's header section, every current docs example), with or
    without ``;charset=utf-8`` in any letter case and spacing (the seed's request example).
    """
    if value is None:
        return False
    media, *parameters = value.split(";")
    if media.strip().casefold() != "application/json":
        return False
    for parameter in parameters:
        name, _, given = parameter.partition("=")
        if name.strip().casefold() == "charset":
            if given.strip().strip('"').casefold() not in ("utf-8", "utf8"):
                return False
        elif parameter.strip():
            return False
    return True


def _channel_name_allowed(payload: dict[str, Any]) -> bool:
    """Whether acquire's cname passes the channel-name rules of its scene (R10, R11)."""
    request = payload.get("clientRequest")
    scene = request.get("scene") if isinstance(request, dict) else None
    mode: Mode = "web" if scene == 1 else "individual"
    context = Context(mode, {"cname": payload["cname"]})
    for name in ("body.cname.web_len", "body.cname.rtc_channel"):
        rule = by_name(name)
        if rule is not None and any(p.is_error for p in run(rule, context)):
            return False
    return True


def _acquired_long_ago(resource_id: str, now: float) -> bool:
    """Whether a resource ID the sandbox no longer holds was acquired over 5 minutes ago."""
    try:
        acquired_ms = int(resource_id[-_STAMP_DIGITS:], 16)
    except ValueError:
        return False
    return len(resource_id) > _STAMP_DIGITS and now - acquired_ms / 1000 > RESOURCE_LIFETIME_SECONDS


def _first_error(problems: list[Problem]) -> str:
    first = next((p for p in problems if p.is_error), problems[0])
    where = first.path or "body"
    return f"{where}: {first.message}"
