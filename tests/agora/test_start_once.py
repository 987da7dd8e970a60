"""Over loopback, against a server that never dedupes starts: rec-tui sends start once.

The server here answers acquire, and treats every start as a new recording (no 201/code 7),
then loses the answer in one of the ways a network or a server does. Counting the starts it
received proves rec-tui never sends one it cannot account for.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from rec_tui.agora.client import RecordingClient
from rec_tui.agora.errors import RecordingError
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.store.secrets import Credentials
from tests.support.sending import FakeTime, clean_body


@dataclass
class CountingServer:
    """Acquire answers 200; each start is counted, then answered as ``trouble`` says."""

    trouble: str
    starts: int = 0
    acquires: int = 0
    writers: list[asyncio.StreamWriter] = field(default_factory=list)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.decode("latin-1").split("\r\n"):
                    if line.lower().startswith("content-length:"):
                        length = int(line.split(":", 1)[1])
                await reader.readexactly(length)
                if b"/acquire " in head:
                    self.acquires += 1
                    self._answer(writer, 200, {"resourceId": f"rid-{self.acquires}"})
                    continue
                self.starts += 1
                if self.trouble == "reset":
                    writer.transport.abort()
                    return
                if self.trouble == "silence":
                    await self.released.wait()  # no answer until the test ends
                    return
                status = int(self.trouble)
                self._answer(writer, status, {"code": 62, "reason": "request timeout"})
        except (asyncio.IncompleteReadError, ConnectionError):
            return

    def _answer(self, writer: asyncio.StreamWriter, status: int, payload: object) -> None:
        body = json.dumps(payload).encode()
        writer.write(
            f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n"
            f"retry-after: 1\r\ncontent-length: {len(body)}\r\n\r\n".encode()
            + body
        )


@pytest.fixture
async def counting(request: pytest.FixtureRequest) -> AsyncIterator[tuple[CountingServer, str]]:
    counter = CountingServer(request.param)
    server = await asyncio.start_server(counter.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield counter, f"http://127.0.0.1:{port}"
    counter.released.set()
    for writer in counter.writers:
        writer.transport.abort()
    server.close()
    await server.wait_closed()


@pytest.mark.parametrize("counting", ["500", "503", "504", "reset", "silence"], indirect=True)
async def test_a_lost_start_is_sent_once_to_a_server_that_does_not_dedupe(
    counting: tuple[CountingServer, str],
) -> None:
    counter, base_url = counting
    time = FakeTime()
    body = clean_body("mix")
    async with RecordingClient(
        app_id="app",
        credentials=Credentials("id", "secret"),
        endpoint=base_url,
        timeout=0.5,
        sleep=time.sleep,
        limiter=RateLimiter(10**6),
    ) as client:
        acquired = await client.acquire(body["cname"], body["uid"], {"scene": 0})
        with pytest.raises(RecordingError) as caught:
            await client.start("mix", acquired.data["resourceId"], body)
    assert counter.starts == 1
    assert "did not send start again" in caught.value.message
