"""``rec-tui sandbox serve``: the same sandbox service over HTTP on 127.0.0.1.

HTTP/1.1 is spoken by h11 (the protocol engine under httpx, so no new install), driven by
asyncio streams: h11 parses and frames every message, this module only decides what to do
with it. Whatever a client sends, it gets an answer or a closed connection, never a hang:

* a request head must arrive within ``header_timeout`` (and fit in ``max_header_bytes``),
  a body within ``body_timeout`` (408 otherwise); a keep-alive connection idle for
  ``idle_timeout`` is closed;
* a body over ``max_body_bytes`` is answered 413 and the connection closed, so bytes past
  the limit are never read as another request;
* malformed HTTP (a bad ``Content-Length``, a broken head) is answered 400 and closed;
* at most ``max_connections`` connections are served at once; the next ones get 503 with
  ``Retry-After`` (the listen backlog is large, so a burst waits in the kernel rather than
  timing out);
* an error inside the service is answered 500, never with silence.

It only ever binds the loopback address.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from dataclasses import dataclass
from http import HTTPStatus
from typing import Final

import h11

from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.wire import Answer

LOOPBACK: Final = "127.0.0.1"
_READ_CHUNK: Final = 64 * 1024
_SERVER_NAME: Final = b"rec-tui-sandbox"
# After a refusal: how long, and how much, to keep reading (and dropping) before closing.
_LINGER_SECONDS: Final = 2.0
_LINGER_BYTES: Final = 8 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """What one client may take from the server."""

    max_body_bytes: int = 1 << 20
    max_header_bytes: int = 16 * 1024
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    idle_timeout: float = 15.0
    max_connections: int = 256
    backlog: int = 1024


class _Refused(Exception):
    """Answer ``status`` with ``message`` and close the connection."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SandboxServer:
    """The sandbox service on ``127.0.0.1:port`` (0: any free port), on the running loop."""

    def __init__(
        self,
        port: int = 0,
        service: SandboxService | None = None,
        *,
        limits: Limits | None = None,
        verbose: bool = False,
    ) -> None:
        self.port = port
        self.service = service or SandboxService()
        self.limits = limits or Limits()
        self.verbose = verbose
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        """Bind and listen (OSError when the port is taken)."""
        self._server = await asyncio.start_server(
            self._serve_connection, LOOPBACK, self.port, backlog=self.limits.backlog
        )
        self.port = self._server.sockets[0].getsockname()[1]

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    async def serve_forever(self) -> None:
        if self._server is None:
            await self.start()
        assert self._server is not None
        await self._server.serve_forever()

    async def close(self) -> None:
        """Stop listening and end every open connection (each handler then finishes)."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for writer in list(self._open):
            writer.transport.abort()
        while self._open:
            await asyncio.sleep(0.01)

    # --- one connection ---------------------------------------------------------------

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        connection = h11.Connection(
            h11.SERVER, max_incomplete_event_size=self.limits.max_header_bytes
        )
        self.connections += 1
        self._open.add(writer)
        try:
            if self.connections > self.limits.max_connections:
                busy = Answer(503, {"message": "too many connections"}, {"retry-after": "1"})
                await self._send(writer, connection, busy, close=True)
                await self._discard_the_rest(reader, writer)
                return
            await self._serve_requests(connection, reader, writer)
        except (ConnectionError, h11.LocalProtocolError):
            pass  # the client went away mid-answer: nothing left to tell it
        finally:
            self.connections -= 1
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
            self._open.discard(writer)

    async def _serve_requests(
        self, connection: h11.Connection, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            try:
                request = await self._read_head(connection, reader)
                if request is None:
                    return  # closed, or idle too long between requests
                body = await self._read_body(connection, reader, writer, request)
            except _Refused as refused:
                answer = Answer(refused.status, {"message": refused.message})
                await self._send(writer, connection, answer, close=True)
                await self._discard_the_rest(reader, writer)
                return
            # On the loop itself: a worker thread would cost each answer a GIL hand-over
            # (about 5 ms), and the service answers even a 1 MB body in milliseconds.
            answer = self._answer(request, body)
            await self._send(writer, connection, answer, close=False)
            if connection.our_state is not h11.DONE or connection.their_state is not h11.DONE:
                return
            connection.start_next_cycle()

    async def _receive(self, connection: h11.Connection, reader: asyncio.StreamReader) -> None:
        connection.receive_data(await reader.read(_READ_CHUNK))

    async def _read_head(
        self, connection: h11.Connection, reader: asyncio.StreamReader
    ) -> h11.Request | None:
        """The next request's head; None when the client closed or stayed idle too long."""
        if not connection.trailing_data[0]:
            try:
                async with asyncio.timeout(self.limits.idle_timeout):
                    await self._receive(connection, reader)
            except TimeoutError:
                return None
        try:
            async with asyncio.timeout(self.limits.header_timeout):
                while True:
                    event = self._next_event(connection)
                    if isinstance(event, h11.Request):
                        return event
                    if isinstance(event, h11.ConnectionClosed):
                        return None
                    await self._receive(connection, reader)
        except TimeoutError:
            raise _Refused(408, "the request head did not arrive in time") from None

    async def _read_body(
        self,
        connection: h11.Connection,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        request: h11.Request,
    ) -> bytes:
        limit = self.limits.max_body_bytes
        too_large = _Refused(413, f"the request body is over {limit} bytes")
        declared = _content_length(request)
        if declared is not None and declared > limit:
            raise too_large
        if connection.they_are_waiting_for_100_continue:
            writer.write(connection.send(h11.InformationalResponse(status_code=100, headers=[])))
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.limits.body_timeout):
                while True:
                    event = self._next_event(connection)
                    if isinstance(event, h11.Data):
                        size += len(event.data)
                        if size > limit:
                            raise too_large
                        chunks.append(bytes(event.data))
                    elif isinstance(event, h11.EndOfMessage):
                        return b"".join(chunks)
                    elif isinstance(event, h11.ConnectionClosed):
                        raise _Refused(400, "the connection closed before the body ended")
                    else:
                        await self._receive(connection, reader)
        except TimeoutError:
            raise _Refused(408, "the request body did not arrive in time") from None

    async def _discard_the_rest(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Read and drop what the client still sends after a refusal, for a moment.

        Closing a socket with unread input resets the connection, and a reset can destroy
        the refusal before the client reads it. The bytes are dropped, never parsed: they
        cannot become a request.
        """
        if writer.can_write_eof():
            writer.write_eof()
        dropped = 0
        try:
            async with asyncio.timeout(_LINGER_SECONDS):
                while dropped < _LINGER_BYTES:
                    chunk = await reader.read(_READ_CHUNK)
                    if not chunk:
                        return
                    dropped += len(chunk)
        except TimeoutError:
            pass

    def _next_event(self, connection: h11.Connection) -> object:
        try:
            return connection.next_event()
        except h11.RemoteProtocolError as error:
            raise _Refused(error.error_status_hint, f"malformed HTTP request: {error}") from None

    def _answer(self, request: h11.Request, body: bytes) -> Answer:
        method = request.method.decode("ascii", "replace")
        path = request.target.decode("ascii", "replace")
        headers = {
            name.decode("latin-1"): value.decode("latin-1") for name, value in request.headers
        }
        answer = self.service.handle(method, path, headers, body)
        if self.verbose:
            print(f"{method} {path} -> {answer.status}", file=sys.stderr, flush=True)
            sid = answer.payload.get("sid") if isinstance(answer.payload, dict) else None
            note = self.service.exit_note(sid) if path.endswith("/start") and sid else None
            if note:
                print(f"  scenario: {note}", file=sys.stderr, flush=True)
        return answer

    async def _send(
        self, writer: asyncio.StreamWriter, connection: h11.Connection, answer: Answer, close: bool
    ) -> None:
        content = answer.encoded()
        kind = b"text/html" if isinstance(answer.payload, str) else b"application/json"
        headers = [
            (b"content-type", kind),
            (b"content-length", str(len(content)).encode()),
            (b"server", _SERVER_NAME),
            *(
                (name.encode("latin-1"), value.encode("latin-1"))
                for name, value in answer.headers.items()
            ),
        ]
        if close:
            headers.append((b"connection", b"close"))
        # One write: head and body leave in one segment rather than waiting on each other.
        writer.write(
            b"".join(
                (
                    connection.send(
                        h11.Response(
                            status_code=answer.status,
                            headers=headers,
                            reason=_reason(answer.status),
                        )
                    ),
                    connection.send(h11.Data(data=content)),
                    connection.send(h11.EndOfMessage()),
                )
            )
        )
        await writer.drain()


def _reason(status: int) -> bytes:
    try:
        return HTTPStatus(status).phrase.encode("ascii")
    except ValueError:
        return b""


def _content_length(request: h11.Request) -> int | None:
    for name, value in request.headers:
        if name == b"content-length":
            return int(value)  # h11 has already refused anything but digits
    return None
