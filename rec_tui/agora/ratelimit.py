"""Keeping this process at or under Agora's 10 requests per second (spec 1.6).

The limit counts per account (customer ID), so one limiter is shared by every client of the
process that uses the same customer ID. Each request reserves a send slot, and slots are
spaced evenly, a little more than ``1/rate`` seconds apart: a burst of ten sent at once
would reach the server spread by connection set-up and could then count eleven in some
one-second window, while evenly spaced requests cannot. Reserving is done under a thread
lock with no awaiting inside, so the limiter works across event loops (the command line
runs each call in its own ``asyncio.run``) and threads.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Final

RATE_PER_SECOND: Final = 10
WINDOW_SECONDS: Final = 1.0
# Spacing head-room for jitter between leaving this process and reaching the server.
JITTER_MARGIN: Final = 0.05

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    def __init__(
        self,
        rate: int = RATE_PER_SECOND,
        *,
        window: float = WINDOW_SECONDS,
        clock: Clock = time.monotonic,
    ) -> None:
        self.rate = rate
        self.window = window
        self.clock = clock
        self.gap = window / rate * (1 + JITTER_MARGIN)
        self._last_slot: float | None = None
        self._lock = threading.Lock()
        self._paused_until = 0.0

    def reserve(self) -> float:
        """Book the next send slot; returns how many seconds to wait before sending."""
        with self._lock:
            now = self.clock()
            slot = max(now, self._paused_until)
            if self._last_slot is not None:
                slot = max(slot, self._last_slot + self.gap)
            self._last_slot = slot
            return slot - now

    def pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds`` (after a 429 answer)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def acquire(self, sleep: Sleep = asyncio.sleep) -> None:
        delay = self.reserve()
        if delay > 0:
            await sleep(delay)


_LIMITERS: dict[str, RateLimiter] = {}
_REGISTRY_LOCK = threading.Lock()


def limiter_for(customer_id: str) -> RateLimiter:
    """The process-wide limiter of ``customer_id``."""
    with _REGISTRY_LOCK:
        limiter = _LIMITERS.get(customer_id)
        if limiter is None:
            limiter = _LIMITERS[customer_id] = RateLimiter()
        return limiter
