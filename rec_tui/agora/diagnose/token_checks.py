"""The recorder's RTC token: missing, unreadable, made for another App ID, channel or uid,
or expired when the start was sent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from rec_tui.agora.diagnose.context import CURRENT_TIME, Context
from rec_tui.agora.diagnose.model import ERROR, INFO, WARNING, Call, Finding, Severity, Stamp
from rec_tui.i18n import N_, _, moment
from rec_tui.tokens import TokenError, check_token, decode_token
from rec_tui.tokens.check import ended_at

# A log time without a zone may be off by up to this much (UTC-12 … UTC+14).
_ZONE_DOUBT: Final = 14 * 3600
_TOKEN_FIXES: Final = {
    "token-malformed": N_(
        "Ask for the token exactly as the customer's server generated it "
        "(`rec-tui token decode -` reads it); build a new one with `rec-tui token build`."
    ),
    "token-app-mismatch": N_(
        "Build the token with the App ID and App Certificate of the "
        "project that calls Cloud Recording."
    ),
    "token-channel-mismatch": N_(
        "Build the token for the recorder's own cname (`rec-tui token build --channel …`)."
    ),
    "token-uid-mismatch": N_(
        "Build the token for the recorder's uid (the start body's uid), not a client's, or "
        "for uid 0."
    ),
    "token-expired": N_(
        "Build a fresh token just before start, valid longer than the "
        "recording (tokens cannot be renewed during a recording)."
    ),
}


def token_of(context: Context, start: Call) -> tuple[str, int] | None:
    """The token the recorder used, and the line it is on: the body's, else one pasted on
    its own in the ticket."""
    token = start.client_request.get("token")
    if isinstance(token, str) and token.strip():
        return token, _line_holding(context, token, start.body_line or start.line)
    if context.exchange.loose_tokens:
        line, text = context.exchange.loose_tokens[0]
        return text, line
    return None


def _line_holding(context: Context, text: str, first: int) -> int:
    """The line, from ``first`` on, where ``text`` is (the token's own line in a body over
    many lines, which the evidence quotes masked); ``first`` when none holds it whole."""
    lines = context.exchange.text.split("\n")
    for number in range(max(first, 1), len(lines) + 1):
        if text in lines[number - 1]:
            return number
    return first


def token_findings(context: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for start in context.starts():
        found = token_of(context, start)
        if found is None:
            continue
        text, line = found
        at = context.judged_at(start)
        problems = check_token(text, start.app_id or "", start.cname or "", start.uid or "", at.at)
        unknown = _unknown(start)
        for problem in problems:
            if problem.id in seen or problem.id in unknown:
                continue
            seen.add(problem.id)
            yield Finding(
                problem.id,
                _severity(context, start, problem.id, text, at),
                problem.message + _judged(problem.id, at),
                (context.quote.line(line), context.quote.body(start, "cname", "uid")),
                _(_TOKEN_FIXES[problem.id]),
            )
        if "token-expired" not in seen:
            yield from _expired_during(context, start, text, seen)
    yield from _refused_as_expired(context, seen)


def _expired_during(context: Context, start: Call, text: str, seen: set[str]) -> Iterator[Finding]:
    """The token ran out between the start and the call that found the task gone."""
    vanished = context.vanished_after(start)
    began = start.when
    gone = vanished.when if vanished else None
    if vanished is None or began is None or gone is None:
        return
    try:
        token = decode_token(text)
    except TokenError:
        return
    ended = ended_at(token, token.service("rtc"))
    if ended is None or not began.at < ended <= gone.at:
        return
    seen.add("token-expired")
    zoned = began.zoned and gone.zoned
    yield Finding(
        "token-expired",
        ERROR if zoned else WARNING,
        _(
            "The token was valid when start was sent ({started}) but expired at {expired}, "
            "before the {call} at {gone} found the task gone: a token cannot be renewed during "
            "a recording, so the recorder was dropped when it expired."
        ).format(
            started=moment(began.at, utc=True),
            expired=moment(ended, utc=True),
            call=vanished.kind or _("later call"),
            gone=moment(gone.at, utc=True),
        )
        + ("" if zoned else _(" (Log times without a time zone were read as UTC.)")),
        (context.quote.answer(start), context.quote.answer(vanished)),
        _(_TOKEN_FIXES["token-expired"]),
    )


def _unknown(start: Call) -> set[str]:
    """The checks that cannot be made: a body pasted without its cname, uid or URL."""
    missing = {
        "token-app-mismatch": start.app_id,
        "token-channel-mismatch": start.cname,
        "token-uid-mismatch": start.uid,
    }
    return {id_ for id_, value in missing.items() if not value}


def _severity(context: Context, start: Call, id_: str, text: str, at: Stamp) -> Severity:
    if id_ == "token-malformed":
        # A token shortened in the ticket is common: only the recorder's failure proves it,
        # and a recorder seen recording proves the token did not matter.
        if context.vanished_after(start):
            return ERROR
        return INFO if context.recorded(start) else WARNING
    if id_ == "token-expired":
        if at.source == CURRENT_TIME:
            return WARNING
        if not at.zoned and at.at - _ended(text) < _ZONE_DOUBT:
            return WARNING
    return ERROR


def _ended(text: str) -> float:
    """When the token stopped letting the recorder join (it decoded: it was found expired)."""
    token = decode_token(text)
    return ended_at(token, token.service("rtc")) or 0


def _judged(id_: str, at: Stamp) -> str:
    if id_ != "token-expired":
        return ""
    if at.source == CURRENT_TIME:
        return _(
            " The ticket holds no times, so this is judged now: it may still have been "
            "valid when the customer sent start."
        )
    if at.zoned:
        return _(" The time of the start comes from {source}.").format(source=_(at.source))
    return _(
        " The time of the start comes from {source} (read as UTC: the log gives no time zone)."
    ).format(source=_(at.source))


def _refused_as_expired(context: Context, seen: set[str]) -> Iterator[Finding]:
    if "token-expired" in seen:
        return
    for call, answer in context.exchange.answers():
        if answer.code == 109:
            yield Finding(
                "token-expired",
                ERROR,
                _("Agora refused the request with code 109: the RTC token had expired."),
                (context.quote.answer(call),),
                _(_TOKEN_FIXES["token-expired"]),
            )
            return


def token_missing(context: Context) -> Iterator[Finding]:
    for start in context.starts():
        if token_of(context, start) is not None:
            continue
        vanished = context.vanished_after(start)
        evidence = [context.quote.body(start, "clientRequest.token")]
        if vanished is not None:
            evidence.append(context.quote.answer(vanished))
            yield Finding(
                "token-missing",
                ERROR,
                _(
                    "The start body has no RTC token, and the task was gone after a "
                    "successful start: the recorder never stayed in the channel. On a project "
                    "with an App Certificate the recorder cannot join without a token."
                ),
                tuple(evidence),
                _(
                    "Check in Agora Console whether the project has an App Certificate; if so, "
                    "put a token built for the recorder's cname and uid in clientRequest.token "
                    "(`rec-tui token build --app-id … --channel … --uid …`)."
                ),
            )
        elif not start.started:
            yield Finding(
                "token-missing",
                WARNING if start.answer is not None and start.answer.failed else INFO,
                _(
                    "The start body has no RTC token. That is fine when the project has no "
                    "App Certificate; with one, the recorder cannot join."
                ),
                tuple(evidence),
                _(
                    "Check in Agora Console whether the project has an App Certificate; if so, "
                    "add a token built for the recorder's cname and uid."
                ),
            )
        return
