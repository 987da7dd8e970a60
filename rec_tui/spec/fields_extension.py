"""Field declarations: ``extensionServiceConfig``, web recorder and CDN push (spec 2.8).

The keys inside ``serviceParam`` depend on the service, so they are declared with
``service=WEB_RECORDER`` or ``service=RTMP_PUBLISH``; ``catalogue.lookup(path, service)`` and
``catalogue.children(parent, service)`` pick the right set.
"""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field, Kind
from rec_tui.spec.modes import Mode
from rec_tui.spec.names import RTMP_PUBLISH, WEB_RECORDER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

EXT: Final = "clientRequest.extensionServiceConfig"
SERVICE: Final = f"{EXT}.extensionServices[]"
PARAM: Final = f"{SERVICE}.serviceParam"
WEB: Final[frozenset[Mode]] = frozenset({"web"})

# The services web mode knows, with labels for forms. Other modes may name other services
# (audio moderation), so serviceName itself carries no choices.
WEB_SERVICES: Final = (
    Choice(WEB_RECORDER, N_("Web page recording")),
    Choice(RTMP_PUBLISH, N_("Push to CDN (RTMP)")),
)
# The errorHandlePolicy each web-mode service accepts (spec 2.8, R95).
SERVICE_ERROR_POLICY: Final[dict[str, str]] = {
    WEB_RECORDER: "error_abort",
    RTMP_PUBLISH: "error_ignore",
}
# Shared by recordingConfig.audioProfile and the web recorder's serviceParam.audioProfile.
AUDIO_PROFILE_CHOICES: Final = (
    Choice(0, N_("48 kHz mono, about 48 kbps")),
    Choice(1, N_("48 kHz mono, about 128 kbps")),
    Choice(2, N_("48 kHz stereo, about 192 kbps")),
)
_BOOL_CHOICES_ZH: Final = "`true`：开启。`false`：（默认）不开启。"


def _web(key: str, kind: Kind, label: str, help_: str, **extra: Any) -> Field:
    """A ``serviceParam`` key of the web recorder (web mode only)."""
    return Field(f"{PARAM}.{key}", kind, label, help_, modes=WEB, service=WEB_RECORDER, **extra)


FIELDS: tuple[Field, ...] = (
    Field(
        EXT,
        "object",
        N_("Extension services"),
        "Extra services run alongside the recording. In web mode it holds the web page "
        "recorder and optionally a CDN push and is required. In individual and mix modes it "
        "is used only for other services such as audio moderation.",
        help_zh=(
            "`extensionServiceConfig` 是一个 JSON "
            "Object，用于设置扩展服务。扩展服务是基于声网 RTC SDK "
            "的一系列应用服务，能够对声网 RTC SDK 中产生的"
            "音视频流进行进一步处理，如页面录制、智能语音审核服务。"
        ),
        required_in=WEB,
        rules=("web.required", "web.mode_only", "rec.streamTypes.moderation"),
        example={"errorHandlePolicy": "error_abort", "extensionServices": []},
    ),
    Field(
        f"{EXT}.errorHandlePolicy",
        "string",
        N_("Error policy (all services)"),
        'What happens when an extension service fails. Only "error_abort" is supported: '
        "subscription and the other services stop.",
        help_zh=(
            '（选填）String 类型。错误处理策略。目前仅可设置为默认值 `"error_abort"`，'
            "表示当某一扩展服务发生错误后，订阅及其他非扩展服务均停止。"
        ),
        default="error_abort",
        choices=(Choice("error_abort", N_("Stop everything on error")),),
        value_rule="web.errorPolicy",
        rules=("web.errorPolicy",),
        headless="one allowed value, the default: nothing to choose (R95 reports another)",
        example="error_abort",
    ),
    Field(
        f"{EXT}.apiVersion",
        "string",
        N_("API version"),
        'Version of the Cloud Recording REST API. Only "v1" exists; the current docs no '
        "longer mention the field, so it can be left out.",
        help_zh='（选填）String 类型，云端录制 RESTful API 的版本号，默认为 `"v1"`。',
        default="v1",
        choices=(Choice("v1", "v1"),),
        value_rule="web.apiVersion",
        rules=("web.apiVersion",),
        headless='one allowed value, "v1", which the current docs leave out (R96 warns)',
        example="v1",
    ),
    Field(
        f"{EXT}.extensionServices",
        "array",
        N_("Services"),
        "The services to run. Web mode: exactly one web_recorder_service, optionally plus one "
        "rtmp_publish_service; no other combination is supported.",
        help_zh=(
            "JSONArray 类型，由每个扩展服务的设置组成的数组。"
            "目前仅支持同时设置页面录制和推流到 CDN，尚不支持同时设置其他多个扩展服务。"
        ),
        items="object",
        required_in=WEB,
        rules=("web.required", "web.services.combo", "web.mode_only"),
        example=[{"serviceName": WEB_RECORDER, "serviceParam": {"url": "https://example.com"}}],
    ),
    Field(
        f"{SERVICE}.serviceName",
        "string",
        N_("Service"),
        'Which service this entry configures: "web_recorder_service" records a web page, '
        '"rtmp_publish_service" pushes that recording to a CDN (web mode). Other services, '
        "such as audio moderation, belong to individual and mix modes.",
        help_zh=(
            "String 类型，扩展服务的名称。要进行页面录制，你需要将"
            '其设置为 `"web_recorder_service"`。'
            '如果要进行页面录制并推流到 CDN，你需要将其设置为 `"rtmp_publish_service"`。'
        ),
        required_in=WEB,
        rules=("web.services.combo", "web.mode_only"),
        headless="set by the Web & CDN step when it adds the web recorder or the CDN push",
        example=WEB_RECORDER,
    ),
    Field(
        f"{SERVICE}.errorHandlePolicy",
        "string",
        N_("Error policy (this service)"),
        'What a failure of this service does. Web recorder: only "error_abort" (the other '
        'services stop). CDN push: only "error_ignore" (the recording carries on).',
        help_zh=(
            '（选填）String 类型。错误处理策略。页面录制：目前仅可设置为默认值 `"error_abort"`，'
            "表示如果当前扩展服务发生错误，其他扩展服务均停止。推流到 C"
            'DN：目前仅可设置为默认值 `"error_ignore"`，'
            "表示如果当前扩展服务发生错误，不影响其他扩展服务。"
        ),
        headless="set to the value its service needs when the Web & CDN step adds it (R95)",
        rules=("web.errorPolicy",),
        example="error_abort",
    ),
    Field(
        f"{SERVICE}.serviceParam",
        "object",
        N_("Service settings"),
        "The settings of this service; which keys belong here depends on serviceName.",
        help_zh="JSON Object。扩展服务的具体参数设置。",
        required_in=WEB,
        example={"url": "https://example.com/room"},
    ),
    _web(
        "url",
        "url",
        N_("Page address"),
        "Full http(s) address of the page to record. It must be reachable from Agora's "
        "servers, otherwise the task exits right after start.",
        help_zh="String 类型。设置待录制页面的地址。",
        required_in=WEB,
        rules=("web.url",),
        example="https://example.com/room",
    ),
    _web(
        "audioProfile",
        "int",
        N_("Audio quality"),
        "Sample rate, bitrate and channels of the recorded audio: 0 48 kHz mono about 48 kbps, "
        "1 48 kHz mono about 128 kbps, 2 48 kHz stereo about 192 kbps. Required.",
        help_zh="Number 类型，设置输出音频的采样率、码率、编码模式和声道数。",
        choices=AUDIO_PROFILE_CHOICES,
        required_in=WEB,
        value_rule="web.audioProfile",
        rules=("web.audioProfile",),
        example=0,
    ),
    _web(
        "videoWidth",
        "int",
        N_("Video width (px)"),
        "Width of the recorded video, 240 to 1920 px; width × height may not exceed "
        "1920 × 1080. For mobile pages use the sizes Agora recommends for mobile rendering.",
        help_zh=(
            "Number 类型，设置输出视频的宽度，单位为 pixel，范围为  [240, 1920]。"
            "`videoWidth` 和 `videoHeight` 的乘积需小于等于 1920 × 1080。"
        ),
        minimum=240,
        maximum=1920,
        required_in=WEB,
        value_rule="web.dims",
        rules=("web.dims", "web.area"),
        example=1280,
    ),
    _web(
        "videoHeight",
        "int",
        N_("Video height (px)"),
        "Height of the recorded video, 240 to 1920 px; width × height may not exceed 1920 × 1080.",
        help_zh=(
            "Number 类型，设置输出视频的高度，单位为 pixel，范围为  [240, 1920]。"
            "`videoWidth` 和 `videoHeight` 的乘积需小于等于 1920 × 1080。"
        ),
        minimum=240,
        maximum=1920,
        required_in=WEB,
        value_rule="web.dims",
        rules=("web.dims", "web.area"),
        example=720,
    ),
    _web(
        "maxRecordingHour",
        "int",
        N_("Maximum length (hours)"),
        "The recording stops by itself after this many hours, 1 to 720. Billing runs until the "
        "task stops, so keep it realistic, and no higher than acquire's resourceExpiredHour "
        "(default 72) or you lose control of the task before it ends.",
        help_zh=(
            "Number 类型，设置录制的最大时长，单位为小时，范围为 [1"
            ",720]。当录制时长超过 `maxRecordingHour`，"
            "录制会自动停止。建议 `maxRecordingHour` 不超过你在 `acquire` 方法中设置的 "
            "`resourceExpiredHour` 的值。页面录制停止前会持续计费，请根据实际业务情况设置合理的 "
            "`maxRecordingHour`，或主动停止页面录制。"
        ),
        minimum=1,
        maximum=720,
        required_in=WEB,
        value_rule="web.maxRecordingHour",
        rules=("web.maxRecordingHour", "web.maxRecordingHour.vs_expiry"),
        example=3,
    ),
    _web(
        "videoBitrate",
        "int",
        N_("Video bitrate (kbps)"),
        "Bitrate of the recorded video, 50 to 8000 kbps. Left out: 2000 for 1280 × 720 and "
        "larger, 1500 below that. Spell it videoBitrate (lower-case v).",
        help_zh=(
            "（选填）Number 类型，输出视频的码率，单位为 kbps，范围为 [50, 8000]。"
            "针对不同的输出视频分辨率，`videoBitrate` 的"
            "默认值不同：输出视频分辨率大于或等于 1280 × 720："
            "默认值为 2000；输出视频分辨率小于 1280 × 720：默认值为 1500。"
        ),
        minimum=50,
        maximum=8000,
        value_rule="web.bitrate",
        rules=("web.bitrate", "web.bitrate.keycase"),
        example=2000,
    ),
    _web(
        "videoFps",
        "int",
        N_("Frame rate"),
        "Frames per second of the recorded video, 5 to 60 (default 15).",
        help_zh="（选填）Number 类型，输出视频的帧率，单位为 fps，范围为 [5, 60]，默认值为 15。",
        default=15,
        minimum=5,
        maximum=60,
        value_rule="web.fps",
        rules=("web.fps",),
        example=15,
    ),
    _web(
        "mobile",
        "bool",
        N_("Render as mobile page"),
        "true renders the page the way a mobile browser would; false (default) renders it as "
        "a desktop page.",
        help_zh="（选填）Bool 类型，是否开启移动端网页模式：" + _BOOL_CHOICES_ZH,
        default=False,
        rules=("web.booleans",),
        example=False,
    ),
    _web(
        "maxVideoDuration",
        "int",
        N_("MP4 segment length (minutes)"),
        "A new MP4 file starts after about this many minutes, 30 to 240 (default 120). Only "
        'matters when avFileType includes "mp4".',
        help_zh=(
            "（选填）Number 类型，设置页面录制生成的 MP4 切"
            "片文件的最大时长，单位为分钟，取值范围为 [30,240]，"
            "默认值为 120 分钟。"
        ),
        default=120,
        minimum=30,
        maximum=240,
        value_rule="web.maxVideoDuration",
        rules=("web.maxVideoDuration", "file.web_mp4_hint"),
        example=120,
    ),
    _web(
        "onhold",
        "bool",
        N_("Start paused"),
        "true opens and renders the page but writes nothing until an update call sends "
        "onhold false; use it to start recording at the right moment. Wait for each update to "
        "answer before sending the next.",
        help_zh=(
            "（选填）Bool 类型。设置是否在启动页面录制任务时暂停页面录制。"
            "`true`：在启动页面录制任务时暂停页面录制。`f"
            "alse`：(默认) 启动页面录制任务并进行页面录制。"
        ),
        default=False,
        rules=("web.booleans",),
        example=False,
    ),
    _web(
        "readyTimeout",
        "int",
        N_("Page load timeout (s)"),
        "0 (default) skips the load check. 1 to 60: the page must call "
        "window.navigator.notifyReady() within that many seconds, otherwise it is reloaded "
        "once and then the task stops.",
        help_zh=(
            "（选填）Number 类型，设置页面加载超时时间，单位为"
            "秒，取值范围 [0,60]。（默认）设置为 0 或不设置，"
            "表示不检测页面加载状态。设置为大于等于 1 的整数，表示页面加载超时时间。"
            "设置为小于 0 或非整数，表示设置错误并收到错误码 `2`。"
        ),
        default=0,
        minimum=0,
        maximum=60,
        value_rule="web.readyTimeout",
        rules=("web.readyTimeout", "web.readyTimeout.notify"),
        example=0,
    ),
    Field(
        f"{PARAM}.outputs",
        "array",
        N_("CDN outputs"),
        "Where to push the recorded page: exactly one entry with an rtmp:// or rtmps:// "
        "address. A failing CDN push does not stop the recording.",
        help_zh="JSON Array 类型。包含以下参数：`rtmpUrl`：String 类型。CDN 推流地址。",
        items="object",
        max_items=1,
        modes=WEB,
        required_in=WEB,
        rules=("rtmp.outputs",),
        service=RTMP_PUBLISH,
        example=[{"rtmpUrl": "rtmp://live.example.com/app/stream"}],
    ),
    Field(
        f"{PARAM}.outputs[].rtmpUrl",
        "string",
        N_("CDN push address"),
        "The CDN ingest address, starting rtmp:// or rtmps://.",
        help_zh="String 类型。CDN 推流地址。",
        modes=WEB,
        required_in=WEB,
        rules=("rtmp.outputs",),
        service=RTMP_PUBLISH,
        example="rtmp://live.example.com/app/stream",
    ),
)
