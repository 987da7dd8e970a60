"""Recording-file and screenshot rules (spec 3.5): R80–R91 and R129.

R88 and R89 compare the body with the snapshot choice the user made in the wizard
(``Context.snapshot_intent``). On the wire the two snapshot setups differ only by the
presence of recordingFileConfig, so a body on its own never breaks them.
"""

from __future__ import annotations

from collections.abc import Iterator

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue
from rec_tui.spec.names import ALL_STREAMS, WEB_RECORDER
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.context import CR, FILES, REC, SNAP, Context
from rec_tui.spec.rules.declared import bounds, str_choices
from rec_tui.spec.rules.quoting import shown
from rec_tui.spec.rules.web import service_params

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

AV_FILE_TYPE: Final = f"{FILES}.avFileType"
FILE_TYPE: Final = f"{SNAP}.fileType"
CAPTURE_INTERVAL: Final = f"{SNAP}.captureInterval"
_AV_TYPES = str_choices(AV_FILE_TYPE)
_SNAPSHOT_TYPES: Final = list(catalogue.field(FILE_TYPE).choice_values)
_INTERVAL = bounds(CAPTURE_INTERVAL)
# The DOCS API reference and three SDKs still give 5 s as the smallest interval.
OLD_MIN_INTERVAL: Final = 5


def _av_types(ctx: Context) -> list[Any] | None:
    return ctx.list(AV_FILE_TYPE)


def _indexed(values: list[Any], wanted: str) -> Iterator[int]:
    return (index for index, value in enumerate(values) if value == wanted)


@rule("R80", "file.values", "E/W", N_("avFileType value not hls/mp4 (E); empty or repeated (W)"))
def file_values(ctx: Context, out: Findings) -> None:
    values = _av_types(ctx)
    if values is None:
        return
    if not values:
        out.warning(
            AV_FILE_TYPE,
            _('avFileType may contain only "hls" and "mp4", each once. The list is empty.'),
            _('Use ["hls"] or remove it.'),
        )
        return
    seen: set[str] = set()
    for index, value in enumerate(values):
        path = f"{AV_FILE_TYPE}[{index}]"
        if not isinstance(value, str):
            continue  # R17 reports items of the wrong type
        if value in _AV_TYPES and value in seen:
            message = _(
                'avFileType may contain only "hls" and "mp4", each once. {value} is listed twice.'
            )
            out.warning(path, message.format(value=shown(value)), _("Remove the repeat."))
        seen.add(value)


@rule("R81", "file.mp4_needs_hls", "E", N_("avFileType has mp4 without hls"))
def mp4_needs_hls(ctx: Context, out: Findings) -> None:
    values = _av_types(ctx)
    if values is not None and "mp4" in values and "hls" not in values:
        out.error(
            AV_FILE_TYPE,
            _('MP4 output needs HLS too: use ["hls","mp4"] (error code 2 otherwise).'),
            _('Set avFileType to ["hls", "mp4"]; you get both file sets.'),
        )


@rule("R82", "file.mp4_mode", "E", N_("mp4 in individual mode"))
def mp4_mode(ctx: Context, out: Findings) -> None:
    values = _av_types(ctx)
    if ctx.mode != "individual" or values is None:
        return
    for index in _indexed(values, "mp4"):
        out.error(
            f"{AV_FILE_TYPE}[{index}]",
            _("MP4 output is only available in mix and web modes."),
            _('Use ["hls"] in individual mode, or switch to mix mode for an MP4 file.'),
        )


@rule("R83", "file.recommended", "W", N_("mix/web without recordingFileConfig"))
def file_recommended(ctx: Context, out: Findings) -> None:
    if ctx.mode in ("mix", "web") and ctx.obj(CR) is not None and not ctx.has(FILES):
        out.warning(
            FILES,
            _("Add recordingFileConfig (DOCS list it as required; HLS is assumed otherwise)."),
            # The JSON is outside the message: its braces are not placeholders.
            _("Add {json} (or {hls_only}).").format(
                json='"recordingFileConfig": {"avFileType": ["hls", "mp4"]}', hls_only='["hls"]'
            ),
        )


@rule("R84", "file.web_mp4_hint", "W", N_("web maxVideoDuration without mp4 output"))
def web_mp4_hint(ctx: Context, out: Findings) -> None:
    if ctx.mode != "web":
        return
    values = _av_types(ctx)
    if values is not None and "mp4" in values:
        return
    for path, params in service_params(ctx, WEB_RECORDER):
        if params.get("maxVideoDuration") is not None:
            out.warning(
                f"{path}.maxVideoDuration",
                _("maxVideoDuration only matters when mp4 output is enabled."),
                _('Add "mp4" to avFileType (["hls", "mp4"]), or remove maxVideoDuration.'),
            )


@rule("R85", "snap.mode", "E", N_("snapshotConfig outside individual mode"))
def snapshot_mode(ctx: Context, out: Findings) -> None:
    if ctx.mode != "individual" and ctx.has(SNAP):
        out.error(
            SNAP,
            _("Screenshots are only available in individual mode."),
            _("Switch the recording mode to individual, or remove snapshotConfig."),
        )


@rule("R86", "snap.streamTypes", "E", N_("snapshotConfig with streamTypes 0"))
def snapshot_stream_types(ctx: Context, out: Findings) -> None:
    if ctx.has(SNAP) and ctx.stream_types() == 0:
        out.error(
            f"{REC}.streamTypes",
            _(
                "Screenshots need video: set streamTypes to 1 or 2. (The Go SDK sends "
                "streamTypes 0 when the field is left unset.)"
            ),
            _("Set streamTypes to 2 (audio and video) or 1 (video only)."),
        )


@rule(
    "R87",
    "snap.audio_needs_video_list",
    "E",
    N_("screenshots with an audio list but no video list"),
)
def snapshot_audio_needs_video_list(ctx: Context, out: Findings) -> None:
    if (
        ctx.has(SNAP)
        and ctx.has(f"{REC}.subscribeAudioUids")
        and not ctx.has(f"{REC}.subscribeVideoUids")
    ):
        message = _(
            "When subscribeAudioUids is set for screenshots, subscribeVideoUids must be set too."
        )
        hint = _('Add subscribeVideoUids with the users to capture, or ["{all}"] for everyone.')
        out.error(f"{REC}.subscribeVideoUids", message, hint.format(all=ALL_STREAMS))


@rule(
    "R88",
    "snap.only.no_file_config",
    "W",
    N_("chose screenshots only; body has recordingFileConfig"),
)
def snapshot_only_no_file_config(ctx: Context, out: Findings) -> None:
    if ctx.snapshot_intent == "only" and ctx.has(FILES):
        out.warning(
            FILES,
            _(
                "You chose screenshots only, but this body has recordingFileConfig, so it will "
                "also record. Remove it for screenshots only."
            ),
            _('Remove recordingFileConfig, or switch the choice to "screenshots + recording".'),
        )


@rule(
    "R89",
    "snap.plus_rec.file_config",
    "W",
    N_("chose screenshots + recording; no recordingFileConfig"),
)
def snapshot_plus_recording_file_config(ctx: Context, out: Findings) -> None:
    if ctx.snapshot_intent == "plus_recording" and ctx.obj(CR) is not None and not ctx.has(FILES):
        out.warning(
            FILES,
            _(
                "You chose recording + screenshots, but this body has no recordingFileConfig, so "
                "it will only take screenshots."
            ),
            _('Add {json}, or switch the choice to "screenshots only".').format(
                json='"recordingFileConfig": {"avFileType": ["hls"]}'
            ),
        )


@rule("R90", "snap.interval", "E/W", N_("captureInterval outside 1..3600 (E) or below 5 (W)"))
def snapshot_interval(ctx: Context, out: Findings) -> None:
    value = ctx.raw(CAPTURE_INTERVAL)
    interval = ctx.int(CAPTURE_INTERVAL)
    if not _INTERVAL.outside(value) and interval is not None and interval < OLD_MIN_INTERVAL:
        message = _(
            "captureInterval {value} s is within the documented 1–3600 s, but some references "
            "still give a minimum of 5 s: servers that follow them may reject it."
        )
        out.warning(
            CAPTURE_INTERVAL,
            message.format(value=shown(value)),
            _("Use 5 or more if the start call fails."),
        )


# Judges its choices itself: the list must be exactly ["jpg"], which choices cannot say.
@rule(
    "R91",
    "snap.fileType",
    "E",
    N_('snapshotConfig.fileType missing or not ["jpg"]'),
    judges_values=True,
)
def snapshot_file_type(ctx: Context, out: Findings) -> None:
    if ctx.obj(SNAP) is None:
        return
    value = ctx.raw(FILE_TYPE)
    if value != _SNAPSHOT_TYPES:
        if value is None:
            message = _('fileType must be ["jpg"]. It is missing.')
        else:
            message = _('fileType must be ["jpg"]. Only JPG is supported.')
        out.error(FILE_TYPE, message, _('Set "fileType": ["jpg"].'))


@rule("R129", "snap.streamMode", "W", N_("screenshots with streamMode original"))
def snapshot_stream_mode(ctx: Context, out: Findings) -> None:
    if ctx.has(SNAP) and ctx.raw(f"{REC}.streamMode") == "original":
        out.warning(
            f"{REC}.streamMode",
            _(
                "Screenshots are not supported with streamMode original (audio passthrough); use "
                "default or standard."
            ),
            _('Set streamMode to "standard" (recommended) or "default", or drop the screenshots.'),
        )
