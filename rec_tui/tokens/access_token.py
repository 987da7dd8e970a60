"""Agora's older AccessToken (tokens starting ``006``): read and check the signature.

Layout, as Agora's reference builders write it: ``"006"``, the 32-character App ID, then
base64 of: the HMAC-SHA256 signature (length-prefixed), CRC32 of the channel name, CRC32 of
the uid text ("" for uid 0), and a length-prefixed message of salt, a timestamp (the
builders set it 24 hours ahead: the token is not valid after it) and a map of privilege
number to the Unix time it ends (0 = never). The signature is HMAC(certificate, App ID +
channel + uid text + message), so checking it needs the channel and uid.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from rec_tui.i18n import _
from rec_tui.tokens.model import DecodedToken, ServiceGrant, TokenError, privileges_from
from rec_tui.tokens.wire import Reader

VERSION = "006"
APP_ID_LENGTH = 32

_PRIVILEGES = {
    1: "joinChannel",
    2: "publishAudioStream",
    3: "publishVideoStream",
    4: "publishDataStream",
    5: "publishAudioCdn",
    6: "publishVideoCdn",
    7: "requestPublishAudioStream",
    8: "requestPublishVideoStream",
    9: "requestPublishDataStream",
    10: "invitePublishAudioStream",
    11: "invitePublishVideoStream",
    12: "invitePublishDataStream",
    101: "administrateChannel",
    1000: "rtmLogin",
}


def decode(body: str) -> DecodedToken:
    app_id, content = body[:APP_ID_LENGTH], body[APP_ID_LENGTH:]
    if len(app_id) < APP_ID_LENGTH or not content:
        raise TokenError(
            _("the token is cut short: a 006 token has a 32-character App ID and more")
        )
    try:
        raw = base64.b64decode(content.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as error:
        raise TokenError(
            _(
                "the text after the App ID is not base64: the token was changed or cut when it "
                "was copied"
            )
        ) from error
    reader = Reader(raw)
    signature = reader.bytes_field("signature")
    channel_crc = reader.uint32("channel checksum")
    uid_crc = reader.uint32("uid checksum")
    message = reader.bytes_field("message")
    if reader.remaining:
        raise TokenError(
            _("the token has {count} unexpected bytes after its message").format(
                count=reader.remaining
            )
        )
    fields = Reader(message)
    salt = fields.uint32("salt")
    timestamp = fields.uint32("timestamp")
    privileges = privileges_from(
        fields.uint32_map("privileges"), _PRIVILEGES, lambda at: at or None
    )
    return DecodedToken(
        version=VERSION,
        app_id=app_id,
        issued_at=None,
        expires_at=timestamp,
        salt=salt,
        services=(ServiceGrant("rtc", 1, privileges),),
        signature=signature,
        signed=message,
        channel_crc=channel_crc,
        uid_crc=uid_crc,
    )


def uid_text(uid: str) -> str:
    return "" if uid in ("", "0") else uid


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF


def signature_matches(token: DecodedToken, certificate: str, channel: str, uid: str) -> bool:
    import hashlib  # hashing loads OpenSSL: only for verifying or building a token
    import hmac

    material = (token.app_id + channel + uid_text(uid)).encode("utf-8") + token.signed
    expected = hmac.new(certificate.encode("utf-8"), material, hashlib.sha256).digest()
    return hmac.compare_digest(expected, token.signature)
