"""``rec-tui sandbox serve``: the built-in sandbox on 127.0.0.1 for curl, Postman or a backend."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rec_tui.cli import EXIT_FAILED, EXIT_OK

CREDENTIALS_NOTE = """\
The sandbox is an Agora-compatible Cloud Recording service that needs no account.

Credentials (HTTP Basic auth):
  customer ID      sandbox
  customer secret  sandbox-secret
Any App ID works.

Resource IDs expire 5 minutes after acquire; start validates the body with
rec-tui's rules; query walks the status from 1 to 5 (one step per query or per
second); at most 10 requests per second."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the built-in sandbox service",
        description=CREDENTIALS_NOTE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="sandbox_action", metavar="ACTION", required=True)
    serve = actions.add_parser(
        "serve",
        help="serve the sandbox on 127.0.0.1 and print its base URL",
        description=CREDENTIALS_NOTE
        + " Only the loopback address is ever bound. Stop with Ctrl+C.",
    )
    serve.add_argument(
        "--port", type=int, default=0, metavar="N", help="port to listen on (default: any free)"
    )
    serve.add_argument("--verbose", action="store_true", help="log each request line to stderr")
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import asyncio

    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:
        return EXIT_OK


async def _serve(args: argparse.Namespace) -> int:
    from rec_tui.sandbox.serve import SandboxServer

    if not 0 <= args.port <= 65535:
        print("rec-tui: --port needs a port number from 0 to 65535.", file=sys.stderr)
        return EXIT_FAILED
    server = SandboxServer(args.port, verbose=args.verbose)
    try:
        await server.start()
    except OSError as error:
        print(
            f"rec-tui: cannot listen on 127.0.0.1:{args.port}: {error.strerror or error}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"Sandbox listening on {server.base_url}", flush=True)
    print(
        f"  e.g. curl -u sandbox:sandbox-secret -H 'Content-Type: application/json;charset=utf-8' "
        f'-d \'{{"cname":"demo","uid":"527841","clientRequest":{{}}}}\' '
        f"{server.base_url}/v1/apps/demo-app/cloud_recording/acquire",
        flush=True,
    )
    try:
        await server.serve_forever()
    finally:
        await server.close()
    return EXIT_OK
