"""What every check is given: the exchange, a quoter, the time to judge at, and the
findings made so far (a later check may name an earlier one as the likely cause)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rec_tui.agora.diagnose.evidence import Quoter
from rec_tui.agora.diagnose.model import Answer, Call, Callback, Exchange, Finding, Stamp
from rec_tui.i18n import N_

NOT_FOUND_TEXT = "failed to find worker"
# recorder_leave's (event 41) leaveCode bit for "nobody else in the channel" (maxIdleTime).
LEFT_IDLE_BIT = 4
# Where the time of a call comes from when the ticket holds none.
CURRENT_TIME = N_("the current time (the ticket holds no times)")
# The calls that address a running task (None: an answer whose call was not quoted).
_TASK_CALLS = frozenset({"query", "update", "updateLayout", "stop", None})


@dataclass
class Context:
    exchange: Exchange
    quote: Quoter
    now: float
    found: list[Finding] = field(default_factory=list)

    def has(self, *ids: str) -> bool:
        return any(finding.id in ids for finding in self.found)

    def judged_at(self, call: Call) -> Stamp:
        """When ``call`` was made: its own time, else the first time in the material,
        else now (which proves nothing about the past)."""
        if call.when is not None:
            return call.when
        times = self.exchange.stamps + [c.time for c in self.exchange.callbacks if c.time]
        if times:
            return times[0]
        return Stamp(self.now, CURRENT_TIME)

    def left_idle(self) -> Callback | None:
        """The first recorder_leave event (41) whose leaveCode says nobody was in the channel."""
        for callback in self.exchange.callbacks:
            code = callback.details.get("leaveCode")
            if callback.event_type == 41 and isinstance(code, int) and code & LEFT_IDLE_BIT:
                return callback
        return None

    def starts(self) -> list[Call]:
        return [call for call in self.exchange.calls if call.kind == "start" and call.body]

    def recorded(self, start: Call) -> bool:
        """A later answer of the task shows the recorder was in the channel."""
        return start.started and any(
            _shows_recording(call.answer) for call in self.exchange.after(start)
        )

    def vanished_after(self, start: Call) -> Call | None:
        """The first call after a successful ``start`` answered "task not found"."""
        if not start.started:
            return None
        for call in self.exchange.after(start):
            if call.kind not in _TASK_CALLS:
                continue  # a new acquire or start: another task
            if is_not_found(call.answer):
                return call
            if call.kind == "stop" and call.answer is not None and not call.answer.failed:
                return None  # stopped: a task not found after that is expected
        return None


def _shows_recording(answer: Answer | None) -> bool:
    """query's status 4 or 5 (recording), or a file list: the recorder was in the channel."""
    response = answer.server_response if answer is not None else None
    if response is None:
        return False
    return response.get("status") in (4, 5) or bool(response.get("fileList"))


def is_not_found(answer: Answer | None) -> bool:
    """The task does not exist: code 404, "failed to find worker", or a bare 404 status
    (not the gateway's "no Route matched", which is a wrong URL or method)."""
    if answer is None:
        return False
    reason = answer.reason.casefold()
    if answer.code == 404 or NOT_FOUND_TEXT in reason:
        return True
    return answer.status == 404 and answer.code is None and "no route" not in reason


def seconds_between(first: Stamp | None, second: Stamp | None) -> float | None:
    if first is None or second is None:
        return None
    return second.at - first.at
