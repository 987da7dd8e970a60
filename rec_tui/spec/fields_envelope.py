"""Field declarations: the root of the ``start`` body and ``clientRequest.token``.

Spec sections 2.1 and 2.2. The other ``clientRequest`` objects are declared by the modules
of their own sections (recording, files, storage, extension, legacy).
"""

from rec_tui.i18n import N_
from rec_tui.spec.field import ALL_MODES, Field
from rec_tui.spec.modes import Mode

_INDIVIDUAL_MIX: frozenset[Mode] = frozenset({"individual", "mix"})

FIELDS: tuple[Field, ...] = (
    Field(
        path="cname",
        kind="string",
        label=N_("Channel name (cname)"),
        help=(
            "In individual and mix modes: the name of the RTC channel to record, under 64 bytes, "
            "using only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } "
            "| ~ , (otherwise error 1013). In web mode: a label that tells recording sessions "
            "apart, at most 1024 bytes (the seed says 128). It must be exactly the cname sent "
            "in acquire."
        ),
        help_zh=(
            "非页面录制模式下，该参数用于设置待录制的频道名。对于页面录制，该参数用于区分录制进程。"
            "字符串长度不得超过 128 字节。"
        ),
        required_in=ALL_MODES,
        rules=(
            "body.cname.required",
            "body.cname.web_len",
            "body.cname.rtc_channel",
            "body.placeholder",
        ),
        example="httpClient463224",
    ),
    Field(
        path="uid",
        kind="uid",
        label=N_("Recorder UID"),
        help=(
            "The UID the recording service uses in the channel, written as text: a whole number "
            'from 1 to 4294967295, e.g. "527841". It must be exactly the uid sent in acquire and '
            "must not be used by any other user in the channel."
        ),
        help_zh=(
            "字符串内容为云端录制服务使用的 UID，用于标识该录制服务，需要和你在 acquire "
            "请求中输入的 UID 相同。"
        ),
        required_in=ALL_MODES,
        rules=("body.uid.type", "body.uid.range", "body.uid.in_lists"),
        example="527841",
    ),
    Field(
        path="clientRequest",
        kind="object",
        label=N_("Client request"),
        help="The settings of this recording: subscription, transcoding, files, storage, web.",
        help_zh="特定的客户请求参数。",
        required_in=ALL_MODES,
        rules=("body.clientRequest.required",),
    ),
    Field(
        path="clientRequest.token",
        kind="string",
        label=N_("RTC token"),
        help=(
            "The RTC token the recorder joins the channel with, built for this cname and uid. "
            "Needed whenever the project has the App Certificate enabled (otherwise error 110). "
            "Tokens cannot be refreshed during a session, so use one that outlives the recording. "
            "Web mode does not need one."
        ),
        help_zh=(
            "String 类型，用于鉴权的动态密钥。如果你的项目已启用 App 证书，"
            "则务必在该参数中传入你项目的动态密钥。"
        ),
        modes=_INDIVIDUAL_MIX,
        recommended_in=_INDIVIDUAL_MIX,
        requirement_note=N_("Needed whenever the App Certificate is enabled (R16)."),
        secret=True,
        env="REC_TUI_TOKEN",
        rules=("body.token.missing", "body.token.fits", "body.placeholder"),
        example="007eJxTYDQ",
    ),
)
