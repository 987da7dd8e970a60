"""The customer ID and secret the Send panel uses: typed, from the environment or the store.

They are never part of the draft (secrets stay out of presets): the widgets hold them for
this session, and "Keep" puts them in the keyring (or in memory without one).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Final

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from rec_tui.agora.connect import SANDBOX_CUSTOMER_ID, SANDBOX_CUSTOMER_SECRET
from rec_tui.i18n import N_, _
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    Credentials,
    SecretStore,
    SecretStoreError,
)
from rec_tui.tui.widgets.secret_input import RevealToggle, SecretInput

# Declared here, said (translated and filled in) where shown: see _said().
SANDBOX_NOTE: Final = N_("The sandbox uses its own credentials ({customer_id} / {secret}).")
NO_KEYRING_NOTE: Final = N_(
    "No keyring on this machine: set {id_variable} and {secret_variable} before "
    "starting rec-tui, or type the customer ID and secret here for this session only "
    "(kept in memory, never written to disk)."
)
KEYRING_NOTE: Final = N_("Type the customer ID and secret, then keep them in the keyring.")


def _said(note: str) -> str:
    """One of the notes above in the active language, its names filled in."""
    return _(note).format(
        customer_id=SANDBOX_CUSTOMER_ID,
        secret=SANDBOX_CUSTOMER_SECRET,
        id_variable=CUSTOMER_ID_ENV,
        secret_variable=CUSTOMER_SECRET_ENV,
    )


class CredentialsForm(Vertical):
    """The sandbox note, the customer ID and secret inputs, and where they came from."""

    DEFAULT_CSS = """
    CredentialsForm { height: auto; }
    CredentialsForm .credential-row { height: auto; }
    CredentialsForm .credential-row Label { width: 17; padding: 0 1 0 0; text-align: right; }
    CredentialsForm .credential-row Input { width: 1fr; min-width: 34; }
    """

    class Kept(Message):
        """ "Keep" ended: ``ok`` and what to tell the user."""

        def __init__(self, ok: bool, text: str) -> None:
            super().__init__()
            self.ok = ok
            self.text = text

    def __init__(self, secret_store: Callable[[], SecretStore] | None = None) -> None:
        super().__init__(id="send-credentials")
        # The wizard's one store; None: this form opens its own (the panel alone, in a test).
        self._secret_store = secret_store
        self._own_store: SecretStore | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Static(_said(SANDBOX_NOTE), id="send-sandbox-note")
        # One row each: a customer ID is 32 characters and must be readable whole.
        with Horizontal(classes="credential-row credentials"):
            yield Label(_("Customer ID"))
            yield Input(placeholder=_("from the keyring"), compact=True, id="send-customer-id")
        with Horizontal(classes="credential-row credentials"):
            yield Label(_("Customer secret"))
            secret = SecretInput(
                placeholder=_("from the keyring"),
                password=True,
                compact=True,
                id="send-customer-secret",
            )
            yield secret
            yield RevealToggle(secret, id="send-reveal")
        with Horizontal(classes="credential-row credentials"):
            yield Label("")
            yield Button(_("Keep in keyring"), id="send-keep", compact=True)
        yield Static("", id="send-credentials-source", classes="credentials")

    # --- the store --------------------------------------------------------------------

    async def secret_store(self) -> SecretStore:
        """The wizard's one secret store (``app.files.store``).

        Asked for on the app's thread: the first use announces the keyring backend, and
        without a keyring gives the one-time notice. Reads and writes then go to a thread.
        """
        if self._secret_store is not None:
            return self._secret_store()
        if self._own_store is None:
            from rec_tui.store.secrets import open_store

            self._own_store = (await asyncio.to_thread(open_store)).store
        return self._own_store

    def needed(self) -> None:
        """A real endpoint was chosen: fill the fields from the store, once."""
        if not self._shown:
            self._shown = True
            self._show_stored()

    @work(exclusive=True, group="send-credentials")
    async def _show_stored(self) -> None:
        """Fill the empty credential fields from the environment or the store; say where from."""
        from rec_tui.store.secrets import customer_credentials

        note = self.query_one("#send-credentials-source", Static)
        try:
            store = await self.secret_store()
            found = await asyncio.to_thread(customer_credentials, store)
        except SecretStoreError as error:
            note.update(str(error))
            return
        keep = self.query_one("#send-keep", Button)
        keep.label = _("Keep in keyring") if store.persistent else _("Keep for this session")
        if found is None:
            note.update(_said(KEYRING_NOTE if store.persistent else NO_KEYRING_NOTE))
            return
        for widget_id, value in (
            ("#send-customer-id", found.customer_id),
            ("#send-customer-secret", found.customer_secret),
        ):
            field = self.query_one(widget_id, Input)
            if not field.value:
                field.value = value
        note.update(self._source_note(found, store))

    @staticmethod
    def _source_note(found: Credentials, store: SecretStore) -> str:
        if found.source == "environment":
            return _("Customer ID and secret from {id_variable} and {secret_variable}.").format(
                id_variable=CUSTOMER_ID_ENV, secret_variable=CUSTOMER_SECRET_ENV
            )
        if store.persistent:
            return _("Customer ID and secret from the OS keyring ({backend}).").format(
                backend=found.source
            )
        return _("Customer ID and secret typed earlier in this session (memory only, no keyring).")

    # --- using them -------------------------------------------------------------------

    def typed(self) -> set[str]:
        """The values typed here (to scrub crash reports)."""
        found: set[str] = set()
        for widget_id in ("#send-customer-id", "#send-customer-secret"):
            with contextlib.suppress(NoMatches):
                value = self.query_one(widget_id, Input).value
                if value:
                    found.add(value)
        return found

    async def resolve(self) -> Credentials:
        """The typed credentials, else those of the environment or the store.

        Raises LookupError (with what to do) when there are none.
        """
        typed_id = self.query_one("#send-customer-id", Input).value.strip()
        typed_secret = self.query_one("#send-customer-secret", Input).value
        if typed_id and typed_secret:
            return Credentials(typed_id, typed_secret, source="typed")
        from rec_tui.store.secrets import customer_credentials

        store = await self.secret_store()
        try:
            found = await asyncio.to_thread(customer_credentials, store)
        except SecretStoreError as error:
            raise LookupError(str(error)) from None
        if found is None:
            raise LookupError(
                _(
                    "No customer ID and secret: type them above (and keep them in the "
                    "keyring), or set {id_variable} and {secret_variable}."
                ).format(id_variable=CUSTOMER_ID_ENV, secret_variable=CUSTOMER_SECRET_ENV)
            )
        self.query_one("#send-customer-id", Input).value = found.customer_id
        return found

    # --- buttons ----------------------------------------------------------------------

    @on(Button.Pressed, "#send-keep")
    def _keep(self, event: Button.Pressed) -> None:
        event.stop()
        customer_id = self.query_one("#send-customer-id", Input).value.strip()
        secret = self.query_one("#send-customer-secret", Input).value
        if customer_id and secret:
            self._keep_in_keyring(customer_id, secret)
        else:
            first = _("Type both the customer ID and the secret first.")
            self.post_message(self.Kept(False, first))

    @work(group="send-keyring")
    async def _keep_in_keyring(self, customer_id: str, secret: str) -> None:
        from rec_tui.store.secrets import store_customer_credentials

        try:
            store = await self.secret_store()
            await asyncio.to_thread(
                store_customer_credentials, store, Credentials(customer_id, secret)
            )
        except SecretStoreError as error:
            self.post_message(self.Kept(False, str(error)))
            return
        kept = (
            _("Customer ID and secret kept in the OS keyring.")
            if store.persistent
            else _("Customer ID and secret kept in memory only, for this session.")
        )
        self.post_message(self.Kept(True, kept))
