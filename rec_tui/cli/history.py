"""``rec-tui history [--last N]``: recent exchanges with Agora or the sandbox (redacted)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from rec_tui.cli import EXIT_OK, UsageError, language
from rec_tui.i18n import _, ngettext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "history",
        help=_("list recent requests and answers (secrets masked)"),
        description=_(
            "List the most recent exchanges from the history file, oldest first. "
            "Every request and answer was redacted before it was written."
        ),
    )
    parser.add_argument(
        "--last", type=int, default=20, metavar="N", help=_("how many (default 20)")
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default text)")
    )
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.request.redact import redact_exchange
    from rec_tui.store import history
    from rec_tui.store.paths import history_file

    if args.last < 1:
        raise UsageError(_("--last needs a number of exchanges, 1 or more."))
    try:
        with history.open_recent(args.last) as found:
            if found.skipped:
                said = ngettext(
                    "{count} line was not a readable exchange and skipped ({path}).",
                    "{count} lines were not a readable exchange and skipped ({path}).",
                    found.skipped,
                ).format(count=found.skipped, path=history_file())
                print(f"rec-tui: {said}", file=sys.stderr)
            # Masked again as read: a line may come from an older version or by hand.
            records = (redact_exchange(record) for record in found.records())
            if args.format == "json":
                write_json_array(records, sys.stdout)
            elif found.count == 0:
                print(_("No exchanges recorded yet ({path}).").format(path=history_file()))
            else:
                for record in records:
                    print(line_of(record))
    except history.HistoryError as error:
        raise UsageError(str(error)) from None
    return EXIT_OK


def write_json_array(records: Iterator[dict[str, Any]], out: TextIO) -> None:
    """``records`` as one indented JSON array, written one record at a time.

    The same text as ``json.dumps(list(records), indent=2)``, without holding the list:
    ``--last 100000`` needs memory for one record, not for all of them.
    """
    separator = "[\n"
    for record in records:
        text = json.dumps(record, ensure_ascii=False, indent=2)
        out.write(separator + "  " + text.replace("\n", "\n  "))
        separator = ",\n"
    out.write("[]\n" if separator == "[\n" else "\n]\n")


def line_of(record: dict[str, Any]) -> str:
    """One line per exchange: when, call, status, request ID, and the error if any."""
    from rec_tui.agora.exchange import shown_time

    status = record.get("status")
    outcome = _("no answer") if status is None else f"HTTP {status}"
    parts = [
        shown_time(record.get("at", "?")),
        f"{record.get('call', '?'):<12}",
        f"{record.get('method', '')} {record.get('url', '')}",
        outcome,
        f"{record.get('elapsed_ms', 0):.0f} ms",
    ]
    if record.get("request_id"):
        parts.append(f"x-request-id {record['request_id']}")
    if record.get("error"):
        parts.append(str(record["error"]))
    return "  ".join(parts)
