"""``rec-tui explain``: what an Agora error code or message means and what to check."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="explain an Agora error code (e.g. 432) or error message",
        description=(
            "Explain an Agora Cloud Recording error code (the `code` of a response, e.g. 432) "
            'or a message-only error (e.g. "invalid appid"). Exit status 1 when the code or '
            "message is not documented."
        ),
    )
    parser.add_argument(
        "query", nargs="+", metavar="CODE_OR_MESSAGE", help="a code, or a message (any case)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_OK, EXIT_REFUSED
    from rec_tui.spec.codes import CODES, MESSAGES, explain

    query = " ".join(args.query).strip()
    found = explain(query)
    if found is None:
        kind = "code" if query.lstrip("+-").isdigit() else "code or message"
        print(f"{query!r} is not a documented Agora Cloud Recording error {kind}.")
        print("Documented codes: " + ", ".join(str(code) for code in CODES) + ".")
        print("Documented messages: " + "; ".join(f'"{m.message}"' for m in MESSAGES) + ".")
        print("For a service error, read the response's `reason` text as well.")
        return EXIT_REFUSED
    print(found.title)
    print(f"  HTTP status: {found.status}")
    print(f"  Meaning:     {found.meaning}")
    print(f"  Check:       {found.check}")
    return EXIT_OK
