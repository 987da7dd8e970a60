"""Benchmark: the REST client's overhead per call, and its request rate under a burst.

Run: ``.venv/bin/python tests/bench/bench_client.py``. Both parts use the sandbox served on
127.0.0.1 (``rec-tui sandbox serve``'s server, in a thread of this process).

1. Overhead: the same ``query`` call, timed one after another, through plain httpx (the
   baseline: one AsyncClient sending the Authorization header, nothing else) and through
   :class:`RecordingClient`
   (request building, redaction, answer interpretation, the history line, the rate
   limiter's bookkeeping — the limiter set high so it never waits). Target: the client's
   median within 1.2× of plain httpx.
2. Burst: 35 calls fired at once through the real limiter (10 requests/s per customer ID).
   Reported: the largest number of requests the server saw in any 1-second window and the
   overall rate. Must stay ≤ 10/s.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROUNDS = 400
WARMUP = 30
BURST = 35
TARGET_RATIO = 1.2
RATE_LIMIT = 10


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def _overhead(base_url: str, resource_id: str, sid: str) -> tuple[float, float]:
    import httpx

    from rec_tui.agora.client import RecordingClient
    from rec_tui.agora.connect import record_in_history
    from rec_tui.agora.ratelimit import RateLimiter
    from rec_tui.request.endpoints import call_path
    from rec_tui.store.secrets import Credentials

    path = call_path("query", "bench", "mix", resource_id, sid)
    plain_samples: list[float] = []
    client_samples: list[float] = []
    credentials = Credentials("sandbox", "sandbox-secret")
    plain = httpx.AsyncClient(headers={"Authorization": credentials.authorization}, timeout=10)
    client = RecordingClient(
        app_id="bench",
        credentials=Credentials("sandbox", "sandbox-secret"),
        endpoint=base_url,
        limiter=RateLimiter(10**9),
        listeners=[record_in_history],
    )
    async with plain, client:
        # Interleaved, so drift in the machine's load hits both sides alike.
        for index in range(WARMUP + ROUNDS):
            began = time.perf_counter()
            response = await plain.get(base_url + path)
            response.json()
            plain_time = time.perf_counter() - began
            began = time.perf_counter()
            await client.query("mix", resource_id, sid)
            client_time = time.perf_counter() - began
            if index >= WARMUP:
                plain_samples.append(plain_time)
                client_samples.append(client_time)
    return _median_ms(plain_samples), _median_ms(client_samples)


async def _burst(base_url: str, resource_id: str, sid: str) -> float:
    from rec_tui.agora.client import RecordingClient
    from rec_tui.agora.ratelimit import RateLimiter
    from rec_tui.store.secrets import Credentials

    async with RecordingClient(
        app_id="bench",
        credentials=Credentials("sandbox", "sandbox-secret"),
        endpoint=base_url,
        limiter=RateLimiter(RATE_LIMIT),
    ) as client:
        began = time.perf_counter()
        await asyncio.gather(*(client.query("mix", resource_id, sid) for _ in range(BURST)))
        return time.perf_counter() - began


def _max_in_window(times: list[float], window: float = 1.0) -> int:
    ordered = sorted(times)
    best = 0
    start = 0
    for end, moment in enumerate(ordered):
        while moment - ordered[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def main() -> int:
    os.environ["REC_TUI_HOME"] = tempfile.mkdtemp(prefix="rec-tui-bench-")
    from rec_tui.sandbox.service import SandboxService
    from rec_tui.sandbox.wire import Answer
    from tests.support.loopback import serving

    service = SandboxService(rate_limit=None)
    seen: list[float] = []
    original = service.handle

    def counted(method: str, path: str, headers: Mapping[str, str], body: bytes) -> Answer:
        seen.append(time.monotonic())
        return original(method, path, headers, body)

    service.handle = counted  # type: ignore[method-assign]
    with serving(service) as server:
        return _measure(server.base_url, seen)


async def _start_one(base_url: str) -> tuple[str, str]:
    from rec_tui.agora.client import RecordingClient
    from rec_tui.store.secrets import Credentials
    from tests.support.rules import CLEAN_BODIES

    body = CLEAN_BODIES["mix"]
    async with RecordingClient(
        app_id="bench",
        credentials=Credentials("sandbox", "sandbox-secret"),
        endpoint=base_url,
    ) as setup:
        acquired = await setup.acquire(body["cname"], body["uid"], {"scene": 0})
        resource_id = acquired.data["resourceId"]
        started = await setup.start("mix", resource_id, body)
    return resource_id, started.data["sid"]


def _measure(base_url: str, seen: list[float]) -> int:
    resource_id, sid = asyncio.run(_start_one(base_url))
    plain_ms, client_ms = asyncio.run(_overhead(base_url, resource_id, sid))
    ratio = client_ms / plain_ms
    print(f"query over loopback, median of {ROUNDS} calls each:")
    print(f"  plain httpx      {plain_ms:7.3f} ms")
    print(f"  RecordingClient  {client_ms:7.3f} ms  ({ratio:.2f}× plain; target ≤ {TARGET_RATIO}×)")
    print(f"  overhead         {client_ms - plain_ms:7.3f} ms per call")

    seen.clear()
    elapsed = asyncio.run(_burst(base_url, resource_id, sid))
    peak = _max_in_window(seen)
    rate = (BURST - 1) / (max(seen) - min(seen)) if len(seen) > 1 else float("inf")
    print(f"burst of {BURST} concurrent calls through the 10/s limiter:")
    print(f"  took {elapsed:.2f} s; most requests in any 1 s window: {peak} (limit {RATE_LIMIT})")
    print(f"  average rate {rate:.2f} requests/s")
    ok = ratio <= TARGET_RATIO and peak <= RATE_LIMIT
    print("PASS" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
