"""keyring's Secret Service backend (gnome-keyring on Linux): what rec-tui does about it.

Two things, both for a keyring that is there and works:

* **The default collection by its own path.** keyring sends every call to the alias path
  ``/org/freedesktop/secrets/aliases/default``, and opens a new D-Bus connection for each.
  gnome-keyring (42.1 here) turns that alias into the collection's path in a D-Bus message
  filter, which runs on GDBus's worker thread, while its main thread replaces the alias's
  text (freeing the old one) each time a new client sends its first call. A call that
  meets another client's first one can be sent on to a path made of freed memory and fail
  with "Object does not exist at path /org/freedesktop/secrets/collection/<garbage>": two
  rec-tuis saving at once met it about once in 800 saves. ``ReadAlias`` is answered on the
  main thread and a call to a collection's own path is not rewritten, so
  :func:`pin_default_collection` asks for the alias once and points the backend at the
  path it names.
* **Its own errors.** secretstorage and jeepney raise their own exceptions where keyring
  does not wrap them (a collection or item that is not there, a D-Bus error reply);
  :func:`keyring_failures` names them with keyring's, so they are reported alike.
"""

from __future__ import annotations

import copy
from contextlib import closing
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend


def keyring_failures() -> tuple[type[Exception], ...]:
    """What a keyring call raises when the keyring fails: keyring's own errors, and those
    the Secret Service libraries raise past keyring where it has them."""
    from keyring.errors import KeyringError

    try:
        from jeepney.wrappers import DBusErrorResponse
        from secretstorage.exceptions import SecretStorageException
    except ImportError:  # not on Linux: keyring's other backends raise only KeyringError
        return (KeyringError,)
    return (KeyringError, SecretStorageException, DBusErrorResponse)


def dbus_reason(error: BaseException) -> str | None:
    """What the D-Bus error reply behind ``error`` says, if there is one.

    secretstorage says only "Item does not exist!" for every path D-Bus did not find; the
    reply it came from names the path.
    """
    try:
        from jeepney.wrappers import DBusErrorResponse
    except ImportError:
        return None
    for reply in (error, error.__cause__):
        if isinstance(reply, DBusErrorResponse) and reply.data:
            said = reply.data[0] if isinstance(reply.data, tuple) else reply.data
            return str(said)
    return None


def pin_default_collection(backend: KeyringBackend) -> KeyringBackend:
    """``backend``, or for the Secret Service a copy of it that uses the default collection
    by its own path (see the module's docstring).

    Left as it is when the user already chose a collection or there is no default one yet
    (keyring then creates it, as before). Raises what :func:`keyring_failures` names when
    the Secret Service does not answer.
    """
    try:
        import secretstorage
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring
    except ImportError:
        return backend
    if not isinstance(backend, SecretServiceKeyring) or hasattr(backend, "preferred_collection"):
        return backend
    with closing(secretstorage.dbus_init()) as connection:
        try:
            path = secretstorage.get_collection_by_alias(connection, "default").collection_path
        except secretstorage.ItemNotFoundException:
            return backend
    pinned = copy.copy(backend)
    # An attribute keyring's backend looks for (hasattr) rather than declares.
    pinned.preferred_collection = path  # type: ignore[attr-defined]
    return pinned
