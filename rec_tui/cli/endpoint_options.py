"""Options shared by send, query and stop: where to send, which App ID, which credentials."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from typing import TYPE_CHECKING, Any

from rec_tui.cli import EXIT_FAILED, EXIT_REFUSED, UsageError
from rec_tui.i18n import N_, _
from rec_tui.request.endpoints import REGION_PREFIXES, SANDBOX

if TYPE_CHECKING:
    from rec_tui.agora.client import RecordingClient
    from rec_tui.agora.exchange import Scrubber

REGION_NAMES = tuple(prefix.removeprefix("api-") for prefix in REGION_PREFIXES)


def add_arguments(parser: argparse.ArgumentParser, *, default_note: str) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--sandbox", action="store_true", help=_("send to the built-in sandbox (no account needed)")
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help=_(
            "any base URL, e.g. http://127.0.0.1:8765 for `rec-tui sandbox serve`; "
            "or 'global' (api.agora.io, then api.sd-rtn.com) or 'global-cn'"
        ),
    )
    where.add_argument(
        "--region",
        metavar="R",
        choices=REGION_NAMES,
        help=_(
            "a regional host, with failover to its neighbour then the global hosts: {regions}"
        ).format(regions=", ".join(REGION_NAMES)),
    )
    parser.add_argument(
        "--app-id", metavar="ID", help=_("the project's App ID ({note})").format(note=default_note)
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default text)")
    )


IN_PROCESS_NOTE = N_(
    "The in-process sandbox (--sandbox) forgets its recordings when each command ends, so a "
    "recording started by one command cannot be queried or stopped by another. Run "
    "`rec-tui sandbox serve` in another terminal and give the URL it prints as --endpoint, "
    "to send, query and stop alike."
)


def session_endpoint(args: argparse.Namespace, command: str) -> str:
    """Where query or stop must go: given explicitly, and never the in-process sandbox."""
    setting = endpoint_setting(args, default="")
    if not setting:
        raise UsageError(
            _(
                "{command} needs to know where the recording runs: give --endpoint URL (the one "
                "send used: global, or the http://127.0.0.1:PORT that `rec-tui sandbox serve` "
                "printed) or --region R (the region send used). --sandbox cannot work here: "
            ).format(command=command)
            + _(IN_PROCESS_NOTE)
        )
    from rec_tui.request.endpoints import resolve

    try:
        in_process = resolve(setting).sandbox
    except ValueError as error:
        raise UsageError(str(error)) from None
    if in_process:
        raise UsageError(
            _("{command} cannot reach a sandbox recording this way.").format(command=command)
            + " "
            + _(IN_PROCESS_NOTE)
        )
    return setting


def identifier(name: str) -> Any:
    """An argparse type for --resource-id / --sid: refused unless it can go into a URL."""

    def parse(value: str) -> str:
        from rec_tui.agora.identifiers import identifier_problem

        problem = identifier_problem(name, value)
        if problem is not None:
            raise argparse.ArgumentTypeError(
                _("the {problem}; copy it exactly as printed").format(problem=problem)
            )
        return value

    parse.__name__ = name  # argparse names the type in its messages
    return parse


def follow_up_command(
    command: str, mode: str, resource_id: str, sid: str, app_id: str, endpoint: str
) -> str | None:
    """The ``rec-tui query/stop`` line to run later, ready to paste; None for the sandbox.

    Every value is written ``--option=VALUE`` (a resource ID may begin with ``-``) and
    quoted for the shell.
    """
    where = _endpoint_option(endpoint)
    if where is None:
        return None
    parts = [
        "rec-tui",
        command,
        f"--mode={mode}",
        f"--resource-id={resource_id}",
        f"--sid={sid}",
        f"--app-id={app_id}",
        where,
    ]
    return " ".join(shlex.quote(part) for part in parts)


def _endpoint_option(endpoint: str) -> str | None:
    value = endpoint.strip()
    if value == SANDBOX:
        return None
    if value.startswith("region:api-"):
        return f"--region={value.removeprefix('region:api-')}"
    return f"--endpoint={value or 'global'}"


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
