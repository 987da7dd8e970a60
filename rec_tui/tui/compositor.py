"""A partial screen update that draws each changed area apart, not the box around them all.

Textual draws the changes of a frame (a keystroke's input row, the preview line it
changed, the canvas an arrow key moved) by rendering every widget that overlaps the one
rectangle enclosing all of them. A field in the centre pane and a line of the preview on
the right enclose most of the screen between them, so each keystroke rendered some forty
widgets, every line of each, to draw three or four lines. Here the changed areas are put
in columns that do not share any x (the form, the preview), each column is rendered with
only the widgets over it, and the pieces are put together: what is drawn is the same, for
the widgets over the changed areas alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


def columns(regions: set[Region]) -> list[Region]:
    """The regions joined into boxes whose x ranges do not overlap, left to right."""
    boxes: list[Region] = []
    for region in sorted(regions, key=lambda region: region.x):
        if boxes and region.x < boxes[-1].right:
            boxes[-1] = boxes[-1].union(region)
        else:
            boxes.append(region)
    return boxes


class Coverage:
    """The cells drawn so far, row by row: each row's drawn spans, merged and in order."""

    def __init__(self) -> None:
        self._rows: dict[int, list[tuple[int, int]]] = {}

    def covers(self, y: int, start: int, end: int) -> bool:
        """Whether every cell from ``start`` to ``end`` (not included) of row ``y`` is drawn."""
        for first, last in self._rows.get(y, ()):
            if first > start:
                return False
            if last >= end:
                return True
        return False

    def add(self, y: int, start: int, end: int) -> None:
        spans = self._rows.setdefault(y, [])
        merged: list[tuple[int, int]] = []
        for first, last in spans:
            if last < start or end < first:
                merged.append((first, last))
            else:
                start, end = min(start, first), max(end, last)
        merged.append((start, end))
        merged.sort()
        self._rows[y] = merged

    def rows_to_draw(self, visible: Region, crop: Region) -> list[Region]:
        """The runs of rows of ``visible`` within ``crop`` that are not drawn yet over the
        crop's columns; each run is then drawn, the whole width of ``visible``."""
        x, right = visible.x, visible.right
        start, end = max(x, crop.x), min(right, crop.right)
        runs: list[Region] = []
        first: int | None = None
        for y in range(max(visible.y, crop.y), min(visible.bottom, crop.bottom)):
            if self.covers(y, start, end):
                if first is not None:
                    runs.append(Region(x, first, visible.width, y - first))
                    first = None
            else:
                if first is None:
                    first = y
                self.add(y, x, right)
        if first is not None:
            runs.append(Region(x, first, visible.width, min(visible.bottom, crop.bottom) - first))
        return runs


class ColumnsCompositor(Compositor):
    """Textual's compositor, drawing a partial update column by column (see above)."""

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        """Each widget over ``crop``, rendered for the rows of it that show over the crop.

        Textual renders every line of each widget over the crop (a form 38 rows high for
        the one row typed in; on the first frame the screen, the panes and the form behind
        every field, ~210 of the ~520 rows rendered). Narrowed to rows, never columns: a
        line's pieces are cut at widget edges, and a render starting inside a widget would
        not line up with them. A widget whose visible part lies beside the crop is left out
        (Textual asks whether its clip, the area of its container, overlaps): only the
        pieces of a line over the crop are drawn, and none of them is such a widget's, so
        a canvas key no longer renders the preview pane's twenty rows beside the canvas.

        Widgets come front to back, and the first piece rendered for a place on a line is
        the one drawn there; only the places over the crop are written to the terminal. So
        the rows of a widget that lie wholly behind the widgets already rendered, over the
        crop, would be drawn nowhere, and are not rendered: for a typed row, the form, the
        panes, the screen behind the input (a keystroke rendered eight widgets, now the
        input and the preview's line); for a whole screen, a container's rows its children
        fill, which leaves its borders and the gaps between them.
        """
        crop = self.size.region if crop is None else crop
        drawn = Coverage()
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            if not crop.overlaps(visible):
                continue
            for rows in drawn.rows_to_draw(visible, crop):
                x, y, width, height = rows
                yield (
                    region,
                    rows,
                    widget.render_lines(Region(x - region.x, y - region.y, width, height)),
                )

    def render_partial_update(self) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        boxes = columns(update_regions)
        if len(boxes) < 2:
            return super().render_partial_update()
        self._dirty_regions.clear()
        screen_region = self.size.region
        spans = list(self._regions_to_spans(update_regions))
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        for box in boxes:
            crop = box.intersection(screen_region)
            if not crop:
                continue
            lines = {
                y
                for y, x1, x2 in spans
                if crop.y <= y < crop.bottom and x1 < crop.right and crop.x < x2
            }
            part = self._render_chops(crop, lines.__contains__)
            for y in lines:
                line, drawn, line_cuts = chops[y], part[y], cuts[y]
                # Only the pieces of the line over this box: beside it, a widget in front
                # that does not reach the box was not rendered, and one behind it may show.
                for cut, end in pairwise(line_cuts):
                    if cut < crop.right and crop.x < end and line[cut] is None:
                        line[cut] = drawn.get(cut)
        chop_ends = [line[1:] for line in cuts]
        return ChopsUpdate(chops, spans, chop_ends)
