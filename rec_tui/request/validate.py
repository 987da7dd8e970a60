"""``validate(mode, body)``: every problem of a ``start`` body, all at once."""

from __future__ import annotations

from typing import Any

from rec_tui.request.fixes.registry import attach_fixes
from rec_tui.spec.modes import MODES, Mode, is_mode
from rec_tui.spec.problems import ERROR, Problem, sort_key
from rec_tui.spec.rules import all_rules, run
from rec_tui.spec.rules.context import Context, Session, SnapshotIntent


def validate(
    mode: Mode | str,
    body: Any,
    *,
    snapshot_intent: SnapshotIntent | None = None,
    session: Session | None = None,
) -> list[Problem]:
    """Check ``body`` as the ``start`` body of a ``mode`` recording.

    Never raises, whatever JSON value ``body`` is. Problems come errors first, then by
    path. ``snapshot_intent`` is the wizard's explicit snapshot choice (R88/R89);
    ``session`` carries acquire data and the clock for the session rules.
    """
    if not is_mode(mode):
        return [
            Problem(
                "path.mode.enum",
                "R1",
                ERROR,
                "",
                "Recording mode must be individual, mix or web.",
                f"Got {mode!r}; choose one of {', '.join(MODES)}.",
            )
        ]
    context = Context(mode, body, snapshot_intent, session or Session())
    problems: list[Problem] = []
    for rule_ in all_rules():
        problems.extend(run(rule_, context))
    problems.sort(key=sort_key)
    return attach_fixes(context, problems)
