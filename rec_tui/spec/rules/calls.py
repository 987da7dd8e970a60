"""Rules on the calls around start (spec 3.8): acquire, update, updateLayout, control.

They are registered like the body's rules and run by the same runner, each on a Context of
its call (``Context.call``); :mod:`rec_tui.request.call_checks` builds those Contexts. The
acquire options' ranges and choices (R118) are declared on the session fields
(``session.acquire.*``) and judged by the generic check. Where a rule says "reuse those
messages" (R120, R125) the body rules themselves are run on a ``start``-shaped copy of the
fields, and their findings are moved back to the path in the update body, so a rule is
never written twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue
from rec_tui.spec.fields_session import DEFAULT_RESOURCE_EXPIRED_HOUR
from rec_tui.spec.modes import Mode
from rec_tui.spec.names import RTMP_PUBLISH
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules import Findings, all_rules, declared_rule, rule, run
from rec_tui.spec.rules.context import CR, REC, TC, Context, as_int
from rec_tui.spec.rules.quoting import listed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

STORAGE_REQUIRED: Final = ("vendor", "region", "bucket", "accessKey", "secretKey")
LAYOUT_FIELDS: Final = (
    "mixedVideoLayout",
    "maxResolutionUid",
    "backgroundColor",
    "backgroundImage",
    "defaultUserBackgroundImage",
    "layoutConfig",
    "backgroundConfig",
)
# Body rules that judge subscription lists (R120) and layout fields (R125).
LIST_RULE_IDS: Final = frozenset({"R47", "R48", "R49", "R50", "R51", "R52", "R54"})
LAYOUT_RULE_IDS: Final = frozenset(f"R{n}" for n in range(65, 80))
SUBSCRIBE: Final = f"{CR}.streamSubscribe"
# The transcoding fields a layout check needs besides the layout itself, at their declared
# defaults (spec 2.4) when the start body leaves them out.
CANVAS_KEYS: Final = ("width", "height", "fps", "bitrate")


def expired_hours(acquire: dict[str, Any] | None) -> int:
    """The resourceExpiredHour an acquire body asked for (the declared default if none)."""
    request = acquire.get("clientRequest") if acquire else None
    hours = request.get("resourceExpiredHour") if isinstance(request, dict) else None
    value = as_int(hours)
    return value if value is not None else DEFAULT_RESOURCE_EXPIRED_HOUR


def _request(ctx: Context) -> dict[str, Any] | None:
    return ctx.obj(CR)


# --- acquire ------------------------------------------------------------------------------

declared_rule(
    "R118",
    "acquire.fields",
    "E",
    N_("resourceExpiredHour not 1..720, scene not 0/1/2, region not CN/AP/EU/NA"),
    call="acquire",
)


# --- update -------------------------------------------------------------------------------


def _has_cdn_push(start_body: Any) -> bool:
    services = Context("web", start_body).list(f"{CR}.extensionServiceConfig.extensionServices")
    return any(isinstance(s, dict) and s.get("serviceName") == RTMP_PUBLISH for s in services or [])


@rule("R119", "update.section_mode", "E", N_("update section for another mode"), call="update")
def update_section_mode(ctx: Context, out: Findings) -> None:
    request = _request(ctx)
    if request is None:
        return
    message = _("This update section does not apply to the session's mode.")
    if "streamSubscribe" in request and ctx.mode == "web":
        out.error(
            SUBSCRIBE, message, _("Subscription lists apply to individual and mix sessions only.")
        )
    for key in ("webRecordingConfig", "rtmpPublishConfig"):
        if key in request and ctx.mode != "web":
            hint = _("{key} applies to web page recording sessions only.").format(key=key)
            out.error(f"{CR}.{key}", message, hint)
    start_body = ctx.call_state.start_body
    cdn_update = "rtmpPublishConfig" in request and ctx.mode == "web"
    if cdn_update and start_body is not None and not _has_cdn_push(start_body):
        out.error(
            f"{CR}.rtmpPublishConfig",
            message,
            _(
                "This session was started without {service}, so there is no CDN push to update."
            ).format(service=RTMP_PUBLISH),
        )


@rule(
    "R120",
    "update.lists",
    "E/W",
    N_("update subscription lists break R47–R52 or R54"),
    call="update",
)
def update_lists(ctx: Context, out: Findings) -> None:
    request = _request(ctx)
    subscribe = request.get("streamSubscribe") if request is not None else None
    if not isinstance(subscribe, dict) or ctx.mode == "web":
        return
    recording: dict[str, Any] = {}
    # A finding about the lists as a whole lands on streamSubscribe.
    origin: dict[str, str] = {REC: SUBSCRIBE}
    for group in ("audioUidList", "videoUidList"):
        lists = subscribe.get(group)
        if not isinstance(lists, dict):
            continue
        for key, value in lists.items():
            recording[key] = value
            origin[f"{REC}.{key}"] = f"{SUBSCRIBE}.{group}.{key}"
    stream_types = Context(ctx.mode, ctx.call_state.start_body).raw(f"{REC}.streamTypes")
    if stream_types is not None:
        recording["streamTypes"] = stream_types
    shaped = {"cname": "x", "uid": "1", CR: {"recordingConfig": recording}}
    _reuse(out, ctx.mode, shaped, LIST_RULE_IDS, origin)


@rule(
    "R121",
    "update.storage.complete",
    "E",
    N_("update.storageConfig without the full storage settings"),
    call="update",
)
def update_storage_complete(ctx: Context, out: Findings) -> None:
    request = _request(ctx)
    storage = request.get("storageConfig") if request is not None else None
    if storage is None:
        return
    present = storage if isinstance(storage, dict) else {}
    missing = [key for key in STORAGE_REQUIRED if present.get(key) in (None, "")]
    if missing:
        out.error(
            f"{CR}.storageConfig",
            _("A storage update must resend the full storage settings."),
            _("Missing: {keys}.").format(keys=listed(missing)),
        )


# --- updateLayout -------------------------------------------------------------------------


@rule("R123", "updateLayout.mode", "E", N_("updateLayout outside mix mode"), call="updateLayout")
def update_layout_mode(ctx: Context, out: Findings) -> None:
    if ctx.mode != "mix":
        out.error(
            "",
            _("updateLayout only works for mix recordings."),
            _("This session records in {mode} mode.").format(mode=ctx.mode),
        )


@rule(
    "R124",
    "updateLayout.overwrite",
    "W",
    N_("updateLayout leaves out a field the session sets"),
    call="updateLayout",
)
def update_layout_overwrite(ctx: Context, out: Findings) -> None:
    request = _request(ctx)
    current = ctx.call_state.current_layout
    if request is None or not current:
        return
    for key in LAYOUT_FIELDS:
        if key in current and key not in request:
            out.warning(
                f"{CR}.{key}",
                _("Fields you leave out revert to defaults (e.g. background turns black)."),
                _("The session currently sets {key}; include it to keep it.").format(key=key),
            )


@rule("R125", "updateLayout.fields", "E/W", N_("layout fields break R65–R79"), call="updateLayout")
def update_layout_fields(ctx: Context, out: Findings) -> None:
    request = _request(ctx)
    if request is None:
        return
    start = Context("mix", ctx.call_state.start_body).obj(TC) or {}
    canvas = {key: start.get(key, catalogue.default(f"{TC}.{key}")) for key in CANVAS_KEYS}
    layout = {key: value for key, value in request.items() if key in LAYOUT_FIELDS}
    shaped = {
        "cname": "x",
        "uid": "1",
        CR: {"recordingConfig": {"transcodingConfig": {**canvas, **layout}}},
    }
    origin = {TC: CR, **{f"{TC}.{key}": f"{CR}.{key}" for key in layout}}
    _reuse(out, "mix", shaped, LAYOUT_RULE_IDS, origin)


def layout_of(start_body: Any) -> dict[str, Any]:
    """The layout fields a ``start`` body sets (its transcodingConfig's layout part)."""
    import copy  # not on the path of `rec-tui validate`

    config = Context("mix", start_body).obj(TC) or {}
    return {key: copy.deepcopy(config[key]) for key in LAYOUT_FIELDS if key in config}


# --- control: any call after start ---------------------------------------------------------


@rule(
    "R122",
    "lifecycle.serial",
    "W",
    N_("an update while the previous one is unanswered"),
    call="control",
)
def lifecycle_serial(ctx: Context, out: Findings) -> None:
    if ctx.call_state.update_in_flight:
        out.warning(
            "",
            _("Wait for the previous update to finish before sending another."),
            _("It is queued and sent when the previous answer arrives."),
        )


@rule(
    "R126",
    "lifecycle.window",
    "W",
    N_("a call more than resourceExpiredHour after start"),
    call="control",
    session=True,
)
def lifecycle_window(ctx: Context, out: Findings) -> None:
    session = ctx.session
    if session.started_at is None or session.acquire is None or session.now is None:
        return
    hours = expired_hours(session.acquire)
    if session.now - session.started_at > hours * 3600:
        out.warning(
            "",
            _("This session's control window (resourceExpiredHour) has passed."),
            _(
                "The sid was issued over {hours} h ago; query may answer 404. Acquire and start "
                "a new session if needed."
            ).format(hours=hours),
        )


# --- running body rules on a start-shaped copy --------------------------------------------


def _reuse(
    out: Findings,
    mode: Mode,
    shaped: dict[str, Any],
    rule_ids: Iterable[str],
    origin: dict[str, str],
) -> None:
    """Run the body rules ``rule_ids`` on ``shaped`` and report their findings at the real
    paths, under ``out``'s rule, with the body rule named in the hint."""
    wanted = frozenset(rule_ids)
    context = Context(mode, shaped)
    for body_rule in all_rules():
        if body_rule.id not in wanted:
            continue
        for problem in run(body_rule, context):
            path = _moved(problem.path, origin)
            if path is not None:
                rule_named = f"({body_rule.id} {body_rule.name})"
                hint = f"{problem.hint} {rule_named}".strip()
                out.add(problem.severity, path, problem.message, hint)


def _moved(path: str, origin: dict[str, str]) -> str | None:
    """``path`` in the shaped body → the same place in the real body; None if not there."""
    for shaped_prefix, real_prefix in sorted(origin.items(), key=lambda i: -len(i[0])):
        if path == shaped_prefix or path.startswith((shaped_prefix + ".", shaped_prefix + "[")):
            return real_prefix + path[len(shaped_prefix) :]
    return None


def problems_of(call: str, context: Context) -> list[Problem]:
    """Every problem the rules of ``call`` find in ``context`` (its ``call`` must match)."""
    return [found for rule_ in all_rules() if rule_.call == call for found in run(rule_, context)]
