"""A semantic diff of two ``start`` bodies: by JSON path, in the words of the declarations.

Keys are compared as a set, so moving keys around is no difference; a list of plain values
is compared as a whole, a list of objects item by item. Each difference carries the
field's label and the labels of the choices ("streamTypes: 0 audio only → 2 audio and
video"). Secret values never appear: a changed token reads "•••••••• → ••••••••".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from rec_tui.i18n import _
from rec_tui.request.fixes.places import field_at
from rec_tui.request.fixes.shown import shown_value
from rec_tui.request.redact import MASK
from rec_tui.request.validate import validate
from rec_tui.spec import jsonpath
from rec_tui.spec.field import Field
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Problem

DifferenceKind = Literal["added", "removed", "changed"]
ABSENT: Final = object()


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where the bodies differ. ``before``/``after`` are already shown as text
    (JSON, with the choice's label, secrets masked); "" on the side that lacks the path."""

    kind: DifferenceKind
    path: str
    label: str
    before: str
    after: str

    def text(self) -> str:
        # The label in the active language; as_dict keeps the declared English one.
        named = f"{self.path} ({_(self.label)})" if self.label else self.path
        if self.kind == "added":
            return f"+ {named}: {self.after}"
        if self.kind == "removed":
            return f"- {named}: {self.before}"
        return f"~ {named}: {self.before} → {self.after}"

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "path": self.path,
            "label": self.label,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two bodies: its mode and the problems it has."""

    mode: Mode
    problems: tuple[Problem, ...] = field(default=())

    def rule_names(self) -> list[str]:
        return sorted({problem.rule for problem in self.problems})

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "problems": [
                {"rule": p.rule, "severity": p.severity, "path": p.path} for p in self.problems
            ],
        }


@dataclass(frozen=True, slots=True)
class BodyDiff:
    before: Side
    after: Side
    differences: tuple[Difference, ...]

    @property
    def equal(self) -> bool:
        return not self.differences and self.before.mode == self.after.mode

    def lines(self, before_name: str = "A", after_name: str = "B") -> list[str]:
        """The diff for a person: one line per difference, then the problems of each side."""
        lines = [difference.text() for difference in self.differences]
        if self.before.mode != self.after.mode:
            lines.insert(0, f"~ mode: {self.before.mode} → {self.after.mode}")
        if not lines:
            lines.append(_("No differences ({mode} mode).").format(mode=self.before.mode))
        for name, side in ((before_name, self.before), (after_name, self.after)):
            names = side.rule_names()
            lines.append(
                _("problems in {name}: {rules}").format(
                    name=name, rules=", ".join(names) if names else _("none")
                )
            )
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {
            "equal": self.equal,
            "differences": [difference.as_dict() for difference in self.differences],
            "before": self.before.as_dict(),
            "after": self.after.as_dict(),
        }


def diff_bodies(before: Any, after: Any, before_mode: Mode, after_mode: Mode) -> BodyDiff:
    """Compare two bodies, each checked in its own mode."""
    differences = tuple(_compare(before, after, "", before, after))
    return BodyDiff(
        Side(before_mode, tuple(validate(before_mode, before))),
        Side(after_mode, tuple(validate(after_mode, after))),
        differences,
    )


def _same(left: Any, right: Any) -> bool:
    """Equal as JSON: 1, 1.0 and true are three different values."""
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return type(left) is type(right) and left == right


def _compare(left: Any, right: Any, path: str, before: Any, after: Any) -> Iterator[Difference]:
    if isinstance(left, dict) and isinstance(right, dict):
        for key in [*left, *(key for key in right if key not in left)]:
            place = jsonpath.child(path, str(key))
            if key not in right:
                yield _difference("removed", place, left[key], ABSENT, before, after)
            elif key not in left:
                yield _difference("added", place, ABSENT, right[key], before, after)
            else:
                yield from _compare(left[key], right[key], place, before, after)
    elif isinstance(left, list) and isinstance(right, list) and not _all_scalars(left, right):
        for index in range(max(len(left), len(right))):
            place = jsonpath.child(path, index)
            if index >= len(right):
                yield _difference("removed", place, left[index], ABSENT, before, after)
            elif index >= len(left):
                yield _difference("added", place, ABSENT, right[index], before, after)
            else:
                yield from _compare(left[index], right[index], place, before, after)
    elif not _same(left, right) or (
        isinstance(left, list | dict) != isinstance(right, list | dict)
    ):
        yield _difference("changed", path, left, right, before, after)


def _all_scalars(*lists: list[Any]) -> bool:
    """Lists of plain values (UIDs, file types) read best as one before → after; item by
    item, removing the first entry would show as every entry changing."""
    return all(not isinstance(item, (dict, list)) for items in lists for item in items)


def _difference(
    kind: DifferenceKind, path: str, old: Any, new: Any, before: Any, after: Any
) -> Difference:
    declared = field_at(after if new is not ABSENT else before, path)
    label = declared.label if declared is not None else ""
    return Difference(kind, path, label, _shown(path, old, declared), _shown(path, new, declared))


def _shown(path: str, value: Any, declared: Field | None) -> str:
    if value is ABSENT:
        return ""
    text = shown_value(path, value)
    label = declared.label_for(value) if declared is not None and text != MASK else None
    return f"{text} {_(label).lower()}" if label else text
