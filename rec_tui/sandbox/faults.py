"""Fault injection: the network and server troubles the client must survive (for tests).

A :class:`Fault` applies to requests matching its host and call, a given number of times
(``times=None``: until removed). Faults act at the transport, in front of the service, as
real trouble would: a dropped connection never reaches the service, a lost answer does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal[
    "latency",  # add ``seconds`` before answering (a timeout if longer than the client's)
    "drop",  # the connection fails before the request arrives
    "lose_answer",  # the service handles the request, then the connection drops
    "server_error",  # HTTP ``status`` (default 503) with a service error body
    "code65",  # 206 with code 65: reached the backend, the answer timed out
    "non_json",  # an HTML error page from something in between
    "rate_limit",  # 429 {"message": "API rate limit exceeded"}
]


@dataclass(slots=True)
class Fault:
    kind: FaultKind
    host: str | None = None
    call: str | None = None
    times: int | None = 1
    seconds: float = 0.0
    status: int = 503
    retry_after: float | None = None  # rate_limit and server_error: the Retry-After header

    def matches(self, host: str, call: str) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        return (self.host is None or self.host == host) and (self.call is None or self.call == call)


class Faults:
    """The faults currently armed; thread-safe, consumed as they fire."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def inject(
        self,
        kind: FaultKind,
        *,
        host: str | None = None,
        call: str | None = None,
        times: int | None = 1,
        seconds: float = 0.0,
        status: int = 503,
        retry_after: float | None = None,
    ) -> Fault:
        fault = Fault(kind, host, call, times, seconds, status, retry_after)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, host: str, call: str) -> list[Fault]:
        """The faults that fire for this request: any latency, then at most one other."""
        fired: list[Fault] = []
        with self._lock:
            for fault in self._faults:
                if not fault.matches(host, call):
                    continue
                if fault.kind != "latency" and any(f.kind != "latency" for f in fired):
                    continue
                if fault.times is not None:
                    fault.times -= 1
                fired.append(fault)
        return fired
