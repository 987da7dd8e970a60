"""What the validator reports: one Problem per rule violation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Severity = Literal["error", "warning"]
ERROR: Final[Severity] = "error"
WARNING: Final[Severity] = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """A single finding about a request body.

    ``rule`` is the rule name exactly as in the spec's tables (``sub.group.required``),
    ``rule_id`` its number there (``R55``), and ``path`` the dotted JSON path with list
    indices (``clientRequest.recordingConfig.subscribeVideoUids[2]``); the empty string
    is the body itself.
    """

    rule: str
    rule_id: str
    severity: Severity
    path: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


def sort_key(problem: Problem) -> tuple[int, str, str]:
    """Errors first, then by path, so every listing reads the same way."""
    return (0 if problem.is_error else 1, problem.path, problem.rule)


def count(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors
