"""keyring's Secret Service backend (gnome-keyring on Linux): its own errors.

secretstorage and jeepney raise their own exceptions where keyring does not wrap them (a
collection or item that is not there, a D-Bus error reply): :func:`keyring_failures` names
them with keyring's, so they are reported alike.
"""

from __future__ import annotations


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
