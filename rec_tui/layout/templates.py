"""Starting points for a custom layout (mixedVideoLayout 3).

Every template tiles the frame exactly: edges are computed as rounded fractions i/n, and
each width is the difference of two rounded edges, so neighbouring tiles meet without a
gap or an overlap and no tile runs past the frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from rec_tui.i18n import N_
from rec_tui.layout.edit import MAX_TILES
from rec_tui.layout.tile import Tile, region, round6

SPEAKER_HEIGHT: Final = 0.75  # the speaker's share of the frame above the strip
PIP_SIZE: Final = 0.25
PIP_MARGIN: Final = 0.03


def _edge(index: int, count: int) -> float:
    return round6(index / count)


def grid(columns: int, rows: int | None = None) -> list[Tile]:
    """A ``columns`` × ``rows`` grid of equal tiles, filled row by row from the top left."""
    rows = columns if rows is None else rows
    if columns < 1 or rows < 1 or columns * rows > MAX_TILES:
        raise ValueError(f"a {columns}×{rows} grid needs 1 to {MAX_TILES} tiles")
    tiles: list[Tile] = []
    for row in range(rows):
        for column in range(columns):
            x, y = _edge(column, columns), _edge(row, rows)
            tiles.append(region(x, y, _edge(column + 1, columns) - x, _edge(row + 1, rows) - y))
    return tiles


def speaker_strip(strip: int) -> list[Tile]:
    """One large speaker tile on top and a strip of ``strip`` equal tiles along the bottom."""
    if not 1 <= strip <= MAX_TILES - 1:
        raise ValueError(f"the strip holds 1 to {MAX_TILES - 1} tiles")
    tiles = [region(0, 0, 1, SPEAKER_HEIGHT)]
    for index in range(strip):
        x = _edge(index, strip)
        tiles.append(region(x, SPEAKER_HEIGHT, _edge(index + 1, strip) - x, 1 - SPEAKER_HEIGHT))
    return tiles


def picture_in_picture() -> list[Tile]:
    """The full frame with one small tile inset at the bottom right (drawn on top)."""
    inset = 1 - PIP_SIZE - PIP_MARGIN
    return [region(0, 0, 1, 1), region(inset, inset, PIP_SIZE, PIP_SIZE)]


@dataclass(frozen=True, slots=True)
class Template:
    """A template as the menu lists it; ``sized`` ones take a tile count."""

    key: str
    label: str
    build: Callable[[int], list[Tile]]
    sized: bool = False
    min_count: int = 1
    max_count: int = 1


TEMPLATES: Final[tuple[Template, ...]] = (
    Template("grid2", N_("Grid 2×2"), lambda _n: grid(2)),
    Template("grid3", N_("Grid 3×3"), lambda _n: grid(3)),
    Template("grid4", N_("Grid 4×4"), lambda _n: grid(4)),
    Template(
        "speaker",
        N_("Speaker large + strip of N"),
        speaker_strip,
        sized=True,
        min_count=1,
        max_count=MAX_TILES - 1,
    ),
    Template("pip", N_("Picture in picture"), lambda _n: picture_in_picture()),
)


def template(key: str) -> Template:
    for candidate in TEMPLATES:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
