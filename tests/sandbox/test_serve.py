"""`rec-tui sandbox serve` over loopback: every request answered, nothing unbounded."""

from __future__ import annotations

import asyncio
import base64
import json
import socket
from typing import Any

import httpx
import pytest

from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.sandbox.serve import Limits
from rec_tui.sandbox.service import SandboxService
from tests.support.loopback import connect, read_all, serving

AUTH = "Basic " + base64.b64encode(b"sandbox:sandbox-secret").decode()
ACQUIRE = "/v1/apps/app/cloud_recording/acquire"
ACQUIRE_BODY = {"cname": "demo", "uid": "527841", "clientRequest": {}}


def free_service() -> SandboxService:
    return SandboxService(rate_limit=None)


def raw_post(body: bytes, *, length: str | None = None, extra: str = "") -> bytes:
    head = (
        f"POST {ACQUIRE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {AUTH}\r\n"
        f"Content-Type: {CONTENT_TYPE}\r\n"
        f"Content-Length: {len(body) if length is None else length}\r\n{extra}\r\n"
    )
    return head.encode() + body


def answers(raw: bytes) -> list[int]:
    """The statuses of the final answers in a raw byte stream, in order."""
    statuses = []
    for line in raw.split(b"\r\n"):
        if line.startswith(b"HTTP/1.1 "):
            status = int(line.split()[1])
            if status != 100:
                statuses.append(status)
    return statuses


def json_of(raw: bytes) -> Any:
    return json.loads(raw.split(b"\r\n\r\n", 1)[1])


def exchange(sock: socket.socket, data: bytes) -> bytes:
    sock.sendall(data)
    return read_all(sock)


def test_keep_alive_requests_are_answered_on_one_connection() -> None:
    with serving(free_service()) as server, httpx.Client(base_url=server.base_url) as client:
        headers = {"Authorization": AUTH, "Content-Type": CONTENT_TYPE}
        first = client.post(ACQUIRE, json=ACQUIRE_BODY, headers=headers)
        second = client.post(ACQUIRE, json=ACQUIRE_BODY, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json()["resourceId"] != second.json()["resourceId"]
    assert server.connections == 0


@pytest.mark.parametrize("length", ["abc", "-1", "1e3", ""])
def test_a_bad_content_length_is_answered_400_and_closed(length: str) -> None:
    with serving(free_service()) as server, connect(server) as sock:
        raw = exchange(sock, raw_post(b"{}", length=length))
    assert answers(raw) == [400] and raw.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert "Content-Length" in json_of(raw)["message"]


def test_a_malformed_request_line_is_answered_400() -> None:
    with serving(free_service()) as server, connect(server) as sock:
        raw = exchange(sock, b"HELLO THERE\r\n\r\n")
    assert answers(raw) == [400]


def test_an_oversized_head_is_refused() -> None:
    limits = Limits(max_header_bytes=1024)
    with serving(free_service(), limits) as server, connect(server) as sock:
        # A head still growing past the limit (no blank line yet) is refused at once.
        raw = exchange(sock, f"POST {ACQUIRE} HTTP/1.1\r\nX-Long: {'a' * 4096}".encode())
    assert answers(raw) == [431]


def test_bytes_past_the_body_limit_are_never_read_as_a_request() -> None:
    smuggled = f"GET {ACQUIRE} HTTP/1.1\r\nHost: x\r\nAuthorization: {AUTH}\r\n\r\n".encode()
    body = b"{" + b" " * 2000 + smuggled + b" " * 2000 + b"}"
    with serving(free_service(), Limits(max_body_bytes=1024)) as server:
        with connect(server) as sock:
            declared = exchange(sock, raw_post(body) + smuggled)
        with connect(server) as sock:
            chunks = b"".join(
                b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:900], body[900:])
            )
            head = raw_post(b"", extra="Transfer-Encoding: chunked\r\n").replace(
                b"Content-Length: 0\r\n", b""
            )
            chunked = exchange(sock, head + chunks + b"0\r\n\r\n" + smuggled)
    # One answer each, the refusal; the embedded GET got none.
    assert answers(declared) == [413]
    assert answers(chunked) == [413]
    assert "1024 bytes" in json_of(declared)["message"]


def test_a_slow_head_is_answered_408() -> None:
    with serving(free_service(), Limits(header_timeout=0.2)) as server, connect(server) as sock:
        raw = exchange(sock, f"POST {ACQUIRE} HTTP/1.1\r\nHost: x\r\n".encode())
    assert answers(raw) == [408]


def test_a_body_that_stops_coming_is_answered_408() -> None:
    with serving(free_service(), Limits(body_timeout=0.2)) as server, connect(server) as sock:
        raw = exchange(sock, raw_post(b'{"cn', length="50"))
    assert answers(raw) == [408]


def test_an_idle_keep_alive_connection_is_closed() -> None:
    with serving(free_service(), Limits(idle_timeout=0.2)) as server, connect(server) as sock:
        # The server answers, keeps the connection for the idle time, then closes it.
        raw = exchange(sock, raw_post(json.dumps(ACQUIRE_BODY).encode()))
        assert answers(raw) == [200]
    assert server.connections == 0


def test_connections_over_the_limit_get_503() -> None:
    with serving(free_service(), Limits(max_connections=2)) as server:
        held = [connect(server), connect(server)]
        try:
            # Each held connection is answered once, so both are surely being served.
            for sock in held:
                sock.sendall(raw_post(json.dumps(ACQUIRE_BODY).encode()))
                assert answers(sock.recv(65536)) == [200]
            with connect(server) as third:
                raw = read_all(third)
        finally:
            for sock in held:
                sock.close()
    assert answers(raw) == [503]
    assert b"retry-after: 1" in raw.lower()


def test_expect_100_continue_is_honoured() -> None:
    body = json.dumps(ACQUIRE_BODY).encode()
    with serving(free_service()) as server, connect(server) as sock:
        sock.sendall(raw_post(b"", length=str(len(body)), extra="Expect: 100-continue\r\n"))
        interim = sock.recv(65536)
        sock.sendall(body + b"")
        final = sock.recv(65536)
    assert interim.startswith(b"HTTP/1.1 100 ")
    assert answers(final) == [200]


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        (b"[" * 100_000, 8, "nested too deeply"),
        (b'{"cname": "\\ud800", "uid": "1", "clientRequest": {}}', 2, "surrogate"),
        (b"\xff\xfe", 8, "not valid JSON"),
    ],
)
def test_hostile_bodies_get_an_agora_style_error(body: bytes, code: int, words: str) -> None:
    with serving(free_service()) as server, connect(server) as sock:
        sock.sendall(raw_post(body, extra="Connection: close\r\n"))
        raw = read_all(sock)
    assert answers(raw) == [400]
    answer = json_of(raw)
    assert answer["code"] == code and words in answer["reason"]


def test_a_fault_inside_the_service_is_answered_500(monkeypatch: pytest.MonkeyPatch) -> None:
    service = free_service()

    def broken(*args: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "_acquire", broken)
    with serving(service) as server, httpx.Client(base_url=server.base_url) as client:
        answer = client.post(
            ACQUIRE,
            json=ACQUIRE_BODY,
            headers={"Authorization": AUTH, "Content-Type": CONTENT_TYPE},
        )
    assert answer.status_code == 500 and answer.json()["code"] == 500


async def test_200_sequential_and_100_concurrent_clients_are_all_answered() -> None:
    headers = {"Authorization": AUTH, "Content-Type": CONTENT_TYPE}
    # No keep-alive: every request is a new client connection.
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=0)
    timeout = httpx.Timeout(30.0, connect=10.0)
    with serving(free_service()) as server:
        async with httpx.AsyncClient(
            base_url=server.base_url, limits=limits, timeout=timeout
        ) as client:
            sequential = [
                (await client.post(ACQUIRE, json=ACQUIRE_BODY, headers=headers)).status_code
                for _ in range(200)
            ]
            concurrent = await asyncio.gather(
                *(client.post(ACQUIRE, json=ACQUIRE_BODY, headers=headers) for _ in range(100))
            )
    assert sequential == [200] * 200
    assert [answer.status_code for answer in concurrent] == [200] * 100
    assert len(server.service.resources) == 300
