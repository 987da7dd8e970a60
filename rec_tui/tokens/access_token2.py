"""Agora's AccessToken2 (tokens starting ``007``): read, sign and build.

Layout, as Agora describes it and its reference builders write it: ``"007"`` followed by
base64 of zlib-compressed bytes. Those bytes are the HMAC-SHA256 signature (length-prefixed)
and then the signed part: App ID, issue time, expiry (seconds after issue), salt, and the
services, each a type number, a map of privilege number to seconds after issue (0 = as long
as the token), and the service's own fields (RTC: channel name and uid as text, "" for 0).
The signing key is HMAC(uint32 salt, HMAC(uint32 issue time, certificate)).
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Callable

from rec_tui.i18n import _
from rec_tui.tokens.model import (
    DecodedToken,
    ServiceGrant,
    TokenError,
    privileges_from,
)
from rec_tui.tokens.wire import Reader, pack_bytes, pack_uint16, pack_uint32, pack_uint32_map

VERSION = "007"

RTC = 1
_RTC_PRIVILEGES = {
    1: "joinChannel",
    2: "publishAudioStream",
    3: "publishVideoStream",
    4: "publishDataStream",
}
_PUBLISH_PRIVILEGES = (2, 3, 4)

# Each service: its name, privilege names, and how its own fields follow the privileges.
_Reading = Callable[[Reader], dict[str, str | None]]


def _channel_and_uid(reader: Reader) -> dict[str, str | None]:
    return {"channel": reader.text("channel name"), "uid": reader.text("uid")}


def _user(reader: Reader) -> dict[str, str | None]:
    return {"account": reader.text("user id")}


def _nothing(reader: Reader) -> dict[str, str | None]:
    return {}


def _education(reader: Reader) -> dict[str, str | None]:
    room, user = reader.text("room uuid"), reader.text("user uuid")
    role = reader.int16("role")
    return {"account": f"room {room}, user {user}, role {role}"}


_SERVICES: dict[int, tuple[str, dict[int, str], _Reading]] = {
    RTC: ("rtc", _RTC_PRIVILEGES, _channel_and_uid),
    2: ("rtm", {1: "login"}, _user),
    3: ("streaming", {1: "publishMixStream", 2: "publishRawStream"}, _channel_and_uid),
    4: ("fpa", {1: "login"}, _nothing),
    5: ("chat", {1: "user", 2: "app"}, _user),
    7: ("education", {1: "roomUser", 2: "user", 3: "app"}, _education),
}


def unpack(body: str) -> bytes:
    """The signature and signed part of a 007 token (the text after ``007``)."""
    try:
        compressed = base64.b64decode(body.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as error:
        raise TokenError(
            _("the text after 007 is not base64: the token was changed or cut when it was copied")
        ) from error
    try:
        return zlib.decompress(compressed)
    except zlib.error as error:
        raise TokenError(
            _(
                "the token's content does not unpack (zlib): it was changed or cut when it was "
                "copied"
            )
        ) from error


def decode(body: str) -> DecodedToken:
    raw = unpack(body)
    reader = Reader(raw)
    signature = reader.bytes_field("signature")
    signed_from = reader.position
    app_id = reader.text("App ID")
    issued_at = reader.uint32("issue time")
    expire = reader.uint32("expiry")
    salt = reader.uint32("salt")
    services = tuple(
        _read_service(reader, issued_at, expire) for _ in range(reader.uint16("number of services"))
    )
    if reader.remaining:
        raise TokenError(
            _("the token has {count} unexpected bytes after its services").format(
                count=reader.remaining
            )
        )
    return DecodedToken(
        version=VERSION,
        app_id=app_id,
        issued_at=issued_at,
        expires_at=issued_at + expire if expire else None,
        salt=salt,
        services=services,
        signature=signature,
        signed=raw[signed_from:],
    )


def _read_service(reader: Reader, issued_at: int, expire: int) -> ServiceGrant:
    type_id = reader.uint16("service type")
    known = _SERVICES.get(type_id)
    if known is None:
        raise TokenError(
            _("the token holds a service of type {type}, which rec-tui cannot read").format(
                type=type_id
            )
        )
    name, privilege_names, read_fields = known
    values = reader.uint32_map(f"{name} privileges")

    def to_time(seconds: int) -> int | None:
        if seconds:
            return issued_at + seconds
        return issued_at + expire if expire else None

    privileges = privileges_from(values, privilege_names, to_time)
    return ServiceGrant(name, type_id, privileges, **read_fields(reader))


def signing_key(certificate: str, issued_at: int, salt: int) -> bytes:
    import hashlib  # hashing loads OpenSSL: only for verifying or building a token
    import hmac

    inner = hmac.new(pack_uint32(issued_at), certificate.encode("utf-8"), hashlib.sha256)
    return hmac.new(pack_uint32(salt), inner.digest(), hashlib.sha256).digest()


def signature_matches(token: DecodedToken, certificate: str) -> bool:
    import hashlib  # hashing loads OpenSSL: only for verifying or building a token
    import hmac

    assert token.issued_at is not None
    key = signing_key(certificate, token.issued_at, token.salt)
    expected = hmac.new(key, token.signed, hashlib.sha256).digest()
    return hmac.compare_digest(expected, token.signature)


def build_rtc(
    app_id: str,
    certificate: str,
    channel: str,
    uid: str,
    *,
    expire: int,
    publisher: bool,
    issued_at: int,
    salt: int | None = None,
) -> str:
    """An RTC AccessToken2: join (and, for a publisher, publish) for ``expire`` seconds.

    ``uid`` is the uid as text; "0" or "" builds a token any uid may use.
    """
    import hashlib  # hashing loads OpenSSL: only for verifying or building a token
    import hmac
    import secrets

    uid_text = "" if uid in ("", "0") else uid
    privileges = {1: expire}
    if publisher:
        privileges.update(dict.fromkeys(_PUBLISH_PRIVILEGES, expire))
    service = (
        pack_uint16(RTC)
        + pack_uint32_map(privileges)
        + pack_bytes(channel.encode("utf-8"))
        + pack_bytes(uid_text.encode("utf-8"))
    )
    chosen_salt = salt if salt is not None else secrets.randbelow(99_999_999) + 1
    signed = (
        pack_bytes(app_id.encode("utf-8"))
        + pack_uint32(issued_at)
        + pack_uint32(expire)
        + pack_uint32(chosen_salt)
        + pack_uint16(1)
        + service
    )
    key = signing_key(certificate, issued_at, chosen_salt)
    signature = hmac.new(key, signed, hashlib.sha256).digest()
    packed = zlib.compress(pack_bytes(signature) + signed)
    return VERSION + base64.b64encode(packed).decode("ascii")
