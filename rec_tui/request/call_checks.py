"""Checks made before acquire, update, updateLayout and the control calls (spec 3.8).

Each function returns :class:`~rec_tui.spec.problems.Problem` objects with the spec's rule names,
like the ``start`` validator. Where a rule says "reuse those messages" (R120, R125) the body
rules themselves are run — on a ``start``-shaped copy of the fields — and their findings are
moved back to the path in the update body, so a rule is never written twice.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, Final

from rec_tui.spec import catalogue
from rec_tui.spec.modes import Mode
from rec_tui.spec.names import RTMP_PUBLISH
from rec_tui.spec.problems import ERROR, WARNING, Problem, Severity, sort_key
from rec_tui.spec.rules import all_rules, by_name, run
from rec_tui.spec.rules.context import CR, REC, TC, Context, Session, as_int
from rec_tui.spec.rules.quoting import shown
from rec_tui.spec.rules.session import scene_verdict

ACQUIRE_REGIONS: Final = ("CN", "AP", "EU", "NA")
ACQUIRE_SCENES: Final = (0, 1, 2)
EXPIRED_HOUR_RANGE: Final = (1, 720)
DEFAULT_EXPIRED_HOUR: Final = 72
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
_CANVAS_DEFAULTS: Final = {
    key: catalogue.default(f"{TC}.{key}") for key in ("width", "height", "fps", "bitrate")
}


def _problem(
    rule: str, rule_id: str, severity: Severity, path: str, message: str, hint: str = ""
) -> Problem:
    return Problem(rule, rule_id, severity, path, message, hint)


# --- acquire (R118, and R6 before the scene is sent) ---------------------------------------


def check_acquire(body: Any, mode: Mode | None = None) -> list[Problem]:
    """R118 on an acquire body; with ``mode``, also whether its scene fits (R6)."""
    request = body.get("clientRequest") if isinstance(body, dict) else None
    request = request if isinstance(request, dict) else {}
    message = "Check acquire: resourceExpiredHour 1–720, scene 0/1(/2), region CN/AP/EU/NA."
    found: list[Problem] = []

    def bad(key: str, hint: str) -> None:
        found.append(_problem("acquire.fields", "R118", ERROR, f"{CR}.{key}", message, hint))

    hours = request.get("resourceExpiredHour")
    low, high = EXPIRED_HOUR_RANGE
    if hours is not None and not (as_int(hours) is not None and low <= hours <= high):
        bad(
            "resourceExpiredHour",
            f"Got {shown(hours)}; send a whole number of hours from 1 to 720.",
        )
    scene = request.get("scene")
    if scene is not None and (as_int(scene) is None or scene not in ACQUIRE_SCENES):
        bad("scene", f"Got {shown(scene)}; send 0 (RTC), 1 (web) or 2 (legacy postponed).")
    region = request.get("region")
    if region is not None and region not in ACQUIRE_REGIONS:
        bad("region", f"Got {shown(region)}; send one of {', '.join(ACQUIRE_REGIONS)}.")
    if mode is not None:
        verdict = scene_verdict(mode, 0 if scene is None else scene, postponed=False)
        if verdict is not None and verdict[0] == ERROR:
            found.append(
                _problem(
                    "session.scene.match",
                    "R6",
                    ERROR,
                    f"{CR}.scene",
                    "acquire scene does not fit this mode (web needs 1, postponed "
                    "transcoding or mixing needs 2, otherwise 0).",
                    verdict[1].capitalize() + ".",
                )
            )
    return found


def expired_hours(acquire: dict[str, Any] | None) -> int:
    request = acquire.get("clientRequest") if acquire else None
    hours = request.get("resourceExpiredHour") if isinstance(request, dict) else None
    value = as_int(hours)
    return value if value is not None else DEFAULT_EXPIRED_HOUR


# --- the control window and one update at a time (R126, R122) -----------------------------


def check_control_window(
    started_at: float | None, now: float, acquire: dict[str, Any] | None
) -> list[Problem]:
    """R126: query/update/updateLayout/stop more than resourceExpiredHour after start."""
    if started_at is None or acquire is None:
        return []
    hours = expired_hours(acquire)
    if now - started_at <= hours * 3600:
        return []
    return [
        _problem(
            "lifecycle.window",
            "R126",
            WARNING,
            "",
            "This session's control window (resourceExpiredHour) has passed.",
            f"The sid was issued over {hours} h ago; query may answer 404. Acquire and start "
            "a new session if needed.",
        )
    ]


def check_serial(update_in_flight: bool) -> list[Problem]:
    """R122: an update or updateLayout while the previous one has not answered."""
    if not update_in_flight:
        return []
    return [
        _problem(
            "lifecycle.serial",
            "R122",
            WARNING,
            "",
            "Wait for the previous update to finish before sending another.",
            "It is queued and sent when the previous answer arrives.",
        )
    ]


# --- update (R7, R119–R121) ---------------------------------------------------------------


def check_update(
    mode: Mode, body: Any, *, acquire: dict[str, Any] | None, start_body: Any = None
) -> list[Problem]:
    """Problems of an update body for a ``mode`` session started with ``start_body``."""
    found = _cname_uid(mode, body, acquire)
    request = body.get("clientRequest") if isinstance(body, dict) else None
    if not isinstance(request, dict):
        found.append(
            _problem("body.clientRequest.required", "R14", ERROR, CR, "clientRequest is required.")
        )
        return found
    found += _section_mode(mode, request, start_body)
    found += _subscription_lists(mode, request, start_body)
    found += _storage_complete(request)
    found.sort(key=sort_key)
    return found


def _cname_uid(mode: Mode, body: Any, acquire: dict[str, Any] | None) -> list[Problem]:
    same_as_acquire = by_name("session.cname_uid.match")
    if same_as_acquire is None or acquire is None:
        return []
    return run(same_as_acquire, Context(mode, body, session=Session(acquire=acquire)))


def _has_cdn_push(start_body: Any) -> bool:
    context = Context("web", start_body)
    services = context.list(f"{CR}.extensionServiceConfig.extensionServices") or []
    return any(isinstance(s, dict) and s.get("serviceName") == RTMP_PUBLISH for s in services)


def _section_mode(mode: Mode, request: dict[str, Any], start_body: Any) -> list[Problem]:
    message = "This update section does not apply to the session's mode."
    found: list[Problem] = []

    def bad(key: str, hint: str) -> None:
        found.append(_problem("update.section_mode", "R119", ERROR, f"{CR}.{key}", message, hint))

    if "streamSubscribe" in request and mode == "web":
        bad("streamSubscribe", "Subscription lists apply to individual and mix sessions only.")
    for key in ("webRecordingConfig", "rtmpPublishConfig"):
        if key in request and mode != "web":
            bad(key, f"{key} applies to web page recording sessions only.")
    cdn_update = "rtmpPublishConfig" in request and mode == "web"
    if cdn_update and start_body is not None and not _has_cdn_push(start_body):
        bad(
            "rtmpPublishConfig",
            "This session was started without rtmp_publish_service, so there is no CDN "
            "push to update.",
        )
    return found


def _subscription_lists(mode: Mode, request: dict[str, Any], start_body: Any) -> list[Problem]:
    """R120: the update lists judged by the start body's list rules (R47–R52, R54)."""
    subscribe = request.get("streamSubscribe")
    if not isinstance(subscribe, dict) or mode == "web":
        return []
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
    stream_types = Context(mode, start_body).raw(f"{REC}.streamTypes")
    if stream_types is not None:
        recording["streamTypes"] = stream_types
    shaped = {"cname": "x", "uid": "1", CR: {"recordingConfig": recording}}
    return _reused(mode, shaped, LIST_RULE_IDS, origin, "update.lists", "R120")


def _storage_complete(request: dict[str, Any]) -> list[Problem]:
    storage = request.get("storageConfig")
    if storage is None:
        return []
    present = storage if isinstance(storage, dict) else {}
    missing = [key for key in STORAGE_REQUIRED if present.get(key) in (None, "")]
    if not missing:
        return []
    return [
        _problem(
            "update.storage.complete",
            "R121",
            ERROR,
            f"{CR}.storageConfig",
            "A storage update must resend the full storage settings.",
            f"Missing: {', '.join(missing)}.",
        )
    ]


# --- updateLayout (R7, R123–R125) ---------------------------------------------------------


def layout_of(start_body: Any) -> dict[str, Any]:
    """The layout fields a ``start`` body sets (its transcodingConfig's layout part)."""
    config = Context("mix", start_body).obj(TC) or {}
    return {key: copy.deepcopy(config[key]) for key in LAYOUT_FIELDS if key in config}


def check_update_layout(
    mode: Mode,
    body: Any,
    *,
    acquire: dict[str, Any] | None,
    current_layout: dict[str, Any] | None = None,
    start_body: Any = None,
) -> list[Problem]:
    """Problems of an updateLayout body; ``current_layout`` is what the session now shows."""
    found = _cname_uid(mode, body, acquire)
    if mode != "mix":
        found.append(
            _problem(
                "updateLayout.mode",
                "R123",
                ERROR,
                "",
                "updateLayout only works for mix recordings.",
                f"This session records in {mode} mode.",
            )
        )
    request = body.get("clientRequest") if isinstance(body, dict) else None
    if not isinstance(request, dict):
        found.append(
            _problem("body.clientRequest.required", "R14", ERROR, CR, "clientRequest is required.")
        )
        return found
    for key in LAYOUT_FIELDS:
        if current_layout and key in current_layout and key not in request:
            found.append(
                _problem(
                    "updateLayout.overwrite",
                    "R124",
                    WARNING,
                    f"{CR}.{key}",
                    "Fields you leave out revert to defaults (e.g. background turns black).",
                    f"The session currently sets {key}; include it to keep it.",
                )
            )
    canvas = {**_CANVAS_DEFAULTS, **_canvas_of(start_body)}
    layout = {key: value for key, value in request.items() if key in LAYOUT_FIELDS}
    shaped = {
        "cname": "x",
        "uid": "1",
        CR: {"recordingConfig": {"transcodingConfig": {**canvas, **layout}}},
    }
    origin = {TC: CR, **{f"{TC}.{key}": f"{CR}.{key}" for key in layout}}
    found += _reused("mix", shaped, LAYOUT_RULE_IDS, origin, "updateLayout.fields", "R125")
    found.sort(key=sort_key)
    return found


def _canvas_of(start_body: Any) -> dict[str, Any]:
    config = Context("mix", start_body).obj(TC) or {}
    return {key: config[key] for key in _CANVAS_DEFAULTS if key in config}


# --- running body rules on a start-shaped copy --------------------------------------------


def _reused(
    mode: Mode,
    shaped: dict[str, Any],
    rule_ids: Iterable[str],
    origin: dict[str, str],
    rule_name: str,
    rule_id: str,
) -> list[Problem]:
    """Run the body rules ``rule_ids`` on ``shaped`` and move findings to the real paths.

    A finding keeps its own message and hint; its rule becomes ``rule_name`` (``rule_id``)
    with the body rule named in the hint, so the problem reads as the update rule the spec
    lists while still saying which body rule judged it.
    """
    wanted = frozenset(rule_ids)
    context = Context(mode, shaped)
    found: list[Problem] = []
    for body_rule in all_rules():
        if body_rule.id not in wanted:
            continue
        for problem in run(body_rule, context):
            path = _moved(problem.path, origin)
            if path is None:
                continue
            hint = f"{problem.hint} ({body_rule.id} {body_rule.name})".strip()
            found.append(Problem(rule_name, rule_id, problem.severity, path, problem.message, hint))
    return found


def _moved(path: str, origin: dict[str, str]) -> str | None:
    """``path`` in the shaped body → the same place in the real body; None if not there."""
    for shaped_prefix, real_prefix in sorted(origin.items(), key=lambda i: -len(i[0])):
        if path == shaped_prefix or path.startswith((shaped_prefix + ".", shaped_prefix + "[")):
            return real_prefix + path[len(shaped_prefix) :]
    return None
