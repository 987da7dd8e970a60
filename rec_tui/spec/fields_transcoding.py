"""Field declarations: ``recordingConfig.transcodingConfig`` and the mix layout (spec 2.4)."""

from __future__ import annotations

from rec_tui.i18n import N_
from rec_tui.spec.field import Choice, Field
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

TC: Final = "clientRequest.recordingConfig.transcodingConfig"
TILE: Final = f"{TC}.layoutConfig[]"
BG: Final = f"{TC}.backgroundConfig[]"
MIX: Final[frozenset[Mode]] = frozenset({"mix"})

LAYOUT_CHOICES: Final = (
    Choice(0, N_("Floating")),
    Choice(1, N_("Best fit")),
    Choice(2, N_("Vertical")),
    Choice(3, N_("Custom")),
)
FPS_CHOICES: Final = tuple(
    Choice.composed(fps, N_("{fps} fps"), fps=fps) for fps in (1, 7, 10, 15, 24, 30, 60)
)
TILE_RENDER_CHOICES: Final = (Choice(0, N_("Crop to fill")), Choice(1, N_("Fit with black bars")))

_IMAGE_HELP: Final = (
    " The image must be JPG or BMP, at most 6 MB, at an http or https address (current docs "
    "name only https). If the recorder cannot download it, the setting is silently ignored."
)
_IMAGE_ZH: Final = (
    "以上背景图设置中，URL 支持 HTTP 和 HTTPS 协议，"
    "背景图片支持 JPG 和 BMP 格式。图片大小不得超过 6MB。"
    "录制服务成功下载图片后，设置才会生效；如果下载失败，则设置不⽣效。"
)
_TILE_FLOAT_ZH: Final = "精确到小数点后六位。"


def _tile_fraction(key: str, label: str, help_en: str, *, help_zh: str, example: float) -> Field:
    """A tile's position or size: all four are required canvas fractions with the same checks."""
    return Field(
        f"{TILE}.{key}",
        "float",
        label,
        help_en,
        help_zh=help_zh,
        minimum=0,
        maximum=1,
        modes=MIX,
        required_in=MIX,
        value_rule="tc.tile.fields",
        rules=("tc.tile.fields", "tc.tile.bounds", "tc.tile.precision"),
        example=example,
    )


FIELDS: tuple[Field, ...] = (
    Field(
        f"{TC}",
        "object",
        N_("Video transcoding (mix layout)"),
        "How the mixed video is encoded and laid out: canvas size, frame rate, bitrate, "
        "layout and backgrounds. Mix mode only. If you set it at all, the seed requires width, "
        "height, fps and bitrate together.",
        help_zh=(
            "（选填）JSON Object，视频转码的详细设置。仅适用于合流模式，单流模式下不能设置该参数。"
            "如果不设置将使用默认值。如果设置该参数，必须填入 `width"
            "`、`height`、`fps` 和 `bitrate` 字段。"
        ),
        modes=MIX,
        rules=("tc.mode", "tc.complete"),
        example={"width": 640, "height": 360, "fps": 15, "bitrate": 500, "mixedVideoLayout": 1},
    ),
    Field(
        f"{TC}.width",
        "int",
        N_("Canvas width (px)"),
        "Width of the mixed video in pixels, 1 to 1920. Width × height may not exceed "
        "1920 × 1080. Newer docs default it to 360.",
        help_zh=(
            "Number 类型，视频的宽度，单位为像素，默认值 360。`width` 不能超过 1920，且 `width` 和 "
            "`height` 的乘积不能超过 1920 * 1080，超过最大值会报错。"
        ),
        default=360,
        minimum=1,
        maximum=1920,
        modes=MIX,
        required_in=MIX,
        value_rule="tc.dims.range",
        rules=("tc.complete", "tc.dims.range", "tc.dims.area"),
        example=640,
    ),
    Field(
        f"{TC}.height",
        "int",
        N_("Canvas height (px)"),
        "Height of the mixed video in pixels, 1 to 1920. Width × height may not exceed "
        "1920 × 1080. Newer docs default it to 640.",
        help_zh=(
            "Number 类型，视频的高度，单位为像素，默认值 640。"
            "`height` 不能超过 1920，且 `width` 和 "
            "`height` 的乘积不能超过 1920 * 1080，超过最大值会报错。"
        ),
        default=640,
        minimum=1,
        maximum=1920,
        modes=MIX,
        required_in=MIX,
        value_rule="tc.dims.range",
        rules=("tc.complete", "tc.dims.range", "tc.dims.area"),
        example=360,
    ),
    Field(
        f"{TC}.fps",
        "int",
        N_("Frame rate"),
        "Frames per second of the mixed video. Supported: 1, 7, 10, 15, 24, 30 or 60; any "
        "other value is replaced by 15.",
        help_zh="Number 类型，视频的帧率，单位 fps，默认值 15。",
        default=15,
        choices=FPS_CHOICES,
        modes=MIX,
        required_in=MIX,
        value_rule="tc.fps.set",
        rules=("tc.complete", "tc.fps.set"),
        example=15,
    ),
    Field(
        f"{TC}.bitrate",
        "int",
        N_("Video bitrate (kbps)"),
        "Bitrate of the mixed video in kbps, 1 to 6500. For a live broadcast channel use about "
        "twice the value of Agora's video profile table.",
        help_zh="Number 类型，视频的码率，单位 Kbps，默认值 500。",
        default=500,
        minimum=1,
        maximum=6500,
        modes=MIX,
        required_in=MIX,
        value_rule="tc.bitrate.range",
        rules=("tc.complete", "tc.bitrate.range"),
        example=500,
    ),
    Field(
        f"{TC}.maxResolutionUid",
        "uid",
        N_("Large-window user (vertical layout)"),
        "With the vertical layout (2), the UID of the user shown in the large window. Without "
        "it the large window shows the background colour. Ignored by the other layouts.",
        help_zh=(
            "（选填）String 类型，如果视频合流布局设为"
            "垂直布局，用该参数指定显示大视窗画面的用户 ID。"
            "取值范围 1 到 (2<sup>32</sup>-1)，不可设置为 0。"
        ),
        modes=MIX,
        requirement_note=N_("layout 2: recommended"),
        rules=("tc.maxres.format", "tc.vertical.needs_maxres", "tc.maxres.ignored"),
        example="123",
    ),
    Field(
        f"{TC}.mixedVideoLayout",
        "int",
        N_("Layout"),
        "How users are arranged on the canvas: 0 floating, 1 best fit, 2 vertical (one large "
        "window, set the large-window user), 3 custom (describe each tile in layoutConfig). "
        "Each layout holds up to 17 users.",
        help_zh=(
            "（选填）Number 类型，设置视频合流布局，0、1、2 为预设的合流布局，3 为自定义合流布局。"
            "该参数设为 3 时必须设置 `layoutConfig` 参数。"
        ),
        default=0,
        choices=LAYOUT_CHOICES,
        modes=MIX,
        value_rule="tc.layout.enum",
        rules=("tc.layout.enum", "tc.layout.custom_needs_config", "tc.layout.config_ignored"),
        example=1,
    ),
    Field(
        f"{TC}.backgroundColor",
        "string",
        N_("Background colour"),
        "Colour of the canvas behind the tiles, written as # followed by 6 hex digits "
        "(#RRGGBB). Black (#000000) when left out.",
        help_zh=(
            "（选填）String 类型。视频画布的背景颜色。支持 R"
            "GB 颜色表，字符串格式为 # 号后 6 个十六进制数。"
            '默认值 `"#000000"` 黑色。'
        ),
        default="#000000",
        modes=MIX,
        rules=("tc.color.format",),
        example="#FF0000",
        pattern="^#[0-9A-Fa-f]{6}$",
    ),
    Field(
        f"{TC}.backgroundImage",
        "url",
        N_("Canvas background image"),
        "Address of an image covering the whole canvas, scaled and cropped to fill it."
        + _IMAGE_HELP,
        help_zh=(
            "（选填）String 类型。视频画布的背景图的 URL 地址。背景图的显示模式为裁剪模式。"
            + _IMAGE_ZH
        ),
        modes=MIX,
        rules=("tc.image.url",),
        example="https://example.com/canvas.jpg",
    ),
    Field(
        f"{TC}.defaultUserBackgroundImage",
        "url",
        N_("Default user placeholder image"),
        "Image shown in a user's tile once that user has sent no video for 3.5 s. A per-user "
        "entry in backgroundConfig overrides it." + _IMAGE_HELP,
        help_zh=(
            "（选填）String 类型。默认的用户画面背景图的 U"
            "RL 地址。配置该参数后，当任一⽤户停止发送视频流超过 "
            "3.5 秒，画⾯将切换为该背景图；如果针对某 UID 单独设置了背景图，则该设置会被覆盖。"
        ),
        modes=MIX,
        rules=("tc.image.url",),
        example="https://example.com/placeholder.jpg",
    ),
    Field(
        f"{TC}.layoutConfig",
        "array",
        N_("Custom layout tiles"),
        "The tiles of the custom layout (3), one per user, at most 17. Positions and sizes are "
        "fractions of the canvas (0 to 1). Ignored with the other layouts.",
        help_zh=(
            "（选填）JSONArray 类型。由每个用户对应的"
            "布局画面设置组成的数组，支持最多 17 个用户画面。"
            "当 `mixedVideoLayout` 设为 3 时，可以通过该参数自定义合流布局。"
        ),
        items="object",
        max_items=17,
        modes=MIX,
        requirement_note=N_("layout 3: required, at least 1 tile"),
        rules=("tc.layout.custom_needs_config", "tc.layout.config_ignored", "tc.layout.max17"),
        example=[{"uid": "123", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5}],
    ),
    Field(
        f"{TILE}.uid",
        "uid",
        N_("Tile user"),
        "UID of the user shown in this tile. Leave it out to fill tiles in the order users "
        "join. Each user should appear in one tile only.",
        help_zh=(
            "（选填）String 类型。字符串内容为待显示在该区域的用户的 UID，32 位无符号整数。"
            "如果不指定 UID，会按照用户加入频道的顺序自动匹配 `layoutConfig` 中的画面设置。"
        ),
        modes=MIX,
        rules=("tc.tile.uid",),
        example="123",
    ),
    _tile_fraction(
        "x_axis",
        N_("Left edge"),
        "Left edge of the tile as a fraction of the canvas width: 0 is the far left, 1 the far "
        "right. Up to 6 decimals. Keep x_axis + width ≤ 1.",
        help_zh=(
            "Float 类型。屏幕里该画面左上角的横坐标的相对值"
            "，范围是  [0.0,1.0]，精确到小数点后六位。"
            "从左到右布局，0.0 在最左端，1.0 在最右端。"
        ),
        example=0.0,
    ),
    _tile_fraction(
        "y_axis",
        N_("Top edge"),
        "Top edge of the tile as a fraction of the canvas height: 0 is the top, 1 the bottom. "
        "Up to 6 decimals. Keep y_axis + height ≤ 1.",
        help_zh=(
            "Float 类型。屏幕里该画面左上角的纵坐标的相对值"
            "，范围是  [0.0,1.0]，精确到小数点后六位。"
            "从上到下布局，0.0 在最上端，1.0 在最下端。"
        ),
        example=0.0,
    ),
    _tile_fraction(
        "width",
        N_("Tile width"),
        "Width of the tile as a fraction of the canvas width, 0 to 1, up to 6 decimals.",
        help_zh="Float 类型。该画面宽度的相对值，取值范围是 [0.0,1.0]，" + _TILE_FLOAT_ZH,
        example=0.5,
    ),
    _tile_fraction(
        "height",
        N_("Tile height"),
        "Height of the tile as a fraction of the canvas height, 0 to 1, up to 6 decimals.",
        help_zh="Float 类型。该画面高度的相对值，取值范围是 [0.0,1.0]，" + _TILE_FLOAT_ZH,
        example=0.5,
    ),
    Field(
        f"{TILE}.alpha",
        "float",
        N_("Opacity"),
        "Opacity of the tile: 0 is fully transparent, 1 (the default) fully opaque.",
        help_zh=(
            "（选填）Float 类型。图像的透明度。取值范围是 ["
            "0.0,1.0] ，精确到小数点后六位。默认值 1.0。"
            "0.0 表示图像为透明的，1.0 表示图像为完全不透明的。"
        ),
        default=1.0,
        minimum=0,
        maximum=1,
        modes=MIX,
        value_rule="tc.tile.alpha_render",
        rules=("tc.tile.alpha_render", "tc.tile.precision"),
        example=1.0,
    ),
    Field(
        f"{TILE}.render_mode",
        "int",
        N_("Video fit"),
        "How the user's video fills the tile: 0 crops it to fill the tile (default), 1 shows "
        "the whole picture with black bars.",
        help_zh=(
            "（选填）Number 类型。画面显示模式：0：（默认）裁剪模式。优先保证画面被填满。"
            "1：缩放模式。优先保证视频内容全部显示。"
        ),
        default=0,
        choices=TILE_RENDER_CHOICES,
        modes=MIX,
        value_rule="tc.tile.alpha_render",
        rules=("tc.tile.alpha_render",),
        example=0,
    ),
    Field(
        f"{TC}.backgroundConfig",
        "array",
        N_("Per-user placeholder images"),
        "Images shown in particular users' tiles once they stop sending video for 3.5 s; "
        "each entry names a uid and an image address.",
        help_zh="（选填）JSONArray 类型。数组内容为各 UID 单独的背景图设置。",
        items="object",
        modes=MIX,
        rules=("tc.bgconfig.entry",),
        example=[{"uid": "123", "image_url": "https://example.com/u123.jpg"}],
    ),
    Field(
        f"{BG}.uid",
        "uid",
        N_("User"),
        "UID of the user this placeholder image is for.",
        help_zh="String 类型。用户 UID。",
        modes=MIX,
        required_in=MIX,
        rules=("tc.bgconfig.entry",),
        example="123",
    ),
    Field(
        f"{BG}.image_url",
        "url",
        N_("Placeholder image"),
        "Image shown in this user's tile once the user has sent no video for 3.5 s." + _IMAGE_HELP,
        help_zh=(
            "String 类型。该 UID 的背景图的 URL 地址"
            "。配置背景图后，当该⽤户停止发送视频流超过 3.5 秒，"
            "画⾯将切换为该背景图。"
        ),
        modes=MIX,
        required_in=MIX,
        rules=("tc.bgconfig.entry", "tc.image.url"),
        example="https://example.com/u123.jpg",
    ),
    Field(
        f"{BG}.render_mode",
        "int",
        N_("Image fit"),
        "How the placeholder image fills the tile: 0 crops it to fill (default), 1 shows the "
        "whole image with black bars.",
        help_zh=(
            "（选填）Number 类型。画面显示模式。0：（默认）裁剪模式。优先保证画面被填满。"
            "1：缩放模式。优先保证背景图内容全部显示。"
        ),
        default=0,
        choices=TILE_RENDER_CHOICES,
        modes=MIX,
        value_rule="tc.bgconfig.entry",
        rules=("tc.bgconfig.entry",),
        example=0,
    ),
)
