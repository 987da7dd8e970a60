"""Editing a custom layout: add, remove, select, move and resize tiles in steps of the frame.

Policy on the frame's edges, matching the validator: every coordinate stays within [0, 1]
(values outside are errors, R69), but a tile may be moved or grown past the right or bottom
edge (x_axis + width > 1 is only a warning, R70). Such a tile is still editable and is
marked off-canvas, so the user sees it rather than being silently stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Final

from rec_tui.layout.tile import RENDER_CROP, RENDER_FIT, Tile, round6
from rec_tui.spec import catalogue

MAX_TILES: Final = catalogue.mix_max_users()  # R68
STEP: Final = 0.01  # one keystroke: 1/100 of the frame
FINE_STEP: Final = 0.001  # with the fine modifier: 1/1000 of the frame
MIN_SIZE: Final = FINE_STEP  # a tile never shrinks to nothing
ALPHA_STEP: Final = 0.1
NEW_TILE_SIZE: Final = 0.25


def new_tile(count: int) -> Tile | None:
    """The tile added after ``count`` tiles, by the canvas and the tiles table alike.

    Quarter-size, cascaded so it does not hide the previous new one; None once the layout
    holds :data:`MAX_TILES` (R68).
    """
    if count >= MAX_TILES:
        return None
    offset = round6((count % 4) * 0.05)
    return Tile(offset, offset, NEW_TILE_SIZE, NEW_TILE_SIZE)


def _clamp(value: float, low: float, high: float) -> float:
    return round6(min(max(value, low), high))


@dataclass
class LayoutEditor:
    """The tiles being edited and which one is selected (None when there are none)."""

    tiles: list[Tile] = field(default_factory=list)
    selected: int | None = None

    def __post_init__(self) -> None:
        self._fix_selection()

    @property
    def current(self) -> Tile | None:
        return None if self.selected is None else self.tiles[self.selected]

    def load(self, tiles: list[Tile]) -> None:
        """Take tiles from the draft, keeping the selection where it still exists."""
        self.tiles = list(tiles)
        self._fix_selection()

    def _fix_selection(self) -> None:
        if not self.tiles:
            self.selected = None
        elif self.selected is None:
            self.selected = 0
        else:
            self.selected = min(self.selected, len(self.tiles) - 1)

    # --- selection --------------------------------------------------------------------

    def select(self, index: int) -> bool:
        if 0 <= index < len(self.tiles):
            self.selected = index
            return True
        return False

    def select_next(self, delta: int = 1) -> None:
        if self.tiles:
            current = 0 if self.selected is None else self.selected
            self.selected = (current + delta) % len(self.tiles)

    # --- adding and removing ----------------------------------------------------------

    def can_add(self) -> bool:
        return len(self.tiles) < MAX_TILES

    def add(self) -> bool:
        """Add the next new tile (:func:`new_tile`); False when the layout is full."""
        tile = new_tile(len(self.tiles))
        if tile is None:
            return False
        self.tiles.append(tile)
        self.selected = len(self.tiles) - 1
        return True

    def remove(self) -> bool:
        if self.selected is None:
            return False
        del self.tiles[self.selected]
        self._fix_selection()
        return True

    # --- geometry ---------------------------------------------------------------------

    def move(self, dx: int, dy: int, *, fine: bool = False) -> bool:
        """Move the selected tile by ``dx``/``dy`` steps; the edge stops only at 0 and 1."""
        tile = self.current
        if tile is None:
            return False
        step = FINE_STEP if fine else STEP
        return self.move_to(tile.x + dx * step, tile.y + dy * step)

    def move_to(self, x: float, y: float) -> bool:
        tile = self.current
        if tile is None:
            return False
        return self._put(tile.moved_to(_clamp(x, 0.0, 1.0), _clamp(y, 0.0, 1.0)))

    def resize(self, dw: int, dh: int, *, fine: bool = False) -> bool:
        """Grow or shrink the selected tile from its bottom-right corner."""
        tile = self.current
        if tile is None:
            return False
        step = FINE_STEP if fine else STEP
        return self._put(
            tile.resized_to(
                _clamp(tile.width + dw * step, MIN_SIZE, 1.0),
                _clamp(tile.height + dh * step, MIN_SIZE, 1.0),
            )
        )

    # --- other properties -------------------------------------------------------------

    def set_uid(self, uid: str | None) -> bool:
        """Assign a uid; None or "" clears it (the tile is then filled in join order)."""
        tile = self.current
        if tile is None:
            return False
        return self._put(replace(tile, uid=uid or None))

    def change_alpha(self, steps: int) -> bool:
        tile = self.current
        if tile is None:
            return False
        return self._put(
            replace(tile, alpha=_clamp(tile.shown_alpha + steps * ALPHA_STEP, 0.0, 1.0))
        )

    def toggle_render_mode(self) -> bool:
        tile = self.current
        if tile is None:
            return False
        mode = RENDER_FIT if tile.shown_render_mode == RENDER_CROP else RENDER_CROP
        return self._put(replace(tile, render_mode=mode))

    def _put(self, tile: Tile) -> bool:
        assert self.selected is not None
        if tile == self.tiles[self.selected]:
            return False
        self.tiles[self.selected] = tile
        return True
