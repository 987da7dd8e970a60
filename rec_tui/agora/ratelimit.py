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
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
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

_NUMBERS = itertools.count()


@dataclass
class _Record:
    """The sends that count towards the limit: those answered by the moment their answer
    came (oldest first), those awaiting an answer by key with the moment each went."""

    answered: deque[float] = field(default_factory=deque)
    awaiting: dict[str, float] = field(default_factory=dict)

    def forget(self, now: float, span: float, rate: int) -> None:
        """Drop what no longer counts at ``now``: sends answered ``span`` ago or more,
        sends awaiting an answer for too long, and anything recorded ahead of ``now``
        (before a reboot). Answered sends beyond the newest ``rate`` are dropped too: they
        change no wait (see :meth:`RateLimiter.reserve`)."""
        answered = self.answered
        if answered and answered[-1] > now:
            self.answered = answered = deque(when for when in answered if when <= now)
        # Written as the wait is reckoned (when + span - now), so that a send that counts
        # always means a wait above zero.
        while answered and (answered[0] + span <= now or len(answered) > rate):
            answered.popleft()
        for key, when in list(self.awaiting.items()):
            if not when <= now < when + UNANSWERED_SECONDS:
                del self.awaiting[key]


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
        self._record = _Record()
        self._lock = threading.Lock()
        self._paused_until = 0.0

    def reserve(self, key: str | None = None) -> float:
        """Take a send now if the limit allows it (returns 0), else how many seconds to
        wait before asking again.

        With a ``key`` the send counts as awaiting its answer until :meth:`answered` is
        called with that key; without one it counts from now (its answer is not waited
        for). Only sends that go now are recorded, at the moment they go.
        """
        with self._lock, self._recorded() as record:
            # Read once the state file is locked: waiting for it takes time.
            now = self.clock()
            if now < self._paused_until:
                return self._paused_until - now
            record.forget(now, self.span, self.rate)
            counted = len(record.answered) + len(record.awaiting)
            if counted >= self.rate:
                # One more may go once this many have stopped counting; answered sends
                # stop in the order they were answered, awaited ones only once answered.
                leaving = counted - self.rate
                if leaving < len(record.answered):
                    return record.answered[leaving] + self.span - now
                return POLL_SECONDS
            if key is None:
                record.answered.append(now)
            else:
                record.awaiting[key] = now
            return 0.0

    def answered(self, key: str) -> None:
        """The answer to the send taken with ``key`` came (or it failed): from now on it
        counts from this moment."""
        with self._lock, self._recorded() as record:
            now = self.clock()
            if record.awaiting.pop(key, None) is not None:
                record.answered.append(now)

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

    @contextlib.contextmanager
    def _recorded(self) -> Iterator[_Record]:
        """The record of sends, to change; from and back to the state file (held locked
        meanwhile) when there is one, else this process's own."""
        shared = self._open_shared()
        if shared is None:
            yield self._record
            return
        with shared as stream:
            record = _read_record(stream)
            yield record
            state = {"answered": list(record.answered), "awaiting": record.awaiting}
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.truncate()
                stream.write(json.dumps(state).encode())
            self._record = record

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


def _read_record(stream: FileIO) -> _Record:
    """The record in the state file; an empty one when it cannot be read (empty, cut short
    by a crash, written by hand)."""
    try:
        state = json.loads(stream.read(65536) or b"{}")
    except (OSError, ValueError):
        return _Record()
    if not isinstance(state, dict):
        return _Record()
    answered, awaiting = state.get("answered"), state.get("awaiting")
    record = _Record()
    if isinstance(answered, list):
        moments = (float(when) for when in answered if _is_moment(when))
        record.answered = deque(sorted(moments))
    if isinstance(awaiting, dict):
        record.awaiting = {key: float(when) for key, when in awaiting.items() if _is_moment(when)}
    return record


def _is_moment(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


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
