"""Agora RTC tokens: decode (no certificate needed), verify, build, and check against a request.

``decode_token(text)`` reads an AccessToken2 (``007…``) or an AccessToken (``006…``);
``verify_token`` checks its signature with the App Certificate; ``build_rtc_token`` mints an
RTC AccessToken2 for the recorder; ``check_token`` says what does not fit a request (App ID,
channel, uid, expiry). Every failure is a :class:`TokenError` whose message says what is
wrong without quoting the token or the certificate. ``looks_like_token`` tells a token
from a placeholder ("<token if any>") without loading the readers.

The readers and the data classes are imported when first used: checking a body whose
token is a placeholder (``rec-tui validate``) then imports none of them.
"""

from __future__ import annotations

import re
import time as _time

from rec_tui import lazy_names
from rec_tui.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rec_tui.tokens.check import TokenFinding
    from rec_tui.tokens.model import DecodedToken, Privilege, ServiceGrant, TokenError

__all__ = [
    "DecodedToken",
    "Privilege",
    "ServiceGrant",
    "TokenError",
    "TokenFinding",
    "build_rtc_token",
    "check_token",
    "decode_token",
    "looks_like_token",
    "verify_token",
]

# The versions rec-tui reads: access_token2.VERSION and access_token.VERSION, written out
# here so that telling a token from a placeholder imports neither reader.
VERSIONS = ("007", "006")

# Each re-exported class, with the module (under this package) that defines it.
_MODULE_OF = {
    **dict.fromkeys(("DecodedToken", "Privilege", "ServiceGrant", "TokenError"), "model"),
    "TokenFinding": "check",
}


__getattr__ = lazy_names.loader(__name__, _MODULE_OF)


def looks_like_token(text: str) -> bool:
    """True when ``text``, read as pasted, starts as a token rec-tui reads (007 or 006);
    :func:`decode_token` refuses anything else before reading further."""
    return pasted_token(text)[:3] in VERSIONS


_HEX32 = r"[0-9a-fA-F]{32}"  # compiled when a token is first built (through re's cache)
MAX_UID = 2**32 - 1


def decode_token(text: str) -> DecodedToken:
    """What ``text`` says, read as it is usually pasted (see :func:`pasted_token`)."""
    from rec_tui.tokens import access_token, access_token2
    from rec_tui.tokens.model import TokenError

    token = pasted_token(text)
    if not token:
        raise TokenError(_("the token is empty"))
    version, body = token[:3], token[3:]
    if version == access_token2.VERSION:
        return access_token2.decode(body)
    if version == access_token.VERSION:
        return access_token.decode(body)
    if version.isdigit():
        raise TokenError(
            _(
                "token version {version} is not one rec-tui reads: Agora RTC tokens start with "
                "007 (AccessToken2) or 006 (AccessToken)"
            ).format(version=version)
        )
    raise TokenError(
        _(
            "this is not an Agora RTC token: tokens start with 007 (AccessToken2) or 006 "
            "(AccessToken); a token copied in part or with extra text around it cannot be read"
        )
    )


def pasted_token(text: str) -> str:
    """The token in ``text`` as pasted: quotes and line breaks dropped, URL escapes undone.

    A token copied from a URL query often has ``%2B`` for ``+``, or spaces where a ``+``
    was decoded as a space; base64 never contains a space, so a space can only be a ``+``.
    """
    token = text.strip().strip("\"'")
    if "%" in token:
        import urllib.parse  # only for a token copied from a URL

        token = urllib.parse.unquote(token)
    return re.sub(r"[\r\n\t]", "", token).replace(" ", "+")


def verify_token(
    text: str, certificate: str, *, channel: str | None = None, uid: str | None = None
) -> bool:
    """True when the token's signature was made with ``certificate``.

    A 006 token signs its channel and uid without carrying them, so they must be given
    (``channel`` and ``uid``); otherwise a :class:`TokenError` says so.
    """
    from rec_tui.tokens import access_token, access_token2
    from rec_tui.tokens.model import TokenError

    _check_hex32(certificate, "App Certificate")
    token = decode_token(text)
    if token.version == access_token2.VERSION:
        return access_token2.signature_matches(token, certificate)
    if channel is None or uid is None:
        raise TokenError(
            _(
                "a 006 token does not carry its channel name and uid: give both to check its "
                "signature"
            )
        )
    return access_token.signature_matches(token, certificate, channel, uid)


def build_rtc_token(
    app_id: str,
    certificate: str,
    channel: str,
    uid: str | int,
    *,
    expire: int = 86_400,
    publisher: bool = True,
    issued_at: int | None = None,
    salt: int | None = None,
) -> str:
    """An RTC AccessToken2 for ``channel`` and ``uid`` (0 = any uid), valid ``expire`` seconds.

    ``issued_at`` and ``salt`` are for reproducing a known token; by default they are now
    and a random number, as in Agora's builders.
    """
    from rec_tui.tokens import access_token2
    from rec_tui.tokens.model import TokenError

    _check_hex32(app_id, "App ID")
    _check_hex32(certificate, "App Certificate")
    if not channel:
        raise TokenError(_("the channel name is empty"))
    uid_text = str(uid).strip()
    if uid_text.isdigit() and int(uid_text) > MAX_UID:
        raise TokenError(
            _("uid {uid} is larger than the largest uid, {largest}").format(
                uid=uid_text, largest=MAX_UID
            )
        )
    if not 1 <= expire <= 0xFFFFFFFF:
        raise TokenError(_("the expiry must be a positive number of seconds"))
    now = int(_time.time()) if issued_at is None else issued_at
    return access_token2.build_rtc(
        app_id,
        certificate,
        channel,
        str(int(uid_text)) if uid_text.isdigit() else uid_text,
        expire=expire,
        publisher=publisher,
        issued_at=now,
        salt=salt,
    )


def check_token(
    text: str, app_id: str, channel: str, uid: str | int, at: float | None = None
) -> list[TokenFinding]:
    """What in the token does not fit a recorder joining ``channel`` as ``uid`` of ``app_id``.

    Empty when it fits. An unreadable token gives one ``token-malformed`` finding. ``at``
    is the Unix time to judge expiry at (the time of the request; now by default).
    """
    from rec_tui.tokens.check import TokenFinding, check_decoded
    from rec_tui.tokens.model import TokenError

    try:
        token = decode_token(text)
    except TokenError as error:
        message = _("The RTC token cannot be read: {error}.").format(error=error)
        return [TokenFinding("token-malformed", message)]
    when = _time.time() if at is None else at
    return check_decoded(token, app_id, channel, str(uid).strip(), when)


def _check_hex32(value: str, name: str) -> None:
    from rec_tui.tokens.model import TokenError

    if not re.fullmatch(_HEX32, value):
        raise TokenError(
            _("the {name} must be 32 hexadecimal characters (it has {length})").format(
                name=name, length=len(value)
            )
        )
