"""Options shared by send, query and stop: where to send, which App ID, which credentials."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from rec_tui.cli import EXIT_FAILED, EXIT_REFUSED, UsageError
from rec_tui.request.endpoints import REGION_PREFIXES, SANDBOX

if TYPE_CHECKING:
    from rec_tui.agora.client import RecordingClient
    from rec_tui.agora.exchange import Scrubber

REGION_NAMES = tuple(prefix.removeprefix("api-") for prefix in REGION_PREFIXES)


def add_arguments(parser: argparse.ArgumentParser, *, default_note: str) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--sandbox", action="store_true", help="send to the built-in sandbox (no account needed)"
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="any base URL, e.g. http://127.0.0.1:8765 for `rec-tui sandbox serve`; "
        "or 'global' (api.agora.io, then api.sd-rtn.com) or 'global-cn'",
    )
    where.add_argument(
        "--region",
        metavar="R",
        choices=REGION_NAMES,
        help=f"a regional host, with failover to its neighbour then the global hosts: "
        f"{', '.join(REGION_NAMES)}",
    )
    parser.add_argument("--app-id", metavar="ID", help=f"the project's App ID ({default_note})")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )


def endpoint_setting(args: argparse.Namespace, default: str = SANDBOX) -> str:
    """The endpoint in the draft's notation (see :func:`rec_tui.request.endpoints.resolve`)."""
    if args.sandbox:
        return SANDBOX
    if args.region:
        return f"region:api-{args.region}"
    if args.endpoint:
        return str(args.endpoint)
    return default


def make_client(endpoint: str, app_id: str) -> RecordingClient:
    """A client for the command line: exchanges go to the history, the sandbox in-process."""
    from rec_tui.agora.connect import CannotConnect, connect
    from rec_tui.sandbox import shared_transport

    try:
        return connect(endpoint, app_id, sandbox_transport=shared_transport)
    except CannotConnect as error:
        raise UsageError(str(error)) from None


def failure_exit(error: Exception) -> int:
    """1 when Agora (or the sandbox, or the checks) refused; 2 when no answer came back."""
    from rec_tui.agora.errors import RecordingError

    if isinstance(error, RecordingError) and error.kind == "network":
        return EXIT_FAILED
    return EXIT_REFUSED


def emit(args: argparse.Namespace, scrubber: Scrubber, text: str, data: dict[str, Any]) -> None:
    """Print the outcome as text or JSON, with every known secret scrubbed."""
    if args.format == "json":
        print(scrubber.text(json.dumps(scrubber.body(data), ensure_ascii=False, indent=2)))
    else:
        print(scrubber.text(text))


def emit_failure(
    args: argparse.Namespace, scrubber: Scrubber, text: str, data: dict[str, Any]
) -> None:
    """Like :func:`emit`, but the text form goes to standard error."""
    if args.format == "json":
        emit(args, scrubber, text, data)
    else:
        print(scrubber.text(text), file=sys.stderr)
