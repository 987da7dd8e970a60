"""Customer credentials found in an import: kept only when the user says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rec_tui.formats.importers.result import ImportResult
from rec_tui.i18n import _

if TYPE_CHECKING:
    from rec_tui.store.secrets import SecretStore


def settle_credentials(
    result: ImportResult, store: SecretStore | None, agreed: bool, *, session_lasts: bool = True
) -> None:
    """Store the imported customer ID and secret if the user agreed; else drop them.

    Either way ``result.credentials`` is cleared and a notice says what happened.
    ``session_lasts`` False (a command that ends at once): a store kept in memory only
    would keep them for nothing, so they are not stored there and the notice says so.
    """
    credentials, result.credentials = result.credentials, None
    if credentials is None:
        return
    # Imported here: opening a body without credentials (the wizard's --open) never needs
    # the secret store's code (~86 KiB and its imports) before the first screen.
    from rec_tui.store.secrets import (
        CUSTOMER_ID_ENV,
        CUSTOMER_SECRET_ENV,
        store_customer_credentials,
    )

    if agreed and store is not None and not store.persistent and not session_lasts:
        result.notices.append(
            _(
                "The customer ID and secret were not stored: no keyring is usable here, and "
                "this command's memory ends with it. Set {id_variable} and {secret_variable} "
                "where you send from."
            ).format(id_variable=CUSTOMER_ID_ENV, secret_variable=CUSTOMER_SECRET_ENV)
        )
    elif agreed and store is not None:
        store_customer_credentials(store, credentials)
        stored = (
            _("Stored the customer ID and secret in the keyring ({backend}).")
            if store.persistent
            else _("Stored the customer ID and secret in memory for this session ({backend}).")
        )
        result.notices.append(stored.format(backend=store.backend_name))
    else:
        result.notices.append(
            _(
                "The customer ID and secret found in the input were dropped, not stored. "
                "Supply them through the keyring or {id_variable}/{secret_variable}."
            ).format(id_variable=CUSTOMER_ID_ENV, secret_variable=CUSTOMER_SECRET_ENV)
        )
