"""Does a decoded token fit a recorder's request? Findings name what differs."""

from __future__ import annotations

from dataclasses import dataclass

from rec_tui.i18n import _, moment
from rec_tui.tokens import access_token
from rec_tui.tokens.model import DecodedToken, ServiceGrant


@dataclass(frozen=True, slots=True)
class TokenFinding:
    """One mismatch. ``id`` is one of the fixed diagnosis ids (``token-app-mismatch``, …)."""

    id: str
    message: str


def check_decoded(
    token: DecodedToken, app_id: str, channel: str, uid: str, at: float
) -> list[TokenFinding]:
    findings: list[TokenFinding] = []
    if app_id and token.app_id.casefold() != app_id.casefold():
        findings.append(
            TokenFinding(
                "token-app-mismatch",
                _(
                    "The token was made for App ID {token_app_id}, not {app_id}: the recorder "
                    "cannot join with it."
                ).format(token_app_id=token.app_id, app_id=app_id),
            )
        )
    rtc = token.service("rtc")
    if rtc is None:
        findings.append(
            TokenFinding(
                "token-channel-mismatch",
                _(
                    "The token grants no RTC channel at all (it holds only {services} services): "
                    "build an RTC token for the recorder."
                ).format(services=", ".join(s.type for s in token.services)),
            )
        )
    elif token.version == access_token.VERSION:
        findings.extend(_checksums(token, channel, uid))
    else:
        findings.extend(_names(rtc, channel, uid))
    ended = ended_at(token, rtc)
    if ended is not None and at >= ended:
        findings.append(
            TokenFinding(
                "token-expired",
                _(
                    "The token expired at {ended}, before {at}: build a new one that outlives the "
                    "recording."
                ).format(ended=moment(ended, utc=True), at=moment(at, utc=True)),
            )
        )
    return findings


def _names(rtc: ServiceGrant, channel: str, uid: str) -> list[TokenFinding]:
    findings = []
    if rtc.channel != channel:
        findings.append(
            TokenFinding(
                "token-channel-mismatch",
                _('The token is for channel "{token}", but the recorder joins "{channel}".').format(
                    token=rtc.channel, channel=channel
                ),
            )
        )
    if not rtc.uid_is_any and _same_uid(rtc.uid or "", uid) is False:
        findings.append(
            TokenFinding(
                "token-uid-mismatch",
                _(
                    "The token is for uid {token_uid}, but the recorder joins as uid {uid}: "
                    "build the token for the recorder's own uid (or uid 0 for any)."
                ).format(token_uid=rtc.uid, uid=uid or 0),
            )
        )
    return findings


def _checksums(token: DecodedToken, channel: str, uid: str) -> list[TokenFinding]:
    findings = []
    if token.channel_crc != access_token.crc(channel):
        findings.append(
            TokenFinding(
                "token-channel-mismatch",
                _(
                    'The 006 token was not made for channel "{channel}" (its channel checksum '
                    "differs)."
                ).format(channel=channel),
            )
        )
    uid_crc = token.uid_crc
    if uid_crc != access_token.crc("") and uid_crc != access_token.crc(access_token.uid_text(uid)):
        findings.append(
            TokenFinding(
                "token-uid-mismatch",
                _("The 006 token was not made for uid {uid} (its uid checksum differs).").format(
                    uid=uid or 0
                ),
            )
        )
    return findings


def _same_uid(token_uid: str, uid: str) -> bool:
    if token_uid.isdigit() and uid.isdigit():
        return int(token_uid) == int(uid)
    return token_uid == uid


def ended_at(token: DecodedToken, rtc: ServiceGrant | None) -> int | None:
    join = rtc.privilege("joinChannel") if rtc else None
    ends = [t for t in (token.expires_at, join.expires_at if join else None) if t is not None]
    return min(ends) if ends else None
