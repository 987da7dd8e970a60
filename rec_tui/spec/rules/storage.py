"""storageConfig rules (spec 3.2): R19–R31.

Vendor and region facts come from :mod:`rec_tui.spec.storage`. Values of the wrong JSON type
are left to R17 (`body.types`); these rules judge only what they can read.
"""

from __future__ import annotations

import time

from rec_tui.i18n import N_, _, moment
from rec_tui.spec import jsonpath, storage
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.checks import matches_declared
from rec_tui.spec.rules.context import STORAGE, Context, as_int
from rec_tui.spec.rules.declared import not_a_choice, str_choices
from rec_tui.spec.rules.quoting import listed, one_of, shown
from rec_tui.spec.rules.sections import child, client_request, section, section_present

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

_EXT = f"{STORAGE}.extensionParams"
_SSE_VALUES: Final = str_choices(f"{_EXT}.sse")
_SSE_VENDORS: Final = frozenset({storage.AMAZON_S3})
_TAG_VENDORS: Final = frozenset({storage.AMAZON_S3, storage.ALIBABA_CLOUD})
_STS_VENDORS: Final = frozenset({storage.AMAZON_S3, storage.ALIBABA_CLOUD, storage.TENCENT_CLOUD})
_KNOWN_VENDORS: Final = frozenset(storage.CURRENT_VENDORS + storage.HISTORICAL_VENDORS)
_CREDENTIALS: Final = {
    "bucket": N_("the name of the bucket the files go to"),
    "accessKey": N_("the access key of an account that may write to the bucket"),
    "secretKey": N_("the secret key that goes with the access key"),
}
PREFIX_MAX_CHARS: Final = 128
STS_MIN_VALIDITY_S: Final = 4 * 3600
_FAR: Final = 2**62


def _config(ctx: Context) -> dict[str, Any] | None:
    return section(ctx, "storageConfig")


def _prefix(ctx: Context) -> list[Any] | None:
    config = _config(ctx)
    entries = config.get("fileNamePrefix") if config is not None else None
    return entries if isinstance(entries, list) else None


def _vendor(config: dict[str, Any]) -> storage.Vendor | None:
    number = as_int(config.get("vendor"))
    return storage.vendor(number) if number is not None else None


def _text(holder: dict[str, Any] | None, key: str) -> str | None:
    """A non-empty string value, else None ("" counts as unset; other types are R17's)."""
    value = holder.get(key) if holder is not None else None
    return value if isinstance(value, str) and value != "" else None


def _names(numbers: frozenset[int]) -> str:
    return listed(
        [
            f"{n} {_(found.name)}"
            for n in sorted(numbers)
            if (found := storage.vendor(n)) is not None
        ]
    )


def _compact(values: list[int]) -> str:
    """[0, 1, 2, 3, 5] → "0–3, 5"."""
    runs: list[list[int]] = []
    for value in sorted(values):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _duration(seconds: float) -> str:
    minutes = int(abs(seconds)) // 60
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        # A customer's body is often weeks old: "503 h" says less than "20 d 23 h".
        return _("{days} d {hours} h").format(days=days, hours=hours)
    if hours:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _("{minutes} min").format(minutes=minutes)


def _utc_moment(stamp: float) -> str:
    """``stamp`` as a date and time in UTC, to line up with the customer's logs."""
    try:
        return moment(stamp, utc=True, precision="minutes")
    except (OverflowError, OSError, ValueError):
        return str(int(stamp))


@rule("R19", "storage.required", "E", N_("storageConfig missing"))
def storage_required(ctx: Context, out: Findings) -> None:
    # Without a clientRequest object R14 (or R17) speaks; this rule would only repeat it.
    if client_request(ctx) is not None and not section_present(ctx, "storageConfig"):
        out.error(
            STORAGE,
            _("Cloud storage settings are required."),
            _(
                'Add "storageConfig" with vendor, region, bucket, accessKey and secretKey: the '
                "recorder uploads its files there."
            ),
        )


# Judges its choices itself: two declared vendors (0, 4) only warn.
@rule(
    "R20",
    "storage.vendor.enum",
    "E/W",
    N_("vendor missing or undocumented (E); 0 or 4 (W)"),
    judges_values=True,
)
def vendor_enum(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    path = f"{STORAGE}.vendor"
    raw = config.get("vendor")
    allowed = one_of([str(number) for number in storage.CURRENT_VENDORS])
    current = _names(frozenset(storage.CURRENT_VENDORS))
    hint = _("Use the number of the bucket's service: {vendors}.").format(vendors=current)
    if raw is None:
        out.error(path, _("Storage vendor must be {allowed}.").format(allowed=allowed), hint)
    elif not_a_choice(raw, _KNOWN_VENDORS):
        message = _("Storage vendor must be {allowed}; got {value}.")
        out.error(path, message.format(allowed=allowed, value=shown(raw)), hint)
    elif (found := _vendor(config)) is not None and found.historical:
        out.warning(
            path,
            _("Vendor {number} ({name}) is no longer in the current API reference.").format(
                number=found.number, name=_(found.name)
            ),
            _(
                "Older docs list it and it may still work; if uploads fail, move the bucket to a "
                "vendor of the current list: {vendors}."
            ).format(vendors=current),
        )


@rule(
    "R21", "storage.region.table", "E/W", N_("region missing (E) or not in the vendor's table (W)")
)
def region_table(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    path = f"{STORAGE}.region"
    raw = config.get("region")
    if raw is None:
        out.error(
            path,
            _("Storage region is required (a number from the vendor's table)."),
            _(
                "Add the bucket's region as a number from the vendor's region table (0 for "
                "Azure, Google Cloud and S3-compatible storage)."
            ),
        )
        return
    found = _vendor(config)
    region = as_int(raw)
    if found is None or found.zero_region_only or region is None:
        return
    if storage.region(found, region) is None:
        values = [entry.value for entry in found.regions]
        out.warning(
            path,
            _(
                "Region {region} is not in the documented table for vendor {number} (as of "
                "2026-07)."
            ).format(region=shown(region), number=found.number),
            _(
                "Check the bucket's region and use its number from the {name} table ({values})."
            ).format(name=_(found.name), values=_compact(values)),
        )


@rule("R22", "storage.region.zero", "W", N_("vendor 5, 6 or 11 with a region other than 0"))
def region_zero(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    found = _vendor(config)
    region = as_int(config.get("region"))
    if found is not None and found.zero_region_only and region is not None and region != 0:
        out.warning(
            f"{STORAGE}.region",
            _(
                "For this vendor set region to 0 ({name} takes no region number; got {value})."
            ).format(name=_(found.name), value=shown(region)),
            _("Set storageConfig.region to 0."),
        )


@rule("R23", "storage.creds.required", "E", N_("bucket, accessKey or secretKey empty"))
def credentials_required(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    for key, what in _CREDENTIALS.items():
        if config.get(key) in (None, ""):
            out.error(
                f"{STORAGE}.{key}",
                _("bucket, accessKey and secretKey are all required; {key} is missing.").format(
                    key=key
                ),
                _("Fill in storageConfig.{key}: {what}.").format(key=key, what=_(what)),
            )


@rule(
    "R24",
    "storage.prefix.charset",
    "E/W",
    N_("a fileNamePrefix element is not [A-Za-z0-9] (E) or is empty (W)"),
)
def prefix_charset(ctx: Context, out: Findings) -> None:
    entries = _prefix(ctx)
    if not entries:
        return
    for index, entry in enumerate(entries):
        path = f"{STORAGE}.fileNamePrefix[{index}]"
        if entry == "":
            # Neither the seed nor the docs say what the service does with an empty name.
            out.warning(
                path,
                _(
                    "Folder names may contain only letters and digits (no / _ - or brackets); "
                    "this one is empty."
                ),
                _("Remove the empty entry or give the folder a name."),
            )
        elif isinstance(entry, str) and not matches_declared(f"{STORAGE}.fileNamePrefix", entry):
            hint = _("Use only a-z, A-Z and 0-9 in each folder name.")
            if "/" in entry:
                hint = _('Give each folder as its own entry: "a/b" becomes "a", "b".')
            message = _(
                "Folder names may contain only letters and digits (no / _ - or brackets); "
                "got {value}."
            )
            out.error(path, message.format(value=shown(entry)), hint)


@rule("R25", "storage.prefix.length", "E", N_("the joined fileNamePrefix is over 128 characters"))
def prefix_length(ctx: Context, out: Findings) -> None:
    entries = _prefix(ctx)
    if not entries:
        return
    # "a", "b" → "a/b/": every element plus its slash, the trailing one included.
    length = sum(len(entry) + 1 for entry in entries if isinstance(entry, str))
    if length > PREFIX_MAX_CHARS:
        out.error(
            f"{STORAGE}.fileNamePrefix",
            _(
                "The storage path prefix is longer than 128 characters ({length}, slashes "
                "included)."
            ).format(length=length),
            _(
                "Shorten or drop folder names until the joined prefix e1/e2/…/ is at most 128 "
                "characters."
            ),
        )


@rule(
    "R26",
    "storage.sse.value",
    "E/W",
    N_("sse not kms/aes256 (E); sse with a vendor other than 1 (W)"),
    judges_values=True,  # a value in the wrong case gets the exact spelling as hint
)
def sse_value(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    sse = _text(child(config, "extensionParams"), "sse")
    if config is None or sse is None:
        return
    path = f"{_EXT}.sse"
    if sse not in _SSE_VALUES:
        lowered = sse.lower()
        hint = (
            _('Write it in lower case: "{value}".').format(value=lowered)
            if lowered in _SSE_VALUES
            else _("Set sse to {values}, or remove it.").format(
                values=_(" or ").join(f'"{v}"' for v in _SSE_VALUES)
            )
        )
        message = _("sse must be kms or aes256 and applies only to Amazon S3; got {value}.")
        out.error(path, message.format(value=shown(sse)), hint)
        return
    found = _vendor(config)
    if found is not None and found.number not in _SSE_VENDORS:
        out.warning(
            path,
            _("sse must be kms or aes256 and applies only to Amazon S3; {name} ignores it.").format(
                name=_(found.name)
            ),
            _("Remove extensionParams.sse, or configure encryption in the bucket's own settings."),
        )


@rule("R27", "storage.tag.vendor", "W", N_("tag set with a vendor other than 1 or 2"))
def tag_vendor(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None or _text(child(config, "extensionParams"), "tag") is None:
        return
    found = _vendor(config)
    if found is not None and found.number not in _TAG_VENDORS:
        out.warning(
            f"{_EXT}.tag",
            _("Object tags apply only to Amazon S3 and Alibaba Cloud; {name} ignores it.").format(
                name=_(found.name)
            ),
            _("Remove extensionParams.tag, or tag the files with the storage service's own tools."),
        )


@rule(
    "R28",
    "storage.endpoint.vendor11",
    "E/W",
    N_("vendor 11 without endpoint (E); endpoint elsewhere (W)"),
)
def endpoint_vendor11(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    params = child(config, "extensionParams")
    # Point at the missing key: endpoint inside extensionParams, or extensionParams itself.
    path = f"{_EXT}.endpoint" if params is not None else _EXT
    endpoint = params.get("endpoint") if params is not None else None
    vendor = as_int(config.get("vendor"))
    if vendor == storage.S3_COMPATIBLE:
        if endpoint in (None, ""):
            out.error(
                path,
                _("S3-compatible storage (vendor 11) needs extensionParams.endpoint."),
                # The JSON is outside the message: its braces are not placeholders.
                _("Add {json} to storageConfig.").format(
                    json='"extensionParams": {"endpoint": "'
                    + _("<host name of your S3 service>")
                    + '"}'
                ),
            )
    elif _text(params, "endpoint") is not None and vendor is not None:
        out.warning(
            path,
            _(
                "S3-compatible storage (vendor 11) needs extensionParams.endpoint; other vendors "
                "ignore it (vendor is {value})."
            ).format(value=shown(vendor)),
            _(
                "Remove extensionParams.endpoint, or set vendor to 11 if the bucket is on an "
                "S3-compatible service."
            ),
        )


@rule("R29", "storage.sts.vendor", "W", N_("stsToken set with a vendor other than 1, 2 or 3"))
def sts_vendor(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None or _text(config, "stsToken") is None:
        return
    found = _vendor(config)
    if found is not None and found.number not in _STS_VENDORS:
        out.warning(
            f"{STORAGE}.stsToken",
            _(
                "STS tokens are documented only for Amazon S3, Alibaba Cloud and Tencent Cloud; "
                "other vendors may ignore them."
            ),
            _("For {name} use a permanent accessKey and secretKey and remove stsToken.").format(
                name=_(found.name)
            ),
        )


@rule(
    "R30",
    "storage.sts.expiry",
    "E/W",
    N_("STS token expired (E at send time) or expiring within 4 h"),
)
def sts_expiry(ctx: Context, out: Findings) -> None:
    config = _config(ctx)
    if config is None:
        return
    expires = as_int(config.get("stsExpiration"))
    if expires is None:
        return  # absent, or a type R17 reports
    path = f"{STORAGE}.stsExpiration"
    if _text(config, "stsToken") is None:
        out.warning(
            path,
            _("stsExpiration is set but there is no stsToken, so it has no effect."),
            _("Add the STS token in storageConfig.stsToken, or remove stsExpiration."),
        )
        return
    now = ctx.session.now if ctx.session.now is not None else time.time()
    hint = _(
        "Request a new STS token valid for at least 4 hours, set stsToken and stsExpiration, "
        "and refresh both hourly via update."
    )
    # Clamped so that absurd values (10**400) still subtract as floats without overflow.
    left = max(min(expires, _FAR), -_FAR) - now
    if left <= 0:
        message = _(
            "The STS token has expired ({duration} ago, at {moment}): the storage will "
            "refuse the uploads (at least 4 h of validity is required; refresh hourly via "
            "update)."
        ).format(duration=_duration(left), moment=_utc_moment(expires))
        if ctx.session.at_send_time:
            out.error(path, message, hint)
        else:
            out.warning(path, message, hint)
    elif left < STS_MIN_VALIDITY_S:
        message = _(
            "The STS token expires too soon (at least 4 h is required; refresh hourly via "
            "update). It expires in {duration}, at {moment}."
        )
        moment = _utc_moment(expires)
        out.warning(path, message.format(duration=_duration(left), moment=moment), hint)


@rule(
    "R31",
    "storage.region.affinity",
    "W",
    N_("storage region outside the acquire region's area"),
    session=True,
)
def region_affinity(ctx: Context, out: Findings) -> None:
    acquire = ctx.session.acquire
    config = _config(ctx)
    if acquire is None or config is None:
        return
    wanted = jsonpath.get(acquire, "clientRequest.region")
    found = _vendor(config)
    region = as_int(config.get("region"))
    if wanted not in storage.ACQUIRE_AREAS or found is None or region is None:
        return
    if found.zero_region_only:
        return
    entry = storage.region(found, region)
    if entry is None or entry.area == "unclear" or entry.area == wanted:
        return
    out.warning(
        f"{STORAGE}.region",
        _(
            "Storage region should be in the same area as the acquire region: {name} region "
            "{region} ({label}) is in {area}, acquire region is {wanted}."
        ).format(
            name=_(found.name),
            region=region,
            label=entry.label,
            area=_(storage.AREA_NAMES[entry.area]),
            wanted=wanted,
        ),
        _(
            "Use a bucket in {area}, or acquire with the region where the bucket is; uploads "
            "across areas are slower and may fail."
        ).format(area=_(storage.AREA_NAMES[wanted])),
    )
