"""Deciding how to talk to an endpoint: which credentials, which App ID, which transport.

One place for what the command line and the Send panel both need: the sandbox signs with
its own published pair (and accepts any App ID), everything else with the customer's
credentials from the environment (``AGORA_CUSTOMER_ID`` / ``AGORA_CUSTOMER_SECRET``) or the
OS keyring. The in-process sandbox lives above this layer, so callers hand in a factory for
its transport.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final

from rec_tui.errors import RecTuiError
from rec_tui.i18n import _
from rec_tui.request.endpoints import SANDBOX_APP_ID as SANDBOX_APP_ID
from rec_tui.request.endpoints import SANDBOX_CUSTOMER_ID as SANDBOX_CUSTOMER_ID
from rec_tui.request.endpoints import SANDBOX_CUSTOMER_SECRET as SANDBOX_CUSTOMER_SECRET
from rec_tui.request.endpoints import Endpoint, resolve
from rec_tui.store.secrets import Credentials

if TYPE_CHECKING:
    import httpx

    from rec_tui.agora.client import ExchangeListener, RecordingClient
    from rec_tui.agora.exchange import Exchange

# The sandbox's own pair (declared with its endpoint, in rec_tui.request.endpoints).
SANDBOX_CREDENTIALS: Final = Credentials(SANDBOX_CUSTOMER_ID, SANDBOX_CUSTOMER_SECRET)


class CannotConnect(RecTuiError):
    """Nothing can be sent: the message says what is missing and how to give it."""


def customer_credentials_or_explain() -> Credentials:
    """The customer's credentials: the environment first, then the OS keyring."""
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
        raise CannotConnect(str(error)) from None
    if found is None:
        raise CannotConnect(
            _(
                "No Agora customer ID and secret found. Set {id_variable} and "
                "{secret_variable}, or store them in the keyring from the wizard's Send step "
                "(or send to the sandbox, --sandbox, to try without an account)."
            ).format(id_variable=CUSTOMER_ID_ENV, secret_variable=CUSTOMER_SECRET_ENV)
        )
    return found


def credentials_for(endpoint: Endpoint) -> Credentials:
    """The sandbox's own pair for the sandbox; the customer's for anything else."""
    return SANDBOX_CREDENTIALS if endpoint.sandbox else customer_credentials_or_explain()


def app_id_for(endpoint: Endpoint, app_id: str) -> str:
    """``app_id``, or the sandbox's default; a real endpoint needs one."""
    if app_id:
        return app_id
    if endpoint.sandbox:
        return SANDBOX_APP_ID
    raise CannotConnect(_("An App ID is needed: give --app-id (or set it in the preset)."))


def record_in_history(exchange: Exchange) -> None:
    """An exchange listener that appends each (already redacted) exchange to the history."""
    from rec_tui.store import history

    # A full or read-only disk, or text that cannot be written as UTF-8 (a lone surrogate
    # echoed back), must not fail the recording itself.
    with contextlib.suppress(OSError, ValueError):
        history.append(exchange.as_dict())


def connect(
    endpoint: str | Endpoint,
    app_id: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    sandbox_transport: Callable[[], httpx.AsyncBaseTransport] | None = None,
    credentials: Credentials | None = None,
    listeners: Iterable[ExchangeListener] = (record_in_history,),
    **client_options: Any,
) -> RecordingClient:
    """A client for ``endpoint``, with credentials decided as the module says.

    ``transport`` is used as given (tests, fault injection); otherwise the sandbox endpoint
    gets ``sandbox_transport()`` and every other endpoint real HTTP.

    ``credentials`` overrides the decision (e.g. typed into the Send panel). Every problem —
    an endpoint that is not understood, a URL httpx cannot use, a missing App ID or missing
    credentials — is a :class:`CannotConnect` with a message for the user.
    """
    from rec_tui.agora.client import RecordingClient, check_base_url

    try:
        resolved = resolve(endpoint) if isinstance(endpoint, str) else endpoint
        # Checked before the keyring is asked for credentials the URL could not use.
        for base_url in resolved.base_urls:
            check_base_url(base_url)
    except ValueError as error:
        raise CannotConnect(str(error)) from None
    chosen_app_id = app_id_for(resolved, app_id)
    if resolved.sandbox and transport is None:
        if sandbox_transport is None:
            raise CannotConnect(_("The built-in sandbox is not available here."))
        transport = sandbox_transport()
    return RecordingClient(
        app_id=chosen_app_id,
        credentials=credentials or credentials_for(resolved),
        endpoint=resolved,
        transport=transport,
        listeners=listeners,
        **client_options,
    )
