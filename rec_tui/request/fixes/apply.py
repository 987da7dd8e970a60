"""Applying fixes to a body: one (:func:`apply_fix`) or all of them (:func:`apply_all`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from rec_tui.request.fixes.edits import FixDoesNotApply, apply_fix, describe_edit
from rec_tui.request.fixes.registry import checked_fixes, problems_of
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Fix, Problem
from rec_tui.spec.rules.context import Context, SnapshotIntent

__all__ = ["AppliedFix", "FixDoesNotApply", "apply_all", "apply_fix"]

# A body has at most a few dozen fixable places; this bounds a fix that would undo another.
MAX_ROUNDS: Final = 200


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A fix that was applied: the problem it fixed and what it changed, line by line
    (secret values masked)."""

    problem: Problem
    fix: Fix
    details: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.problem.rule,
            "path": self.problem.path,
            "severity": self.problem.severity,
            "fix": self.fix.description,
            "changes": list(self.details),
        }


def apply_all(
    mode: Mode, body: Any, *, snapshot_intent: SnapshotIntent | None = None
) -> tuple[Any, list[AppliedFix]]:
    """``body`` with every offered fix applied, errors first, until none is left.

    Fixes are applied one at a time and the body checked again after each, since one fix
    can make another unnecessary (or offer a new one). ``body`` itself is not changed.
    """
    applied: list[AppliedFix] = []
    for _ in range(MAX_ROUNDS):
        context = Context(mode, body, snapshot_intent)
        problems = problems_of(context)
        # Only the first fix that holds is needed: the next round sees the new body.
        found = next(checked_fixes(context, problems, limit=len(problems)), None)
        if found is None:
            break
        index, fix = found
        details = tuple(describe_edit(edit, body) for edit in fix.edits)
        body = apply_fix(body, fix)
        applied.append(AppliedFix(problems[index], fix, details))
    return body, applied
