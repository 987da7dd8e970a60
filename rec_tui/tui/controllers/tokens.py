""" "Generate a token for this recorder" (Session step button, palette): an RTC token for
the draft's App ID, cname and uid, put in ``clientRequest.token`` as one undoable change.

The certificate is the one the draft's endpoint checks tokens with (see
:mod:`rec_tui.sandbox.recorder_token`); it is never shown, only where it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rec_tui.sandbox.recorder_token import Certificate
    from rec_tui.tui.app import RecTuiApp

from rec_tui.i18n import N_, LazyText, _

NO_CERTIFICATE = N_(
    "No App Certificate is known for this App ID, so rec-tui cannot sign a token. Set "
    "AGORA_APP_CERTIFICATE or store it with `rec-tui token certificate`; in the sandbox, "
    "any App ID of 32 hexadecimal characters has one."
)


def offered_at_once(app: RecTuiApp) -> bool | None:
    """Whether a certificate is known, when that can be told without the keyring or the
    sandbox's code (the Session step asks right after the first frame): the sandbox has one
    for every App ID of 32 hexadecimal characters, the environment may hold one. None: the
    keyring must be asked (in a thread)."""
    import os
    import re

    from rec_tui.request.endpoints import resolve
    from rec_tui.store.secrets import APP_CERTIFICATE_ENV

    draft = app.draft
    try:
        sandbox = resolve(draft.endpoint).sandbox
    except ValueError:
        return False
    if sandbox:
        return re.fullmatch(r"[0-9a-fA-F]{32}", draft.app_id) is not None
    return True if os.environ.get(APP_CERTIFICATE_ENV) else None


def known_certificate(app: RecTuiApp) -> Certificate | None:
    """The certificate for the draft's endpoint and App ID (the keyring is read without
    the one-time keyring notice: looking is not yet using)."""
    from rec_tui.sandbox.recorder_token import certificate_for

    draft = app.draft
    return certificate_for(draft.endpoint, draft.app_id, app.files.quiet_store)


def generate_token(app: RecTuiApp) -> None:
    from rec_tui.sandbox.recorder_token import TOKEN_LIFETIME_SECONDS, TOKEN_PATH, recorder_token
    from rec_tui.tokens import TokenError

    certificate = known_certificate(app)
    if certificate is None:
        app.notify(_(NO_CERTIFICATE), title=_("No token generated"), severity="warning", timeout=15)
        return
    draft = app.draft
    try:
        token = recorder_token(draft, certificate)
    except TokenError as error:
        app.notify(
            _("No token generated: {error}.").format(error=error), severity="warning", timeout=12
        )
        return
    draft.set_many(
        [(TOKEN_PATH, token)],
        description=LazyText(lambda: _("generate an RTC token for this recorder")),
    )
    hours = TOKEN_LIFETIME_SECONDS // 3600
    app.notify(
        _(
            "Put an RTC token for channel {cname}, uid {uid} in clientRequest.token, valid "
            "{hours} h, signed with {certificate} (Ctrl+Z takes it back)."
        ).format(
            cname=repr(draft.get("cname")),
            uid=draft.get("uid"),
            hours=hours,
            certificate=certificate.source,
        ),
        timeout=10,
    )
