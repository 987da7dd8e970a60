"""Fake time and a sandbox-backed client for the client, sandbox and lifecycle tests.

``FakeTime`` is one clock for everything (client back-off, rate limiter, sandbox expiry and
rate counting); its ``sleep`` advances the clock instead of waiting, so no test waits.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

from rec_tui.agora.client import RecordingClient
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.sandbox import CUSTOMER_ID, CUSTOMER_SECRET
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.store.secrets import Credentials
from tests.support.rules import CLEAN_BODIES

SANDBOX_CREDENTIALS = Credentials(CUSTOMER_ID, CUSTOMER_SECRET)


class FakeTime:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def make_sandbox(time: FakeTime, **options: Any) -> SandboxTransport:
    service = SandboxService(clock=time.clock, rate_clock=time.clock, **options)
    return SandboxTransport(service)


def make_client(
    time: FakeTime,
    transport: SandboxTransport,
    *,
    endpoint: str = "sandbox",
    credentials: Credentials = SANDBOX_CREDENTIALS,
    **options: Any,
) -> RecordingClient:
    return RecordingClient(
        app_id="test-app",
        credentials=credentials,
        endpoint=endpoint,
        transport=transport,
        sleep=time.sleep,
        limiter=RateLimiter(clock=time.clock),
        **options,
    )


def clean_body(mode: str) -> dict[str, Any]:
    return copy.deepcopy(CLEAN_BODIES[mode])


def scene_for(mode: str) -> dict[str, Any]:
    return {"scene": 1 if mode == "web" else 0}
