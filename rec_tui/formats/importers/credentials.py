"""Customer credentials found in an import: kept only when the user says so."""

from __future__ import annotations

from rec_tui.formats.importers.result import ImportResult
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    SecretStore,
    store_customer_credentials,
)


def settle_credentials(result: ImportResult, store: SecretStore | None, agreed: bool) -> None:
    """Store the imported customer ID and secret if the user agreed; else drop them.

    Either way ``result.credentials`` is cleared and a notice says what happened.
    """
    credentials, result.credentials = result.credentials, None
    if credentials is None:
        return
    if agreed and store is not None:
        store_customer_credentials(store, credentials)
        where = "the keyring" if store.persistent else "memory for this session"
        result.notices.append(
            f"Stored the customer ID and secret in {where} ({store.backend_name})."
        )
    else:
        result.notices.append(
            "The customer ID and secret found in the input were dropped, not stored. "
            f"Supply them through the keyring or {CUSTOMER_ID_ENV}/{CUSTOMER_SECRET_ENV}."
        )
