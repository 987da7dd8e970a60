"""Keeping every rec-tui of one user at or under Agora's 10 requests per second (spec 1.6).

The limit counts per account (customer ID), so one limiter is shared by every client of
the process that uses the same customer ID, and its record of sends is shared with the
other rec-tui processes of the same user through a small state file in the data
directory: thirty ``rec-tui query`` started at once take their turns instead of drawing
429 answers.

The last ``rate`` sends are recorded. A burst of up to ``rate`` requests goes at once;
the next waits until the oldest of the last ``rate`` sends is a window (plus a margin)
old, so no window of one second ever holds more than ``rate`` sends, even when the network
spreads them a little on the way (a plain token bucket refilled at 10/s would let an
eleventh through within the first second). Taking a send is done under a thread lock and
the state file's lock, with no awaiting inside, so it works across event loops (the
command line runs each call in its own ``asyncio.run``), threads and processes. When the
state file cannot be used (a read-only data directory, a system without ``fcntl``), the
limiter still holds within the process.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from io import FileIO
from pathlib import Path
from typing import Final

RATE_PER_SECOND: Final = 10
WINDOW_SECONDS: Final = 1.0
# Head-room for jitter between leaving this process and reaching the server.
JITTER_MARGIN: Final = 0.05
# A send recorded further ahead than this is not a real one (the monotonic clock sends are
# written in starts again at each boot): it is dropped rather than waited for.
STALE_AHEAD_SECONDS: Final = 600.0

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    def __init__(
        self,
        rate: int = RATE_PER_SECOND,
        *,
        window: float = WINDOW_SECONDS,
        clock: Clock = time.monotonic,
        shared: Path | None = None,
    ) -> None:
        """``shared``: the state file the record of sends is shared through (None: this process
        only). ``clock`` must read the same in every process sharing it (the default,
        ``time.monotonic``, is system-wide)."""
        self.rate = rate
        self.window = window
        self.clock = clock
        self.shared = shared
        # The least time between a send and the one ``rate`` sends later.
        self.span = window * (1 + JITTER_MARGIN)
        self._sent: list[float] = []
        self._lock = threading.Lock()
        self._paused_until = 0.0

    def reserve(self) -> float:
        """Take a send now if the limit allows it (returns 0), else how many seconds to
        wait before asking again.

        Only sends that go now are recorded, at the moment they go: a request booked for
        later and woken late (a busy machine) could otherwise end up sent within a second
        of ten later ones.
        """
        with self._lock:
            now = self.clock()
            if now < self._paused_until:
                return self._paused_until - now
            with self._recent_sends(now) as sent:
                if len(sent) >= self.rate and sent[-self.rate] + self.span > now:
                    return sent[-self.rate] + self.span - now
                sent.append(now)
                del sent[: -self.rate]
            return 0.0

    def pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds`` (after a 429 answer)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def acquire(self, sleep: Sleep = asyncio.sleep) -> None:
        """Wait until this request may be sent, and take its send."""
        while (delay := self.reserve()) > 0:
            await sleep(delay)

    @contextlib.contextmanager
    def _recent_sends(self, now: float) -> Iterator[list[float]]:
        """The recent sends, oldest first, to add to; from and back to the state file
        (held locked meanwhile) when there is one, else this process's own."""
        shared = self._open_shared()
        if shared is None:
            yield self._sent
            return
        with shared as stream:
            sent = _read_sends(stream, now - self.span, now + STALE_AHEAD_SECONDS)
            yield sent
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.truncate()
                stream.write(json.dumps(sent).encode())
            self._sent = sent

    def _open_shared(self) -> FileIO | None:
        if self.shared is None:
            return None
        try:
            import fcntl

            self.shared.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            stream = FileIO(os.open(self.shared, flags, 0o600), "r+")
        except (ImportError, OSError):
            return None
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX)  # released when the file closes
        except OSError:
            stream.close()
            return None
        return stream


def _read_sends(stream: FileIO, oldest: float, newest: float) -> list[float]:
    """The sends in the state file between ``oldest`` and ``newest``; none when it cannot
    be read (empty, cut short by a crash, written by hand)."""
    try:
        sends = json.loads(stream.read(65536) or b"[]")
    except (OSError, ValueError):
        return []
    if not isinstance(sends, list):
        return []
    kept = [float(s) for s in sends if isinstance(s, int | float) and oldest <= s <= newest]
    return sorted(kept)


_LIMITERS: dict[str, RateLimiter] = {}
_REGISTRY_LOCK = threading.Lock()


def limiter_for(customer_id: str) -> RateLimiter:
    """The limiter of ``customer_id``: one per process, sharing its record of sends with the
    other rec-tui processes of this user."""
    with _REGISTRY_LOCK:
        limiter = _LIMITERS.get(customer_id)
        if limiter is None:
            limiter = _LIMITERS[customer_id] = RateLimiter(shared=state_file(customer_id))
        return limiter


def state_file(customer_id: str) -> Path:
    """Where the sends of ``customer_id`` are shared; named by a digest, since the
    customer ID itself is a credential and never written down."""
    from rec_tui.store.paths import data_dir

    digest = hashlib.sha256(customer_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return data_dir() / "rate-limit" / f"{digest}.json"
