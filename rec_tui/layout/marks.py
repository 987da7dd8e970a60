"""What the canvas marks on tiles: the validator's tile findings plus an overlap notice.

Off-canvas (R70), duplicate or bad uid (R73), missing or out-of-range geometry (R69),
alpha/render mode (R71), precision (R72) and the 17-tile cap (R68) come from the
validator's own rules, run on the layout alone, so the canvas and the problems list can
never disagree. Overlap is not a rule (picture-in-picture overlaps on purpose); it is a
notice computed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from rec_tui.layout.tile import Tile
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules import all_rules, run
from rec_tui.spec.rules.context import TC, Context

LAYOUT_CONFIG: Final = f"{TC}.layoutConfig"
# The rules about layoutConfig tiles (spec section 3.4).
TILE_RULE_IDS: Final = frozenset({"R68", "R69", "R70", "R71", "R72", "R73"})
OFF_CANVAS_RULE: Final = "R70"
UID_RULE: Final = "R73"
_TILE_INDEX = re.compile(re.escape(LAYOUT_CONFIG) + r"\[(\d+)\]")
# Shared edges from rounding to 6 decimals are not an overlap.
_OVERLAP_EPSILON: Final = 1e-6


@dataclass(frozen=True, slots=True)
class LayoutMarks:
    """Findings per tile index, findings about the layout as a whole, and overlaps."""

    by_tile: dict[int, tuple[Problem, ...]] = field(default_factory=dict)
    layout: tuple[Problem, ...] = ()
    overlaps: tuple[tuple[int, int], ...] = ()

    def of(self, index: int) -> tuple[Problem, ...]:
        return self.by_tile.get(index, ())

    def off_canvas(self, index: int) -> bool:
        return any(p.rule_id == OFF_CANVAS_RULE for p in self.of(index))

    def uid_problem(self, index: int) -> bool:
        return any(p.rule_id == UID_RULE for p in self.of(index))

    def has_error(self, index: int) -> bool:
        return any(p.is_error for p in self.of(index))

    def overlapping(self, index: int) -> bool:
        return any(index in pair for pair in self.overlaps)


def tile_problems(layout_config: Any) -> list[Problem]:
    """The validator's findings about ``layoutConfig`` tiles, for a custom (3) layout."""
    body = {
        "clientRequest": {
            "recordingConfig": {
                "transcodingConfig": {"mixedVideoLayout": 3, "layoutConfig": layout_config}
            }
        }
    }
    context = Context("mix", body)
    problems: list[Problem] = []
    for rule_ in all_rules():
        if rule_.id in TILE_RULE_IDS:
            problems.extend(run(rule_, context))
    return problems


def overlaps(tiles: list[Tile]) -> list[tuple[int, int]]:
    """Pairs of tile indices whose areas intersect (touching edges do not count)."""
    pairs: list[tuple[int, int]] = []
    for i, a in enumerate(tiles):
        for j in range(i + 1, len(tiles)):
            b = tiles[j]
            if (
                min(a.right, b.right) - max(a.x, b.x) > _OVERLAP_EPSILON
                and min(a.bottom, b.bottom) - max(a.y, b.y) > _OVERLAP_EPSILON
            ):
                pairs.append((i, j))
    return pairs


def compute(tiles: list[Tile], layout_config: Any) -> LayoutMarks:
    """Marks for ``tiles``, read from ``layout_config`` (the JSON they came from)."""
    by_tile: dict[int, list[Problem]] = {}
    whole: list[Problem] = []
    for problem in tile_problems(layout_config):
        match = _TILE_INDEX.match(problem.path)
        if match:
            by_tile.setdefault(int(match.group(1)), []).append(problem)
        else:
            whole.append(problem)
    return LayoutMarks(
        {i: tuple(found) for i, found in by_tile.items()}, tuple(whole), tuple(overlaps(tiles))
    )
