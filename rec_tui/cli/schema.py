"""``rec-tui schema``: print the JSON Schema of the ``start`` body."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rec_tui.cli import language
from rec_tui.i18n import _
from rec_tui.spec.modes import MODES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help=_("print a JSON Schema (draft 2020-12) of the start body"),
        description=_(
            "Print a JSON Schema (draft 2020-12) of the start body, generated from rec-tui's "
            "field declarations. With --mode only the fields of that mode are listed and its "
            "required fields are required; without it the schema covers every mode. Unknown "
            "keys are allowed (rec-tui validate warns about them)."
        ),
    )
    parser.add_argument(
        "--mode", dest="schema_mode", choices=MODES, help=_("limit the schema to one mode")
    )
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_OK
    from rec_tui.request.schema import start_body_schema

    print(json.dumps(start_body_schema(args.schema_mode), indent=2, ensure_ascii=False))
    return EXIT_OK
