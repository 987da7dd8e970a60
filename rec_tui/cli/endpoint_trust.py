"""Confirming an endpoint that came from a preset before anything is sent there.

The user asked for an endpoint when they named it on the command line (``--endpoint``,
``--region``, ``--sandbox``) or confirmed it once before; an endpoint that only the
preset names, and that this machine has never sent to, is asked about first: y/N on a
terminal, and without one the send is refused unless ``--yes`` is given.
"""

from __future__ import annotations

import argparse
import sys

from rec_tui.i18n import _


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("send to the preset's endpoint without asking, even if it was never used here"),
    )


def allowed(args: argparse.Namespace, endpoint: str, *, chosen_here: bool) -> bool:
    """True when the request may go to ``endpoint``; asks (or explains the refusal) first.

    ``chosen_here`` is True when the command line named the endpoint. An endpoint that is
    allowed is remembered, so the next send there does not ask.
    """
    from rec_tui.cli import UsageError
    from rec_tui.store import known_endpoints
    from rec_tui.store.files import StoreFileError

    try:
        key = known_endpoints.endpoint_key(endpoint)
        if key is None or known_endpoints.is_known(endpoint):
            return True
    except ValueError as error:
        raise UsageError(str(error)) from None
    if not (chosen_here or args.yes or _confirmed(args.source, key)):
        return False
    try:
        known_endpoints.remember(endpoint)
    except StoreFileError as error:
        said = _("{message} (the endpoint is not remembered)").format(message=error.message)
        print(f"rec-tui: {said}", file=sys.stderr)
    return True


def _confirmed(source: str, key: str) -> bool:
    question = _(
        "{source} sends to {endpoint}, which has not been used from this machine before. The "
        "request and its secrets (credentials, token, storage keys) would go there."
    ).format(source=source, endpoint=key)
    if not sys.stdin.isatty():
        refused = _(
            "Not sent: check the endpoint, then pass --yes to send "
            "there (or choose one with --endpoint, --region or --sandbox)."
        )
        print(f"rec-tui: {question} {refused}", file=sys.stderr)
        return False
    # The answer is y or yes in every language (the prompt says so).
    print(f"{question}\n{_('Send it there? [y/N] ')}", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer in ("y", "yes"):
        return True
    print(_("Not sent."), file=sys.stderr)
    return False
