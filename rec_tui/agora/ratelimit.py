"""Keeping every rec-tui of one user at or under Agora's 10 requests per second (spec 1.6).

The limit counts per account (customer ID), so one limiter is shared by every client of
the process that uses the same customer ID, and its record of sends is shared with the
other rec-tui processes of the same user through a small state file in the data
directory: thirty ``rec-tui query`` started at once take their turns instead of drawing
429 answers.

The last ``rate`` sends are recorded. A burst of up to ``rate`` requests goes at once;
the next waits until the oldest of the last ``rate`` sends is a window (plus a margin)
old, so no window of one second holds more than ``rate`` sends (a plain token bucket
refilled at 10/s would let an eleventh through within the first second). A send counts
from when its answer came back, not from when it was let go: a busy machine may hold a
request back between the two, and the server must never see it arrive within a second of
ten later ones. Taking a send is done under a thread lock and the state file's lock, with
no awaiting inside, so it works across event loops (the command line runs each call in its
own ``asyncio.run``), threads and processes. When the state file cannot be used (a
read-only data directory, a system without ``fcntl``), the limiter still holds within the
process.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
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
# A send whose answer is awaited for longer than this was let go by a process that ended
# before its answer came (no answer takes this long: calls time out well before).
UNANSWERED_SECONDS: Final = 120.0
# How soon to look again when the limit is taken by sends still awaiting their answers.
POLL_SECONDS: Final = 0.02

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
# One recorded send: (when, key); the key (process and number) while its answer is
# awaited and ``when`` is the moment it was let go; None once answered, ``when`` then the
# moment the answer came.
Send = tuple[float, str | None]

_NUMBERS = itertools.count()


class RateLimiter:
    def __init__(
        self,
        rate: int = RATE_PER_SECOND,
        *,
        window: float = WINDOW_SECONDS,
        clock: Clock = time.monotonic,
        shared: Path | None = None,
    ) -> None:
        """``shared``: the state file the record of sends is shared through (None: this
        process only). ``clock`` must read the same in every process sharing it (the
        default, ``time.monotonic``, is system-wide)."""
        self.rate = rate
        self.window = window
        self.clock = clock
        self.shared = shared
        # The least time between a send's answer and the send ``rate`` sends later.
        self.span = window * (1 + JITTER_MARGIN)
        self._sends: list[Send] = []
        self._lock = threading.Lock()
        self._paused_until = 0.0

    def reserve(self, key: str | None = None) -> float:
        """Take a send now if the limit allows it (returns 0), else how many seconds to
        wait before asking again.

        With a ``key`` the send counts as awaiting its answer until :meth:`answered` is
        called with that key; without one it counts from now (its answer is not waited
        for). Only sends that go now are recorded, at the moment they go.
        """
        with self._lock, self._recorded() as sends:
            # Read once the state file is locked: waiting for it takes time.
            now = self.clock()
            if now < self._paused_until:
                return self._paused_until - now
            sends[:] = [send for send in sends if self._counts(send, now)]
            if len(sends) >= self.rate:
                answered = sorted(when for when, key in sends if key is None)
                leaving = len(sends) - self.rate  # how many must leave before one more goes
                if leaving < len(answered):
                    return answered[leaving] + self.span - now
                return POLL_SECONDS
            sends.append((now, key))
            return 0.0

    def answered(self, key: str) -> None:
        """The answer to the send taken with ``key`` came (or it failed): from now on it
        counts from this moment."""
        with self._lock, self._recorded() as sends:
            now = self.clock()
            sends[:] = [(now, None) if own == key else (when, own) for when, own in sends]

    def pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds`` (after a 429 answer)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def acquire(self, sleep: Sleep = asyncio.sleep) -> str:
        """Wait until a request may be sent and take its send; returns the key to give
        :meth:`answered` when its answer has come."""
        key = f"{os.getpid()}-{next(_NUMBERS)}"
        while (delay := self.reserve(key)) > 0:
            await sleep(delay)
        return key

    def _counts(self, send: Send, now: float) -> bool:
        """Whether ``send`` still counts towards the limit at ``now``. Sends from before a
        reboot (ahead of the clock) do not."""
        when, key = send
        # Written as the wait is reckoned (when + span - now), so that a send that counts
        # always means a wait above zero.
        return when <= now < when + (self.span if key is None else UNANSWERED_SECONDS)

    @contextlib.contextmanager
    def _recorded(self) -> Iterator[list[Send]]:
        """The recorded sends, to change in place; from and back to the state file (held
        locked meanwhile) when there is one, else this process's own."""
        shared = self._open_shared()
        if shared is None:
            yield self._sends
            return
        with shared as stream:
            sends = _read_sends(stream)
            yield sends
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.truncate()
                stream.write(json.dumps(sends).encode())
            self._sends = sends

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


def _read_sends(stream: FileIO) -> list[Send]:
    """The sends in the state file; none when it cannot be read (empty, cut short by a
    crash, written by hand)."""
    try:
        found = json.loads(stream.read(65536) or b"[]")
    except (OSError, ValueError):
        return []
    if not isinstance(found, list):
        return []
    return [
        (float(send[0]), send[1])
        for send in found
        if isinstance(send, list)
        and len(send) == 2
        and isinstance(send[0], int | float)
        and send[0] == send[0]  # not NaN
        and (send[1] is None or isinstance(send[1], str))
    ]


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
