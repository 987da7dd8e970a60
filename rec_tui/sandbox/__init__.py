"""The built-in sandbox: an Agora-compatible Cloud Recording service needing no account.

It runs in-process as an httpx transport (the default endpoint of a new draft, so rec-tui
works on a fresh machine with no network), or on 127.0.0.1 with ``rec-tui sandbox serve``
for curl, Postman or a customer's own backend.

Its own credentials — customer ID ``sandbox``, customer secret ``sandbox-secret``, declared in
:mod:`rec_tui.agora.connect` — are used automatically when sending to the sandbox; any App ID
is accepted. The client never imports this package: callers hand it :func:`shared_transport`
(or :func:`transport_for`). Resource IDs expire 5 minutes after acquire, ``start`` checks the
body with rec-tui's own validator, and query walks the status from 1 to 5 on successive calls.
Scenario switches (:mod:`rec_tui.sandbox.scenarios`) reproduce customers' failures: a recorder
without a valid token for a "certificate enabled" App ID leaves, nobody publishing in an
``empty-`` channel ends in 435, and a recorder using a pretend client's uid is kicked.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from rec_tui.sandbox.service import CUSTOMER_ID, CUSTOMER_SECRET, SandboxService

if TYPE_CHECKING:
    from rec_tui.sandbox.transport import SandboxTransport

__all__ = ["CUSTOMER_ID", "CUSTOMER_SECRET", "SandboxService", "shared_transport", "transport_for"]

_SHARED: list[SandboxTransport] = []
_SHARED_LOCK = threading.Lock()


def shared_transport() -> SandboxTransport:
    """The process's one in-process sandbox, so every client of the process sees one service."""
    from rec_tui.sandbox.transport import SandboxTransport

    with _SHARED_LOCK:
        if not _SHARED:
            _SHARED.append(SandboxTransport())
        return _SHARED[0]


def transport_for(endpoint: str) -> SandboxTransport | None:
    """The shared in-process sandbox when ``endpoint`` is the sandbox; None (real HTTP) else."""
    from rec_tui.request.endpoints import SANDBOX

    return shared_transport() if endpoint.strip() == SANDBOX else None


def reset_shared() -> None:
    """Forget the shared sandbox (tests start each from a fresh service)."""
    with _SHARED_LOCK:
        _SHARED.clear()
