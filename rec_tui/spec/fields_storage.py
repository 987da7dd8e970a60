"""Field declarations: ``clientRequest.storageConfig`` (spec section 2.7).

The SEED hides this section's table behind an unresolved include, so the Chinese wording
exists only for ``storageConfig`` itself, ``fileNamePrefix`` and ``extensionParams``. The
vendor choices come from :mod:`rec_tui.spec.storage`; the region choices depend on the vendor
and live there too, so ``region`` declares none here (rule R21 checks it per vendor).
"""

from rec_tui.i18n import N_
from rec_tui.spec import storage
from rec_tui.spec.field import Choice, Field
from rec_tui.spec.modes import MODES

_P = "clientRequest.storageConfig"
_ALL = frozenset(MODES)

FIELDS: tuple[Field, ...] = (
    Field(
        path=_P,
        kind="object",
        label=N_("Cloud storage"),
        help=(
            "Where the recorded files are uploaded: the third-party cloud storage vendor, the "
            "bucket's region, the bucket and the credentials. Required in every mode."
        ),
        help_zh="storageConfig 是一个用于设置第三方云存储的 JSON Object。",
        required_in=_ALL,
        rules=("storage.required",),
    ),
    Field(
        path=f"{_P}.vendor",
        kind="int",
        label=N_("Storage vendor"),
        help=N_(
            "The cloud storage service that holds the bucket. Current values: 1 Amazon S3, "
            "2 Alibaba Cloud, 3 Tencent Cloud, 5 Microsoft Azure, 6 Google Cloud, 7 Huawei "
            "Cloud, 8 Baidu AI Cloud, 11 any S3-compatible service (needs an endpoint). 0 Qiniu "
            "and 4 Kingsoft are historical: older docs list them, the current reference does not."
        ),
        choices=tuple(
            Choice.composed(v.number, storage.HISTORICAL_LABEL, name=v.name)
            if v.historical
            else Choice(v.number, v.name)
            for v in storage.VENDORS
        ),
        required_in=_ALL,
        value_rule="storage.vendor.enum",
        rules=(
            "storage.vendor.enum",
            "storage.region.table",
            "storage.region.zero",
            "storage.sse.value",
            "storage.tag.vendor",
            "storage.endpoint.vendor11",
            "storage.sts.vendor",
        ),
        example=1,
    ),
    Field(
        path=f"{_P}.region",
        kind="int",
        label=N_("Storage region"),
        help=N_(
            "The bucket's region, as a number from the chosen vendor's region table (not the "
            'region name, and not the acquire region string such as "CN"). Use 0 for Azure, '
            "Google Cloud and S3-compatible storage. Pick a region in the same area as your "
            "servers and as the acquire region, if one was set."
        ),
        required_in=_ALL,
        requirement_note=N_("Values come from the vendor's table; 0 for vendors 5, 6 and 11."),
        rules=("storage.region.table", "storage.region.zero", "storage.region.affinity"),
        example=0,
    ),
    Field(
        path=f"{_P}.bucket",
        kind="string",
        label=N_("Bucket"),
        help=N_(
            "The name of the bucket the files are written to (the vendor's naming rules apply)."
        ),
        required_in=_ALL,
        rules=("storage.creds.required", "body.placeholder"),
        example="recordings",
    ),
    Field(
        path=f"{_P}.accessKey",
        kind="string",
        label=N_("Access key"),
        help=N_(
            "The access key of a storage account that may write to the bucket (read and write "
            "for postponed transcoding). Kept in the keyring, never in presets."
        ),
        required_in=_ALL,
        secret=True,
        env="REC_TUI_STORAGE_ACCESS_KEY",
        rules=("storage.creds.required", "body.placeholder"),
    ),
    Field(
        path=f"{_P}.secretKey",
        kind="string",
        label=N_("Secret key"),
        help=N_(
            "The secret key that goes with the access key. Kept in the keyring, never in presets."
        ),
        required_in=_ALL,
        secret=True,
        env="REC_TUI_STORAGE_SECRET_KEY",
        rules=("storage.creds.required", "body.placeholder"),
    ),
    Field(
        path=f"{_P}.stsToken",
        kind="string",
        label=N_("STS token"),
        help=N_(
            "A temporary security token (STS) used together with temporary access and secret "
            "keys. Documented for Amazon S3, Alibaba Cloud and Tencent Cloud only. Give it at "
            "least 4 hours of validity and refresh it through update."
        ),
        secret=True,
        env="REC_TUI_STORAGE_STS_TOKEN",
        rules=("storage.sts.vendor", "storage.sts.expiry", "body.placeholder"),
    ),
    Field(
        path=f"{_P}.stsExpiration",
        kind="int",
        label=N_("STS token expiry"),
        help=N_(
            "When the STS token expires, in Unix seconds. It must be at least 4 hours in the "
            "future; only meaningful together with stsToken."
        ),
        rules=("storage.sts.expiry",),
        example=1893456000,  # 2030-01-01: an example that stays in the future for a while
    ),
    Field(
        path=f"{_P}.fileNamePrefix",
        kind="array",
        items="string",
        label=N_("Folder prefix"),
        help=(
            'Folders to put the files in, one name per entry: ["directory1", "directory2"] '
            "stores files under directory1/directory2/. Names may contain only letters and "
            "digits; the whole prefix, slashes included, at most 128 characters."
        ),
        help_zh=(
            "（选填）JSONArray 类型，由多个字符串组成的数组，"
            "指定录制文件在第三方云存储中的存储位置。举个例子，"
            'fileNamePrefix = ["directory1","directory2"]，将在录制文件名前加上前缀 '
            '"directory1/directory2/"，即 directory1/directory2/xxx.m3u8。'
            "前缀长度（包括斜杠）不得超过 128 个字符。"
            "字符串中不得出现斜杠、下划线、括号等符号字符。以下为支持的字符集范围："
            "26 个小写英文字母 a-z，26 个大写英文字母 A-Z，10 个数字 0-9"
        ),
        rules=("storage.prefix.charset", "storage.prefix.length"),
        # An empty name is only a warning (R24): neither the seed nor the docs say what
        # the service does with one.
        pattern="^[A-Za-z0-9]*$",
        example=["directory1", "directory2"],
    ),
    Field(
        path=f"{_P}.extensionParams",
        kind="object",
        label=N_("Vendor extras"),
        help=(
            "Extra settings for the storage service: server-side encryption (sse) and an object "
            "tag, and for S3-compatible storage (vendor 11) the endpoint, which is then required."
        ),
        help_zh=(
            "（选填）JSON Object 类型，"
            "第三方云存储服务会按照该参数设置对已上传的录制文件进行加密和打标签。"
        ),
        requirement_note=N_("Required for vendor 11 (S3-compatible), which needs the endpoint."),
        rules=("storage.endpoint.vendor11",),
    ),
    Field(
        path=f"{_P}.extensionParams.sse",
        kind="string",
        label=N_("Server-side encryption"),
        help=(
            "Has Amazon S3 encrypt the uploaded files: kms (AWS KMS keys) or aes256. Other "
            "vendors ignore it."
        ),
        help_zh=(
            "加密模式。设置该字段后，第三方云存储服务会按照该加密模式将已上传的录制文件进行加密。"
            "该字段仅适用于 Amazon S3。可设为：kms：KMS 加密。aes256：AES256 加密。"
        ),
        choices=(Choice("kms", N_("KMS encryption")), Choice("aes256", N_("AES-256 encryption"))),
        value_rule="storage.sse.value",
        rules=("storage.sse.value",),
        example="kms",
    ),
    Field(
        path=f"{_P}.extensionParams.tag",
        kind="string",
        label=N_("Object tag"),
        help=(
            "A tag that Amazon S3 or Alibaba Cloud attaches to each uploaded file (for example "
            "for lifecycle rules). Other vendors ignore it."
        ),
        help_zh=(
            "标签内容。设置该字段后，第三方云存储服务会按照该标签内容将已上传的录制文件进行打标签操作。"
            "该字段仅适用于阿里云和 Amazon S3。"
        ),
        rules=("storage.tag.vendor",),
    ),
    Field(
        path=f"{_P}.extensionParams.endpoint",
        kind="string",
        label=N_("S3 endpoint"),
        help=N_(
            "The host name of the S3-compatible storage service (vendor 11), e.g. "
            "s3.example.com. Required for vendor 11, ignored by the others."
        ),
        requirement_note=N_("Required when vendor is 11 (S3-compatible storage)."),
        rules=("storage.endpoint.vendor11", "body.placeholder"),
        example="s3.example.com",
    ),
)
