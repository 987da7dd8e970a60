"""The RTC token in ``clientRequest.token`` read as it is typed: does it fit the request?

Not a rule of the spec's tables (they say only that a token must be built for the cname and
uid, R16 and codes 109/110), so it warns and never refuses: the token is decoded (no
certificate needed) and compared with the App ID of the URL when it is known, the body's
cname and uid, and the time. A token built for another channel is a certain failure on a
project with an App Certificate; without one Agora does not read the token at all, which
is why none of this is an error. A token that cannot be decoded is not reported here:
bodies are full of placeholders ("<token if any>") and shortened example tokens, and an
unreadable token is a finding of ``rec-tui diagnose`` (``token-malformed``) where the
material shows it mattered.
"""

from __future__ import annotations

import time

from rec_tui.i18n import N_, _
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.context import CR, Context

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

TOKEN_PATH: Final = f"{CR}.token"
_HINTS: Final = {
    "token-app-mismatch": N_("Build the token with this App ID and its App Certificate."),
    "token-channel-mismatch": N_(
        "Build the token for this cname, or generate one for this recorder (Session step)."
    ),
    "token-uid-mismatch": N_(
        "Build the token for the recorder's own uid (or uid 0), or generate one for this "
        "recorder (Session step)."
    ),
    "token-expired": N_(
        "Build a fresh token that outlives the recording: a token cannot be renewed while "
        "recording."
    ),
}


@rule("R131", "body.token.fits", "W", N_("the RTC token is unreadable or made for another request"))
def token_fits(ctx: Context, out: Findings) -> None:
    from rec_tui.tokens import check_token, looks_like_token

    token = ctx.string(TOKEN_PATH)
    if token is None or not token.strip():
        return  # no token: R16's business
    if not looks_like_token(token):
        return  # a placeholder: unreadable, and not reported here (see above)
    now = ctx.session.now if ctx.session.now is not None else time.time()
    cname, uid = ctx.raw("cname"), ctx.raw("uid")
    for found in check_token(
        token,
        ctx.session.app_id or "",
        cname if isinstance(cname, str) else "",
        str(uid) if isinstance(uid, str | int) and not isinstance(uid, bool) else "",
        at=now,
    ):
        if found.id in _HINTS and _judgeable(found.id, cname, uid):
            out.warning(TOKEN_PATH, found.message, _(_HINTS[found.id]))


def _judgeable(finding: str, cname: object, uid: object) -> bool:
    """A comparison with a cname or uid the body lacks is R9's or R10's to report."""
    if finding == "token-channel-mismatch":
        return isinstance(cname, str) and cname != ""
    if finding == "token-uid-mismatch":
        return uid not in (None, "")
    return True
