"""``rec-tui sandbox serve``: the same sandbox service over HTTP on 127.0.0.1.

Built on the standard library's threading HTTP server (HTTP/1.1 with keep-alive), so it adds
no dependency. It only ever binds the loopback address.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Final

from rec_tui.sandbox.service import SandboxService

LOOPBACK: Final = "127.0.0.1"
_MAX_BODY: Final = 1 << 20


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without this, Nagle's algorithm and the
    # client's delayed ACK hold every keep-alive answer back by about 40 ms.
    disable_nagle_algorithm = True
    server: SandboxServer

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, _MAX_BODY)) if length else b""
        answer = self.server.service.handle(self.command, self.path, dict(self.headers), body)
        content = answer.encoded()
        self.send_response(answer.status)
        kind = "text/html" if isinstance(answer.payload, str) else "application/json"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:
        # Quiet unless --verbose: request lines carry no secrets, but they flood a terminal.
        if self.server.verbose:
            super().log_message(format, *args)


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0, service: SandboxService | None = None) -> None:
        self.service = service or SandboxService()
        self.verbose = False
        super().__init__((LOOPBACK, port), _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"
