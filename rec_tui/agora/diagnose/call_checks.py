"""Findings read from the calls and their answers: refusals, and what happened after a
successful start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from rec_tui.agora.diagnose.context import Context, seconds_between
from rec_tui.agora.diagnose.evidence import joined, likely_causes
from rec_tui.agora.diagnose.model import (
    ERROR,
    INFO,
    TOKEN_IDS,
    WARNING,
    Answer,
    Call,
    Finding,
)
from rec_tui.i18n import _

RESOURCE_LIFETIME: Final = 300  # seconds a resource ID is valid after acquire
DEFAULT_MAX_IDLE: Final = 30


def _refusal(
    context: Context, matches: Callable[[Call, Answer], bool], id_: str, message: str, fix: str
) -> Iterator[Finding]:
    """One error finding quoting the first answer that ``matches``; else the first server
    text the customer quoted in prose ("we get Invalid authentication credentials")."""
    found = next((c for c, a in context.exchange.answers() if matches(c, a)), None)
    if found is not None:
        yield Finding(id_, ERROR, message, (context.quote.answer(found),), fix)
        return
    for line, text in context.exchange.texts:
        if matches(Call(line, None), Answer(line, text=text)):
            yield Finding(id_, ERROR, message, (context.quote.line(line),), fix)
            return


def _bad_credentials(_call: Call, answer: Answer) -> bool:
    reason = answer.reason.casefold()
    return (
        answer.status == 401
        or "invalid authentication credentials" in reason
        or reason == "unauthorized"
    )


def _app_id_refused(call: Call, answer: Answer) -> bool:
    reason = answer.reason.casefold()
    return (
        answer.code == 400
        or (call.kind == "acquire" and answer.code == 62)
        or any(text in reason for text in ("invalid appid", "invalid_appid", "appid is invalid"))
    )


def _too_many(_call: Call, answer: Answer) -> bool:
    return answer.status == 429 or "api rate limit exceeded" in answer.reason.casefold()


def credentials_invalid(context: Context) -> Iterator[Finding]:
    yield from _refusal(
        context,
        _bad_credentials,
        "credentials-invalid",
        _(
            "Agora's gateway refused the Customer ID and Customer Secret (HTTP 401): the "
            "request never reached Cloud Recording."
        ),
        _(
            "Check the Basic auth header: base64 of CustomerID:CustomerSecret from the same "
            "Agora account as the App ID, with the 'Basic ' prefix, and Content-Type "
            "application/json;charset=utf-8."
        ),
    )


def service_not_enabled(context: Context) -> Iterator[Finding]:
    yield from _refusal(
        context,
        _app_id_refused,
        "service-not-enabled",
        _(
            "Agora does not accept this App ID for Cloud Recording: the service is not "
            "enabled for the project, or the App ID is wrong."
        ),
        _(
            "In Agora Console, enable Cloud Recording for the project of this App ID, and "
            "check that the App ID in the URL is that project's."
        ),
    )


def rate_limited(context: Context) -> Iterator[Finding]:
    yield from _refusal(
        context,
        _too_many,
        "rate-limited",
        _(
            "Agora refused a request for too many requests (HTTP 429): the limit is 10 "
            "requests per second."
        ),
        _(
            "Spread the calls out and retry with back-off; polling query every few seconds "
            "for many tasks adds up. Ask Agora support for a higher limit if needed."
        ),
    )


def already_running(context: Context) -> Iterator[Finding]:
    for call, answer in context.exchange.answers():
        if answer.code == 53:
            yield Finding(
                "already-running",
                ERROR,
                _(
                    "Agora refused start with code 53: a recording task with this cname and uid "
                    "is already running."
                ),
                (context.quote.answer(call),),
                _("Stop the running task first, or give a parallel recorder its own uid."),
            )
            return
        if answer.code == 7 or (answer.status == 201 and call.kind == "start"):
            yield Finding(
                "already-running",
                WARNING,
                _(
                    "start was sent again with a resource ID that is already recording "
                    "(code 7): the first start is still running; this one did nothing."
                ),
                (context.quote.answer(call),),
                _(
                    "Do not repeat start with the same resource ID: use query to follow the "
                    "task, and acquire a new resource ID for a new recording."
                ),
            )
            return


def resource_expired(context: Context) -> Iterator[Finding]:
    for call, answer in context.exchange.answers():
        if answer.code == 433:
            yield Finding(
                "resource-expired",
                ERROR,
                _(
                    "Agora refused start with code 433: the resource ID had expired (it is valid "
                    "for 5 minutes after acquire)."
                ),
                (context.quote.answer(call),),
                _("Acquire a new resource ID and send start right after it (within seconds)."),
            )
            return
    for start in context.starts():
        if start.started:
            continue  # Agora took the resource ID: it had not expired
        acquire, paired = _acquire_of(context, start)
        waited = seconds_between(acquire.when if acquire else None, start.when)
        if acquire is not None and waited is not None and waited > RESOURCE_LIFETIME:
            yield Finding(
                "resource-expired",
                ERROR if paired else WARNING,
                _(
                    "start was sent {seconds} s after acquire; a resource ID expires 5 "
                    "minutes (300 s) after acquire, so start fails with 433."
                ).format(seconds=f"{waited:.0f}"),
                (context.quote.line(acquire.line), context.quote.line(start.line)),
                _("Acquire a new resource ID and send start right after it (within seconds)."),
            )
            return


def _acquire_of(context: Context, start: Call) -> tuple[Call | None, bool]:
    """The acquire that gave ``start``'s resource ID, and True; else the last acquire
    before it whose resource ID is not known to be another, and False (a guess)."""
    calls = context.exchange.calls
    acquires = [c for c in calls[: calls.index(start)] if c.kind == "acquire"]
    unknown: list[Call] = []
    for acquire in acquires:
        given = (acquire.answer.body or {}).get("resourceId") if acquire.answer else None
        if given and given == start.resource_id:
            return acquire, True
        if not given or not start.resource_id:
            unknown.append(acquire)
    return (unknown[-1], False) if unknown else (None, False)


def acquire_start_mismatch(context: Context) -> Iterator[Finding]:
    for start in context.starts():
        acquire, paired = _acquire_of(context, start)
        if acquire is None or acquire.body is None:
            continue
        pairs = (
            ("App ID", acquire.app_id, start.app_id),
            ("cname", acquire.cname, start.cname),
            ("uid", acquire.uid, start.uid),
        )
        differing = [
            (name, first, second)
            for name, first, second in pairs
            if first is not None and second is not None and _normal(first) != _normal(second)
        ]
        if not differing:
            continue
        differs = [name for name, _first, _second in differing]
        refused = start.answer is not None and start.answer.code == 432
        paths = [name for name in differs if name != "App ID"]
        evidence = [
            context.quote.body(acquire, *paths) if paths else context.quote.line(acquire.line),
            context.quote.body(start, *paths) if paths else context.quote.line(start.line),
        ]
        if start.answer is not None:
            evidence.append(context.quote.answer(start))
        yield Finding(
            "acquire-start-mismatch",
            # Only proof when this acquire gave the start's resource ID, or Agora said 432.
            ERROR if paired or refused else WARNING,
            _(
                "acquire and start name different {names}: a resource ID only works for the "
                "App ID, cname and uid it was acquired with (start fails with 432)."
            ).format(names=joined(differs))
            + (
                ""
                if paired
                else _(
                    " (The ticket does not show that this acquire gave this start's resource ID.)"
                )
            ),
            tuple(evidence),
            _(
                "Send start with exactly the App ID, cname and uid of its acquire, or acquire "
                "again with the new ones."
            ),
            cause=joined([_differs_in(*pair) for pair in differing]),
        )
        return


def _differs_in(name: str, first: str, second: str) -> str:
    """``cname (only in letter case)``: a cname differing in case alone is a cause of its
    own (keys and values are case-sensitive), easy to miss by eye."""
    if first.casefold() == second.casefold():
        return _("{name} (only in letter case)").format(name=name)
    return name


def _normal(value: str) -> str:
    return value.lstrip("0") if value.isdigit() else value


# Agora asks to wait this long after start before the first query: a 404 sooner may
# only mean the task is not ready yet.
QUERY_WAIT: Final = 5


def recorder_left(context: Context) -> Iterator[Finding]:
    for start in context.exchange.of_kind("start"):
        vanished = context.vanished_after(start)
        if vanished is None:
            continue
        waited = seconds_between(start.when, vanished.when)
        what = vanished.kind or _("the next call")
        too_soon = waited is not None and waited < QUERY_WAIT
        sid = start.answer.sid if start.answer else "?"
        if waited is not None:
            happened = _(
                "start succeeded (sid {sid}), but {seconds} s later {call} answered that the "
                "task does not exist ({answer}): "
            ).format(sid=sid, seconds=f"{waited:.0f}", call=what, answer=_said(vanished))
        else:
            happened = _(
                "start succeeded (sid {sid}), but later {call} answered that the task does "
                "not exist ({answer}): "
            ).format(sid=sid, call=what, answer=_said(vanished))
        yield Finding(
            "recorder-left",
            WARNING if too_soon else ERROR,
            happened
            + (
                _(
                    "that was within {seconds} s of start, when the task may not be ready yet."
                ).format(seconds=QUERY_WAIT)
                if too_soon
                else _("the recorder left the channel or never got into it.")
            ),
            (context.quote.answer(start), context.quote.answer(vanished)),
            likely_causes(_left_causes(context, start, waited)),
        )
        return


def _said(call: Call) -> str:
    reason = call.answer.reason if call.answer else ""
    return f'404 "{reason}"' if reason else "404"


def _left_causes(context: Context, start: Call, waited: float | None) -> list[str]:
    token = _(
        "The recorder could not join: its token is missing or wrong for this App ID, cname "
        "and uid (projects with an App Certificate need one). Confirm: "
    ) + (
        _("see the token findings above.")
        if context.has(*TOKEN_IDS)
        else _(
            "ask whether the project has an App Certificate and decode the token with "
            "`rec-tui token decode`."
        )
    )
    config = start.client_request.get("recordingConfig")
    max_idle = config.get("maxIdleTime") if isinstance(config, dict) else None
    idle_limit = (
        max_idle
        if isinstance(max_idle, int) and not isinstance(max_idle, bool)
        else DEFAULT_MAX_IDLE
    )
    idle = _(
        "Nobody was in the channel, so the recorder left after maxIdleTime ({seconds} s). "
        "Confirm: the callback's recorder_leave event (41) with leaveCode 4, and that the "
        "clients joined the same cname with the same App ID."
    ).format(seconds=idle_limit)
    kicked = _(
        "Another user joined with the recorder's uid ({uid}) and pushed it out. "
        "Confirm: the channel's user list in Agora Analytics for that uid."
    ).format(uid=start.uid or "?")
    failover = _(
        "A failover was moving the task (404 for up to about 90 s). Confirm: query again "
        "after 5, 10 and 15 s; the task comes back if this was the cause."
    )
    causes = [token, idle, kicked, failover]
    left_idle = context.left_idle() is not None
    if context.has("uid-collision"):
        causes = [kicked, token, idle, failover]
    elif left_idle or (
        not context.has("token-missing", "token-channel-mismatch", "token-uid-mismatch")
        and waited is not None
        and waited >= idle_limit
        and not context.has("token-app-mismatch", "token-expired", "token-malformed")
    ):
        causes = [idle, token, kicked, failover]
    return causes


def no_stream(context: Context) -> Iterator[Finding]:
    for call, answer in context.exchange.answers():
        if answer.code == 435:
            yield Finding(
                "no-stream",
                ERROR,
                _(
                    "Agora answered 435: nothing was recorded, because no stream the recorder "
                    "subscribed to was published while it was in the channel."
                ),
                (context.quote.answer(call),),
                _(
                    "Check that the clients published in the same cname with the same App ID "
                    "while the recorder ran, that the subscribe lists name their real uids, and "
                    "that maxIdleTime did not end the recording first."
                ),
            )
            return
    callback = context.left_idle()
    if callback is not None:
        # Also how every recording ends once the users have left: not proof of a problem.
        code = callback.details["leaveCode"]
        yield Finding(
            "no-stream",
            INFO,
            _(
                "The recorder left the channel with leaveCode {code}: nobody was in the "
                "channel for maxIdleTime. That is normal once the users have left; soon "
                "after start it means nobody joined."
            ).format(code=code),
            (context.quote.line(callback.line),),
            _(
                "If it came soon after start, check that the clients joined the same cname "
                "with the same App ID while the recorder ran."
            ),
        )


def snapshot_no_filelist(context: Context) -> Iterator[Finding]:
    snapshots = any("snapshotConfig" in s.client_request for s in context.starts())
    if not snapshots:
        return
    for call in context.exchange.of_kind("stop"):
        answer = call.answer
        response = answer.server_response if answer else None
        if answer is not None and not answer.failed and response is not None:  # noqa: SIM102
            if "fileList" not in response:
                yield Finding(
                    "snapshot-no-filelist",
                    INFO,
                    _(
                        "stop answered without a file list. For a snapshot task that is by "
                        "design: screenshots are uploaded as they are taken and never listed."
                    ),
                    (context.quote.answer(call),),
                    _(
                        "Look for the screenshots in the storage bucket (or use the callback "
                        "events) rather than in stop's answer."
                    ),
                )
                return
