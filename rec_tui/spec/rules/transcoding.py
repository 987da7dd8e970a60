"""Transcoding and layout rules (spec 3.4): R59–R79.

Apart from R59 (transcodingConfig in individual mode) these rules judge mix bodies only:
in individual mode R59 already rejects the whole object and in web mode R33 says the whole
recordingConfig is ignored, so checking its insides there would only add noise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rec_tui.i18n import N_, _, grouped
from rec_tui.spec import catalogue
from rec_tui.spec.rules import Findings, declared_rule, rule
from rec_tui.spec.rules.checks import UidVerdict, check_uid, is_url, matches_declared, report_uid
from rec_tui.spec.rules.context import TC, Context, as_int, is_number
from rec_tui.spec.rules.declared import bounds
from rec_tui.spec.rules.quoting import number, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

LAYOUT_CONFIG: Final = f"{TC}.layoutConfig"
BACKGROUND_CONFIG: Final = f"{TC}.backgroundConfig"
MAX_AREA: Final = 1920 * 1080
# Float rounding slack for "x_axis + width ≤ 1" (spec R70).
EDGE_TOLERANCE: Final = 1e-6
MAX_DECIMALS: Final = 6
VERTICAL: Final = 2
CUSTOM: Final = 3
REQUIRED_WITH_TC: Final = ("width", "height", "fps", "bitrate")
TILE_GEOMETRY: Final = ("x_axis", "y_axis", "width", "height")
TILE_FLOATS: Final = (*TILE_GEOMETRY, "alpha")
IMAGE_SUFFIXES: Final = (".jpg", ".jpeg", ".bmp")

_DIMS = {key: bounds(f"{TC}.{key}") for key in ("width", "height")}
_DEFAULT_LAYOUT: int = catalogue.field(f"{TC}.mixedVideoLayout").default
_MAX_TILES: int = catalogue.mix_max_users()
_DEFAULTS = {key: catalogue.field(f"{TC}.{key}").default for key in REQUIRED_WITH_TC}


# --- reading the body ---------------------------------------------------------------------


def _mix_config(ctx: Context) -> dict[str, Any] | None:
    """transcodingConfig when it is judged (mix mode, an object), else None."""
    return ctx.obj(TC) if ctx.mode == "mix" else None


def _layout(config: dict[str, Any]) -> int | None:
    """mixedVideoLayout as the rules read it: absent → the default 0; a wrong type → None."""
    raw = config.get("mixedVideoLayout")
    return _DEFAULT_LAYOUT if raw is None else as_int(raw)


def _items(config: dict[str, Any] | None, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for every object in the list ``config[key]``."""
    items = config.get(key) if config is not None else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _mix_items(ctx: Context, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for every object in the transcodingConfig list ``key``, in mix mode."""
    return _items(_mix_config(ctx), key)


def _is_set(value: Any) -> bool:
    return value is not None and value != ""


def _number(value: Any) -> float | None:
    """A JSON number as a float; None for other types and for ints too large for a float."""
    if not is_number(value):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _decimals(value: float) -> int:
    """Digits after the point as the number is written (``0.1`` → 1), never the binary float."""
    text = str(value)
    if len(text) <= 2 + MAX_DECIMALS and "e" not in text:
        return 0  # "0.123456" is as long as a plain number with 6 decimals gets (speed)
    from decimal import Decimal  # only for a number written with many digits

    exponent = Decimal(text).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _uid_key(value: Any) -> Any:
    """What makes two tile uids the same user: "0123" and "123" are one user."""
    return int(value) if check_uid(value) is not UidVerdict.BAD else value


# --- per-tile checks shared by R70 and R73 ---------------------------------------------


def off_canvas(tile: Any) -> bool:
    """R70: the tile reaches past the right or bottom edge (beyond float-rounding slack)."""
    if not isinstance(tile, dict):
        return False
    x, y, w, h = (_number(tile.get(key)) for key in TILE_GEOMETRY)
    horizontal = x is not None and w is not None and x + w > 1 + EDGE_TOLERANCE
    vertical = y is not None and h is not None and y + h > 1 + EDGE_TOLERANCE
    return horizontal or vertical


def duplicate_uid_tiles(tiles: Sequence[Any]) -> list[int]:
    """R73: indices of tiles whose uid an earlier tile already shows."""
    seen: set[Any] = set()
    duplicates = []
    for index, tile in enumerate(tiles):
        uid = tile.get("uid") if isinstance(tile, dict) else None
        if not isinstance(uid, str) or uid == "":
            continue
        key = _uid_key(uid)
        if key in seen:
            duplicates.append(index)
        seen.add(key)
    return duplicates


# --- the rules ----------------------------------------------------------------------------


@rule("R59", "tc.mode", "E", N_("transcodingConfig in individual mode"))
def transcoding_mode(ctx: Context, out: Findings) -> None:
    if ctx.mode == "individual" and ctx.has(TC):
        out.error(
            TC,
            _("transcodingConfig cannot be set in individual mode; it applies only to mix mode."),
            _("Remove transcodingConfig, or switch the recording mode to mix."),
        )


@rule("R60", "tc.complete", "E", N_("transcodingConfig without width, height, fps and bitrate"))
def transcoding_complete(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None:
        return
    for key in REQUIRED_WITH_TC:
        if config.get(key) is None:
            out.error(
                f"{TC}.{key}",
                _(
                    "When transcodingConfig is set, the seed requires width, height, fps and "
                    "bitrate together. Newer docs default them to 360, 640, 15 and 500, and the "
                    "wizard pre-fills them. {key} is missing."
                ).format(key=key),
                _("Add {key} (the newer docs' default is {default}).").format(
                    key=key, default=_DEFAULTS[key]
                ),
            )


declared_rule("R61", "tc.dims.range", "E", N_("width or height not a whole number in 1..1920"))


@rule("R62", "tc.dims.area", "E", N_("width × height above 1920 × 1080"))
def transcoding_dims_area(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None:
        return
    width, height = as_int(config.get("width")), as_int(config.get("height"))
    if width is None or height is None:
        return
    if _DIMS["width"].outside(width) or _DIMS["height"].outside(height):
        return  # R61 reports a dimension out of range
    if width * height > MAX_AREA:
        out.error(
            f"{TC}.width",
            _(
                "width × height may not exceed 1920 × 1080; {width} × {height} is {pixels} pixels."
            ).format(width=width, height=height, pixels=grouped(width * height)),
            _("Lower width or height, e.g. 1920 × 1080 or 1080 × 1920."),
        )


declared_rule("R63", "tc.fps.set", "W", N_("fps not one of 1, 7, 10, 15, 24, 30, 60"))


declared_rule("R64", "tc.bitrate.range", "E", N_("bitrate ≤ 0 or above 6500"))


declared_rule("R65", "tc.layout.enum", "E", N_("mixedVideoLayout not 0..3"))


@rule("R66", "tc.layout.custom_needs_config", "E", N_("layout 3 without layoutConfig"))
def transcoding_custom_needs_config(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None or _layout(config) != CUSTOM:
        return
    tiles = config.get("layoutConfig")
    if tiles is None or tiles == []:
        out.error(
            LAYOUT_CONFIG,
            _("Custom layout (3) needs layoutConfig."),
            _("Add at least one tile (x_axis, y_axis, width, height), or choose layout 0, 1 or 2."),
        )


@rule("R67", "tc.layout.config_ignored", "W", N_("layoutConfig with a layout other than 3"))
def transcoding_config_ignored(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None or config.get("layoutConfig") is None:
        return
    layout = _layout(config)
    if layout is not None and layout != CUSTOM:
        out.warning(
            LAYOUT_CONFIG,
            _("layoutConfig is used only with custom layout (3); the layout is {layout}.").format(
                layout=shown(layout)
            ),
            _("Set mixedVideoLayout to 3 to use these tiles, or remove layoutConfig."),
        )


@rule("R68", "tc.layout.max17", "E", N_("more than 17 tiles"))
def transcoding_max_tiles(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    tiles = config.get("layoutConfig") if config is not None else None
    if isinstance(tiles, list) and len(tiles) > _MAX_TILES:
        out.error(
            LAYOUT_CONFIG,
            _("layoutConfig can describe at most {limit} tiles; it has {count}.").format(
                limit=_MAX_TILES, count=len(tiles)
            ),
            _(
                "Remove tiles after the {limit}th; a mix recording shows at most {limit} users."
            ).format(limit=_MAX_TILES),
        )


@rule("R69", "tc.tile.fields", "E", N_("tile geometry missing or outside [0, 1]"))
def tile_fields(ctx: Context, out: Findings) -> None:
    for index, tile in _mix_items(ctx, "layoutConfig"):
        for key in TILE_GEOMETRY:
            if tile.get(key) is None:
                out.error(
                    f"{LAYOUT_CONFIG}[{index}].{key}",
                    _(
                        "Each tile needs x_axis, y_axis, width and height between 0 and 1; tile "
                        "{index} has no {key}."
                    ).format(index=index, key=key),
                    _("Add {key} as a fraction of the canvas, e.g. 0.5.").format(key=key),
                )


@rule("R70", "tc.tile.bounds", "W", N_("tile runs off the canvas"))
def tile_bounds(ctx: Context, out: Findings) -> None:
    for index, tile in _mix_items(ctx, "layoutConfig"):
        if off_canvas(tile):
            out.warning(
                f"{LAYOUT_CONFIG}[{index}]",
                _("Tile {index} runs off the canvas.").format(index=index),
                _("Keep x_axis + width ≤ 1 and y_axis + height ≤ 1; the part outside is cut off."),
            )


declared_rule(
    "R71", "tc.tile.alpha_render", "E", N_("tile alpha outside [0, 1] or render_mode not 0/1")
)


@rule("R72", "tc.tile.precision", "W", N_("tile value with more than 6 decimals"))
def tile_precision(ctx: Context, out: Findings) -> None:
    for index, tile in _mix_items(ctx, "layoutConfig"):
        for key in TILE_FLOATS:
            value = tile.get(key)
            if isinstance(value, float) and is_number(value) and _decimals(value) > MAX_DECIMALS:
                out.warning(
                    f"{LAYOUT_CONFIG}[{index}].{key}",
                    _(
                        "Coordinates are kept to 6 decimals; extra precision is dropped ({value})."
                    ).format(value=shown(value)),
                    _("Round to 6 decimals: {value}.").format(
                        value=number(round(value, MAX_DECIMALS))
                    ),
                )


def _check_uid_value(
    out: Findings, path: str, value: Any, message: str, subject: str, hint: str
) -> None:
    """Judge a set UID string; absent or "" is another rule's business, other types R17's."""
    if isinstance(value, str) and value != "":
        report_uid(out, path, value, message, subject, hint)


@rule(
    "R73", "tc.tile.uid", "E/W", N_("tile uid fails the UID check; leading zeros or repeats warn")
)
def tile_uid(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None:
        return
    message = _("Tile uid must be a UID written as text; each user should appear once.")
    for index, tile in _items(config, "layoutConfig"):
        if check_uid(tile.get("uid")) is UidVerdict.OK:
            continue  # most tiles: their path and subject need not be worded
        _check_uid_value(
            out,
            f"{LAYOUT_CONFIG}[{index}].uid",
            tile.get("uid"),
            message,
            _("Tile {index}'s uid").format(index=index),
            _('Use the user\'s UID as decimal digits, 1 to 4294967295, e.g. "123".'),
        )
    tiles = config.get("layoutConfig")
    for index in duplicate_uid_tiles(tiles) if isinstance(tiles, list) else ():
        out.warning(
            f"{LAYOUT_CONFIG}[{index}].uid",
            _(
                "Tile uid must be a UID written as text; each user should appear once. Tile "
                "{index} repeats the uid of an earlier tile."
            ).format(index=index),
            _("Give each tile a different user, or remove the repeated tile."),
        )


@rule("R74", "tc.maxres.format", "E/W", N_("maxResolutionUid fails the UID check"))
def max_resolution_format(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None:
        return
    _check_uid_value(
        out,
        f"{TC}.maxResolutionUid",
        config.get("maxResolutionUid"),
        _("maxResolutionUid must be a UID 1–4294967295 written as text."),
        _("It"),
        _('Use the UID of the user for the large window as decimal digits, e.g. "123".'),
    )


@rule("R75", "tc.vertical.needs_maxres", "W", N_("vertical layout without maxResolutionUid"))
def vertical_needs_max_resolution(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None or _layout(config) != VERTICAL:
        return
    if not _is_set(config.get("maxResolutionUid")):
        out.warning(
            f"{TC}.maxResolutionUid",
            _(
                "Vertical layout without maxResolutionUid: the large window shows the "
                "background colour until you name the user to show there."
            ),
            _('Set maxResolutionUid to the UID of the main speaker, e.g. "123".'),
        )


@rule("R76", "tc.maxres.ignored", "W", N_("maxResolutionUid with a layout other than 2"))
def max_resolution_ignored(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None or not _is_set(config.get("maxResolutionUid")):
        return
    layout = _layout(config)
    if layout is not None and layout != VERTICAL:
        out.warning(
            f"{TC}.maxResolutionUid",
            _("maxResolutionUid is used only with vertical layout; the layout is {layout}.").format(
                layout=shown(layout)
            ),
            _("Set mixedVideoLayout to 2 (vertical), or remove maxResolutionUid."),
        )


@rule("R77", "tc.color.format", "E", N_("backgroundColor not #RRGGBB"))
def background_color(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    color = config.get("backgroundColor") if config is not None else None
    if not isinstance(color, str) or color == "":
        return
    if not matches_declared(f"{TC}.backgroundColor", color):
        out.error(
            f"{TC}.backgroundColor",
            _("Colour must look like #RRGGBB; got {value}.").format(value=shown(color)),
            _('Write # and six hex digits, e.g. "#000000" for black or "#FF0000" for red.'),
        )


def _image_urls(config: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key in ("backgroundImage", "defaultUserBackgroundImage"):
        yield f"{TC}.{key}", config.get(key)
    for index, entry in _items(config, "backgroundConfig"):
        yield f"{BACKGROUND_CONFIG}[{index}].image_url", entry.get("image_url")


@rule(
    "R78", "tc.image.url", "E/W", N_("background image URL invalid (E) or not .jpg/.jpeg/.bmp (W)")
)
def background_image_url(ctx: Context, out: Findings) -> None:
    config = _mix_config(ctx)
    if config is None:
        return
    for path, url in _image_urls(config):
        if not isinstance(url, str) or url == "":
            continue
        from urllib.parse import urlsplit  # only for a body with a background image

        if not is_url(url):
            out.error(
                path,
                _(
                    "Background images must be JPG/BMP ≤ 6 MB at an http(s) URL. {url} is not an "
                    "http(s) address."
                ).format(url=shown(url)),
                _("Use a full address such as https://example.com/background.jpg."),
            )
        elif not urlsplit(url.strip()).path.lower().endswith(IMAGE_SUFFIXES):
            out.warning(
                path,
                _(
                    "Background images must be JPG/BMP ≤ 6 MB at an http(s) URL. This address "
                    "does not end in .jpg, .jpeg or .bmp."
                ),
                _("Check that the image really is JPG or BMP; other formats are silently ignored."),
            )


@rule("R79", "tc.bgconfig.entry", "E/W", N_("backgroundConfig entry incomplete or invalid"))
def background_config_entry(ctx: Context, out: Findings) -> None:
    message = _("Each per-user background needs a uid and an image_url.")
    for index, entry in _mix_items(ctx, "backgroundConfig"):
        base = f"{BACKGROUND_CONFIG}[{index}]"
        for key in ("uid", "image_url"):
            if not _is_set(entry.get(key)):
                out.error(
                    f"{base}.{key}",
                    _(
                        "Each per-user background needs a uid and an image_url. Entry {index} has "
                        "no {key}."
                    ).format(index=index, key=key),
                    _("Add the user's UID as text and the address of a JPG or BMP image."),
                )
        if check_uid(entry.get("uid")) is UidVerdict.OK:
            continue  # most entries: their path and subject need not be worded
        _check_uid_value(
            out,
            f"{base}.uid",
            entry.get("uid"),
            message,
            _("The uid of entry {index} must be a UID 1–4294967295 written as text; it").format(
                index=index
            ),
            _('Use decimal digits, e.g. "123".'),
        )
