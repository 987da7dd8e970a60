"""Rules for the LEGACY postponed transcoding and audio mixing (spec 3.7): R111–R117, R128."""

from __future__ import annotations

from rec_tui.i18n import N_, _
from rec_tui.spec.fields_legacy import APPS, OPTIONS, POSTPONE
from rec_tui.spec.rules import Findings, declared_rule, rule
from rec_tui.spec.rules.context import REC, Context
from rec_tui.spec.rules.declared import str_choices
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

POLICY: Final = f"{APPS}.combinationPolicy"
TRANS_MODE: Final = f"{OPTIONS}.transConfig.transMode"
FORMAT: Final = f"{OPTIONS}.container.format"
AUDIO_MIX: Final = "audioMix"
POSTPONE_TRANSCODING: Final = "postponeTranscoding"
# mp4 output exists only for postponed transcoding (Python SDK).
MP4: Final = "mp4"
AUDIO_KEYS: Final = ("sampleRate", "bitrate", "channels")

_FORMATS = str_choices(FORMAT)
_AUDIO = {key: str_choices(f"{OPTIONS}.audio.{key}") for key in AUDIO_KEYS}
_STREAM_MODES_WITHOUT_POSTPONED_TRANSCODING: Final = frozenset({"standard", "original"})


def _postponed(ctx: Context) -> bool:
    return ctx.raw(POLICY) == POSTPONE


def _transcoding_postponed(ctx: Context) -> bool:
    """Postponed transcoding, not mixing: the policy without transcodeOptions (the seed's
    单流录制延时转码 example) or with transMode postponeTranscoding. transcodeOptions with
    another or no transMode is an audio mix (R114 reports a missing transMode)."""
    if not _postponed(ctx):
        return False
    return not ctx.has(OPTIONS) or ctx.raw(TRANS_MODE) == POSTPONE_TRANSCODING


@rule("R111", "legacy.present", "W", N_("appsCollection or transcodeOptions present"))
def legacy_present(ctx: Context, out: Findings) -> None:
    for path in (APPS, OPTIONS):
        if ctx.has(path):
            out.warning(
                path,
                _(
                    "Postponed transcoding and mixing were dropped from the docs in 2025; the "
                    "server may reject them."
                ),
                _(
                    "Keep it only to reproduce an existing setup; test against Agora before "
                    "relying on it."
                ),
            )


declared_rule(
    "R112", "legacy.policy.enum", "E", N_("combinationPolicy not default/postpone_transcoding")
)


@rule("R112b", "legacy.policy.mode", "W", N_("postpone_transcoding outside individual mode"))
def policy_mode(ctx: Context, out: Findings) -> None:
    if ctx.mode != "individual" and _postponed(ctx):
        out.warning(
            POLICY,
            _("Postponed transcoding and mixing are documented for individual mode only."),
            _('Switch to individual mode, or set combinationPolicy to "default".'),
        )


@rule(
    "R113",
    "legacy.options.needs_policy",
    "E/W",
    N_("transcodeOptions without postpone_transcoding (E) or outside individual mode (W)"),
)
def options_need_policy(ctx: Context, out: Findings) -> None:
    if not ctx.has(OPTIONS):
        return
    if not _postponed(ctx):
        out.error(
            OPTIONS,
            _(
                "transcodeOptions requires appsCollection.combinationPolicy = "
                "postpone_transcoding (documented for individual mode only)."
            ),
            # The JSON is outside the message: its braces are not placeholders.
            _("Add {json}, or remove transcodeOptions.").format(
                json='"appsCollection": {"combinationPolicy": "postpone_transcoding"}'
            ),
        )
    if ctx.mode != "individual":
        message = _(
            "transcodeOptions requires appsCollection.combinationPolicy = postpone_transcoding "
            "(documented for individual mode only). This is {mode} mode."
        )
        out.warning(OPTIONS, message.format(mode=ctx.mode), _("Use individual mode."))


@rule("R114", "legacy.transMode", "E", N_("transConfig.transMode missing or unknown"))
def trans_mode(ctx: Context, out: Findings) -> None:
    options = ctx.obj(OPTIONS)
    if options is None:
        return
    hint = _("Add {json}.").format(json='"transConfig": {"transMode": "audioMix"}')
    config = options.get("transConfig")
    if config is None:
        message = _("transConfig.transMode is required (audioMix). transConfig is missing.")
        out.error(f"{OPTIONS}.transConfig", message, hint)
        return
    if not isinstance(config, dict):
        return  # R17
    mode = config.get("transMode")
    if mode is None or mode == "":
        out.error(TRANS_MODE, _("transConfig.transMode is required (audioMix)."), hint)


@rule("R115", "legacy.audiomix.prereq", "E", N_("audioMix without audio-only passthrough"))
def audio_mix_prerequisites(ctx: Context, out: Findings) -> None:
    if ctx.raw(TRANS_MODE) != AUDIO_MIX:
        return
    if ctx.stream_types() == 0 and ctx.raw(f"{REC}.streamMode") == "original":
        return
    out.error(
        TRANS_MODE,
        _(
            "Postponed audio mixing works only with audio-only passthrough (streamTypes 0, "
            "streamMode original)."
        ),
        _('Set recordingConfig.streamTypes to 0 and streamMode to "original".'),
    )


# Judges its choices itself: mp4 is a choice only with postponeTranscoding.
@rule(
    "R116",
    "legacy.container",
    "E/W",
    N_("container.format not mp3/m4a/aac (E); postponeTranscoding to another format than mp4 (W)"),
    judges_values=True,
)
def container_format(ctx: Context, out: Findings) -> None:
    value = ctx.string(FORMAT)
    if value is None:
        return
    transcoding = ctx.raw(TRANS_MODE) == POSTPONE_TRANSCODING
    if value not in _FORMATS or (value == MP4 and not transcoding):
        out.error(
            FORMAT,
            _("Output format must be mp3, m4a or aac; got {value}.").format(value=shown(value)),
            _('Use "mp3" (the default), "m4a" or "aac"; "mp4" only with postponeTranscoding.'),
        )
    elif transcoding and value != MP4:
        # The docs of postponed transcoding (removed in 2025) only ever produce MP4 files.
        out.warning(
            FORMAT,
            _("Postponed transcoding writes mp4 files; got {value}.").format(value=shown(value)),
            _('Use "mp4" with postponeTranscoding, or transMode "audioMix" for mp3/m4a/aac.'),
        )


# Judges its choices itself: one message for a wrong string, "" and a number sent as such.
@rule(
    "R117",
    "legacy.audio.strings",
    "E",
    N_("sampleRate/bitrate/channels wrong value or a number"),
    judges_values=True,
)
def audio_strings(ctx: Context, out: Findings) -> None:
    audio = ctx.obj(f"{OPTIONS}.audio")
    if audio is None:
        return
    for key in AUDIO_KEYS:
        value = audio.get(key)
        if value is None or (isinstance(value, str) and value in _AUDIO[key]):
            continue
        allowed = _(" or ").join(f'"{choice}"' for choice in sorted(_AUDIO[key]))
        if isinstance(value, str):
            message = _(
                'Audio options are strings: sampleRate "48000"/"32000"/"16000", bitrate '
                '"48000", channels "1"/"2". {key} is {value}.'
            )
        else:
            message = _(
                'Audio options are strings: sampleRate "48000"/"32000"/"16000", bitrate '
                '"48000", channels "1"/"2". {key} is sent as {value}, not as text.'
            )
        out.error(
            f"{OPTIONS}.audio.{key}",
            message.format(key=key, value=shown(value)),
            _("Set {key} to {allowed}.").format(key=key, allowed=allowed),
        )


@rule(
    "R128",
    "legacy.transcoding.streamMode",
    "W",
    N_("postponed transcoding with streamMode ≠ default"),
)
def postponed_transcoding_stream_mode(ctx: Context, out: Findings) -> None:
    if not _transcoding_postponed(ctx):
        return
    stream_mode = ctx.string(f"{REC}.streamMode")
    if stream_mode in _STREAM_MODES_WITHOUT_POSTPONED_TRANSCODING:
        out.warning(
            f"{REC}.streamMode",
            _(
                "Postponed transcoding is listed only for streamMode default; this is {value}."
            ).format(value=shown(stream_mode)),
            _('Set streamMode to "default" (or leave it out).'),
        )
