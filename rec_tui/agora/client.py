"""The Cloud Recording REST client: acquire, start, query, update, updateLayout, stop.

Async on httpx (imported when a client is created, so the wizard starts fast). What it
takes care of, following spec sections 1 and 4:

* Basic auth and the exact ``Content-Type`` Agora wants;
* failover across the endpoint's hosts with back-off on network failures and 5xx
  (a network failure moves on to the next host at once; a 5xx tries the same host again
  first, as the documented order says "try the primary again");
* ``start`` is never sent twice unless rec-tui knows what the first one did. It is retried
  (with the same resource ID) only when the first surely did not arrive (no connection),
  was turned away (429) or was answered 206/code 65, Agora's documented "retry with the same
  resource ID". An answer lost after sending (5xx, timeout, reset, an unreadable answer)
  is *not* retried, although spec 1.6 suggests it: a server that does not answer the repeat
  with 201/code 7 would start a second recording. The error says the first may be running;
  a 201/code 7 answer leads to a ``query`` of the running session, never to another start;
* a timeout on every call; answers read up to :data:`MAX_ANSWER_BYTES` and no further;
  resource IDs and sids checked before they go into a URL;
* the process-wide limit of 10 requests/s per customer ID; 429 and 503 answers waited out
  (``Retry-After``, seconds or a date, up to a minute; else back-off) rather than hammered;
* every answer turned into a result or a :class:`~rec_tui.agora.errors.RecordingError`;
* every attempt, redacted, passed to the ``listeners`` the caller hands in (the log pane,
  the history file: the client itself writes nowhere).

The transport is handed in too: the in-process sandbox's for the sandbox endpoint (the
client never imports the sandbox), or None for real HTTP.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import json
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from rec_tui.agora.errors import RecordingError, interpret_answer
from rec_tui.agora.exchange import Exchange, Scrubber
from rec_tui.agora.identifiers import check_identifier, identifier_problem
from rec_tui.agora.ratelimit import RateLimiter, limiter_for
from rec_tui.i18n import _
from rec_tui.request.endpoints import CALL_METHODS, CONTENT_TYPE, Call, Endpoint, call_path, resolve

if TYPE_CHECKING:
    import httpx

    from rec_tui.store.secrets import Credentials

Sleep = Callable[[float], Awaitable[None]]
ExchangeListener = Callable[[Exchange], None]

# Pauses between attempts (spec 1.6): domain failover 1 s, 3 s, 6 s; code 65 3 s, 6 s.
FAILOVER_BACKOFF: Final = (1.0, 3.0, 6.0)
CODE_65_BACKOFF: Final = (3.0, 6.0)
RATE_LIMIT_BACKOFF: Final = (1.0, 2.0, 4.0, 8.0)
# The longest Retry-After rec-tui waits; a server asking for more gets this much.
MAX_RETRY_AFTER: Final = 60.0
# No Cloud Recording answer comes near this; reading stops here (a megabyte).
MAX_ANSWER_BYTES: Final = 1 << 20
# How much of an oversized answer is kept in the log and history.
_LOGGED_TEXT: Final = 2000
DEFAULT_TIMEOUT: Final = 10.0
# A synchronous stop answers only after the upload, which Agora expects within 20 s.
STOP_TIMEOUT: Final = 30.0
USER_AGENT: Final = "rec-tui"


@dataclass(frozen=True, slots=True)
class Reply:
    """A successful answer: its JSON, status and ``x-request-id``.

    ``already_running`` is set when ``start`` met a session started by an earlier attempt
    (201/code 7); ``data`` then holds the query answer of that session.
    """

    call: Call
    status: int
    data: dict[str, Any]
    request_id: str
    already_running: bool = False

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(slots=True)
class _Attempts:
    """Which host to try next, and how long to wait first (spec 1.1 failover order)."""

    base_urls: tuple[str, ...]
    host_index: int = 0
    retried_same_host: bool = False
    used: dict[str, int] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return self.base_urls[self.host_index % len(self.base_urls)]

    def after_network_failure(self) -> None:
        self.host_index += 1

    def after_server_error(self) -> None:
        if self.retried_same_host or len(self.base_urls) == 1:
            self.host_index += 1
        self.retried_same_host = True

    def next_pause(self, reason: str, schedule: Sequence[float]) -> float | None:
        """The pause before the next attempt for ``reason``, or None when retries are used up."""
        count = self.used.get(reason, 0)
        if count >= len(schedule):
            return None
        self.used[reason] = count + 1
        return schedule[count]


class RecordingClient:
    """One App ID's calls to one endpoint with one pair of credentials."""

    def __init__(
        self,
        *,
        app_id: str,
        credentials: Credentials,
        endpoint: Endpoint | str = "sandbox",
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        sleep: Sleep = asyncio.sleep,
        limiter: RateLimiter | None = None,
        listeners: Iterable[ExchangeListener] = (),
    ) -> None:
        import httpx

        self.app_id = app_id
        self.credentials = credentials
        self.endpoint = resolve(endpoint) if isinstance(endpoint, str) else endpoint
        for base_url in self.endpoint.base_urls:
            check_base_url(base_url)
        if transport is None and self.endpoint.sandbox:
            # Its host name ends in .invalid: without the in-process transport every call
            # would fail on name lookup, so say what is missing instead.
            raise ValueError(_("The sandbox endpoint needs the in-process sandbox's transport."))
        self.timeout = timeout
        self.sleep = sleep
        self.limiter = limiter or limiter_for(credentials.customer_id)
        self.listeners: list[ExchangeListener] = list(listeners)
        self._http = httpx.AsyncClient(transport=transport, timeout=timeout)
        # Agora asks for update and updateLayout calls one at a time (R122).
        self._update_lock = asyncio.Lock()

    async def __aenter__(self) -> RecordingClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def update_in_flight(self) -> bool:
        return self._update_lock.locked()

    # --- the six calls ----------------------------------------------------------------

    async def acquire(
        self, cname: str, uid: str, client_request: dict[str, Any] | None = None
    ) -> Reply:
        body = {"cname": cname, "uid": uid, "clientRequest": client_request or {}}
        return await self._call("acquire", body)

    async def start(self, mode: str, resource_id: str, body: dict[str, Any]) -> Reply:
        try:
            return await self._call("start", body, mode=mode, resource_id=resource_id)
        except RecordingError as error:
            sid = error.body.get("sid") if isinstance(error.body, dict) else None
            if error.code != 7 or not isinstance(sid, str):
                if _start_may_have_begun(error):
                    error.add_note(_may_be_running(resource_id))
                raise
            problem = identifier_problem("sid", sid)
            if problem is not None:
                error.add_note(
                    _("The 201/code 7 answer's {problem}, so it cannot be queried.").format(
                        problem=problem
                    )
                )
                raise
        # An earlier attempt started the recording and its answer was lost: look at that
        # session instead of starting another one.
        running = await self.query(mode, resource_id, sid)
        data = {"resourceId": resource_id, "sid": sid, **running.data}
        return Reply("start", running.status, data, running.request_id, already_running=True)

    async def query(self, mode: str, resource_id: str, sid: str) -> Reply:
        return await self._call("query", None, mode=mode, resource_id=resource_id, sid=sid)

    async def update(self, mode: str, resource_id: str, sid: str, body: dict[str, Any]) -> Reply:
        async with self._update_lock:
            return await self._call("update", body, mode=mode, resource_id=resource_id, sid=sid)

    async def update_layout(
        self, mode: str, resource_id: str, sid: str, body: dict[str, Any]
    ) -> Reply:
        async with self._update_lock:
            return await self._call(
                "updateLayout", body, mode=mode, resource_id=resource_id, sid=sid
            )

    async def stop(self, mode: str, resource_id: str, sid: str, body: dict[str, Any]) -> Reply:
        return await self._call(
            "stop", body, mode=mode, resource_id=resource_id, sid=sid, timeout=STOP_TIMEOUT
        )

    # --- one call, with retries -------------------------------------------------------

    async def _call(
        self,
        call: Call,
        body: dict[str, Any] | None,
        *,
        mode: str = "",
        resource_id: str = "",
        sid: str = "",
        timeout: float | None = None,
    ) -> Reply:
        if call != "acquire":
            check_identifier("resource ID", resource_id)
        if sid or call not in ("acquire", "start"):
            check_identifier("sid", sid)
        path = call_path(call, self.app_id, mode, resource_id, sid)
        content = None if body is None else _encoded(body)
        scrubber = Scrubber(self.credentials, body)
        attempts = _Attempts(self.endpoint.base_urls)
        attempt = 0
        while True:
            attempt += 1
            outcome = await self._attempt(
                call, attempts.base_url + path, content, body, scrubber, attempt, timeout
            )
            if isinstance(outcome, Reply):
                return outcome
            pause = self._retry_pause(call, outcome, attempts)
            if pause is None:
                raise outcome
            await self.sleep(pause)

    def _retry_pause(self, call: Call, error: RecordingError, attempts: _Attempts) -> float | None:
        """How long to wait before trying again after ``error``; None: do not retry."""
        if call == "start" and _start_may_have_begun(error) and error.code != 65:
            return None  # a second start could begin a second recording
        if error.kind == "network":
            attempts.after_network_failure()
            return attempts.next_pause("failover", FAILOVER_BACKOFF)
        if error.status in (429, 503):
            reason, schedule = (
                ("rate", RATE_LIMIT_BACKOFF)
                if error.status == 429
                else (
                    "server",
                    FAILOVER_BACKOFF,
                )
            )
            pause = attempts.next_pause(reason, schedule)
            if pause is not None and error.retry_after is not None:
                # The server said how long: every request of this account waits that long.
                pause = error.retry_after
                self.limiter.pause(pause)
            if error.status == 503:
                attempts.after_server_error()
            return pause
        if error.status is not None and error.status >= 500:
            attempts.after_server_error()
            return attempts.next_pause("server", FAILOVER_BACKOFF)
        if error.status == 206 and error.code == 65:
            return attempts.next_pause("code65", CODE_65_BACKOFF)
        return None

    async def _attempt(
        self,
        call: Call,
        url: str,
        content: bytes | None,
        body: dict[str, Any] | None,
        scrubber: Scrubber,
        attempt: int,
        timeout: float | None,
    ) -> Reply | RecordingError:
        import httpx

        method = CALL_METHODS[call]
        headers = {
            "Authorization": self.credentials.authorization,
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
        if method == "POST":
            headers["Content-Type"] = CONTENT_TYPE
        send = await self.limiter.acquire(self.sleep)
        at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        began = time.perf_counter()
        status: int | None = None
        text = ""
        shown: Any = None  # the answer as recorded: its JSON value or text, redacted
        request_id = ""
        oversized = False
        try:
            async with self._http.stream(
                method,
                url,
                content=content,
                headers=headers,
                timeout=timeout if timeout is not None else self.timeout,
            ) as response:
                status = response.status_code
                request_id = response.headers.get("x-request-id", "")
                retry_after = response.headers.get("retry-after", "")
                raw, oversized = await _read_capped(response, MAX_ANSWER_BYTES)
                text = raw.decode(response.encoding or "utf-8", errors="replace")
        except httpx.RequestError as failure:
            # Transport failures, and answers that cannot be decoded: both leave no usable
            # answer, and another host may do better.
            result: Reply | RecordingError = RecordingError(
                call,
                "network",
                reason=scrubber.text(_describe_failure(failure)),
                sent=not isinstance(failure, _not_sent_failures()),
            )
        else:
            if oversized:
                result = RecordingError(
                    call,
                    "oversized",
                    status=status,
                    reason=_("answer over {size} bytes; reading stopped there").format(
                        size=MAX_ANSWER_BYTES
                    ),
                    request_id=request_id,
                )
                shown = scrubber.answer(text[:_LOGGED_TEXT])
            else:
                shown = scrubber.answer(text)
                answer = interpret_answer(call, status, shown, request_id)
                if isinstance(answer, RecordingError):
                    answer.retry_after = retry_after_seconds(retry_after)
                    result = answer
                else:
                    result = Reply(call, status, answer, request_id)
        finally:
            # The answer came, or none will: the send counts from now (see ratelimit).
            self.limiter.answered(send)
        elapsed_ms = (time.perf_counter() - began) * 1000
        self._record(
            Exchange(
                at=at,
                call=call,
                method=method,
                url=scrubber.text(url),
                request_headers=scrubber.headers(headers),
                request_body=scrubber.body(body),
                status=status,
                response_body=shown,
                request_id=request_id,
                elapsed_ms=round(elapsed_ms, 2),
                attempt=attempt,
                error=result.headline if isinstance(result, RecordingError) else "",
            )
        )
        return result

    def _record(self, exchange: Exchange) -> None:
        for listener in self.listeners:
            listener(exchange)


def check_base_url(url: str) -> None:
    """Refuse a base URL httpx could not use, or one that carries a password.

    The messages never repeat the URL: it may hold the very secret being refused. A user
    name or password before the host would also make httpx replace the customer's
    Authorization header with its own, so it is refused rather than scrubbed.
    """
    import httpx

    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
        httpx.URL(url)  # httpx.InvalidURL is a ValueError too
    except ValueError as error:
        raise _invalid_url("port" if "Port" in str(error) else "") from None
    if port == 0:
        raise _invalid_url("port")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            _(
                "The endpoint URL carries a user name or password before its host (user:…@); "
                "remove it. The customer ID and secret are sent in the Authorization header, "
                "from the Send step's fields, the keyring or AGORA_CUSTOMER_ID / "
                "AGORA_CUSTOMER_SECRET."
            )
        )


def _invalid_url(what: str) -> ValueError:
    if what == "port":
        return ValueError(
            _(
                "The endpoint URL is not a valid URL (its port is not a number from 1 to "
                "65535): write it as https://host or http://127.0.0.1:PORT."
            )
        )
    return ValueError(
        _("The endpoint URL is not a valid URL: write it as https://host or http://127.0.0.1:PORT.")
    )


def _encoded(body: dict[str, Any]) -> bytes:
    """The body as UTF-8 JSON; a lone surrogate (not encodable) goes as a JSON escape."""
    try:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(body, ensure_ascii=True).encode("ascii")


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from now, at most a minute.

    None when absent or unreadable. ``now`` (epoch seconds) is for tests.
    """
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            return None
        seconds = moment.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The answer's bytes, up to ``limit``; True when there was more (left unread)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            chunks.append(chunk[: max(0, limit - (size - len(chunk)))])
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def _start_may_have_begun(error: RecordingError) -> bool:
    """Whether a failed start may have started a recording all the same.

    Only a request that never left, or one the server turned away (4xx: refused before
    anything began), surely did not.
    """
    if not error.sent:
        return False
    return error.status is None or not 400 <= error.status < 500


def _may_be_running(resource_id: str) -> str:
    return _(
        "The recording may have started anyway (resource ID {resource_id}): the answer "
        "did not say. rec-tui did not send start again, because a second start could begin "
        "a second recording. Agora answers a repeated start with this same resource ID with "
        "201 and code 7 and the sid if the first one began (within 5 minutes of acquire); an "
        "unattended recording ends by itself maxIdleTime after the channel empties."
    ).format(resource_id=resource_id)


def _not_sent_failures() -> tuple[type[Exception], ...]:
    import httpx

    return (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def _describe_failure(failure: Exception) -> str:
    import httpx

    if isinstance(failure, httpx.TimeoutException):
        return _("timed out ({kind})").format(kind=type(failure).__name__)
    if isinstance(failure, httpx.DecodingError):
        return _("the answer could not be decoded: {failure}").format(failure=failure)
    detail = str(failure) or type(failure).__name__
    return _("connection failed: {detail}").format(detail=detail)
