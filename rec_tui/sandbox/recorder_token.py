"""An RTC token for the recorder a draft describes, signed with the App Certificate that
the draft's endpoint checks tokens with.

For the built-in sandbox that is the sandbox's own certificate for the App ID (derived,
not a secret: ``rec-tui token build --sandbox`` uses the same); for Agora it is the
user's: ``AGORA_APP_CERTIFICATE``, else the keyring's ``app_certificate``. The certificate
is never part of a message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from rec_tui.i18n import _
from rec_tui.request.endpoints import resolve
from rec_tui.sandbox.scenarios import is_app_id, sandbox_certificate
from rec_tui.store.secrets import (
    APP_CERTIFICATE_ENTRY,
    APP_CERTIFICATE_ENV,
    SecretStore,
    SecretStoreError,
)
from rec_tui.tokens import TokenError, build_rtc_token

if TYPE_CHECKING:
    from rec_tui.request.draft import Draft

TOKEN_PATH: Final = "clientRequest.token"
TOKEN_LIFETIME_SECONDS: Final = 24 * 3600


@dataclass(frozen=True, slots=True)
class Certificate:
    """An App Certificate and, in words, where it came from."""

    value: str = field(repr=False)
    source: str


def certificate_for(
    endpoint: str,
    app_id: str,
    store: Callable[[], SecretStore] | None,
    environ: Mapping[str, str] | None = None,
) -> Certificate | None:
    """The certificate tokens for ``app_id`` at ``endpoint`` are checked with, if known;
    ``store`` opens the secret store, only when it is needed."""
    try:
        sandbox = resolve(endpoint).sandbox
    except ValueError:
        return None
    if sandbox:
        if not is_app_id(app_id):
            return None
        return Certificate(
            sandbox_certificate(app_id), _("the sandbox's certificate for this App ID")
        )
    env = os.environ if environ is None else environ
    if env.get(APP_CERTIFICATE_ENV):
        return Certificate(env[APP_CERTIFICATE_ENV], APP_CERTIFICATE_ENV)
    if store is None:
        return None
    try:
        stored = store().get(APP_CERTIFICATE_ENTRY)
    except SecretStoreError:
        return None
    return Certificate(stored, _("the keyring")) if stored else None


def recorder_token(draft: Draft, certificate: Certificate, *, now: int | None = None) -> str:
    """An RTC token for the draft's App ID, cname and uid, valid for a day.

    Raises :class:`TokenError` saying what is missing (App ID, cname or uid).
    """
    if not draft.app_id:
        raise TokenError(_("type the App ID first (Session step): the token is made for it"))
    cname, uid = draft.get("cname"), draft.get("uid")
    if not isinstance(cname, str) or not cname:
        raise TokenError(_("type the channel name (cname) first: the token is made for it"))
    if not isinstance(uid, str | int) or isinstance(uid, bool) or str(uid).strip() == "":
        raise TokenError(_("type the recorder's uid first: the token is made for it"))
    from rec_tui.request.token_identity import refuse_unjoinable

    refuse_unjoinable(cname, str(uid))
    return build_rtc_token(
        draft.app_id,
        certificate.value,
        cname,
        str(uid).strip(),
        expire=TOKEN_LIFETIME_SECONDS,
        issued_at=now,
    )
