"""recordingConfig rules (spec 3.3): R32–R46.

Allowed values and ranges are read from the field declarations. The checks of the
individual fields run only in individual and mix modes: web mode ignores recordingConfig
as a whole, which R33 says once. Values of the wrong JSON type are left to R17; a number
that is not whole fails the enum and range rules, as the spec's "Whole numbers" asks.
``secret`` and ``salt`` are secrets: no message ever shows their values.
"""

from __future__ import annotations

from rec_tui.i18n import N_, _
from rec_tui.spec.rules import Findings, declared_rule, rule
from rec_tui.spec.rules.context import REC, Context, as_int
from rec_tui.spec.rules.declared import int_choices, listing, str_choices
from rec_tui.spec.rules.quoting import shown
from rec_tui.spec.rules.sections import (
    client_request,
    section,
    section_present,
    stream_types_of,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

_STREAM_MODES: Final = str_choices(f"{REC}.streamMode")
_AUDIO_PROFILES: Final = int_choices(f"{REC}.audioProfile")

NO_DECRYPTION: Final = 0
SALTED_MODES: Final = frozenset({7, 8})  # AES_128_GCM2 and AES_256_GCM2
SALT_BYTES: Final = 32
AUDIO_ONLY: Final = 0


def recording_config(ctx: Context) -> dict[str, Any] | None:
    """recordingConfig when its fields take effect: individual or mix mode, an object."""
    if ctx.mode == "web":
        return None
    return section(ctx, "recordingConfig")


@rule("R32", "rec.required", "E", N_("I/M without recordingConfig"))
def recording_required(ctx: Context, out: Findings) -> None:
    if (
        ctx.mode != "web"
        and client_request(ctx) is not None
        and not section_present(ctx, "recordingConfig")
    ):
        out.error(
            REC,
            _("recordingConfig is required in individual and mix modes."),
            _(
                'Add "recordingConfig" to clientRequest, at least with channelType, streamTypes '
                "and subscribeUidGroup."
            )
            if ctx.mode == "individual"
            else _(
                'Add "recordingConfig" to clientRequest, at least with channelType and streamTypes.'
            ),
        )


@rule("R33", "rec.web_ignored", "W", N_("web mode with recordingConfig"))
def recording_web_ignored(ctx: Context, out: Findings) -> None:
    if ctx.mode == "web" and section_present(ctx, "recordingConfig"):
        out.warning(
            REC,
            _("recordingConfig is ignored in web mode."),
            _(
                "Remove recordingConfig; web recording takes its settings from "
                "extensionServiceConfig (web_recorder_service)."
            ),
        )


@rule("R34", "rec.channelType", "E/W", N_("channelType not 0/1 (E) or missing (W)"))
def channel_type(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is not None and config.get("channelType") is None:
        out.warning(
            f"{REC}.channelType",
            _(
                "channelType must be 0 (communication) or 1 (live) and must match your RTC SDK. "
                "It is not set, so 0 (communication) is used."
            ),
            _(
                "Set channelType to the channel profile of the app: 0 communication, 1 live "
                "broadcast. A mismatch can leave the recording empty."
            ),
        )


declared_rule("R35", "rec.streamTypes", "E", N_("streamTypes not 0, 1 or 2"))


# Judges its choices itself: a value in the wrong case gets the exact spelling as hint.
@rule(
    "R36",
    "rec.streamMode.enum",
    "E",
    N_("streamMode not default, standard or original"),
    judges_values=True,
)
def stream_mode_enum(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    raw = config.get("streamMode")
    if isinstance(raw, str) and raw != "" and raw not in _STREAM_MODES:
        lowered = raw.strip().lower()
        hint = (
            _('Write it exactly as "{value}" (lower case, no spaces).').format(value=lowered)
            if lowered in _STREAM_MODES
            else _('Use "standard" (recommended), "default", or "original" for audio passthrough.')
        )
        out.error(
            f"{REC}.streamMode",
            _("streamMode must be default, standard or original; got {value}.").format(
                value=shown(raw)
            ),
            hint,
        )


@rule(
    "R37", "rec.streamMode.mode", "W", N_("streamMode other than default outside individual mode")
)
def stream_mode_mode(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None or ctx.mode == "individual":
        return
    raw = config.get("streamMode")
    if isinstance(raw, str) and raw not in ("", "default"):
        out.warning(
            f"{REC}.streamMode",
            _("streamMode applies only to individual mode."),
            _("Remove streamMode: mix recording ignores it."),
        )


@rule(
    "R38", "rec.streamMode.original", "W", N_("streamMode original with streamTypes other than 0")
)
def stream_mode_original(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None or config.get("streamMode") != "original":
        return
    kinds = stream_types_of(config)
    if kinds is not None and kinds != AUDIO_ONLY:
        if config.get("streamTypes") is None:
            message = _(
                "original mode works only when streamTypes is 0 (audio only); streamTypes is "
                "not set, which counts as 2."
            )
        else:
            message = _(
                "original mode works only when streamTypes is 0 (audio only); streamTypes is "
                "{value}."
            ).format(value=shown(kinds))
        out.warning(
            f"{REC}.streamMode",
            message,
            _(
                'Set streamTypes to 0 for audio passthrough, or use streamMode "standard" to '
                "record video too."
            ),
        )


declared_rule("R39", "rec.decryption.enum", "E", N_("decryptionMode not 0..8"))


def _decryption_mode(config: dict[str, Any]) -> int | None:
    """decryptionMode as the rules read it: absent is 0 (the default); a bad type is None."""
    raw = config.get("decryptionMode")
    return NO_DECRYPTION if raw is None else as_int(raw)


def _is_set(config: dict[str, Any], key: str) -> bool:
    return config.get(key) not in (None, "")


@rule("R40", "rec.decryption.secret", "E", N_("decryptionMode other than 0 without secret"))
def decryption_secret(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    mode = _decryption_mode(config)
    if mode is not None and mode != NO_DECRYPTION and not _is_set(config, "secret"):
        out.error(
            f"{REC}.secret",
            _("An encryption key (secret) is required when decryptionMode is not 0."),
            _(
                "Set secret to the channel's encryption key, the one the app gives its RTC SDK; "
                "or set decryptionMode to 0 if the channel is not encrypted."
            ),
        )


@rule("R41", "rec.decryption.salt", "E", N_("decryptionMode 7 or 8 without salt"))
def decryption_salt(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    if _decryption_mode(config) in SALTED_MODES and not _is_set(config, "salt"):
        out.error(
            f"{REC}.salt",
            _("GCM2 modes (7/8) also need a salt."),
            _(
                "Set salt to the channel's encryption salt (Base64 of 32 bytes), the one the app "
                "gives its RTC SDK."
            ),
        )


def _base64_length(size: int, *, padded: bool) -> int:
    return 4 * ((size + 2) // 3) if padded else (4 * size + 2) // 3


def is_base64_of(text: str, size: int) -> bool:
    """Standard-alphabet Base64, padding optional, that decodes to exactly ``size`` bytes."""
    if len(text) not in (_base64_length(size, padded=False), _base64_length(size, padded=True)):
        return False
    import base64  # only for a body with an encryption secret or salt
    import binascii

    padded = text + "=" * (-len(text) % 4)
    try:
        return len(base64.b64decode(padded, validate=True)) == size
    except (binascii.Error, ValueError):
        return False


@rule("R42", "rec.salt.format", "E", N_("salt is not Base64 of exactly 32 bytes"))
def salt_format(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    salt = config.get("salt") if config is not None else None
    if isinstance(salt, str) and salt != "" and not is_base64_of(salt, SALT_BYTES):
        out.error(
            f"{REC}.salt",
            _("salt must be Base64 of exactly 32 bytes."),
            _(
                "Copy the salt exactly as the app encodes it (standard Base64, 43 or 44 "
                "characters of A-Z a-z 0-9 + /, optionally ending in =)."
            ),
        )


@rule(
    "R43",
    "rec.decryption.unused",
    "W",
    N_("secret with mode 0, or salt with a mode other than 7/8"),
)
def decryption_unused(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    if config is None:
        return
    mode = _decryption_mode(config)
    if mode is None:
        return
    if mode == NO_DECRYPTION and _is_set(config, "secret"):
        out.warning(
            f"{REC}.secret",
            _(
                "secret/salt will be ignored with this decryptionMode ({mode}): the secret is "
                "not used."
            ).format(mode=mode),
            _("Set decryptionMode to the channel's encryption mode, or remove secret."),
        )
    if mode not in SALTED_MODES and _is_set(config, "salt"):
        out.warning(
            f"{REC}.salt",
            _(
                "secret/salt will be ignored with this decryptionMode ({mode}): only modes 7 "
                "and 8 use a salt."
            ).format(mode=mode),
            _("Remove salt, or set decryptionMode to 7 or 8 if the channel uses a GCM2 mode."),
        )


@rule("R44", "rec.audioProfile", "E/W", N_("audioProfile not 0..2 (E); set outside mix mode (W)"))
def audio_profile(ctx: Context, out: Findings) -> None:
    config = recording_config(ctx)
    raw = config.get("audioProfile") if config is not None else None
    if raw is None:
        return
    path = f"{REC}.audioProfile"
    message = _("audioProfile is {values} and applies only to mix mode.").format(
        values=listing(_AUDIO_PROFILES)
    )
    if ctx.mode != "mix":
        out.warning(path, message, _("Remove audioProfile: individual recording ignores it."))


declared_rule("R45", "rec.videoStreamType", "E", N_("videoStreamType not 0 or 1"))


declared_rule("R46", "rec.maxIdleTime", "E", N_("maxIdleTime not whole or outside [5, 2592000]"))
