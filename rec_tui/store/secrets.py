"""Secrets: the OS keyring behind one small interface, with an in-memory fallback.

Every secret rec-tui handles (the Agora customer ID and secret, the RTC token, storage
keys, the decryption secret and salt) lives in the OS keyring under the service name
``rec-tui``, or, when no keyring is usable, in this process's memory only. There is
deliberately no file fallback: a secret is never written to disk by rec-tui.

Environment variables are the other documented way to supply secrets (CI, machines
without a keyring). Where they rank:

* customer ID and secret: ``AGORA_CUSTOMER_ID`` / ``AGORA_CUSTOMER_SECRET`` win over the
  keyring, because a variable set for one run is the more deliberate choice;
* body secrets of a preset: the preset's own keyring entry wins; the variable of that
  kind (``REC_TUI_TOKEN``, ...) fills in only when the entry is missing, because a token
  belongs to the channel the preset was saved for.

``keyring`` is imported lazily: the wizard starts without loading it.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from rec_tui.errors import RecTuiError
from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue

SERVICE: Final = "rec-tui"

# Keyring entries of the Agora REST credentials (shared by every preset).
CUSTOMER_ID_ENTRY: Final = "agora/customer-id"
CUSTOMER_SECRET_ENTRY: Final = "agora/customer-secret"

CUSTOMER_ID_ENV: Final = "AGORA_CUSTOMER_ID"
CUSTOMER_SECRET_ENV: Final = "AGORA_CUSTOMER_SECRET"
RESOURCE_ID_ENV: Final = "REC_TUI_RESOURCE_ID"

# The environment variable for each secret key of a request body, as the field
# declarations name them (Field.env), used by exports and as the fallback when loading presets.
BODY_SECRET_ENV: Final[Mapping[str, str]] = {f.key: f.env for f in catalogue.secret_fields()}
MEMORY_BACKEND: Final = N_("memory (this session only)")


class SecretStoreError(RecTuiError):
    """The keyring refused an operation; the message says what happened and what to do."""


class SecretStore(Protocol):
    """Where secrets are kept: get/set/delete by entry name under the ``rec-tui`` service."""

    @property
    def backend_name(self) -> str: ...

    @property
    def persistent(self) -> bool:
        """True when entries outlive this process (a real keyring)."""
        ...

    def get(self, entry: str) -> str | None: ...

    def set(self, entry: str, value: str) -> None: ...

    def delete(self, entry: str) -> None:
        """Remove an entry; removing a missing entry is not an error."""
        ...


@dataclass
class MemoryStore:
    """Secrets for this process only: used when no keyring is usable, and in tests."""

    entries: dict[str, str] = field(default_factory=dict)
    persistent: bool = False

    @property
    def backend_name(self) -> str:
        """Said in the language rec-tui speaks, in the notices that name where secrets went."""
        return _(MEMORY_BACKEND)

    def get(self, entry: str) -> str | None:
        return self.entries.get(entry)

    def set(self, entry: str, value: str) -> None:
        self.entries[entry] = value

    def delete(self, entry: str) -> None:
        self.entries.pop(entry, None)

    def __repr__(self) -> str:  # never show values
        return f"MemoryStore({len(self.entries)} entries)"


class KeyringStore:
    """The OS keyring through the ``keyring`` package, every failure turned into one error."""

    persistent = True

    def __init__(self, backend: object) -> None:
        self._backend = backend

    @property
    def backend_name(self) -> str:
        return describe_backend(self._backend)

    def get(self, entry: str) -> str | None:
        value = self._call("read", entry, lambda b: b.get_password(SERVICE, entry))
        return value if isinstance(value, str) else None

    def set(self, entry: str, value: str) -> None:
        self._call("store", entry, lambda b: b.set_password(SERVICE, entry, value))

    def delete(self, entry: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._call("delete", entry, lambda b: b.delete_password(SERVICE, entry))
        except SecretStoreError as error:
            if isinstance(error.__cause__, PasswordDeleteError):
                return
            raise

    def _call(self, action: str, entry: str, operation: Callable[[Any], object]) -> object:
        from rec_tui.store.secret_service import keyring_failures

        try:
            return operation(self._backend)
        except keyring_failures() as error:
            raise SecretStoreError(
                _(_FAILED[action]).format(
                    backend=self.backend_name, entry=repr(entry), reason=_reason(error)
                )
            ) from error


# What a keyring call that failed was doing (read, store, delete), in words.
_FAILED: Final = {
    "read": N_(
        "The keyring ({backend}) could not read {entry}: {reason}. Unlock the keyring, or "
        "supply the secret through its environment variable."
    ),
    "store": N_(
        "The keyring ({backend}) could not store {entry}: {reason}. Unlock the keyring, or "
        "supply the secret through its environment variable."
    ),
    "delete": N_(
        "The keyring ({backend}) could not delete {entry}: {reason}. Unlock the keyring, or "
        "supply the secret through its environment variable."
    ),
}


@dataclass(frozen=True, slots=True)
class OpenedStore:
    """The store to use, and — when it is the in-memory fallback — why, in one line."""

    store: SecretStore
    notice: str | None

    @property
    def backend_name(self) -> str:
        return self.store.backend_name

    def status_line(self) -> str:
        if self.store.persistent:
            return _("Secrets: OS keyring ({backend_name})").format(
                backend_name=self.store.backend_name
            )
        return _("Secrets: memory only, not saved (no usable keyring)")


def open_store() -> OpenedStore:
    """The OS keyring when it works, otherwise an in-memory store and the reason.

    Never a plaintext file: a ``keyrings.alt`` file backend is refused like a missing one.
    Entries it lacks are asked of the secrets command when ``config.toml`` names one.
    """
    from rec_tui.store import secret_command

    opened = _open_keyring()
    try:
        command = secret_command.configured()
    except SecretStoreError as error:
        notice = _("The secrets command is not used: {error}").format(error=error)
        return OpenedStore(opened.store, f"{opened.notice} {notice}" if opened.notice else notice)
    if command is None:
        return opened
    return OpenedStore(secret_command.CommandBackedStore(opened.store, command), opened.notice)


def _open_keyring() -> OpenedStore:
    from rec_tui.store import secret_service

    try:
        import keyring

        backend = keyring.get_keyring()
        if _is_unusable(backend):
            return _fallback(
                _(
                    "no keyring service was found (on Linux: no D-Bus session running a "
                    "Secret Service such as gnome-keyring)"
                )
            )
        if _writes_files(backend):
            return _fallback(
                _("the keyring backend {backend} keeps secrets in a plain file").format(
                    backend=describe_backend(backend)
                )
            )
        backend = secret_service.pin_default_collection(backend)
        # Reading a missing entry proves the backend answers (D-Bus up, keyring unlocked).
        backend.get_password(SERVICE, "rec-tui/probe")
    except secret_service.keyring_failures() as error:
        return _fallback(_reason(error))
    except (RuntimeError, ImportError, AttributeError) as error:
        # A bad PYTHON_KEYRING_BACKEND (no such module, or no such class in it) fails
        # here, on first use.
        return _fallback(_("the keyring could not start ({error})").format(error=_reason(error)))
    return OpenedStore(KeyringStore(backend), None)


def _fallback(reason: str) -> OpenedStore:
    notice = _(
        "No usable keyring: {reason}. Secrets are kept in memory for this "
        "session only; to supply them without a keyring set {customer_id_env}, "
        "{customer_secret_env} (and REC_TUI_TOKEN etc.) in the environment."
    ).format(
        reason=reason, customer_id_env=CUSTOMER_ID_ENV, customer_secret_env=CUSTOMER_SECRET_ENV
    )
    return OpenedStore(MemoryStore(), notice)


def _reason(error: BaseException) -> str:
    from rec_tui.store.secret_service import dbus_reason

    text = (dbus_reason(error) or str(error)).strip().rstrip(".!")
    return text or type(error).__name__


def describe_backend(backend: object) -> str:
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


def _is_unusable(backend: object) -> bool:
    from keyring.backends import fail

    return isinstance(backend, fail.Keyring)


def _writes_files(backend: object) -> bool:
    return type(backend).__module__.startswith("keyrings.alt")


# --- the Agora customer credentials -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Credentials:
    """Customer ID and secret for the REST API's Basic auth. ``repr`` never shows them.

    The one credentials type: the keyring, the environment, curl import/export and the
    REST client all use it.
    """

    customer_id: str
    customer_secret: str
    source: str = ""

    def __repr__(self) -> str:
        return (
            f"Credentials(source={self.source!r}, customer_id=<hidden>, customer_secret=<hidden>)"
        )

    __str__ = __repr__

    def values(self) -> tuple[str, str]:
        return (self.customer_id, self.customer_secret)

    @property
    def basic_token(self) -> str:
        """The Basic auth credential of the REST API (spec 1.2): base64 of ``id:secret``."""
        pair = f"{self.customer_id}:{self.customer_secret}"
        return base64.b64encode(pair.encode("utf-8")).decode("ascii")

    @property
    def authorization(self) -> str:
        return f"Basic {self.basic_token}"

    def secrets(self) -> set[str]:
        """Every form in which these credentials could leak into text (for redaction).

        The customer ID alone is left out: it names an account without opening it, and the
        sandbox's ID is a common word that scrubbing would blank out of every log line.
        """
        return {self.customer_secret, self.basic_token, self.authorization}


def customer_credentials(
    store: SecretStore, environ: Mapping[str, str] | None = None
) -> Credentials | None:
    """The customer ID and secret: environment variables first, then the keyring.

    Both halves come from the same place; None when neither place has both. Raises
    :class:`SecretStoreError` only when the keyring itself fails.
    """
    env = os.environ if environ is None else environ
    env_id, env_secret = env.get(CUSTOMER_ID_ENV, ""), env.get(CUSTOMER_SECRET_ENV, "")
    if env_id and env_secret:
        return Credentials(env_id, env_secret, source="environment")
    stored_id, stored_secret = store.get(CUSTOMER_ID_ENTRY), store.get(CUSTOMER_SECRET_ENTRY)
    if stored_id and stored_secret:
        return Credentials(stored_id, stored_secret, source=store.backend_name)
    return None


def store_customer_credentials(store: SecretStore, credentials: Credentials) -> None:
    store.set(CUSTOMER_ID_ENTRY, credentials.customer_id)
    store.set(CUSTOMER_SECRET_ENTRY, credentials.customer_secret)


def forget_customer_credentials(store: SecretStore) -> None:
    store.delete(CUSTOMER_ID_ENTRY)
    store.delete(CUSTOMER_SECRET_ENTRY)


# --- the App Certificate (signs RTC tokens; `rec-tui token`) ----------------------------

APP_CERTIFICATE_ENTRY: Final = "agora/app-certificate"
APP_CERTIFICATE_ENV: Final = "AGORA_APP_CERTIFICATE"


def app_certificate(store: SecretStore, environ: Mapping[str, str] | None = None) -> str | None:
    """The App Certificate: the environment variable first (as for the customer secret)."""
    env = os.environ if environ is None else environ
    return env.get(APP_CERTIFICATE_ENV) or store.get(APP_CERTIFICATE_ENTRY) or None


def store_app_certificate(store: SecretStore, certificate: str) -> None:
    store.set(APP_CERTIFICATE_ENTRY, certificate)


def forget_app_certificate(store: SecretStore) -> None:
    store.delete(APP_CERTIFICATE_ENTRY)


def env_for_secret_key(key: str) -> str | None:
    """The environment variable that supplies a body secret with this key name."""
    return BODY_SECRET_ENV.get(key)
