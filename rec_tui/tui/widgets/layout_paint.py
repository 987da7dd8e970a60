"""Paint a layout into terminal cells: the frame at its true aspect ratio, then the boxes.

Kept apart from the widget so painting can be timed and tested on its own. A terminal cell
is about twice as tall as it is wide, so a frame ``aspect`` wide per unit of height takes
``2 × aspect`` columns per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from rich.cells import cell_len, get_character_cell_size
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

CELL_ASPECT: Final = 2.0
Emphasis = Literal["normal", "selected", "warning", "error"]

# Distinct, mid-dark fills so white labels stay readable; picked by tile index.
PALETTE: Final = (
    "#1f6feb",
    "#8250df",
    "#bf3989",
    "#cf222e",
    "#bc4c00",
    "#9a6700",
    "#1a7f37",
    "#0a7ea4",
    "#6639ba",
    "#57606a",
    "#953800",
    "#116329",
    "#0550ae",
    "#a40e26",
    "#7d4e00",
    "#3b6e8f",
    "#5a32a3",
)
_BORDERS: Final = {
    "normal": "┌┐└┘─│",
    "selected": "┏┓┗┛━┃",
    "warning": "┌┐└┘╌╎",
    "error": "┌┐└┘╌╎",
}
_BORDER_COLOURS: Final = {
    "normal": "#d0d7de",
    "selected": "#ffd33d",
    "warning": "#ff9f1c",
    "error": "#ff4d4f",
}
OUTLINE: Final = "#6e7781"


@dataclass(frozen=True, slots=True)
class Box:
    """One tile or preset region to draw, in frame fractions."""

    x: float
    y: float
    width: float
    height: float
    title: str
    detail: str
    fill: str
    alpha: float = 1.0
    emphasis: Emphasis = "normal"
    # Shown instead of the title when the title does not fit the box.
    short_title: str | None = None

    def title_for(self, room: int) -> str:
        if cell_len(self.title) > room and self.short_title is not None:
            return self.short_title
        return self.title


@dataclass(frozen=True, slots=True)
class FrameCells:
    """Where the frame lands in the painted area, in cells (outline excluded)."""

    left: int
    top: int
    width: int
    height: int

    def to_fraction(self, column: int, row: int) -> tuple[float, float]:
        return (column - self.left) / self.width, (row - self.top) / self.height


def fit_frame(columns: int, rows: int, aspect: float) -> FrameCells:
    """The largest frame of ``aspect`` (width/height) that fits, centred, inside an outline."""
    inner_columns, inner_rows = max(columns - 2, 1), max(rows - 2, 1)
    width = inner_columns
    height = round(width / (aspect * CELL_ASPECT))
    if height > inner_rows:
        height = inner_rows
        width = max(1, min(inner_columns, round(height * aspect * CELL_ASPECT)))
    height = max(1, height)
    return FrameCells(
        1 + (inner_columns - width) // 2, 1 + (inner_rows - height) // 2, width, height
    )


@lru_cache(maxsize=512)
def _style(foreground: str | None, background: str | None, bold: bool = False) -> Style:
    return Style(color=foreground, bgcolor=background, bold=bold)


@lru_cache(maxsize=512)
def blend(below: str, above: str, alpha: float) -> str:
    """``above`` laid over ``below`` with opacity ``alpha`` (what the recording shows)."""
    low = Color.parse(below).get_truecolor()
    high = Color.parse(above).get_truecolor()
    mixed = (round(lo + (hi - lo) * alpha) for lo, hi in zip(low, high, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*mixed)


@lru_cache(maxsize=512)
def readable_on(background: str) -> str:
    red, green, blue = Color.parse(background).get_truecolor()
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def _is_wide(char: str) -> bool:
    return bool(char) and not char.isascii() and get_character_cell_size(char) == 2


class CellGrid:
    """Characters and styles of a rectangle of cells, turned into Strips at the end."""

    def __init__(self, columns: int, rows: int, base: Style) -> None:
        self.columns, self.rows = columns, rows
        self.chars = [[" "] * columns for _ in range(rows)]
        self.styles = [[base] * columns for _ in range(rows)]

    def put(self, column: int, row: int, char: str, style: Style) -> None:
        if 0 <= column < self.columns and 0 <= row < self.rows:
            self.chars[row][column] = char
            self.styles[row][column] = style

    def fill(self, left: int, top: int, right: int, bottom: int, style: Style) -> None:
        """Fill columns [left, right) of rows [top, bottom) with blanks."""
        left, right = max(left, 0), min(right, self.columns)
        for row in range(max(top, 0), min(bottom, self.rows)):
            self.chars[row][left:right] = [" "] * max(right - left, 0)
            self.styles[row][left:right] = [style] * max(right - left, 0)

    def text(self, column: int, row: int, text: str, style: Style, limit: int) -> None:
        """``text`` from ``column``, cut at ``limit`` cells. A wide (Chinese) character
        takes its cell and the next, which holds "" so the row keeps its width."""
        offset = 0
        for char in text:
            wide = not char.isascii() and get_character_cell_size(char) == 2
            if offset + (2 if wide else 1) > limit:
                break
            self.put(column + offset, row, char, style)
            if wide:
                self.put(column + offset + 1, row, "", style)
            offset += 2 if wide else 1

    def _mend(self, chars: list[str]) -> None:
        """Blank the halves of wide characters another box has drawn over."""
        for column, char in enumerate(chars):
            orphan = char == "" and (column == 0 or not _is_wide(chars[column - 1]))
            halved = _is_wide(char) and (column + 1 == len(chars) or chars[column + 1] != "")
            if orphan or halved:
                chars[column] = " "

    def strips(self) -> list[Strip]:
        out: list[Strip] = []
        for chars, styles in zip(self.chars, self.styles, strict=True):
            self._mend(chars)
            segments: list[Segment] = []
            start = 0
            for column in range(1, self.columns + 1):
                if column == self.columns or styles[column] is not styles[start]:
                    segments.append(Segment("".join(chars[start:column]), styles[start]))
                    start = column
            out.append(Strip(segments, self.columns))
        return out


def paint(
    columns: int, rows: int, aspect: float, background: str, boxes: list[Box], base: Style
) -> tuple[list[Strip], FrameCells]:
    """Paint the frame and ``boxes`` (later boxes on top) into ``columns`` × ``rows`` cells."""
    grid = CellGrid(columns, rows, base)
    frame = fit_frame(columns, rows, aspect)
    _outline(grid, frame, base)
    grid.fill(
        frame.left,
        frame.top,
        frame.left + frame.width,
        frame.top + frame.height,
        _style(None, background),
    )
    for box in boxes:
        _box(grid, frame, box, background)
    return grid.strips(), frame


def _outline(grid: CellGrid, frame: FrameCells, base: Style) -> None:
    style = _style(OUTLINE, base.bgcolor.name if base.bgcolor else None)
    left, top = frame.left - 1, frame.top - 1
    right, bottom = frame.left + frame.width, frame.top + frame.height
    for column in range(left + 1, right):
        grid.put(column, top, "─", style)
        grid.put(column, bottom, "─", style)
    for row in range(top + 1, bottom):
        grid.put(left, row, "│", style)
        grid.put(right, row, "│", style)
    for column, row, char in (
        (left, top, "┌"),
        (right, top, "┐"),
        (left, bottom, "└"),
        (right, bottom, "┘"),
    ):
        grid.put(column, row, char, style)


def cell_span(start: float, size: float, cells: int) -> tuple[int, int]:
    """[first, end) cells covered by a span of the frame; at least one cell wide."""
    first = round(start * cells)
    end = max(round((start + size) * cells), first + 1)
    return first, end


def _box(grid: CellGrid, frame: FrameCells, box: Box, background: str) -> None:
    first_column, end_column = cell_span(box.x, box.width, frame.width)
    first_row, end_row = cell_span(box.y, box.height, frame.height)
    # Clip to the frame: what lies outside is not recorded.
    left = frame.left + max(first_column, 0)
    right = frame.left + min(end_column, frame.width)
    top = frame.top + max(first_row, 0)
    bottom = frame.top + min(end_row, frame.height)
    if right <= left or bottom <= top:
        return
    fill = blend(background, box.fill, box.alpha)
    grid.fill(left, top, right, bottom, _style(None, fill))
    border = _style(_BORDER_COLOURS[box.emphasis], fill, box.emphasis != "normal")
    label = _style(readable_on(fill), fill, box.emphasis == "selected")
    width, height = right - left, bottom - top
    if width >= 2 and height >= 2:
        _border(grid, left, top, right - 1, bottom - 1, _BORDERS[box.emphasis], border)
        grid.text(
            left + 1,
            top,
            box.title_for(width - 2),
            border if box.emphasis != "normal" else label,
            width - 2,
        )
        if height >= 3:
            grid.text(left + 1, top + 1, box.detail, label, width - 2)
    else:
        grid.text(left, top, box.title_for(width), label, width)


def _border(
    grid: CellGrid, left: int, top: int, right: int, bottom: int, chars: str, style: Style
) -> None:
    top_left, top_right, bottom_left, bottom_right, across, down = tuple(chars)
    for column in range(left + 1, right):
        grid.put(column, top, across, style)
        grid.put(column, bottom, across, style)
    for row in range(top + 1, bottom):
        grid.put(left, row, down, style)
        grid.put(right, row, down, style)
    grid.put(left, top, top_left, style)
    grid.put(right, top, top_right, style)
    grid.put(left, bottom, bottom_left, style)
    grid.put(right, bottom, bottom_right, style)
