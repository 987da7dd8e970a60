"""The sandbox as an httpx transport: no sockets, no network, any host name.

The client sends to ``https://sandbox.rec-tui.invalid`` (or to Agora's host names in tests,
to exercise failover); this transport hands each request to the service, after applying any
injected fault. Timeouts are honoured as a real connection would: added latency beyond the
request's read timeout raises ``httpx.ReadTimeout``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx

from rec_tui.sandbox.faults import Fault, Faults
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.wire import Answer, gateway_error, service_error

_HTML_ERROR = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


@dataclass(frozen=True, slots=True)
class Seen:
    """A request as the transport saw it (for tests: which host, which call, what answer)."""

    host: str
    call: str
    status: int | None


class SandboxTransport(httpx.AsyncBaseTransport):
    def __init__(self, service: SandboxService | None = None) -> None:
        self.service = service or SandboxService()
        self.faults = Faults()
        self.seen: list[Seen] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        call = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        body = await request.aread()
        fired = self.faults.take(host, call)
        try:
            answer = await self._answer(request, host, call, body, fired)
        except httpx.TransportError:
            self.seen.append(Seen(host, call, None))
            raise
        self.seen.append(Seen(host, call, answer.status))
        return httpx.Response(
            answer.status,
            content=answer.encoded(),
            headers={
                "content-type": "text/html"
                if isinstance(answer.payload, str)
                else "application/json",
                **answer.headers,
            },
            request=request,
        )

    async def _answer(
        self, request: httpx.Request, host: str, call: str, body: bytes, fired: list[Fault]
    ) -> Answer:
        for fault in fired:
            if fault.kind == "latency":
                await self._delay(request, fault.seconds)
        trouble = next((f for f in fired if f.kind != "latency"), None)
        if trouble is not None and trouble.kind == "drop":
            raise httpx.ConnectError(f"connection to {host} refused", request=request)
        answer = _faulty_answer(trouble)
        if answer is not None:
            return answer
        answer = self.service.handle(request.method, request.url.path, request.headers, body)
        if trouble is not None and trouble.kind == "lose_answer":
            raise httpx.ReadError("connection reset before the answer arrived", request=request)
        return answer

    async def _delay(self, request: httpx.Request, seconds: float) -> None:
        timeouts = request.extensions.get("timeout", {})
        limit = timeouts.get("read") if isinstance(timeouts, dict) else None
        if limit is not None and seconds > limit:
            await asyncio.sleep(limit)
            raise httpx.ReadTimeout("no answer within the read timeout", request=request)
        await asyncio.sleep(seconds)


def _faulty_answer(fault: Fault | None) -> Answer | None:
    if fault is None:
        return None
    if fault.kind == "server_error":
        timeout = service_error(62, status=fault.status)
        return Answer(timeout.status, timeout.payload, _retry_after(fault))
    if fault.kind == "code65":
        return service_error(65)
    if fault.kind == "non_json":
        return Answer(502, _HTML_ERROR)
    if fault.kind == "rate_limit":
        return gateway_error("API rate limit exceeded", _retry_after(fault))
    return None


def _retry_after(fault: Fault) -> dict[str, str]:
    return {} if fault.retry_after is None else {"retry-after": str(fault.retry_after)}
