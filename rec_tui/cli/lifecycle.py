"""``rec-tui query`` and ``rec-tui stop``: look at or end a running recording."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rec_tui.cli import EXIT_OK, endpoint_options, language
from rec_tui.i18n import N_, _
from rec_tui.spec.modes import MODES

_SESSION_NOTE = N_("Give where the recording runs: --endpoint or --region.")


def _add_session_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=MODES, required=True, help=_("the mode start used"))
    parser.add_argument(
        "--resource-id",
        required=True,
        metavar="ID",
        type=endpoint_options.identifier("resource ID"),
        help=_("from acquire (write --resource-id=ID: an ID may begin with '-')"),
    )
    parser.add_argument(
        "--sid", required=True, type=endpoint_options.identifier("sid"), help=_("from start")
    )
    endpoint_options.add_arguments(parser, default_note=_("required"))


def _session_note() -> str:
    return _(_SESSION_NOTE) + " " + _(endpoint_options.IN_PROCESS_NOTE)


def register(subparsers: Any) -> None:
    query = subparsers.add_parser(
        "query",
        help=_("show the status and files of a running recording"),
        description=_("Query a recording: its status (4 or 5 = recording) and file list.")
        + " "
        + _session_note(),
    )
    _add_session_arguments(query)
    language.add_argument(query, command=True)
    query.set_defaults(handler=run_query)
    stop = subparsers.add_parser(
        "stop",
        help=_("stop a recording and list its files"),
        description=_(
            "Stop a recording. The stop body needs the acquire cname and uid: give "
            "them, or they are read from a query first."
        )
        + " "
        + _session_note(),
    )
    _add_session_arguments(stop)
    stop.add_argument("--cname", help=_("the acquire cname (default: asked of query)"))
    stop.add_argument("--uid", help=_("the acquire uid (default: asked of query)"))
    stop.add_argument(
        "--async-stop",
        action="store_true",
        help=_("answer at once instead of after the upload (async_stop: true)"),
    )
    language.add_argument(stop, command=True)
    stop.set_defaults(handler=run_stop)


def run_query(args: argparse.Namespace) -> int:
    return _run_sync(args, stop=False)


def run_stop(args: argparse.Namespace) -> int:
    return _run_sync(args, stop=True)


def _run_sync(args: argparse.Namespace, *, stop: bool) -> int:
    endpoint = endpoint_options.session_endpoint(args, "stop" if stop else "query")
    # Imported here: asyncio (and ssl with it) costs the wizard's start-up ~20 ms otherwise.
    import asyncio

    return asyncio.run(_run(args, endpoint, stop=stop))


async def _run(args: argparse.Namespace, endpoint: str, *, stop: bool) -> int:
    from rec_tui.agora.errors import RecordingError
    from rec_tui.agora.exchange import Scrubber
    from rec_tui.agora.lifecycle import Lifecycle, RecordingSession

    client = endpoint_options.make_client(endpoint, args.app_id or "")
    scrubber = Scrubber(client.credentials)
    session = RecordingSession(
        args.mode,
        client.app_id,
        getattr(args, "cname", None) or "",
        getattr(args, "uid", None) or "",
        {},
        {},
        args.resource_id,
        args.sid,
    )
    async with client:
        lifecycle = Lifecycle(client)
        try:
            if not stop or not (session.cname and session.uid):
                reply = await lifecycle.query(session)
                session.cname = session.cname or str(reply.data.get("cname", ""))
                session.uid = session.uid or str(reply.data.get("uid", ""))
            if stop:
                reply = await lifecycle.stop(session, async_stop=args.async_stop)
        except RecordingError as error:
            text = str(error)
            if stop and error.call == "query":
                text = (
                    _(
                        "stop: no stop was sent. Its body needs the recording's cname and uid, "
                        "read with a query first, and the query failed (below): a 404 'failed "
                        "to find worker' often means the recording has already ended. Give "
                        "--cname and --uid to send the stop without the query."
                    )
                    + f"\n{text}"
                )
            endpoint_options.emit_failure(args, scrubber, text, {"error": error.as_dict()})
            return endpoint_options.failure_exit(error)
    text = json.dumps(reply.data, ensure_ascii=False, indent=2)
    if reply.request_id:
        text += "\n" + _("Request ID: {request_id}").format(request_id=reply.request_id)
    endpoint_options.emit(args, scrubber, text, reply.data)
    return EXIT_OK
