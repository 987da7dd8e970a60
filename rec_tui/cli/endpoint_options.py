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
    from rec_tui.store.secrets import Credentials

REGION_NAMES = tuple(prefix.removeprefix("api-") for prefix in REGION_PREFIXES)
SANDBOX_APP_ID = "sandbox-app"


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


def credentials_for(endpoint: str) -> Credentials:
    """The sandbox's own credentials, or the customer's from the environment or keyring."""
    from rec_tui.store.secrets import Credentials

    if endpoint == SANDBOX:
        from rec_tui import sandbox

        return Credentials(sandbox.CUSTOMER_ID, sandbox.CUSTOMER_SECRET)
    from rec_tui.store.secrets import (
        CUSTOMER_ID_ENV,
        CUSTOMER_SECRET_ENV,
        MemoryStore,
        SecretStoreError,
        customer_credentials,
        open_store,
    )

    try:
        # The environment wins; only open the keyring (slow to probe) when it has nothing.
        found = customer_credentials(MemoryStore()) or customer_credentials(open_store().store)
    except SecretStoreError as error:
        raise UsageError(str(error)) from None
    if found is None:
        raise UsageError(
            f"No Agora customer ID and secret found. Set {CUSTOMER_ID_ENV} and "
            f"{CUSTOMER_SECRET_ENV}, or store them in the keyring from the wizard's Send step "
            "(or use --sandbox to try without an account)."
        )
    return found


def make_client(endpoint: str, app_id: str) -> RecordingClient:
    from rec_tui.agora.client import RecordingClient, check_base_url
    from rec_tui.request.endpoints import resolve

    try:
        resolved = resolve(endpoint)
        # Checked before the keyring is asked for credentials the URL could not use.
        for base_url in resolved.base_urls:
            check_base_url(base_url)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if not app_id:
        if not resolved.sandbox:
            raise UsageError("An App ID is needed: give --app-id (or set it in the preset).")
        app_id = SANDBOX_APP_ID
    return RecordingClient(app_id=app_id, credentials=credentials_for(endpoint), endpoint=resolved)


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
