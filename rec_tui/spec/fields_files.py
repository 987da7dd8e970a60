"""Field declarations: ``recordingFileConfig`` and ``snapshotConfig`` (spec 2.5, 2.6)."""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

FILES: Final = "clientRequest.recordingFileConfig"
SNAP: Final = "clientRequest.snapshotConfig"
INDIVIDUAL: Final[frozenset[Mode]] = frozenset({"individual"})

AV_FILE_CHOICES: Final = (
    Choice("hls", N_("HLS (M3U8 index + TS segments)")),
    Choice("mp4", N_("MP4 (mix and web only; needs hls too)"), modes=frozenset({"mix", "web"})),
)
SNAPSHOT_FILE_CHOICES: Final = (Choice("jpg", "JPG"),)

FIELDS: tuple[Field, ...] = (
    Field(
        FILES,
        "object",
        N_("Recording files"),
        "Which file types the recording produces. Recommended in mix and web modes (current "
        "docs list it as required; HLS is assumed otherwise). In individual mode with "
        "screenshots, its presence means 'screenshots + recording' and its absence "
        "'screenshots only'.",
        help_zh="`recordingFileConfig` 是一个 JSON Object，用于设置录制文件。",
        recommended_in=frozenset({"mix", "web"}),
        requirement_note=N_("screenshots + recording: required; screenshots only: leave it out"),
        rules=("file.recommended", "snap.only.no_file_config", "snap.plus_rec.file_config"),
        example={"avFileType": ["hls", "mp4"]},
    ),
    Field(
        f"{FILES}.avFileType",
        "array",
        N_("File types"),
        'The file types to write: "hls" (M3U8 index + TS segments, the default) and, in mix '
        'and web modes only, "mp4". MP4 always needs HLS next to it: ["hls", "mp4"]. In mix '
        "mode an MP4 rolls over at about 2 h or 2 GB; in web mode after maxVideoDuration.",
        help_zh=(
            "（选填）JSONArray 类型，由多个字符串组成的数组，指定录制的视频文件类型。"
            "云端录制会生成 `avFileType` 中包含的所有文件类型。"
            '设置 "mp4" 的同时必须设置 "hls"（否则会收到错误'
            "码 2），录制结束后，你会同时获得 MP4 和 HLS 文件。"
        ),
        items="string",
        default=["hls"],
        choices=AV_FILE_CHOICES,
        value_rule="file.values",
        rules=("file.values", "file.mp4_needs_hls", "file.mp4_mode", "file.web_mp4_hint"),
        example=["hls", "mp4"],
    ),
    Field(
        SNAP,
        "object",
        N_("Screenshots"),
        "Take JPG screenshots of each user's video at a fixed interval. Individual mode only; "
        "needs video (streamTypes 1 or 2). Add recordingFileConfig to record as well, leave it "
        "out for screenshots only. A screenshot failure does not affect the recording.",
        help_zh=(
            "`snapshotConfig` 是一个用于设置截图的 JSON Object。截图功能仅适用于单流录制模式，"
            "请求 URL 中的 `mode` 参数必须设为 `individual`。"
        ),
        modes=INDIVIDUAL,
        rules=(
            "snap.mode",
            "snap.streamTypes",
            "snap.audio_needs_video_list",
            "snap.streamMode",
            "snap.only.no_file_config",
            "snap.plus_rec.file_config",
        ),
        example={"captureInterval": 10, "fileType": ["jpg"]},
    ),
    Field(
        f"{SNAP}.captureInterval",
        "int",
        N_("Screenshot interval (s)"),
        "Seconds between screenshots, 1 to 3600 (default 10). Some references still give a "
        "minimum of 5, so values below 5 get a warning.",
        help_zh=(
            "（选填）Integer 类型，截图周期（s），云端录"
            "制会按此周期定期截图。取值范围是 [1, 3600]，"
            "默认值 `10`。"
        ),
        default=10,
        minimum=1,
        maximum=3600,
        modes=INDIVIDUAL,
        value_rule="snap.interval",
        rules=("snap.interval",),
        example=10,
    ),
    Field(
        f"{SNAP}.fileType",
        "array",
        N_("Screenshot format"),
        'Screenshot file format. Only ["jpg"] is supported.',
        help_zh=(
            "JSONArray 类型，由多个字符串组成的数组，指定截图的文件格式。"
            '目前只支持 `["jpg"]`，即生成 JPG 截图文件。'
        ),
        items="string",
        choices=SNAPSHOT_FILE_CHOICES,
        modes=INDIVIDUAL,
        required_in=INDIVIDUAL,
        value_rule="snap.fileType",
        rules=("snap.fileType",),
        example=["jpg"],
    ),
)
