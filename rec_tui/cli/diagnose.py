"""``rec-tui diagnose FILE|-``: read a customer's ticket and name the likely cause."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from rec_tui.cli import language
from rec_tui.cli.options import RawHelpFormatter, add_output_format
from rec_tui.cli.wrapping import wrap
from rec_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from rec_tui.agora.diagnose import Diagnosis

DESCRIPTION = N_("""\
Read whatever a customer pasted — curl commands, request bodies, URLs, JSON answers with
or without HTTP status lines, log lines with timestamps, callback events, error texts, RTC
tokens, in any order — piece the exchange together and print findings, most likely cause
first: what was seen (secrets masked), what it means, what to check or do.

Exit status: 0 no finding is an error, 1 at least one is, 2 the input could not be read.
""")
_WIDTH = 88


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diagnose",
        help=_("read a customer's ticket and name the likely cause"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    parser.add_argument(
        "source", metavar="FILE", help=_("the ticket as a text file, or - for stdin")
    )
    add_output_format(parser)
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.agora.diagnose import diagnose
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED

    text = _read(args.source)
    if text is None:
        return EXIT_FAILED
    result = diagnose(text)
    if args.output_format == "json":
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(render_text(result)))
    return EXIT_REFUSED if result.has_errors else EXIT_OK


def _read(source: str) -> str | None:
    """The ticket's text; None (with a message on stderr) when it cannot be read."""
    from rec_tui.formats.jsonfile import JsonInputError, display_name, read_text

    try:
        text = read_text(source)  # bounded, regular files only, UTF-8
    except JsonInputError as error:
        print(f"rec-tui: {error.message}", file=sys.stderr)
        return None
    if not text.strip():
        where = _("standard input") if source == "-" else display_name(source)
        said = _("{where} is empty: paste the ticket's text into it.").format(where=where)
        print(f"rec-tui: {said}", file=sys.stderr)
        return None
    return text.removeprefix("\ufeff")


def render_text(result: Diagnosis) -> list[str]:
    lines: list[str] = []
    steps = [_step(row) for row in result.exchange_json()]
    read = " → ".join(steps) if steps else _("no calls found")
    lines.append(_("Exchange read: {calls}.").format(calls=read))
    if not result.findings:
        lines.append(_("No findings: nothing in the material points to a problem."))
        return lines
    for number, finding in enumerate(result.findings, 1):
        lines.append("")
        # The severity word and the finding id stay as in --format json: scripts grep them.
        lines.append(f"{number}. [{finding.severity}] {finding.id}")
        lines += _wrapped(finding.message, "   ")
        lines.append("   " + _("Seen:"))
        lines += [f"     {item}" for item in finding.evidence]
        if finding.rules:
            lines.append("   " + _("Rules: {rules}").format(rules=", ".join(finding.rules)))
        lines.append("   " + _("What to do:"))
        for paragraph in finding.fix.split("\n"):
            lines += _wrapped(paragraph, "     ")
    errors = sum(1 for finding in result.findings if finding.severity == "error")
    count = len(result.findings)
    lines.append("")
    lines.append(
        _("{findings}, {errors}.").format(
            findings=ngettext("{count} finding", "{count} findings", count).format(count=count),
            errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        )
    )
    return lines


def _step(row: dict[str, Any]) -> str:
    if row["call"] == "callback":
        return _("callback event {number}").format(number=row["event_type"])
    return str(row["call"] or _("unknown call"))


def _wrapped(text: str, indent: str) -> list[str]:
    return wrap(text, _WIDTH, indent, indent + "  ")
