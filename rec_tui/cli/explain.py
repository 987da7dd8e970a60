"""``rec-tui explain``: what an error code, server text, HTTP status or callback event means."""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from rec_tui.cli import language
from rec_tui.cli.options import RawHelpFormatter, add_output_format
from rec_tui.i18n import N_, _

if TYPE_CHECKING:
    from rec_tui.spec.lookup import Lookup
    from rec_tui.spec.pasted_texts import Answer

DESCRIPTION = N_("""\
Explain what a customer pasted: an Agora error code (432), a reason or message ("failed to
find worker", "params conflict", "Invalid authentication credentials"), an HTTP status (206,
429, 5xx), a callback event ("eventType 41", "recorder_leave", "leaveCode 4",
"web_recorder_stopped code 4") — or a whole line or JSON answer that contains them (use -
to read it from standard input). Letter case and punctuation do not matter.

Each answer says what it means, its likely causes (most likely first) and what to check.
Exit status 0 when something was recognised; 1 when not (the closest known ones are shown).
""")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "explain",
        help=_("explain an Agora error code, server text, HTTP status or callback event"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    parser.add_argument(
        "query",
        nargs="+",
        metavar="TEXT",
        help=_("a code, a text, a pasted line or JSON (any case), or - for standard input"),
    )
    add_output_format(parser)
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_OK, EXIT_REFUSED
    from rec_tui.spec.lookup import lookup

    words = list(args.query)
    query = sys.stdin.read() if words == ["-"] else " ".join(words)
    found = lookup(query)
    if args.output_format == "json":
        print(json.dumps(as_json(found), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_text(found)))
    return EXIT_OK if found.found else EXIT_REFUSED


_MAX_ECHO = 80


@functools.cache
def _secret_text() -> re.Pattern[str]:
    """What a pasted text may hold that must not be echoed: RTC tokens, Basic credentials
    and the values of secret JSON members (the redaction's own pattern of them)."""
    from rec_tui.request.redact import secret_member

    return re.compile(
        r"\b00[67][A-Za-z0-9+/=]{16,}|(?i:basic)\s+[A-Za-z0-9+/=]{8,}|" + secret_member().pattern
    )


def shown(query: str) -> str:
    """The query as it may be echoed: secrets masked, long pastes shortened."""
    from rec_tui.request.redact import MASK

    masked = _secret_text().sub(
        lambda found: f'{found.group(1)}"{MASK}"' if found.group(1) else MASK, query
    )
    masked = " ".join(masked.split())
    return masked if len(masked) <= _MAX_ECHO else masked[: _MAX_ECHO - 1] + "…"


def as_json(found: Lookup) -> dict[str, Any]:
    return {
        "query": shown(found.query),
        "found": found.found,
        "answers": [_answer_json(answer) for answer in found.answers],
        "suggestions": [_answer_json(answer) for answer in found.suggestions],
    }


def _answer_json(answer: Answer) -> dict[str, Any]:
    """The answer in the active language; its key names it the same in every language."""
    return {
        "key": answer.key,
        "title": answer.said_title(),
        "status": answer.status or None,
        "meaning": _(answer.meaning),
        "causes": list(answer.said_causes()),
        "check": _(answer.check),
    }


def _text(found: Lookup) -> list[str]:
    if not found.found:
        return _unknown(found)
    lines: list[str] = []
    for answer in found.answers:
        if lines:
            lines.append("")
        lines.extend(_describe(answer))
    return lines


def _describe(answer: Answer) -> list[str]:
    lines = [answer.said_title()]
    if answer.status:
        lines.append("  " + _("HTTP status: {status}").format(status=answer.status))
    lines.append("  " + _("Meaning:     {meaning}").format(meaning=_(answer.meaning)))
    causes = answer.said_causes()
    if causes:
        lines.append("  " + _("Likely causes, most likely first:"))
        lines.extend(f"    {number}. {cause}" for number, cause in enumerate(causes, 1))
    lines.append("  " + _("Check:       {check}").format(check=_(answer.check)))
    return lines


def _unknown(found: Lookup) -> list[str]:
    from rec_tui.spec.codes import CODES
    from rec_tui.spec.lookup import query_for

    query = found.query
    if query.lstrip("+-").isdigit() and query.isascii():
        lines = [
            _("{query} is not a documented Agora Cloud Recording error code.").format(
                query=repr(query)
            ),
            _("Documented codes: {codes}.").format(codes=", ".join(str(code) for code in CODES)),
        ]
    else:
        lines = [_("rec-tui does not recognise {query}.").format(query=repr(shown(query)))]
    lines.append(_("Did you mean:"))
    lines.extend(
        f'  {answer.said_title()} — {_(answer.meaning)}  (rec-tui explain "{query_for(answer)}")'
        for answer in found.suggestions
    )
    lines.append(_("For a service error, paste the whole answer (code and reason) as well."))
    return lines
