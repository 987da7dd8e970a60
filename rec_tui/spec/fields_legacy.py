"""Field declarations: the LEGACY postponed transcoding / audio mixing objects (spec 2.2, 2.9).

The seed documents them; the current docs dropped them in April 2025. They are flagged
``legacy`` so the wizard offers them only behind its "advanced / legacy" switch.
"""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field, Kind
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

APPS: Final = "clientRequest.appsCollection"
OPTIONS: Final = "clientRequest.transcodeOptions"
INDIVIDUAL: Final[frozenset[Mode]] = frozenset({"individual"})
POSTPONE: Final = "postpone_transcoding"

POLICY_CHOICES: Final = (
    Choice("default", N_("Default (everything except postponed processing)")),
    Choice(POSTPONE, N_("Postponed transcoding or postponed audio mixing")),
)
TRANS_MODE_CHOICES: Final = (
    Choice("audioMix", N_("Postponed audio mixing")),
    Choice("postponeTranscoding", N_("Postponed transcoding (Python SDK only)")),
)
FORMAT_CHOICES: Final = (
    Choice("mp3", "MP3"),
    Choice("m4a", "M4A"),
    Choice("aac", "AAC"),
    Choice("mp4", N_("MP4 (postponed transcoding only)")),
)
SAMPLE_RATE_CHOICES: Final = (
    Choice("48000", "48 kHz"),
    Choice("32000", "32 kHz"),
    Choice("16000", "16 kHz"),
)
AUDIO_BITRATE_CHOICES: Final = (Choice("48000", "48000"),)
CHANNEL_CHOICES: Final = (Choice("1", N_("Mono")), Choice("2", N_("Stereo")))


def _legacy(path: str, kind: Kind, label: str, help_: str, **extra: Any) -> Field:
    return Field(path, kind, label, help_, modes=INDIVIDUAL, legacy=True, **extra)


FIELDS: tuple[Field, ...] = (
    _legacy(
        APPS,
        "object",
        N_("Application settings (legacy)"),
        "How the recording applications are combined. Only needed for the legacy postponed "
        "transcoding or postponed audio mixing, which the docs dropped in 2025.",
        help_zh="`appsCollection` 是一个用于设置云端录制应用的 JSON Object。",
        rules=("legacy.present",),
        example={"combinationPolicy": POSTPONE},
    ),
    _legacy(
        f"{APPS}.combinationPolicy",
        "string",
        N_("Combination policy"),
        '"default" for every ordinary recording; "postpone_transcoding" for postponed '
        "transcoding or postponed audio mixing (individual mode, acquire scene 2).",
        help_zh=(
            "（选填）String 类型，各个云端录制应用的组合方式"
            "。`default`：（默认）除延时转码和延时混音外，"
            "均选用此种方式。`postpone_transcoding`：如需延时转码或延时混音，则选用此种方式。"
        ),
        default="default",
        choices=POLICY_CHOICES,
        value_rule="legacy.policy.enum",
        rules=(
            "legacy.policy.enum",
            "legacy.policy.mode",
            "legacy.options.needs_policy",
            "legacy.transcoding.streamMode",
        ),
        example=POSTPONE,
    ),
    _legacy(
        OPTIONS,
        "object",
        N_("Postponed audio mixing (legacy)"),
        "Settings of the legacy postponed audio mixing: after the session the recorded "
        "audio-only passthrough files are mixed into one file, delivered within 24 h. Needs "
        'combinationPolicy "postpone_transcoding".',
        help_zh=(
            "`transcodeOptions` 是一个用于设置录制文件转码属性的 JSON Object。"
            "云端录制会根据此设置录制文件的转码模式和输出音频属性。适用于延时混音。"
        ),
        rules=("legacy.present", "legacy.options.needs_policy"),
        example={"transConfig": {"transMode": "audioMix"}, "container": {"format": "m4a"}},
    ),
    _legacy(
        f"{OPTIONS}.transConfig",
        "object",
        N_("Transcoding settings"),
        "Which postponed processing to run. Required inside transcodeOptions.",
        help_zh="（必填）JSON Object，转码设置。",
        required_in=INDIVIDUAL,
        rules=("legacy.transMode",),
        example={"transMode": "audioMix"},
    ),
    _legacy(
        f"{OPTIONS}.transConfig.transMode",
        "string",
        N_("Processing mode"),
        '"audioMix" mixes the recorded audio into one file (the only value in the seed); the '
        'Python SDK also knows "postponeTranscoding".',
        help_zh="String 类型，转码模式，目前仅支持设置为 `audioMix`（混音）。",
        choices=TRANS_MODE_CHOICES,
        required_in=INDIVIDUAL,
        value_rule="legacy.transMode",
        rules=("legacy.transMode", "legacy.audiomix.prereq", "legacy.transcoding.streamMode"),
        example="audioMix",
    ),
    _legacy(
        f"{OPTIONS}.container",
        "object",
        N_("Output container"),
        "The file format of the processed output.",
        help_zh="（选填）JSON Object，转码属性。",
        example={"format": "m4a"},
    ),
    _legacy(
        f"{OPTIONS}.container.format",
        "string",
        N_("Output format"),
        'Audio file format of the output: "mp3" (default), "m4a" or "aac"; "mp4" only for '
        "postponed transcoding.",
        help_zh="String 类型，输出音频格式，可设为`mp3`（默认）、`m4a`、`aac`。",
        default="mp3",
        choices=FORMAT_CHOICES,
        value_rule="legacy.container",
        rules=("legacy.container",),
        example="m4a",
    ),
    _legacy(
        f"{OPTIONS}.audio",
        "object",
        N_("Output audio"),
        "Audio properties of the output file. All values are strings.",
        help_zh="（选填）JSON Object，输出录制文件的音频属性。",
        example={"sampleRate": "48000", "bitrate": "48000", "channels": "2"},
    ),
    _legacy(
        f"{OPTIONS}.audio.sampleRate",
        "string",
        N_("Sample rate (Hz)"),
        'Sample rate written as a string: "48000" (default), "32000" or "16000".',
        help_zh="String 类型，数据采样率，单位 Hz，可设为 `48000`（默认）、`32000`、`16000`。",
        default="48000",
        choices=SAMPLE_RATE_CHOICES,
        value_rule="legacy.audio.strings",
        rules=("legacy.audio.strings",),
        example="48000",
    ),
    _legacy(
        f"{OPTIONS}.audio.bitrate",
        "string",
        N_("Audio bitrate"),
        'Audio bitrate written as a string; only "48000" is supported.',
        help_zh="String 类型，码率，单位 Kbps，默认且仅支持设置为 `48000`。",
        default="48000",
        choices=AUDIO_BITRATE_CHOICES,
        value_rule="legacy.audio.strings",
        rules=("legacy.audio.strings",),
        example="48000",
    ),
    _legacy(
        f"{OPTIONS}.audio.channels",
        "string",
        N_("Channels"),
        'Number of audio channels written as a string: "1" (mono) or "2" (stereo, default).',
        help_zh="String 类型，声道数，可设为 `1` 和 `2`（默认）。",
        default="2",
        choices=CHANNEL_CHOICES,
        value_rule="legacy.audio.strings",
        rules=("legacy.audio.strings",),
        example="2",
    ),
)
