"""Field declarations: ``clientRequest.recordingConfig`` (spec section 2.3).

``transcodingConfig`` and its children are declared in :mod:`fields_transcoding`.
``help_zh`` is the SEED's own sentence for each field (录制设置).
"""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field
from rec_tui.spec.fields_extension import AUDIO_PROFILE_CHOICES
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_P = "clientRequest.recordingConfig"
_IM: Final[frozenset[Mode]] = frozenset({"individual", "mix"})
_I: Final[frozenset[Mode]] = frozenset({"individual"})
_M: Final[frozenset[Mode]] = frozenset({"mix"})
_UID_LIST_MAX = 32

# subscribeUidGroup value → the (fewest, most) distinct subscribed users it is sized for.
# The SEED writes 4 as "17–32" and 5 as "32–49"; the spec resolves the overlap to 18 and 33.
UID_GROUP_BOUNDS: Final[tuple[int, ...]] = (2, 7, 12, 17, 32, 49)
UID_GROUPS: Final[tuple[tuple[int, int], ...]] = tuple(
    (low + 1, high) for low, high in zip((0, *UID_GROUP_BOUNDS), UID_GROUP_BOUNDS, strict=False)
)

_SUB_LIST_RULES = (
    "sub.list.size",
    "sub.list.empty",
    "sub.list.uid",
    "sub.list.allstream_misuse",
    "sub.list.exclusive",
    "sub.streamTypes.conflict",
    "sub.one_sided",
    "body.uid.in_lists",
)
_SUBSCRIBE_RULES = (*_SUB_LIST_RULES, "sub.group.capacity", "sub.mix.17cap")
_UNSUBSCRIBE_RULES = (*_SUB_LIST_RULES, "sub.key.spelling")

_SUB_SEE_ALSO = "详见设置订阅名单。"

# Pages that document recordingConfig fields the seed and the API reference leave out.
_CAPTIONS_PAGE: Final = "https://docs.agora.io/en/real-time-stt/develop/record-captions"
_FILES_PAGE: Final = "https://docs.agora.io/en/cloud-recording/develop/manage-files"


def _uid_list(media: str, subscribe: bool) -> Field:
    """One of the four subscription lists; they differ only in media and direction."""
    key = f"{'subscribe' if subscribe else 'unSubscribe'}{media.capitalize()}Uids"
    media_zh = "音频流" if media == "audio" else "视频流"
    if subscribe:
        label = N_("Record audio of") if media == "audio" else N_("Record video of")
        help_ = (
            f"The users whose {media} is recorded, as UIDs written as text (at most 32). Leave "
            f'it out to record everyone, or send ["#allstream#"]. If you set a list for one '
            f"media only (audio or video), nothing of the other media is recorded. Do not "
            f"combine it with unSubscribe{media.capitalize()}Uids."
        )
        help_zh = (
            f"（选填）JSONArray 类型，由 UID 组成的数组，指定订阅哪几个 UID 的{media_zh}。"
            f"如需订阅全部 UID 的{media_zh}，则无需设置该参数。数组长度不得超过 32，"
            f"不推荐使用空数组。{_SUB_SEE_ALSO}"
        )
        example: list[str] = ["123", "456"]
    else:
        label = N_("Do not record audio of") if media == "audio" else N_("Do not record video of")
        help_ = (
            f"The users whose {media} is NOT recorded (everyone else's is), as UIDs written as "
            f"text (at most 32). Note the capital S in unSubscribe: the lower-case spelling is "
            f"not recognised. Do not combine it with subscribe{media.capitalize()}Uids."
        )
        help_zh = (
            f"（选填）JSONArray 类型，由 UID 组成的数组，指定不订阅哪几个 UID 的{media_zh}。"
            f"云端录制会订阅频道内除指定 UID 外所有 UID 的{media_zh}。数组长度不得超过 32，"
            f"不推荐使用空数组。{_SUB_SEE_ALSO}"
        )
        example = ["789"]
    return Field(
        path=f"{_P}.{key}",
        kind="array",
        items="uid",
        label=label,
        help=help_,
        help_zh=help_zh,
        max_items=_UID_LIST_MAX,
        modes=_IM,
        rules=_SUBSCRIBE_RULES if subscribe else _UNSUBSCRIBE_RULES,
        example=example,
    )


FIELDS: tuple[Field, ...] = (
    Field(
        path=_P,
        kind="object",
        label=N_("Recording settings"),
        help=(
            "What the recorder subscribes to in the channel: channel type, audio and/or video, "
            "whose streams, decryption, idle timeout. Required in individual and mix modes; "
            "web mode ignores it."
        ),
        help_zh=(
            "recordingConfig 是一个用于设置媒体流订阅的 JSON Object。"
            "云端录制会根据此设置订阅频道内的媒体流，并生成录制文件或截图。"
        ),
        modes=_IM,
        required_in=_IM,
        rules=("rec.required", "rec.web_ignored"),
    ),
    Field(
        path=f"{_P}.channelType",
        kind="int",
        label=N_("Channel type"),
        help=(
            "The channel profile the app's RTC SDK uses: 0 communication, 1 live broadcast. It "
            "must match the SDK setting, otherwise the recorder may not receive the streams."
        ),
        help_zh="Number 类型，频道场景。频道场景必须与声网 RTC SDK 的设置一致，否则可能导致问题。",
        default=0,
        choices=(Choice(0, N_("Communication")), Choice(1, N_("Live broadcast"))),
        modes=_IM,
        recommended_in=_IM,
        value_rule="rec.channelType",
        rules=("rec.channelType",),
        example=0,
    ),
    Field(
        path=f"{_P}.streamTypes",
        kind="int",
        label=N_("Streams to record"),
        help=(
            "Which media to record: 0 audio only, 1 video only, 2 audio and video (the default "
            "when left out). Audio moderation and audio passthrough (streamMode original) need 0."
        ),
        help_zh=(
            "（选填）Number 类型，订阅的媒体流类型。使用智能语音审核时，你需要将其设置为 0，"
            "即仅订阅音频。"
        ),
        default=2,
        choices=(
            Choice(0, N_("Audio only")),
            Choice(1, N_("Video only")),
            Choice(2, N_("Audio and video")),
        ),
        modes=_IM,
        value_rule="rec.streamTypes",
        rules=(
            "rec.streamTypes",
            "rec.streamMode.original",
            "sub.streamTypes.conflict",
            "sub.one_sided",
            "rec.streamTypes.moderation",
        ),
        example=2,
    ),
    Field(
        path=f"{_P}.streamMode",
        kind="string",
        label=N_("Output mode (individual)"),
        help=(
            "How individual recording writes its files. default: separate audio and video M3U8 "
            "indexes. standard (recommended): also a merged audio-video index (MPD for Web VP8). "
            "original: audio passthrough without transcoding; only with streamTypes 0."
        ),
        help_zh="（选填）String 类型，单流录制模式下（mode 为 individual），媒体流的输出模式。",
        default="default",
        choices=(
            Choice("default", N_("Default: separate audio and video indexes")),
            Choice("standard", N_("Standard: adds a merged audio-video index (recommended)")),
            Choice("original", N_("Original: audio passthrough, audio only")),
        ),
        modes=_I,
        value_rule="rec.streamMode.enum",
        rules=("rec.streamMode.enum", "rec.streamMode.mode", "rec.streamMode.original"),
        example="standard",
    ),
    Field(
        path=f"{_P}.decryptionMode",
        kind="int",
        label=N_("Decryption mode"),
        help=(
            "The channel's media encryption, so the recorder can decrypt it. Set it whenever "
            "the channel is encrypted; it must match the encryption mode the app uses. Any "
            "mode other than 0 needs the secret; modes 7 and 8 also need the salt."
        ),
        help_zh=(
            "（选填）Number 类型，解密方案。如果频道设置了加密，该参数必须设置。"
            "解密方式必须与频道设置的加密方式一致。"
        ),
        default=0,
        choices=(
            Choice(0, N_("None")),
            Choice(1, "AES_128_XTS"),
            Choice(2, "AES_128_ECB"),
            Choice(3, "AES_256_XTS"),
            Choice(4, "SM4_128_ECB"),
            Choice(5, "AES_128_GCM"),
            Choice(6, "AES_256_GCM"),
            Choice(7, N_("AES_128_GCM2 (needs salt)")),
            Choice(8, N_("AES_256_GCM2 (needs salt)")),
        ),
        modes=_IM,
        value_rule="rec.decryption.enum",
        rules=(
            "rec.decryption.enum",
            "rec.decryption.secret",
            "rec.decryption.salt",
            "rec.decryption.unused",
        ),
        example=0,
    ),
    Field(
        path=f"{_P}.secret",
        kind="string",
        label=N_("Encryption key"),
        help=(
            "The channel's encryption key, the same one the app passes to its RTC SDK. "
            "Required when decryptionMode is not 0. Kept in the keyring, never in presets."
        ),
        help_zh=(
            "（选填）String 类型。启用解密模式后，设置解密的密钥。如果 decryptionMode 不为 0，"
            "则需要设置该值。"
        ),
        modes=_IM,
        requirement_note=N_("Required when decryptionMode is not 0 (R40)."),
        secret=True,
        env="REC_TUI_DECRYPTION_SECRET",
        rules=("rec.decryption.secret", "rec.decryption.unused"),
    ),
    Field(
        path=f"{_P}.salt",
        kind="string",
        label=N_("Encryption salt"),
        help=(
            "The encryption salt of the GCM2 modes (7 and 8): Base64 of exactly 32 bytes, the "
            "same salt the app passes to its RTC SDK. Kept in the keyring, never in presets."
        ),
        help_zh=(
            "（选填）Base64 编码、32 位字节。启用解密模式后，设置解密的盐。如果 decryptionMode "
            "为 7 或 8，则需要设置该值。"
        ),
        modes=_IM,
        requirement_note=N_("Required when decryptionMode is 7 or 8 (R41)."),
        secret=True,
        env="REC_TUI_DECRYPTION_SALT",
        rules=("rec.decryption.salt", "rec.salt.format", "rec.decryption.unused"),
    ),
    Field(
        path=f"{_P}.audioProfile",
        kind="int",
        label=N_("Audio quality (mix)"),
        help=(
            "Sample rate, bitrate and channels of the mixed audio: 0 48 kHz mono about 48 kbps, "
            "1 48 kHz mono about 128 kbps, 2 48 kHz stereo about 192 kbps. Mix mode only."
        ),
        help_zh="（选填）设置输出音频的采样率、码率、编码模式和声道数。目前仅适用于合流录制。",
        default=0,
        choices=AUDIO_PROFILE_CHOICES,
        modes=_M,
        value_rule="rec.audioProfile",
        rules=("rec.audioProfile",),
        example=1,
    ),
    Field(
        path=f"{_P}.videoStreamType",
        kind="int",
        label=N_("Video stream quality"),
        help=(
            "When senders publish two video streams (dual-stream mode), which one to record: "
            "0 the high-resolution (big) stream, 1 the low-resolution (small) stream."
        ),
        help_zh=(
            "（选填）Number 类型，设置订阅的视频流类型。如果频道中有用户开启了双流模式，"
            "你可以选择订阅视频大流或者小流。"
        ),
        default=0,
        choices=(Choice(0, N_("High stream (big)")), Choice(1, N_("Low stream (small)"))),
        modes=_IM,
        value_rule="rec.videoStreamType",
        rules=("rec.videoStreamType",),
        example=0,
    ),
    Field(
        path=f"{_P}.maxIdleTime",
        kind="int",
        label=N_("Idle timeout (seconds)"),
        help=(
            "The recorder leaves on its own when the channel has had no users (in live "
            "broadcast: no hosts) for this many seconds, 5 to 2592000 (30 days). A later start "
            "makes new files. Users who are present but not sending still count as users."
        ),
        help_zh=(
            "（选填）Number 类型，最长空闲频道时间，单位为秒。默认值为 30。该值需大于等于 5，"
            "且小于等于 2,592,000，即 30 天。"
            "如果频道内无用户的状态持续超过该时间，录制程序会自动退出。"
            "退出后，再次调用 start 请求，会产生新的录制文件。"
        ),
        default=30,
        minimum=5,
        maximum=2_592_000,
        modes=_IM,
        value_rule="rec.maxIdleTime",
        rules=("rec.maxIdleTime",),
        example=120,
    ),
    _uid_list("audio", subscribe=True),
    _uid_list("audio", subscribe=False),
    _uid_list("video", subscribe=True),
    _uid_list("video", subscribe=False),
    Field(
        path=f"{_P}.subscribeUidGroup",
        kind="int",
        label=N_("Expected number of users"),
        help=(
            "The expected peak number of distinct users recorded (audio and video lists "
            "together), so the service can size the recorder. Required in individual mode. "
            "The Go SDK drops the value 0, so send 1 if you use it."
        ),
        help_zh=(
            "（选填）Number 类型，预估的订阅人数峰值。在单流模式下，为必填参数。举例来说，如果 "
            'subscribeVideoUids 为 ["100","101","102"]，subscribeAudioUids 为 '
            '["101","102","103"]，则订阅人数为 4 人。'
        ),
        choices=tuple(
            Choice.composed(group, N_("{low}–{high} users"), low=low, high=high)
            for group, (low, high) in enumerate(UID_GROUPS)
        ),
        modes=_IM,
        required_in=_I,
        value_rule="sub.group.enum",
        rules=("sub.group.required", "sub.group.enum", "sub.group.capacity"),
        example=1,
    ),
    Field(
        path=f"{_P}.extensionParams",
        kind="object",
        label=N_("Recording extras"),
        help=N_(
            "Extra recording switches documented outside the API reference; today only "
            "enableNTPtimestamp (caption sync with Real-Time STT)."
        ),
        modes=_IM,
        source=_CAPTIONS_PAGE,
    ),
    Field(
        path=f"{_P}.extensionParams.enableNTPtimestamp",
        kind="bool",
        label=N_("NTP timestamps (caption sync)"),
        help=N_(
            "true stamps the recording with NTP time so that the captions Real-Time STT "
            "records (a .vtt file) line up with the audio and video files: the two run on "
            "different servers. Documented on the Real-Time STT 'Record captions' page."
        ),
        default=False,
        modes=_IM,
        headless="a caption-sync switch for Real-Time STT users, set in the JSON editor",
        source=_CAPTIONS_PAGE,
        example=True,
    ),
    Field(
        path=f"{_P}.privateParams",
        kind="string",
        label=N_("Private parameters"),
        help=N_(
            "Extra switches written as JSON inside a string, e.g. "
            '"{\\"correctEXTINF\\":true}", which adds the comma some players need after '
            "#EXTINF in the M3U8 files. Documented on the 'Manage recorded files' page."
        ),
        modes=_IM,
        headless="a JSON text of private switches Agora support hands out, set in the JSON editor",
        source=_FILES_PAGE,
        example='{"correctEXTINF":true}',
    ),
)
