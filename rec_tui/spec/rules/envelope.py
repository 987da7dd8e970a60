"""Envelope rules (spec 3.1): cname, uid, clientRequest and token — R9–R14, R16, R130.

R15 (`body.token.web`) is retired: the seed's and the docs' web examples carry a token and
it does no harm, so the number is kept in the spec but no rule is registered for it.
The session rules of the same table (R1–R8) need acquire data or the clock and live with
the sending code; R1 (bad mode) is reported by ``validate()`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from rec_tui.i18n import N_, _
from rec_tui.spec import jsonpath
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.checks import UID_MAX, UidVerdict, check_uid, report_uid
from rec_tui.spec.rules.context import CR, REC, TC, Context

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WEB_CNAME_MAX_BYTES = 1024
SEED_WEB_CNAME_MAX_BYTES = 128
RTC_CNAME_LIMIT_BYTES = 64  # the channel name must be *under* 64 bytes
RTC_CNAME_PUNCTUATION = frozenset(" !#$%&()+-:;<=.>?@[]^_{}|~,")

_SUBSCRIPTION_LISTS = (
    "subscribeAudioUids",
    "unSubscribeAudioUids",
    "subscribeVideoUids",
    "unSubscribeVideoUids",
)


def _is_rtc_channel_char(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or char in RTC_CNAME_PUNCTUATION


@rule("R9", "body.cname.required", "E", N_("cname missing, empty or not a string"))
def cname_required(ctx: Context, out: Findings) -> None:
    if ctx.string("cname") is None:
        out.error(
            "cname",
            _("Channel name (cname) is required."),
            _(
                'Add "cname" as a non-empty string: the RTC channel name (individual, mix) or a '
                "session label (web), exactly as sent in acquire."
            ),
        )


@rule("R10", "body.cname.web_len", "E/W", N_("web cname longer than 1024 (E) / 128 (W) bytes"))
def cname_web_length(ctx: Context, out: Findings) -> None:
    cname = ctx.string("cname")
    if ctx.mode != "web" or cname is None:
        return
    size = len(cname.encode("utf-8"))
    if size > WEB_CNAME_MAX_BYTES:
        out.error(
            "cname",
            _(
                "A web cname may be at most 1024 bytes (current docs); this one is {size} bytes."
            ).format(size=size),
            _("Shorten cname to at most 1024 bytes of UTF-8 (128 to be safe with older servers)."),
        )
    elif size > SEED_WEB_CNAME_MAX_BYTES:
        out.warning(
            "cname",
            _(
                "A web cname may be at most 1024 bytes (current docs); the seed's older limit is "
                "128 bytes, and this one is {size} bytes."
            ).format(size=size),
            _("Shorten cname to 128 bytes or less if the server rejects it."),
        )


@rule(
    "R11", "body.cname.rtc_channel", "E", N_("I/M cname of 64+ bytes or with disallowed characters")
)
def cname_rtc_channel(ctx: Context, out: Findings) -> None:
    cname = ctx.string("cname")
    if ctx.mode == "web" or cname is None:
        return
    size = len(cname.encode("utf-8"))
    bad = sorted({char for char in cname if not _is_rtc_channel_char(char)})
    if size < RTC_CNAME_LIMIT_BYTES and not bad:
        return
    details = []
    if size >= RTC_CNAME_LIMIT_BYTES:
        details.append(_("it is {size} bytes long").format(size=size))
    if bad:
        characters = " ".join(repr(char) for char in bad[:10])
        details.append(_("it contains {characters}").format(characters=characters))
    out.error(
        "cname",
        _(
            "Channel name must be under 64 bytes and use only the allowed characters (1013): "
            "{details}."
        ).format(details=_(" and ").join(details)),
        # The characters are listed outside the message: "{ }" are not placeholders.
        _(
            "Use the exact RTC channel name: letters, digits, space and {characters} only, under "
            "64 bytes."
        ).format(characters="! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,"),
    )


@rule("R12", "body.uid.type", "E", N_("uid is not a JSON string"))
def uid_type(ctx: Context, out: Findings) -> None:
    value = ctx.raw("uid")
    if value is None or isinstance(value, str):
        return
    number = ctx.int("uid")
    # Only a number that could be a UID is worth repeating (str() of a huge one would raise).
    example = str(number) if number is not None and 0 < number <= UID_MAX else "527841"
    out.error(
        "uid",
        _('uid must be sent as a string, e.g. "{example}".').format(example=example),
        _('Put the number in quotes: "uid": "{example}".').format(example=example),
    )


@rule("R13", "body.uid.range", "E/W", N_("uid missing or fails the UID check; leading zeros warn"))
def uid_range(ctx: Context, out: Findings) -> None:
    value = ctx.raw("uid")
    if value is not None and not isinstance(value, str):
        return  # R12 reports a uid of the wrong type
    if not value:
        out.error(
            "uid",
            _("uid is required: the recorder's UID, written as text."),
            _('Add "uid" with the same value as in acquire, e.g. "527841".'),
        )
        return
    report_uid(
        out,
        "uid",
        value,
        _(
            "uid must be a whole number from 1 to 4294967295, written as text, the same as in "
            "acquire, and not used by anyone else in the channel;"
        ),
        _("this one"),
        _("Use decimal digits only (no sign, spaces or letters), 1 to 4294967295."),
    )


@rule("R14", "body.clientRequest.required", "E", N_("clientRequest missing"))
def client_request_required(ctx: Context, out: Findings) -> None:
    if not ctx.has(CR):
        out.error(
            CR,
            _("clientRequest is required."),
            _('Add a "clientRequest" object holding the recording, storage and other settings.'),
        )


@rule("R16", "body.token.missing", "W", N_("I/M without a token"))
def token_missing(ctx: Context, out: Findings) -> None:
    if ctx.mode == "web" or ctx.obj(CR) is None or ctx.is_set(f"{CR}.token"):
        return
    out.warning(
        f"{CR}.token",
        _(
            "No token given. If the App Certificate is enabled the recorder cannot join (110). "
            "Tokens cannot be refreshed, so use one that outlives the recording."
        ),
        _(
            "Generate an RTC token for this cname and uid and put it in clientRequest.token, "
            "unless the project has no App Certificate."
        ),
    )


def _uid_value(value: Any) -> int | None:
    """The number a valid UID string stands for (so "0123" and "123" compare equal)."""
    if check_uid(value) is UidVerdict.BAD:
        return None
    return int(value)


def _channel_uids(ctx: Context) -> Iterator[tuple[str, int | None, Any]]:
    """Every place in the body that names a user of the channel: (path of the list or the
    value, index in that list or None, value). The path of a list's entry is spelled out
    only when it is reported (:func:`_place`): most entries are not."""
    for name in _SUBSCRIPTION_LISTS:
        path = f"{REC}.{name}"
        for index, entry in enumerate(ctx.list(path) or []):
            yield path, index, entry
    for name in ("layoutConfig", "backgroundConfig"):
        items = ctx.list(f"{TC}.{name}") or []
        for index, item in enumerate(items):
            if isinstance(item, dict) and "uid" in item:
                yield f"{TC}.{name}[{index}].uid", None, item["uid"]
    if ctx.has(f"{TC}.maxResolutionUid"):
        yield f"{TC}.maxResolutionUid", None, ctx.raw(f"{TC}.maxResolutionUid")


def _place(path: str, index: int | None) -> str:
    return path if index is None else jsonpath.child(path, index)


@rule("R130", "body.uid.in_lists", "W", N_("the recorder uid also names a user of the channel"))
def uid_in_lists(ctx: Context, out: Findings) -> None:
    own = _uid_value(ctx.raw("uid"))
    if own is None:
        return
    # A UID names the recorder only if its digits, leading zeros left out, are the
    # recorder's: that cheap test first, the UID check only for the entries it lets through.
    own_digits = str(own)
    for path, index, value in _channel_uids(ctx):
        if not (isinstance(value, str) and value.lstrip("0") == own_digits):
            continue
        if _uid_value(value) == own:
            out.warning(
                _place(path, index),
                _(
                    "{uid} is the recorder's own uid; it must not be the uid of any user in the "
                    "channel."
                ).format(uid=value),
                _(
                    'Pick a recorder uid (root "uid", and in acquire) that no user in the channel '
                    "uses, or fix this entry."
                ),
            )
