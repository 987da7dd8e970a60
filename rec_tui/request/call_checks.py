"""Checks made before acquire, update, updateLayout and the control calls (spec 3.8).

The rules themselves (R118–R126) are registered in :mod:`rec_tui.spec.rules.calls` and
run by the same runner as the body's; this module builds the Context of each call from
what the caller knows and returns the problems, with the spec's rule names, like the
``start`` validator.
"""

from __future__ import annotations

from typing import Any

from rec_tui.spec.fields_session import ACQUIRE
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import ERROR, Problem, sort_key
from rec_tui.spec.rules import by_name, run
from rec_tui.spec.rules.calls import LAYOUT_FIELDS, expired_hours, layout_of, problems_of
from rec_tui.spec.rules.context import CR, CallState, Context, Session
from rec_tui.spec.rules.session import scene_problem, scene_verdict

__all__ = [
    "LAYOUT_FIELDS",
    "check_acquire",
    "check_control_window",
    "check_serial",
    "check_update",
    "check_update_layout",
    "expired_hours",
    "layout_of",
]


# --- acquire (R118, and R6 before the scene is sent) ---------------------------------------


def check_acquire(body: Any, mode: Mode | None = None) -> list[Problem]:
    """R118 on an acquire body; with ``mode``, also whether its scene fits (R6)."""
    request = body.get("clientRequest") if isinstance(body, dict) else None
    request = request if isinstance(request, dict) else {}
    # The options are declared as session.acquire.*: judge them there, report them where
    # they stand in the acquire body.
    shaped = {"session": {"acquire": request}}
    found = [
        _moved_to(problem, ACQUIRE, CR)
        for problem in problems_of("acquire", Context(mode or "individual", shaped, call="acquire"))
    ]
    if mode is not None:
        scene = request.get("scene")
        verdict = scene_verdict(mode, 0 if scene is None else scene, postponed=False)
        if verdict is not None and verdict[0] == ERROR:
            message, hint = scene_problem(verdict[1])
            found.append(Problem("session.scene.match", "R6", ERROR, f"{CR}.scene", message, hint))
    return found


def _moved_to(problem: Problem, shaped: str, real: str) -> Problem:
    path = problem.path
    if path == shaped or path.startswith(shaped + "."):
        path = real + path[len(shaped) :]
    return Problem(
        problem.rule, problem.rule_id, problem.severity, path, problem.message, problem.hint
    )


# --- the control window and one update at a time (R126, R122) -----------------------------


def check_control_window(
    started_at: float | None, now: float, acquire: dict[str, Any] | None
) -> list[Problem]:
    """R126: query/update/updateLayout/stop more than resourceExpiredHour after start."""
    session = Session(acquire=acquire, started_at=started_at, now=now)
    return problems_of("control", Context("individual", None, session=session, call="control"))


def check_serial(update_in_flight: bool) -> list[Problem]:
    """R122: an update or updateLayout while the previous one has not answered."""
    state = CallState(update_in_flight=update_in_flight)
    return problems_of("control", Context("individual", None, call="control", call_state=state))


# --- update (R7, R119–R121) ---------------------------------------------------------------


def check_update(
    mode: Mode, body: Any, *, acquire: dict[str, Any] | None, start_body: Any = None
) -> list[Problem]:
    """Problems of an update body for a ``mode`` session started with ``start_body``."""
    found = _cname_uid(mode, body, acquire) + _client_request_required(body)
    state = CallState(start_body=start_body)
    found += problems_of("update", Context(mode, body, call="update", call_state=state))
    found.sort(key=sort_key)
    return found


# --- updateLayout (R7, R123–R125) ---------------------------------------------------------


def check_update_layout(
    mode: Mode,
    body: Any,
    *,
    acquire: dict[str, Any] | None,
    current_layout: dict[str, Any] | None = None,
    start_body: Any = None,
) -> list[Problem]:
    """Problems of an updateLayout body; ``current_layout`` is what the session now shows."""
    found = _cname_uid(mode, body, acquire) + _client_request_required(body)
    state = CallState(start_body=start_body, current_layout=current_layout)
    found += problems_of("updateLayout", Context(mode, body, call="updateLayout", call_state=state))
    found.sort(key=sort_key)
    return found


# --- body rules that apply to these calls too ---------------------------------------------


def _cname_uid(mode: Mode, body: Any, acquire: dict[str, Any] | None) -> list[Problem]:
    """R7: cname and uid must be those of acquire."""
    same_as_acquire = by_name("session.cname_uid.match")
    if same_as_acquire is None or acquire is None:
        return []
    return run(same_as_acquire, Context(mode, body, session=Session(acquire=acquire)))


def _client_request_required(body: Any) -> list[Problem]:
    """R14: the update bodies need clientRequest too."""
    required = by_name("body.clientRequest.required")
    return [] if required is None else run(required, Context("individual", body))
