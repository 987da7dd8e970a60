"""Whether a recorder could join with a token minted for a channel name and uid.

Agora's builders sign any text, so a token for a channel name of 64 bytes or a uid like
``"alice"`` is minted and then fails at start with 1013 or 110. The check runs the body's
own rules (R11 for the channel name, R13 for the uid) on the two values, so what a token is
made for and what ``validate`` accepts cannot drift apart. It sits above the token code,
which the rules themselves use (R131 reads tokens).
"""

from __future__ import annotations

from rec_tui.i18n import _

# The uid of a token any uid may join with; the UID check (R13) refuses it for a recorder.
ANY_UID = "0"
# The rules a token's channel name and uid must pass (R11, R13), channel first.
_RTC_RULES = ("body.cname.rtc_channel", "body.uid.range")


def refuse_unjoinable(channel: str, uid: str | int) -> None:
    """Raise :class:`~rec_tui.tokens.model.TokenError` naming what R11 or R13 refuses in
    ``channel`` and ``uid``. Leading zeros only warn there (the uid is read as the number),
    and uid 0 is the token's "any uid"."""
    from rec_tui.spec.rules import by_name, run
    from rec_tui.spec.rules.context import Context
    from rec_tui.tokens.model import TokenError

    uid_text = str(uid).strip()
    names = _RTC_RULES if uid_text != ANY_UID else _RTC_RULES[:1]
    # Mix mode: the token is for the RTC channel, which R11 judges in individual and mix
    # modes alike (in web mode the cname is a label, and no token is needed).
    context = Context("mix", {"cname": channel, "uid": uid_text})
    refusals: list[str] = []
    for name in names:
        found = by_name(name)
        assert found is not None, f"no rule {name}"
        refusals.extend(
            _("{reason} {hint}").format(reason=problem.message, hint=problem.hint)
            for problem in run(found, context)
            if problem.is_error
        )
    if refusals:
        # One line each: the channel's and the uid's refusals ran together as one paragraph.
        raise TokenError("\n  ".join(refusals).rstrip("."))
