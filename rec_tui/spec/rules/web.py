"""Extension service, web recorder and CDN push rules (spec 3.6): R92–R110.

Web-recorder and CDN-push parameters are judged in web mode only; in individual and mix
modes R93 already rejects those services. Other services (audio moderation) are not
checked beyond R93 and R127.
"""

from __future__ import annotations

from collections.abc import Iterator

from rec_tui.i18n import N_, _, grouped, ngettext
from rec_tui.spec.fields_extension import SERVICE_ERROR_POLICY
from rec_tui.spec.fields_session import DEFAULT_RESOURCE_EXPIRED_HOUR
from rec_tui.spec.names import RTMP_PUBLISH, WEB_RECORDER
from rec_tui.spec.rules import Findings, declared_rule, rule
from rec_tui.spec.rules.checks import is_url
from rec_tui.spec.rules.context import CR, EXT, Context, as_int
from rec_tui.spec.rules.declared import Bounds, bounds, int_choices, listing
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

SERVICES: Final = f"{EXT}.extensionServices"
PARAM: Final = f"{SERVICES}[].serviceParam"
WEB_SERVICE_NAMES: Final = frozenset(SERVICE_ERROR_POLICY)
TOP_ERROR_POLICY: Final = "error_abort"
API_VERSION: Final = "v1"
MAX_AREA: Final = 1920 * 1080
RTMP_SCHEMES: Final = ("rtmp", "rtmps")
WRONG_KEY: Final = "VideoBitrate"
URL_MESSAGE: Final = N_("Enter the full http(s) address of the page to record.")
RTMP_MESSAGE: Final = N_("CDN push needs exactly one rtmp:// or rtmps:// URL.")


def _web_bounds(key: str) -> Bounds:
    return bounds(f"{PARAM}.{key}", WEB_RECORDER)


_AUDIO_PROFILES = int_choices(f"{PARAM}.audioProfile", WEB_RECORDER)
_DIMS = {key: _web_bounds(key) for key in ("videoWidth", "videoHeight")}


# --- reading the body ---------------------------------------------------------------------


def _services(ctx: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, entry) for every object in extensionServices."""
    for index, entry in enumerate(ctx.list(SERVICES) or []):
        if isinstance(entry, dict):
            yield f"{SERVICES}[{index}]", entry


def _entries(ctx: Context, service: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, entry) of every ``service`` entry, in web mode only."""
    if ctx.mode != "web":
        return
    for path, entry in _services(ctx):
        if entry.get("serviceName") == service:
            yield path, entry


def service_params(ctx: Context, service: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(serviceParam path, params) of every ``service`` entry that has a serviceParam object."""
    for path, entry in _entries(ctx, service):
        params = entry.get("serviceParam")
        if isinstance(params, dict):
            yield f"{path}.serviceParam", params


def _report_missing_params(ctx: Context, out: Findings, service: str, message: str) -> None:
    """One error per ``service`` entry without serviceParam (the rule for its first key)."""
    for path, entry in _entries(ctx, service):
        if entry.get("serviceParam") is None:
            out.error(
                f"{path}.serviceParam",
                _("{rule} This {service} entry has no serviceParam.").format(
                    rule=_(message), service=service
                ),
                _("Add a serviceParam object with the service's settings."),
            )


# --- the rules ----------------------------------------------------------------------------


@rule("R92", "web.required", "E", N_("web mode without extensionServiceConfig/extensionServices"))
def web_required(ctx: Context, out: Findings) -> None:
    if ctx.mode != "web" or ctx.obj(CR) is None:
        return
    message = _("Web mode needs extensionServiceConfig with a web_recorder_service.")
    hint = _("Add extensionServices with one web_recorder_service entry holding the page url.")
    config = ctx.raw(EXT)
    if config is None:
        out.error(EXT, message, hint)
    elif isinstance(config, dict) and config.get("extensionServices") in (None, []):
        out.error(SERVICES, message, hint)


@rule(
    "R93", "web.mode_only", "E/W", N_("web/CDN services outside web mode (E); other services (W)")
)
def web_mode_only(ctx: Context, out: Findings) -> None:
    if ctx.mode == "web":
        return
    named_web = False
    other: tuple[str, str] | None = None
    for path, entry in _services(ctx):
        name = entry.get("serviceName")
        if not isinstance(name, str) or name == "":
            continue  # R17 (type) and R94 (missing) report it
        if name in WEB_SERVICE_NAMES:
            named_web = True
            out.error(
                f"{path}.serviceName",
                _(
                    "Web page recording and CDN push are only available in web mode ({name})."
                ).format(name=shown(name)),
                _("Switch the recording mode to web, or remove this service."),
            )
        elif other is None:
            other = (path, name)
    if other is not None and not named_web:
        out.warning(
            f"{other[0]}.serviceName",
            _(
                "Extension service {name} is not checked further here: only web page "
                "recording and CDN push (web mode) are. Make sure its settings are right."
            ).format(name=shown(other[1])),
            _("Audio moderation also needs streamTypes 0 (audio only)."),
        )


@rule(
    "R94",
    "web.services.combo",
    "E",
    N_("web services other than one web recorder (+ one CDN push)"),
)
def web_services_combo(ctx: Context, out: Findings) -> None:
    if ctx.mode != "web":
        return
    allowed = _("Allowed: one web_recorder_service, optionally plus one rtmp_publish_service.")
    counts = {WEB_RECORDER: 0, RTMP_PUBLISH: 0}
    for path, entry in _services(ctx):
        name = entry.get("serviceName")
        if name is None or name == "":
            out.error(
                f"{path}.serviceName",
                _("{rule} This entry has no serviceName.").format(rule=allowed),
                _('Set serviceName to "{web}" or "{cdn}".').format(
                    web=WEB_RECORDER, cdn=RTMP_PUBLISH
                ),
            )
        elif isinstance(name, str) and name not in counts:
            out.error(
                f"{path}.serviceName",
                _("{rule} {name} is not one of them.").format(rule=allowed, name=shown(name)),
                _('Use "{web}" or "{cdn}".').format(web=WEB_RECORDER, cdn=RTMP_PUBLISH),
            )
        elif isinstance(name, str):
            counts[name] += 1
            if counts[name] > 1:
                out.error(
                    f"{path}.serviceName",
                    _("{rule} {name} is listed twice.").format(rule=allowed, name=shown(name)),
                    _("Remove the extra entry."),
                )
    # Only when every entry names a known service; a misnamed entry was reported above.
    if counts[RTMP_PUBLISH] and not counts[WEB_RECORDER] and not out.problems:
        out.error(
            SERVICES,
            _("{rule} There is no web_recorder_service.").format(rule=allowed),
            _("Add a web_recorder_service entry; a CDN push needs the web recorder."),
        )


# Judges its values itself: the allowed policy depends on the service.
@rule(
    "R95",
    "web.errorPolicy",
    "E",
    N_("errorHandlePolicy not error_abort (web) / error_ignore (CDN)"),
    judges_values=True,
)
def web_error_policy(ctx: Context, out: Findings) -> None:
    if ctx.mode != "web":
        return
    message = _(
        "errorHandlePolicy must be error_abort (web) / error_ignore (CDN push). Got {value}."
    )
    top = ctx.string(f"{EXT}.errorHandlePolicy")
    if top is not None and top != TOP_ERROR_POLICY:
        out.error(
            f"{EXT}.errorHandlePolicy",
            message.format(value=shown(top)),
            _('Set it to "{policy}" or leave it out.').format(policy=TOP_ERROR_POLICY),
        )
    for path, entry in _services(ctx):
        name = entry.get("serviceName")
        expected = SERVICE_ERROR_POLICY.get(name) if isinstance(name, str) else None
        policy = entry.get("errorHandlePolicy")
        if expected is None or not isinstance(policy, str) or policy in ("", expected):
            continue
        out.error(
            f"{path}.errorHandlePolicy",
            message.format(value=shown(policy)),
            _('Set it to "{policy}" for {name}, or leave it out.').format(
                policy=expected, name=shown(name)
            ),
        )


# Judges its value itself: only in web mode, where the field's modes cannot narrow it.
@rule("R96", "web.apiVersion", "W", N_("apiVersion other than v1"), judges_values=True)
def web_api_version(ctx: Context, out: Findings) -> None:
    version = ctx.string(f"{EXT}.apiVersion")
    if ctx.mode == "web" and version is not None and version != API_VERSION:
        out.warning(
            f"{EXT}.apiVersion",
            _('apiVersion only supports "v1"; got {value}.').format(value=shown(version)),
            _('Set it to "v1" or leave it out.'),
        )


@rule("R97", "web.url", "E", N_("web recorder url missing or not an http(s) URL"))
def web_url(ctx: Context, out: Findings) -> None:
    _report_missing_params(ctx, out, WEB_RECORDER, URL_MESSAGE)
    for path, params in service_params(ctx, WEB_RECORDER):
        url = params.get("url")
        if url is None or url == "":
            message = _("{rule} The url is missing.").format(rule=_(URL_MESSAGE))
        elif isinstance(url, str) and not is_url(url):
            message = _("{rule} {url} is not a full http(s) address.").format(
                rule=_(URL_MESSAGE), url=shown(url)
            )
        else:
            continue  # a valid URL, or a wrong type (R17)
        out.error(
            f"{path}.url",
            message,
            _(
                "For example https://example.com/classroom?id=42; Agora's servers must be "
                "able to reach it."
            ),
        )


@rule("R98", "web.audioProfile", "E", N_("web audioProfile missing or not 0/1/2"))
def web_audio_profile(ctx: Context, out: Findings) -> None:
    for path, params in service_params(ctx, WEB_RECORDER):
        if params.get("audioProfile") is None:
            out.error(
                f"{path}.audioProfile",
                _("audioProfile (0, 1 or 2) is required for web recording."),
                _(
                    "Use {values}: 0 = 48 kHz mono ≈48 kbps, 1 = mono ≈128 kbps, 2 = stereo "
                    "≈192 kbps."
                ).format(values=listing(_AUDIO_PROFILES)),
            )


@rule("R99", "web.dims", "E", N_("videoWidth/videoHeight missing or outside 240..1920"))
def web_dims(ctx: Context, out: Findings) -> None:
    message = _(
        "videoWidth and videoHeight are required and must be 240–1920 px. {key} is missing."
    )
    for path, params in service_params(ctx, WEB_RECORDER):
        for key in ("videoWidth", "videoHeight"):
            if params.get(key) is None:
                out.error(f"{path}.{key}", message.format(key=key), _("Add it, e.g. 1280 × 720."))


@rule("R100", "web.area", "E", N_("videoWidth × videoHeight above 1920 × 1080"))
def web_area(ctx: Context, out: Findings) -> None:
    for path, params in service_params(ctx, WEB_RECORDER):
        width, height = as_int(params.get("videoWidth")), as_int(params.get("videoHeight"))
        if width is None or height is None:
            continue
        if _DIMS["videoWidth"].outside(width) or _DIMS["videoHeight"].outside(height):
            continue  # R99 reports a dimension out of range
        if width * height > MAX_AREA:
            out.error(
                f"{path}.videoWidth",
                _(
                    "videoWidth × videoHeight may not exceed 1920 × 1080; {width} × {height} is "
                    "{pixels} pixels."
                ).format(width=width, height=height, pixels=grouped(width * height)),
                _("Lower one of them, e.g. 1920 × 1080 or 1080 × 1920."),
            )


declared_rule("R101", "web.bitrate", "E", N_("videoBitrate outside 50..8000"))


@rule("R102", "web.bitrate.keycase", "W", N_("the key VideoBitrate (capital V)"))
def web_bitrate_key_case(ctx: Context, out: Findings) -> None:
    # Every service's serviceParam: R18 leaves this key to this rule wherever it appears.
    for path, entry in _services(ctx):
        params = entry.get("serviceParam")
        if isinstance(params, dict) and WRONG_KEY in params:
            out.warning(
                f"{path}.serviceParam.{WRONG_KEY}",
                _("Use videoBitrate (lower-case v); VideoBitrate is ignored."),
                _('Rename the key to "videoBitrate" (value {value}).').format(
                    value=shown(params[WRONG_KEY])
                ),
            )


declared_rule("R103", "web.fps", "E", N_("videoFps outside 5..60"))


@rule("R104", "web.maxRecordingHour", "E", N_("maxRecordingHour missing or outside 1..720"))
def web_max_recording_hour(ctx: Context, out: Findings) -> None:
    for path, params in service_params(ctx, WEB_RECORDER):
        value = params.get("maxRecordingHour")
        if value is None:
            out.error(
                f"{path}.maxRecordingHour",
                _(
                    "maxRecordingHour (1–720 h) is required; billing runs until the task stops. "
                    "It is missing."
                ),
                _("Set the longest the recording may run, in whole hours, e.g. 3."),
            )


@rule(
    "R105",
    "web.maxRecordingHour.vs_expiry",
    "W",
    N_("maxRecordingHour above acquire's resourceExpiredHour"),
    session=True,
)
def web_max_recording_vs_expiry(ctx: Context, out: Findings) -> None:
    acquire = ctx.session.acquire
    if not isinstance(acquire, dict):
        return  # no acquire data: session rules are skipped
    client_request = acquire.get("clientRequest")
    raw = client_request.get("resourceExpiredHour") if isinstance(client_request, dict) else None
    expiry = DEFAULT_RESOURCE_EXPIRED_HOUR if raw is None else as_int(raw)
    if expiry is None:
        return
    for path, params in service_params(ctx, WEB_RECORDER):
        hours = as_int(params.get("maxRecordingHour"))
        if hours is not None and hours > expiry:
            out.warning(
                f"{path}.maxRecordingHour",
                _(
                    "maxRecordingHour exceeds resourceExpiredHour, so you will lose control of "
                    "the task before it ends ({hours} h > {expiry} h)."
                ).format(hours=shown(hours), expiry=shown(expiry)),
                _(
                    "Lower maxRecordingHour to {expiry} or less, or acquire again with a "
                    "resourceExpiredHour of at least {hours}."
                ).format(hours=shown(hours), expiry=shown(expiry)),
            )


declared_rule("R106", "web.maxVideoDuration", "E", N_("maxVideoDuration outside 30..240"))


@rule("R107", "web.booleans", "E", N_("mobile or onhold not a JSON boolean"))
def web_booleans(ctx: Context, out: Findings) -> None:
    for path, params in service_params(ctx, WEB_RECORDER):
        for key in ("mobile", "onhold"):
            value = params.get(key)
            if value is not None and not isinstance(value, bool):
                out.error(
                    f"{path}.{key}",
                    _("mobile/onhold must be true or false; {key} is {value}.").format(
                        key=key, value=shown(value)
                    ),
                    _("Write true or false without quotes."),
                )


declared_rule("R108", "web.readyTimeout", "E", N_("readyTimeout negative, fractional or above 60"))


@rule("R109", "web.readyTimeout.notify", "W", N_("readyTimeout of 1 s or more"))
def web_ready_timeout_notify(ctx: Context, out: Findings) -> None:
    for path, params in service_params(ctx, WEB_RECORDER):
        value = as_int(params.get("readyTimeout"))
        if value is not None and value >= 1:
            out.warning(
                f"{path}.readyTimeout",
                _(
                    "The page must call window.navigator.notifyReady() before the timeout, "
                    "or it is reloaded and then the task stops."
                ),
                _("Make sure the page calls notifyReady() once loaded, or set 0."),
            )


@rule("R110", "rtmp.outputs", "E", N_("CDN push without exactly one rtmp(s):// output"))
def rtmp_outputs(ctx: Context, out: Findings) -> None:
    _report_missing_params(ctx, out, RTMP_PUBLISH, RTMP_MESSAGE)
    for path, params in service_params(ctx, RTMP_PUBLISH):
        outputs = params.get("outputs")
        if outputs is None or (isinstance(outputs, list) and len(outputs) != 1):
            if not outputs:
                message = _("{rule} This one has none.").format(rule=_(RTMP_MESSAGE))
            else:
                message = ngettext(
                    "{rule} This one has {count} output.",
                    "{rule} This one has {count} outputs.",
                    len(outputs),
                ).format(rule=_(RTMP_MESSAGE), count=len(outputs))
            out.error(
                f"{path}.outputs",
                message,
                # The JSON is outside the message: its braces are not placeholders.
                _("Use {json}; only one CDN push is allowed.").format(
                    json='"outputs": [{"rtmpUrl": "rtmp://…"}]'
                ),
            )
        for index, output in enumerate(outputs if isinstance(outputs, list) else []):
            if not isinstance(output, dict):
                continue
            url = output.get("rtmpUrl")
            if url is None or url == "":
                message = _("{rule} rtmpUrl is missing.").format(rule=_(RTMP_MESSAGE))
            elif isinstance(url, str) and not is_url(url, RTMP_SCHEMES):
                message = _("{rule} Got {url}.").format(rule=_(RTMP_MESSAGE), url=shown(url))
            else:
                continue  # a valid address, or a wrong type (R17)
            out.error(
                f"{path}.outputs[{index}].rtmpUrl",
                message,
                _("Copy the ingest address from your CDN, e.g. rtmp://live.example.com/app/key."),
            )
