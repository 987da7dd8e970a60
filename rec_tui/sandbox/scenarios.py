"""Scenario switches: the sandbox reproduces the failures customers report, on purpose.

The reasons a recorder ends (:attr:`Exit.detail`) are marked for the catalogue: the sandbox's
service says them in English as Agora would (it answers inside ``english()``), the Send
panel's scenario note in the language rec-tui speaks.

Three switches, each decided when ``start`` succeeds, for individual and mix recordings (a
web recorder records a page, not the channel, so none applies to it):

* **Certificate enabled.** App IDs of 32 hexadecimal characters starting with ``cafe`` (any
  case), and the App IDs given to ``sandbox serve --certificate-for``, have an App
  Certificate: :func:`sandbox_certificate` derives it from the App ID and a fixed sandbox
  secret, so ``rec-tui token build --sandbox`` mints the same one offline. A start without a
  token that this certificate signed for the body's cname and uid, unexpired, still answers
  200 with a sid, as Agora does; the recorder cannot join and leaves after
  :data:`LEAVE_SECONDS`, and from then on query, update, updateLayout and stop answer
  404 "failed to find worker".
* **Nobody publishing.** In a channel whose name starts with ``empty-`` nobody publishes:
  the recorder exits after the body's ``maxIdleTime`` (30 s by default); from then on query
  and the updates answer 404, and stop — before or after the exit — answers 206 with code
  435 ("no recorded data").
* **The recorder's uid reused.** The sandbox pretends users 1001 and 1002 (plus any given to
  ``sandbox serve --client-uid``) are in every channel; a recorder whose uid is one of them
  is kicked out when that client (re)joins, :data:`KICK_SECONDS` after start: query and the
  updates then answer 404 "failed to find worker" and stop answers 400 with code 49 (the
  task is already exiting).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any, Final, Literal

from rec_tui.i18n import _
from rec_tui.sandbox.answers import PRETEND_UIDS
from rec_tui.spec.modes import Mode

CERTIFIED_PREFIX: Final = "cafe"
EMPTY_CHANNEL_PREFIX: Final = "empty-"
# After start: when a recorder that cannot join gives up, and when a client with its uid joins.
# Agora asks for the first query 5 s after start; a recorder that cannot join is gone by
# then, so the recommended first query already shows the 404 (sooner reads as "not ready").
LEAVE_SECONDS: Final = 5.0
KICK_SECONDS: Final = 3.0
DEFAULT_MAX_IDLE_SECONDS: Final = 30
# The fixed secret every sandbox certificate is derived from. Not a secret of anyone's: the
# sandbox's certificates must be reproducible offline by `token build --sandbox`.
_CERTIFICATE_SECRET: Final = b"rec-tui sandbox App Certificate v1"
_HEX32: Final = re.compile(r"[0-9a-fA-F]{32}")

ExitReason = Literal["left", "idle", "kicked"]


@dataclass(frozen=True, slots=True)
class Exit:
    """How and when a started recorder ends by itself."""

    reason: ExitReason
    at: float
    detail: str


def is_app_id(value: str) -> bool:
    """Whether ``value`` has the shape of an App ID (32 hexadecimal characters)."""
    return bool(_HEX32.fullmatch(value))


def sandbox_certificate(app_id: str) -> str:
    """The App Certificate the sandbox gives ``app_id``: the same on every machine."""
    digest = hmac.new(_CERTIFICATE_SECRET, app_id.casefold().encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Scenarios:
    """Which App IDs have a certificate and which uids the pretend clients use."""

    certified_app_ids: frozenset[str] = frozenset()
    client_uids: tuple[str, ...] = PRETEND_UIDS

    def with_options(self, certified_app_ids: list[str], client_uids: list[str]) -> Scenarios:
        """These scenarios plus more certified App IDs and client uids."""
        return Scenarios(
            self.certified_app_ids | {a.casefold() for a in certified_app_ids},
            tuple(dict.fromkeys([*self.client_uids, *client_uids])),
        )

    def certificate_enabled(self, app_id: str) -> bool:
        folded = app_id.casefold()
        if folded in self.certified_app_ids:
            return True
        return is_app_id(app_id) and folded.startswith(CERTIFIED_PREFIX)

    def exit_of(self, app_id: str, mode: Mode, body: dict[str, Any], now: float) -> Exit | None:
        """How a recording started now with ``body`` will end by itself; None: it will not."""
        if mode == "web":
            return None
        cname, uid = str(body.get("cname", "")), str(body.get("uid", ""))
        if self.certificate_enabled(app_id):
            refusal = token_refusal(app_id, cname, uid, _token_of(body), now)
            if refusal is not None:
                return Exit("left", now + LEAVE_SECONDS, refusal)
        if uid in self.client_uids:
            detail = _("a client joined channel {cname} with the recorder's uid {uid}").format(
                cname=repr(cname), uid=uid
            )
            return Exit("kicked", now + KICK_SECONDS, detail)
        if cname.startswith(EMPTY_CHANNEL_PREFIX):
            idle = _max_idle_time(body)
            detail = _("nobody published in channel {cname} for maxIdleTime ({idle} s)").format(
                cname=repr(cname), idle=idle
            )
            return Exit("idle", now + idle, detail)
        return None


def token_refusal(app_id: str, cname: str, uid: str, token: str, now: float) -> str | None:
    """Why the recorder cannot join ``cname`` as ``uid`` with ``token``; None: it can."""
    from rec_tui.tokens import TokenError, check_token, verify_token

    if not token:
        return _("no RTC token, and the App ID has an App Certificate")
    try:
        signed = verify_token(token, sandbox_certificate(app_id), channel=cname, uid=uid)
    except TokenError as error:
        return _("the RTC token cannot be read: {error}").format(error=error)
    if not signed:
        return _("the RTC token was not signed with this App ID's sandbox certificate")
    findings = check_token(token, app_id, cname, uid, at=now)
    return findings[0].message if findings else None


def _token_of(body: dict[str, Any]) -> str:
    request = body.get("clientRequest")
    token = request.get("token") if isinstance(request, dict) else None
    return token if isinstance(token, str) else ""


def _max_idle_time(body: dict[str, Any]) -> int:
    request = body.get("clientRequest")
    config = request.get("recordingConfig") if isinstance(request, dict) else None
    idle = config.get("maxIdleTime") if isinstance(config, dict) else None
    return (
        idle if isinstance(idle, int) and not isinstance(idle, bool) else DEFAULT_MAX_IDLE_SECONDS
    )
