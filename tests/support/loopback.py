"""The sandbox's HTTP server on a background thread, and raw-socket helpers to talk to it."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rec_tui.sandbox.serve import Limits, SandboxServer
from rec_tui.sandbox.service import SandboxService


@contextmanager
def serving(
    service: SandboxService | None = None, limits: Limits | None = None, *, verbose: bool = False
) -> Iterator[SandboxServer]:
    """A started server on its own event loop thread; stopped and joined on exit."""
    loop = asyncio.new_event_loop()
    server = SandboxServer(0, service, limits=limits, verbose=verbose)
    ready = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.start())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(server.close())
        loop.close()

    thread = threading.Thread(target=run, name="sandbox-server", daemon=True)
    thread.start()
    assert ready.wait(10), "the sandbox server did not start"
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def connect(server: SandboxServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    chunks: list[bytes] = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
