"""``rec-tui sandbox serve``: the built-in sandbox on 127.0.0.1 for curl, Postman or a backend."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rec_tui.cli import EXIT_FAILED, EXIT_OK, language
from rec_tui.cli.options import RawHelpFormatter
from rec_tui.i18n import N_, _

CREDENTIALS_NOTE = N_("""\
The sandbox is an Agora-compatible Cloud Recording service that needs no account.

Credentials (HTTP Basic auth):
  customer ID      sandbox
  customer secret  sandbox-secret
Any App ID works.

Resource IDs expire 5 minutes after acquire; start validates the body with
rec-tui's rules; query walks the status from 1 to 5 (one step per query or per
second); at most 10 requests per second.

Scenarios that reproduce customers' failures (individual and mix recordings):
  App Certificate  App IDs of 32 hex characters starting with "cafe", and those
                   given to --certificate-for, need a valid RTC token for the
                   body's cname and uid: without one start still answers 200, the
                   recorder leaves 5 s later, and query/stop answer 404 "failed to
                   find worker". `rec-tui token build --sandbox` mints a good token.
  nobody publishing  channel names starting with "empty-": the recorder exits after
                   maxIdleTime (default 30 s); stop answers 206 with code 435.
  uid reused       users 1001 and 1002 (and any --client-uid) are in every channel:
                   a recorder with one of their uids is kicked out 3 s after start;
                   query answers 404, stop 400 with code 49.""")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help=_("run the built-in sandbox service"),
        description=_(CREDENTIALS_NOTE),
        formatter_class=RawHelpFormatter,
    )
    # prog given: argparse would lay out the usage to find it (importing shutil for the
    # terminal's width).
    actions = parser.add_subparsers(
        dest="sandbox_action", metavar="ACTION", required=True, prog=parser.prog
    )
    serve = actions.add_parser(
        "serve",
        help=_("serve the sandbox on 127.0.0.1 and print its base URL"),
        description=_(CREDENTIALS_NOTE)
        + " "
        + _("Only the loopback address is ever bound. Stop with Ctrl+C."),
        formatter_class=RawHelpFormatter,
    )
    serve.add_argument(
        "--port", type=int, default=0, metavar="N", help=_("port to listen on (default: any free)")
    )
    serve.add_argument("--verbose", action="store_true", help=_("log each request line to stderr"))
    serve.add_argument(
        "--certificate-for",
        action="append",
        default=[],
        metavar="APPID",
        help=_("treat this App ID (32 hex characters) as having an App Certificate (repeatable)"),
    )
    serve.add_argument(
        "--client-uid",
        action="append",
        default=[],
        metavar="UID",
        help=_(
            "another pretend user in every channel; a recorder with this uid is kicked out "
            "(repeatable; 1001 and 1002 always are)"
        ),
    )
    language.add_argument(serve, command=True)
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import asyncio

    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:
        return EXIT_OK


async def _serve(args: argparse.Namespace) -> int:
    from rec_tui.sandbox.scenarios import Scenarios, is_app_id
    from rec_tui.sandbox.serve import SandboxServer
    from rec_tui.sandbox.service import SandboxService

    if not 0 <= args.port <= 65535:
        print("rec-tui: " + _("--port needs a port number from 0 to 65535."), file=sys.stderr)
        return EXIT_FAILED
    for app_id in args.certificate_for:
        if not is_app_id(app_id):
            said = _(
                "--certificate-for {app_id}: an App ID is 32 hexadecimal "
                "characters (tokens can only be built for such App IDs)."
            ).format(app_id=repr(app_id))
            print(f"rec-tui: {said}", file=sys.stderr)
            return EXIT_FAILED
    for uid in args.client_uid:
        if not uid.isdigit() or int(uid) > 2**32 - 1:
            said = _("--client-uid {uid}: a uid is a whole number from 0 to 4294967295.").format(
                uid=repr(uid)
            )
            print(f"rec-tui: {said}", file=sys.stderr)
            return EXIT_FAILED
    scenarios = Scenarios().with_options(args.certificate_for, args.client_uid)
    server = SandboxServer(args.port, SandboxService(scenarios=scenarios), verbose=args.verbose)
    try:
        await server.start()
    except OSError as error:
        said = _("cannot listen on 127.0.0.1:{port}: {error}").format(
            port=args.port, error=error.strerror or error
        )
        print(f"rec-tui: {said}", file=sys.stderr)
        return EXIT_FAILED
    # The first line stays as written in every language: scripts read the URL from it.
    print(f"Sandbox listening on {server.base_url}", flush=True)
    print(
        "  "
        + _("e.g.")
        + " curl -u sandbox:sandbox-secret -H 'Content-Type: application/json;charset=utf-8' "
        f'-d \'{{"cname":"demo","uid":"527841","clientRequest":{{}}}}\' '
        f"{server.base_url}/v1/apps/demo-app/cloud_recording/acquire",
        flush=True,
    )
    try:
        await server.serve_forever()
    finally:
        await server.close()
    return EXIT_OK
