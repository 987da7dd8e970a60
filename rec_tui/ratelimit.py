"""Keeping this process at or under Agora's 10 requests per second (spec 1.6).

The limit counts per account (customer ID), so one limiter is shared by every client of the
process that uses the same customer ID. Each request reserves a send slot: the next free
moment at which no one-second window would hold more than ``rate`` requests. Reserving is
done under a thread lock with no awaiting inside, so the limiter works across event loops
(the command line runs each call in its own ``asyncio.run``) and threads.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Final

RATE_PER_SECOND: Final = 10
WINDOW_SECONDS: Final = 1.0

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
        self._slots: deque[float] = deque(maxlen=rate)
        self._lock = threading.Lock()
        self._paused_until = 0.0

    def reserve(self) -> float:
        """Book the next send slot; returns how many seconds to wait before sending."""
        with self._lock:
            now = self.clock()
            slot = max(now, self._paused_until)
            if len(self._slots) == self.rate:
                # The request `rate` places back must be a full window behind this one.
                slot = max(slot, self._slots[0] + self.window)
            self._slots.append(slot)
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
