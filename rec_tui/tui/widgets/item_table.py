"""The table of an object list: a DataTable whose changed cells redraw their own row only.

``DataTable.update_cell`` bumps a counter that every cached cell, row and line of the
table is keyed by, so one changed value draws every visible row again (~1.5 ms a row with
Rich's cell rendering; the tiles table shows ten). :meth:`ItemTable.set_cell` drops the
cached drawing of that row alone and repaints its lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.widgets import DataTable


class ItemTable(DataTable[str]):
    def set_cell(self, row: int, column: int, value: str) -> None:
        """Show ``value`` at (``row``, ``column``) and redraw that row alone.

        The column keeps its width, as with ``update_cell`` (a longer value is cut).
        """
        row_key, column_key = self.coordinate_to_cell_key(Coordinate(row, column))
        self._data[row_key][column_key] = value
        # What was drawn of this row, wherever it is cached (each key names the row).
        _discard(self._cell_render_cache, lambda key: key[0] == row_key)
        _discard(self._row_render_cache, lambda key: key[0] == row_key)
        _discard(self._row_renderable_cache, lambda key: key[1] == row)
        # Whole lines are joined from the cached rows again: cheap for the rows unchanged.
        self._line_cache.clear()
        self.refresh_row(row)


def _discard(cache: LRUCache[Any, Any], drop: Callable[[Any], bool]) -> None:
    for key in [key for key in list(cache.keys()) if drop(key)]:
        cache.discard(key)
