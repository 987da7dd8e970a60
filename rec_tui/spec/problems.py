"""What the validator reports: one Problem per rule violation."""

from __future__ import annotations

from rec_tui.i18n import _, ngettext
from rec_tui.record import Record, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, Literal, TypeAlias

Severity: TypeAlias = 'Literal["error", "warning"]'
ERROR: Final[Severity] = "error"
WARNING: Final[Severity] = "warning"

# What one edit of a fix does at its path: put a value there (``set``), take the key or
# list item away (``delete``), give the key another name in place (``rename``), or write
# the same value as another JSON type (``convert``: 527841 → "527841").
EditOp: TypeAlias = 'Literal["set", "delete", "rename", "convert"]'


class Edit(Record, frozen=True):
    """One change at one JSON path. ``value`` is the new value of ``set``/``convert``;
    ``new_key`` the new name of ``rename`` (the key keeps its place among its siblings)."""

    op: EditOp
    path: str
    value: Any = None
    new_key: str = ""

    @property
    def target(self) -> str:
        """The path that holds the result: the renamed key's new path for ``rename``."""
        if self.op != "rename":
            return self.path
        parent, _, _ = self.path.rpartition(".")
        return f"{parent}.{self.new_key}" if parent else self.new_key


class Fix(Record, frozen=True):
    """A mechanical fix of a problem: what it does in words, and the edits that do it.

    A fix touches only the paths its edits name (and, for ``rename``, the new key).
    """

    description: str
    edits: tuple[Edit, ...]

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(edit.path for edit in self.edits)


class Problem(Record, frozen=True):
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
    # Attached by validate() when the fix is mechanical; two problems are the same finding
    # whether or not a fix was worked out for them.
    fix: Fix | None = field(default=None, compare=False)

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


def summary(problems: list[Problem]) -> str:
    """``"1 error · 2 warnings"``, or ``"No problems"``."""
    errors, warnings = count(problems)
    if not problems:
        return _("No problems")
    parts = []
    if errors:
        parts.append(ngettext("{count} error", "{count} errors", errors).format(count=errors))
    if warnings:
        said = ngettext("{count} warning", "{count} warnings", warnings)
        parts.append(said.format(count=warnings))
    return " · ".join(parts)
