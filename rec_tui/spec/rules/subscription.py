"""Subscription rules (spec 3.3): R47–R58, and R127 (audio moderation needs audio only).

The four lists are subscribeAudioUids, unSubscribeAudioUids, subscribeVideoUids and
unSubscribeVideoUids. Like the other recordingConfig rules they run only in individual and
mix modes (R33 covers web). Entries of the wrong JSON type (the number 123) are R17's; the
lower-case ``unsubscribe…`` keys are reported only by R54 (R18 leaves them alone).
"""

from __future__ import annotations

from collections.abc import Iterator

from rec_tui.i18n import N_, _, ngettext
from rec_tui.record import Record
from rec_tui.spec import catalogue
from rec_tui.spec.fields_recording import UID_GROUPS
from rec_tui.spec.names import ALL_STREAMS as ALLSTREAM
from rec_tui.spec.names import WEB_MODE_SERVICES as WEB_SERVICES
from rec_tui.spec.rules import Findings, declared_rule, rule
from rec_tui.spec.rules.checks import report_uid
from rec_tui.spec.rules.context import REC, Context, as_int
from rec_tui.spec.rules.declared import int_choices
from rec_tui.spec.rules.quoting import listed, shown
from rec_tui.spec.rules.recording import recording_config
from rec_tui.spec.rules.sections import section, stream_types_of
from rec_tui.spec.uid_groups import GROUP_CAPACITY, distinct_uids, smallest_group

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, Literal, TypeAlias

Media: TypeAlias = 'Literal["audio", "video"]'

MIX_MAX_USERS: Final = catalogue.mix_max_users()  # D:sub, D:layout
AUDIO_ONLY: Final = 0
VIDEO_ONLY: Final = 1
AUDIO_AND_VIDEO: Final = 2
MISSPELLED_KEYS: Final = {
    "unsubscribeAudioUids": "unSubscribeAudioUids",
    "unsubscribeVideoUids": "unSubscribeVideoUids",
}


class UidList(Record, frozen=True):
    key: str
    media: Media
    subscribe: bool

    @property
    def path(self) -> str:
        return f"{REC}.{self.key}"


LISTS: Final = (
    UidList("subscribeAudioUids", "audio", True),
    UidList("unSubscribeAudioUids", "audio", False),
    UidList("subscribeVideoUids", "video", True),
    UidList("unSubscribeVideoUids", "video", False),
)
_MAX_ENTRIES: Final = {item.key: catalogue.field(item.path).max_items or 0 for item in LISTS}
_GROUP_PATH: Final = f"{REC}.subscribeUidGroup"
_GROUPS: Final = int_choices(_GROUP_PATH)


# Group value → the most distinct users it covers (2/7/12/17/32/49).
_CAPACITY: Final = {group: GROUP_CAPACITY[group] for group in sorted(_GROUPS)}
# What each media is called in a message (translated where it is said).
_MEDIA_WORD: Final[dict[Media, str]] = {"audio": N_("audio"), "video": N_("video")}


def _group_guide() -> str:
    groups = [
        _("{group} for {low}–{high}").format(group=group, low=low, high=high)
        for group, (low, high) in enumerate(UID_GROUPS)
    ]
    return _(
        "Set subscribeUidGroup by the peak number of distinct users recorded: {groups}."
    ).format(groups=listed(groups))


def _plainly_valid(entry: str) -> bool:
    """A cheap yes for the common case (1 to 999999999 without leading zeros), so the full
    UID check runs only on the rest; lists of 32 UIDs are checked on every keystroke."""
    return 0 < len(entry) < 10 and entry[0] != "0" and entry.isascii() and entry.isdigit()


def _present(config: dict[str, Any]) -> Iterator[tuple[UidList, list[Any]]]:
    """The lists that are present as JSON arrays."""
    for item in LISTS:
        entries = config.get(item.key)
        if isinstance(entries, list):
            yield item, entries


def _is_allstream_only(item: UidList, entries: list[Any]) -> bool:
    return item.subscribe and len(entries) == 1 and entries[0] == ALLSTREAM


def _subscribed_uids(config: dict[str, Any]) -> set[str] | None:
    """The distinct UIDs of the two subscribe lists, or None when the count is unknown
    (``#allstream#`` used). "0123" and "123" count once: the server reads both as 123."""
    return distinct_uids(entries for item, entries in _present(config) if item.subscribe)


@rule("R47", "sub.list.size", "E", N_("a subscription list has more than 32 entries"))
def list_size(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    for item, entries in _present(config):
        limit = _MAX_ENTRIES[item.key]
        if len(entries) > limit:
            message = _("A subscription list can hold at most {limit} UIDs; this one has {count}.")
            hint = _(
                "Keep at most {limit} UIDs, or use the opposite list type "
                "(subscribe ↔ unSubscribe) if that one is shorter."
            )
            out.error(
                item.path,
                message.format(limit=limit, count=len(entries)),
                hint.format(limit=limit),
            )


@rule("R48", "sub.list.empty", "W", N_("a subscription list is present but empty"))
def list_empty(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    for item, entries in _present(config):
        if not entries:
            if item.subscribe:
                hint = _('Remove {key} (or send ["{all}"] to record everyone).')
            else:
                hint = _("Remove {key}.")
            out.warning(
                item.path,
                _("Empty subscription lists are not recommended; remove the field instead."),
                hint.format(key=item.key, all=ALLSTREAM),
            )


@rule("R49", "sub.list.uid", "E/W", N_("a list entry fails the UID check (E); leading zeros (W)"))
def list_uid(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    message = _('Subscription entries must be UIDs written as text (or ["{all}"]);').format(
        all=ALLSTREAM
    )
    for item, entries in _present(config):
        for index, entry in enumerate(entries):
            # Non-strings are R17's; "#allstream#" anywhere is R50's (a W, not a bad UID).
            if not isinstance(entry, str) or entry == ALLSTREAM or _plainly_valid(entry):
                continue
            report_uid(
                out,
                f"{item.path}[{index}]",
                entry,
                message,
                _("entry {index}").format(index=index),
                _('Use decimal digits only, 1 to 4294967295, in quotes (e.g. "123").'),
            )


@rule(
    "R50",
    "sub.list.allstream_misuse",
    "W",
    N_("#allstream# mixed with UIDs or in an unSubscribe list"),
)
def allstream_misuse(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    for item, entries in _present(config):
        if _is_allstream_only(item, entries):
            continue
        for index, entry in enumerate(entries):
            if entry != ALLSTREAM:
                continue
            hint = (
                _("Remove {all} from {key}: an unSubscribe list names users to leave out.")
                if not item.subscribe
                else _('Send either ["{all}"] alone (everyone) or only the UIDs you want.')
            )
            out.warning(
                f"{item.path}[{index}]",
                _("#allstream# must be the only entry and only in subscribe lists."),
                hint.format(all=ALLSTREAM, key=item.key),
            )


@rule(
    "R51", "sub.list.exclusive", "E", N_("a subscribe and an unSubscribe list for the same media")
)
def list_exclusive(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    used = {item.key for item, entries in _present(config) if entries}
    for media in ("audio", "video"):
        title = media.capitalize()
        if f"subscribe{title}Uids" in used and f"unSubscribe{title}Uids" in used:
            message = _(
                "Use either a subscribe list or an unsubscribe list for {media}, not both: "
                "Agora's docs say the two cannot be set together."
            )
            hint = _(
                "Keep {subscribe} (the users to record) or {unsubscribe} (the users to leave "
                "out), and remove the other."
            )
            out.error(
                f"{REC}.unSubscribe{title}Uids",
                message.format(media=_(_MEDIA_WORD[media])),
                hint.format(
                    subscribe=f"subscribe{title}Uids", unsubscribe=f"unSubscribe{title}Uids"
                ),
            )


@rule(
    "R52",
    "sub.streamTypes.conflict",
    "W",
    N_("audio-only with video lists, or video-only with audio lists"),
)
def stream_types_conflict(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    kinds = stream_types_of(config)
    unused: Media
    if kinds == AUDIO_ONLY:
        unused = "video"
    elif kinds == VIDEO_ONLY:
        unused = "audio"
    else:
        return
    if unused == "video":
        message = _(
            "With audio-only recording, video subscription lists do not apply. (The Go SDK "
            "sends streamTypes 0 when the field is left unset.)"
        )
    else:
        message = _(
            "With video-only recording, audio subscription lists do not apply. (The Go SDK "
            "sends streamTypes 0 when the field is left unset.)"
        )
    for item, _entries in _present(config):
        if item.media == unused:
            hint = _("Remove {key}, or set streamTypes to 2 to record audio and video.")
            out.warning(item.path, message, hint.format(key=item.key))


@rule("R53", "sub.one_sided", "W", N_("streamTypes 2 with lists for one media only"))
def one_sided(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None or stream_types_of(config) != AUDIO_AND_VIDEO:
        return
    first: dict[Media, UidList] = {}
    for item, _entries in _present(config):
        first.setdefault(item.media, item)
    if len(first) != 1:
        return
    ((media, item),) = first.items()
    if media == "audio":
        message = _(
            'Only an audio list is set: no video will be recorded at all. Add ["{all}"] to '
            "record everyone's video."
        )
        hint = _(
            'Add "subscribeVideoUids": ["{all}"] to record everyone\'s video, or set '
            "streamTypes to {only} to record audio only."
        )
    else:
        message = _(
            'Only a video list is set: no audio will be recorded at all. Add ["{all}"] to '
            "record everyone's audio."
        )
        hint = _(
            'Add "subscribeAudioUids": ["{all}"] to record everyone\'s audio, or set '
            "streamTypes to {only} to record video only."
        )
    only = AUDIO_ONLY if media == "audio" else VIDEO_ONLY
    out.warning(item.path, message.format(all=ALLSTREAM), hint.format(all=ALLSTREAM, only=only))


@rule(
    "R54", "sub.key.spelling", "W", N_("unsubscribeAudioUids / unsubscribeVideoUids (lower-case s)")
)
def key_spelling(ctx: Context, out: Findings) -> None:
    config = section(ctx, "recordingConfig")
    if config is None:
        return
    for wrong, right in MISSPELLED_KEYS.items():
        if wrong in config:
            out.warning(
                f"{REC}.{wrong}",
                _(
                    "Use unSubscribeAudioUids / unSubscribeVideoUids (capital S); the lower-case "
                    "form is not recognised."
                ),
                _('Rename "{wrong}" to "{right}".').format(wrong=wrong, right=right),
            )


@rule("R55", "sub.group.required", "E", N_("individual mode without subscribeUidGroup"))
def group_required(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if ctx.mode != "individual" or config is None or config.get("subscribeUidGroup") is not None:
        return
    uids = _subscribed_uids(config)
    suggestion = smallest_group(len(uids)) if uids else None
    hint = _group_guide()
    if uids and suggestion is not None:
        named = ngettext(
            "Your subscribe lists name {count} user: use {group}.",
            "Your subscribe lists name {count} users: use {group}.",
            len(uids),
        )
        hint = _("{guide} {suggestion}").format(
            guide=hint, suggestion=named.format(count=len(uids), group=suggestion)
        )
    out.error(
        _GROUP_PATH,
        _(
            "subscribeUidGroup (expected number of subscribed users) is required in individual "
            "mode. The Go SDK drops a 0 here (omitempty): send 1 or patch the field."
        ),
        hint,
    )


declared_rule("R56", "sub.group.enum", "E", N_("subscribeUidGroup not 0..5"))


@rule("R57", "sub.group.capacity", "W", N_("more distinct subscribed UIDs than the group covers"))
def group_capacity(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    group = as_int(config.get("subscribeUidGroup")) if config is not None else None
    if config is None or group not in _CAPACITY:
        return
    uids = _subscribed_uids(config)
    capacity = _CAPACITY[group]
    if uids is None or len(uids) <= capacity:
        return
    better = smallest_group(len(uids))
    message = ngettext(
        "You subscribe to {count} user but subscribeUidGroup covers only up to {capacity}.",
        "You subscribe to {count} users but subscribeUidGroup covers only up to {capacity}.",
        len(uids),
    )
    if better is not None:
        hint = _("Set subscribeUidGroup to {group}.").format(group=better)
    else:
        hint = _("No group covers more than {limit} users: subscribe to fewer.").format(
            limit=max(_CAPACITY.values())
        )
    out.warning(_GROUP_PATH, message.format(count=len(uids), capacity=capacity), hint)


@rule("R58", "sub.mix.17cap", "W", N_("mix mode with more than 17 distinct subscribed UIDs"))
def mix_cap(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if ctx.mode != "mix" or config is None:
        return
    uids = _subscribed_uids(config)
    if uids is None or len(uids) <= MIX_MAX_USERS:
        return
    longest = max(
        (item for item, _entries in _present(config) if item.subscribe),
        key=lambda item: len(config[item.key]),
    )
    message = _(
        "Mix recording shows at most {limit} users; extra users are not recorded "
        "({count} are subscribed)."
    )
    hint = _(
        "Subscribe to at most {limit} users, or use individual mode to record everyone separately."
    )
    out.warning(
        longest.path,
        message.format(limit=MIX_MAX_USERS, count=len(uids)),
        hint.format(limit=MIX_MAX_USERS),
    )


@rule(
    "R127", "rec.streamTypes.moderation", "W", N_("audio moderation with streamTypes other than 0")
)
def moderation_audio_only(ctx: Context, out: Findings) -> None:
    if ctx.mode == "web":
        return
    services = (section(ctx, "extensionServiceConfig") or {}).get("extensionServices")
    if not isinstance(services, list) or not services:
        return
    names = [
        item.get("serviceName")
        for item in services
        if isinstance(item, dict) and isinstance(item.get("serviceName"), str)
    ]
    moderation = [name for name in names if name not in WEB_SERVICES]
    kinds = ctx.stream_types()
    if not moderation or kinds is None or kinds == AUDIO_ONLY:
        return
    config = section(ctx, "recordingConfig")
    if config is None or config.get("streamTypes") is None:
        message = _(
            "Audio moderation needs audio only: set streamTypes to 0 (service {service}, "
            "streamTypes is {value} by default)."
        )
    else:
        message = _(
            "Audio moderation needs audio only: set streamTypes to 0 (service {service}, "
            "streamTypes is {value})."
        )
    out.warning(
        f"{REC}.streamTypes" if config is not None else REC,
        message.format(service=shown(moderation[0]), value=shown(kinds)),
        _("Set recordingConfig.streamTypes to 0 while an audio moderation service is configured."),
    )
