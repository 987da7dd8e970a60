"""Applying fixes to a body: one (:func:`apply_fix`) or all of them (:func:`apply_all`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from rec_tui.request.fixes.edits import FixDoesNotApply, apply_fix, describe_edit
from rec_tui.request.validate import validate
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Fix, Problem
from rec_tui.spec.rules.context import SnapshotIntent

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
        problems = validate(mode, body, snapshot_intent=snapshot_intent)
        fixable = next((problem for problem in problems if problem.fix is not None), None)
        if fixable is None or fixable.fix is None:
            break
        details = tuple(describe_edit(edit, body) for edit in fixable.fix.edits)
        body = apply_fix(body, fixable.fix)
        applied.append(AppliedFix(fixable, fixable.fix, details))
    return body, applied
