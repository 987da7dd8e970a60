"""A recording session from acquire to stop, shared by the command line and the Send panel.

Every call is checked first (the ``start`` validator with the session's acquire data and the
clock, or :mod:`rec_tui.request.call_checks`); errors stop the call unless ``force`` is given,
so what the user sees refused here is what Agora would have refused.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from rec_tui.agora.client import RecordingClient, Reply
from rec_tui.agora.status import ENDED_STATUSES, STARTED_STATUSES
from rec_tui.errors import RecTuiError
from rec_tui.i18n import _
from rec_tui.request.call_checks import (
    LAYOUT_FIELDS,
    check_acquire,
    check_control_window,
    check_serial,
    check_update,
    check_update_layout,
    layout_of,
)
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules.context import Session
from rec_tui.spec.rules.session import acquire_scene_for as acquire_scene_for

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class ChecksFailed(RecTuiError):
    """A call not sent because its checks found errors; ``problems`` lists them all."""

    def __init__(self, call: str, problems: list[Problem]) -> None:
        self.call = call
        self.problems = problems
        lines = [_("{call} not sent: the request has errors.").format(call=call)]
        for problem in problems:
            if problem.is_error:
                where = problem.path or _("(body)")
                lines.append(f"  ✗ {where}: {problem.message} [{problem.rule_id} {problem.rule}]")
                if problem.hint:
                    lines.append(f"    {problem.hint}")
        super().__init__("\n".join(lines))


class StartTimedOut(RecTuiError):
    """Recording did not begin (status 4 or 5) within the documented 90 s."""


@dataclass(frozen=True, slots=True)
class PollPlan:
    """When to query after start (spec 1.5): wait ``initial``, then back off by ``gaps``."""

    initial: float = 5.0
    gaps: Sequence[float] = (2.0, 3.0, 5.0, 10.0, 15.0)
    deadline: float = 90.0

    def gap(self, index: int) -> float:
        return self.gaps[min(index, len(self.gaps) - 1)]


# The sandbox moves one status step per query, so there is nothing to wait for.
SANDBOX_POLL: Final = PollPlan(initial=0.0, gaps=(0.0,))


# The service's code for "failed to find worker": no task with that sid (spec 4.2).
TASK_NOT_FOUND: Final = 404
# A stop answered 206 with this code ended a task that recorded nothing (spec 4.2).
NOTHING_RECORDED: Final = 435


@dataclass
class RecordingSession:
    """What is known of one recording: enough to query, update and stop it."""

    mode: Mode
    app_id: str
    cname: str
    uid: str
    acquire_body: dict[str, Any]
    start_body: dict[str, Any]
    resource_id: str = ""
    sid: str = ""
    acquired_at: float | None = None
    started_at: float | None = None
    status: int | None = None
    stopped: bool = False
    # The last query answered 404: the task has ended, never began or is moving to another
    # server (which answers 404 for up to 90 s), so it is still counted as running.
    unknown_to_agora: bool = False
    layout: dict[str, Any] = field(default_factory=dict)
    last_response: dict[str, Any] = field(default_factory=dict)

    def control_body(self, client_request: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"cname": self.cname, "uid": self.uid, "clientRequest": client_request or {}}

    def elapsed(self, now: float) -> float:
        return 0.0 if self.started_at is None else max(0.0, now - self.started_at)

    def file_list(self) -> Any:
        """The files of the last query or stop answer (I/M list or string, W payload lists)."""
        response = self.last_response.get("serverResponse")
        if not isinstance(response, dict):
            return None
        if "fileList" in response:
            return response["fileList"]
        files: list[Any] = []
        for state in response.get("extensionServiceState") or []:
            payload = state.get("payload") if isinstance(state, dict) else None
            if isinstance(payload, dict) and isinstance(payload.get("fileList"), list):
                files += payload["fileList"]
        return files or None

    def summary(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "resourceId": self.resource_id,
            "sid": self.sid,
            "status": self.status,
            "stopped": self.stopped,
            "fileList": self.file_list(),
        }


def _refuse_errors(call: str, problems: list[Problem], force: bool) -> list[Problem]:
    if not force and any(p.is_error for p in problems):
        raise ChecksFailed(call, problems)
    return problems


class Lifecycle:
    """Runs the calls of recording sessions through one client, checking each first."""

    def __init__(
        self,
        client: RecordingClient,
        *,
        clock: Clock = time.time,
        sleep: Sleep = asyncio.sleep,
        poll: PollPlan | None = None,
    ) -> None:
        self.client = client
        self.clock = clock
        self.sleep = sleep
        self.poll = poll or (SANDBOX_POLL if client.endpoint.sandbox else PollPlan())
        self.warnings: list[Problem] = []

    async def acquire_and_start(
        self,
        mode: Mode,
        body: dict[str, Any],
        acquire_options: dict[str, Any] | None = None,
        *,
        force: bool = False,
    ) -> RecordingSession:
        options = {"scene": acquire_scene_for(mode, body), **(acquire_options or {})}
        cname, uid = body.get("cname"), body.get("uid")
        acquire_body = {"cname": cname, "uid": uid, "clientRequest": options}
        self.warnings = _refuse_errors("acquire", check_acquire(acquire_body, mode), force)
        # A body that start would refuse is not worth a resource ID: check it before acquire.
        from rec_tui.request.validate import validate

        known = Session(acquire=acquire_body, app_id=self.client.app_id or None)
        before = validate(mode, body, session=known)
        self.warnings += _refuse_errors("start", before, force)
        session = RecordingSession(
            mode, self.client.app_id, str(cname), str(uid), acquire_body, copy.deepcopy(body)
        )
        reply = await self.client.acquire(str(cname), str(uid), options)
        session.resource_id = str(reply.data["resourceId"])
        session.acquired_at = self.clock()
        return await self.start(session, force=force)

    async def start(self, session: RecordingSession, *, force: bool = False) -> RecordingSession:
        """Start ``session``; one that already has a sid is queried, never started again."""
        from rec_tui.request.validate import validate

        if session.sid and not session.stopped:
            await self.query(session)
            return session

        context = Session(
            acquire=session.acquire_body,
            app_id=session.app_id or None,
            acquired_at=session.acquired_at,
            now=self.clock(),
            at_send_time=True,
        )
        problems = validate(session.mode, session.start_body, session=context)
        self.warnings = _refuse_errors("start", problems, force)
        reply = await self.client.start(session.mode, session.resource_id, session.start_body)
        session.sid = str(reply.data["sid"])
        session.started_at = self.clock()
        session.layout = layout_of(session.start_body)
        if reply.already_running:
            self._note_query(session, reply)
        return session

    def _control_checks(self, session: RecordingSession) -> list[Problem]:
        return check_control_window(session.started_at, self.clock(), session.acquire_body)

    def _note_query(self, session: RecordingSession, reply: Reply) -> None:
        session.last_response = reply.data
        response = reply.data.get("serverResponse")
        status = response.get("status") if isinstance(response, dict) else None
        if isinstance(status, int):
            session.status = status

    async def query(self, session: RecordingSession) -> Reply:
        from rec_tui.agora.errors import RecordingError

        self.warnings = self._control_checks(session)
        try:
            reply = await self.client.query(session.mode, session.resource_id, session.sid)
        except RecordingError as error:
            if error.code == TASK_NOT_FOUND:
                session.unknown_to_agora = True
            raise
        session.unknown_to_agora = False
        self._note_query(session, reply)
        return reply

    async def wait_until_recording(self, session: RecordingSession) -> int:
        """Poll query until status 4 or 5; :class:`StartTimedOut` after the plan's deadline."""
        deadline = self.clock() + self.poll.deadline
        await self.sleep(self.poll.initial)
        attempt = 0
        while True:
            await self.query(session)
            if session.status in STARTED_STATUSES:
                return session.status
            if session.status in ENDED_STATUSES:
                raise StartTimedOut(
                    _("The recording ended before it began (status {status}).").format(
                        status=session.status
                    )
                )
            gap = self.poll.gap(attempt)
            if self.clock() + gap > deadline:
                raise StartTimedOut(
                    _(
                        "Recording did not begin within {seconds} s (last status {status}); "
                        "treat the start as failed, stop it and check the channel, token and "
                        "uids."
                    ).format(seconds=f"{self.poll.deadline:.0f}", status=session.status)
                )
            attempt += 1
            await self.sleep(gap)

    async def update(
        self, session: RecordingSession, client_request: dict[str, Any], *, force: bool = False
    ) -> Reply:
        body = session.control_body(client_request)
        problems = check_update(
            session.mode, body, acquire=session.acquire_body, start_body=session.start_body
        )
        problems += self._control_checks(session) + check_serial(self.client.update_in_flight)
        self.warnings = _refuse_errors("update", problems, force)
        return await self.client.update(session.mode, session.resource_id, session.sid, body)

    async def update_layout(
        self, session: RecordingSession, client_request: dict[str, Any], *, force: bool = False
    ) -> Reply:
        body = session.control_body(client_request)
        problems = check_update_layout(
            session.mode,
            body,
            acquire=session.acquire_body,
            current_layout=session.layout,
            start_body=session.start_body,
        )
        problems += self._control_checks(session) + check_serial(self.client.update_in_flight)
        self.warnings = _refuse_errors("updateLayout", problems, force)
        reply = await self.client.update_layout(
            session.mode, session.resource_id, session.sid, body
        )
        session.layout = {
            key: copy.deepcopy(client_request[key])
            for key in LAYOUT_FIELDS
            if key in client_request
        }
        return reply

    async def stop(self, session: RecordingSession, *, async_stop: bool = False) -> Reply:
        """Stop ``session``. Agora answering that it has no such task (code 404) ends it
        too: nothing is left to stop, and a recording kept as running would stay first in
        line for every later stop and hold up quitting. The error says so, and that a task
        moving to another server (failover) can answer 404 for up to 90 s."""
        from rec_tui.agora.errors import RecordingError

        self.warnings = self._control_checks(session)
        body = session.control_body({"async_stop": async_stop})
        try:
            reply = await self.client.stop(session.mode, session.resource_id, session.sid, body)
        except RecordingError as error:
            if error.code == TASK_NOT_FOUND:
                session.stopped = True
                error.add_note(
                    _(
                        "rec-tui no longer counts sid {sid} as running: Agora does not know it "
                        "(it never began, or it ended). A task moving to another server "
                        "answers 404 for up to 90 s: to be sure, query it again in a minute "
                        "(rec-tui query --mode {mode} --resource-id=… --sid {sid})."
                    ).format(sid=session.sid, mode=session.mode)
                )
            elif error.code == NOTHING_RECORDED:
                # The stop took effect: the task ended, with no file to list.
                session.stopped = True
            raise
        session.stopped = True
        session.last_response = reply.data
        return reply
