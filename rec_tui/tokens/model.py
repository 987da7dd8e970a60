"""What a decoded Agora token says: the error type and the plain data classes.

Nothing here holds a secret: the App Certificate is never part of a token, and the token
text itself is not kept (it is an RTC secret in rec-tui).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class TokenError(ValueError):
    """The text is not a token rec-tui can read, or cannot be built; the message says why.

    Messages never quote the token or the certificate.
    """


@dataclass(frozen=True, slots=True)
class Privilege:
    """One privilege of a service: ``expires_at`` is a Unix time, None when it never ends."""

    name: str
    expires_at: int | None


@dataclass(frozen=True, slots=True)
class ServiceGrant:
    """One service in a token. ``channel``/``uid`` are set for RTC and streaming (007).

    ``uid`` is the token's text: "" means the token was built for uid 0, so any uid may
    join with it. ``account`` holds the user or room of the other services.
    """

    type: str
    type_id: int
    privileges: tuple[Privilege, ...]
    channel: str | None = None
    uid: str | None = None
    account: str | None = None

    @property
    def uid_is_any(self) -> bool:
        return self.uid == ""

    def privilege(self, name: str) -> Privilege | None:
        return next((p for p in self.privileges if p.name == name), None)

    def as_json(self) -> dict[str, Any]:
        uid: int | str | None = self.uid
        if self.uid is not None:
            uid = 0 if self.uid == "" else (int(self.uid) if self.uid.isdigit() else self.uid)
        entry: dict[str, Any] = {
            "type": self.type,
            "channel": self.channel,
            "uid": uid,
            "privileges": {p.name: p.expires_at for p in self.privileges},
        }
        if self.uid is not None:
            entry["uid_any"] = self.uid_is_any
        if self.account is not None:
            entry["account"] = self.account
        return entry


@dataclass(frozen=True, slots=True)
class DecodedToken:
    """The readable content of a token, and what is needed to check its signature.

    ``signed`` is the exact byte string the signature covers; ``version`` is "007" or
    "006". For 006 tokens the channel and uid are only present as CRC32 checksums
    (``channel_crc``/``uid_crc``) and there is no issue time.
    """

    version: str
    app_id: str
    issued_at: int | None
    expires_at: int | None
    salt: int
    services: tuple[ServiceGrant, ...]
    signature: bytes = field(repr=False)
    signed: bytes = field(repr=False)
    channel_crc: int | None = None
    uid_crc: int | None = None

    def service(self, type_name: str) -> ServiceGrant | None:
        return next((s for s in self.services if s.type == type_name), None)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": self.version,
            "app_id": self.app_id,
            "issued_at": self.issued_at,
            "expires_at": self.expires_at,
            "salt": self.salt,
            "services": [service.as_json() for service in self.services],
        }
        if self.channel_crc is not None:
            data["channel_crc32"] = self.channel_crc
            data["uid_crc32"] = self.uid_crc
        return data


def privileges_from(
    values: Mapping[int, int], names: Mapping[int, str], to_time: Any
) -> tuple[Privilege, ...]:
    """Name each privilege (unknown numbers keep their number) and turn values into times."""
    return tuple(
        Privilege(names.get(key, f"privilege{key}"), to_time(value))
        for key, value in sorted(values.items())
    )
