"""Edit a list of objects (layout tiles, per-user backgrounds, CDN outputs) as a table.

The table shows every item; the editors under it edit the highlighted item. Add, remove and
move up/down rewrite the whole list through one :class:`FieldEditor.Edited`. Items are
numbered by their JSON index (``[0]``), as in paths, problems and the layout canvas.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, DataTable, Static

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Field
from rec_tui.spec.problems import Problem
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.field_editor import FieldEditor, covers
from rec_tui.tui.widgets.item_table import ItemTable
from rec_tui.tui.widgets.on_screen import WhenShown

# Seconds after typing stops before the table shows the new value.
TABLE_CATCH_UP = 0.15


class ObjectListEditor(FieldEditor):
    STACKED = True
    DEFAULT_CSS = """
    ObjectListEditor .object-list { width: 1fr; height: auto; }
    ObjectListEditor DataTable { height: auto; max-height: 12; }
    ObjectListEditor .object-buttons { height: auto; margin: 0 0 1 0; }
    ObjectListEditor .object-buttons Button { margin: 0 1 0 0; min-width: 0; width: auto; }
    ObjectListEditor .item-title { color: $text-muted; padding: 0 0 0 1; }
    ObjectListEditor.-empty DataTable, ObjectListEditor.-empty .item-editors { display: none; }
    ObjectListEditor .item-editors { height: auto; }
    """

    class ItemSelected(Message):
        """The user highlighted another item in the table."""

        def __init__(self, editor: ObjectListEditor, index: int) -> None:
            super().__init__()
            self.editor = editor
            self.index = index

    def __init__(
        self,
        field: Field,
        path: str | None = None,
        *,
        make_editor: Callable[[Field, str], FieldEditor],
        label: str | None = None,
        new_item: Callable[[list[dict[str, Any]]], dict[str, Any] | None] | None = None,
        add_label: str = "",
        no_more: str = "",
        item_title: str = "",
        service: str | None = None,
    ) -> None:
        super().__init__(field, path, label=label)
        # The editors of an item's fields: handed in (the factory makes this editor too).
        self._make_editor = make_editor
        # None from it: no more items may be added (its notice says why).
        self._new_item = new_item or (lambda items: {})
        # Said on the add button, and (a message with {limit}, marked N_) when the list is full.
        self._add_label = add_label or _("Add item")
        self._no_more = no_more
        self._item_title = item_title or N_("Item [{index}] ({count} in the list)")
        self._columns = [
            f
            for f in catalogue.children(f"{field.path}[]", service)
            if f.kind not in ("object", "array")
        ]
        self._items: list[dict[str, Any]] = []
        self._rows: list[tuple[str, ...]] = []
        self.index = 0
        self._problems: list[Problem] = []
        self._title = Static("", classes="item-title")
        self._title_text = ""
        self._pending_rows: list[tuple[str, ...]] | None = None
        self._table_timer: Timer | None = None
        self._children: list[FieldEditor] = []
        # Off screen, the table's cells catch up once scrolled into view
        # (rec_tui/tui/widgets/on_screen.py): a canvas key must not repaint them unseen.
        self._cells_when_shown: WhenShown | None = None

    def compose_input(self) -> ComposeResult:
        self._children = [self._make_editor(c, self._child_path(c)) for c in self._columns]
        with Vertical(classes="object-list"):
            table = ItemTable(cursor_type="row", zebra_stripes=True, classes="field-input")
            table.add_columns(_("index"), *(f.key for f in self._columns))
            yield table
            with Horizontal(classes="object-buttons"):
                yield Button(self._add_label, classes="add", compact=True)
                yield Button(_("Remove"), classes="remove", compact=True)
                yield Button(_("Move up"), classes="up", compact=True)
                yield Button(_("Move down"), classes="down", compact=True)
            with Vertical(classes="item-editors"):
                yield self._title
                yield from self._children

    def _child_path(self, column: Field) -> str:
        return jsonpath.child(jsonpath.child(self.path, self.index), column.key)

    def child_editors(self) -> list[FieldEditor]:
        return self._children

    # --- showing the draft ------------------------------------------------------------

    def load(self, value: Any) -> None:
        items = (
            [item if isinstance(item, dict) else {} for item in value]
            if isinstance(value, list)
            else []
        )
        self._items = items
        rows = [
            (
                f"[{n}]",
                *("" if item.get(c.key) is None else str(item.get(c.key)) for c in self._columns),
            )
            for n, item in enumerate(items)
        ]
        if rows != self._rows:
            if len(rows) == len(self._rows):
                # A value typed into an item: the table catches up a moment later, so a
                # keystroke never waits for the whole table to be drawn again.
                self._pending_rows = rows
                if self._table_timer is None:
                    self._table_timer = self.set_timer(TABLE_CATCH_UP, self._cells_catch_up)
            else:
                self._rebuild_table(rows)
        set_class_if_changed(self, not items, "-empty")
        self._select(min(self.index, max(len(items) - 1, 0)))

    def _rebuild_table(self, rows: list[tuple[str, ...]]) -> None:
        table = self.query_one(DataTable)
        self._pending_rows = None
        # Rebuilding the rows moves the cursor; those moves are not the user's choice.
        with table.prevent(DataTable.RowHighlighted):
            table.clear()
            for row in rows:
                table.add_row(*row)
            if rows:
                table.move_cursor(row=min(self.index, len(rows) - 1), animate=False)
        self._rows = rows

    def _cells_catch_up(self) -> None:
        self._table_timer = None
        if self._cells_when_shown is None:
            self._cells_when_shown = WhenShown(self.query_one(DataTable))
        self._cells_when_shown.run(self._update_cells)

    def _update_cells(self) -> None:
        rows, self._pending_rows = self._pending_rows, None
        if rows is None or len(rows) != len(self._rows):
            return
        table = self.query_one(ItemTable)
        for number, (old, row) in enumerate(zip(self._rows, rows, strict=True)):
            for column, (before, after) in enumerate(zip(old, row, strict=True)):
                if before != after:
                    table.set_cell(number, column, after)
        self._rows = rows

    def _select(self, index: int) -> None:
        self.index = index
        count = len(self._items)
        title = _(self._item_title).format(index=index, count=count) if count else ""
        if title != self._title_text:
            self._title_text = title
            self._title.update(title)
        for editor, column in zip(self.child_editors(), self._columns, strict=True):
            editor.path = self._child_path(column)
            item = self._items[index] if index < len(self._items) else {}
            editor.load(item.get(column.key))

    def catch_up(self) -> None:
        """Show the latest values in the table now, on screen or not."""
        if self._cells_when_shown is not None:
            self._cells_when_shown.flush()

    def on_descendant_focus(self) -> None:
        # The table tabbed to from off screen shows the latest values at once.
        self.catch_up()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row != self.index and 0 <= event.cursor_row < len(self._items):
            self._select(event.cursor_row)
            self.refresh_child_problems()
            self.post_message(self.ItemSelected(self, event.cursor_row))

    def select(self, index: int) -> bool:
        """Highlight item ``index`` (its JSON index) and edit it; False if there is none."""
        if not 0 <= index < len(self._items):
            return False
        if index != self.index:
            table = self.query_one(DataTable)
            with table.prevent(DataTable.RowHighlighted):
                table.move_cursor(row=index, animate=False)
            self._select(index)
            self.refresh_child_problems()
        return True

    # --- changing the list ------------------------------------------------------------

    def _commit(self, items: list[dict[str, Any]], select: int) -> None:
        self.index = max(0, select)
        self.load(items)
        self.edited(copy.deepcopy(items) if items else None)

    @on(Button.Pressed, ".add")
    def add_item(self, event: Button.Pressed | None = None) -> None:
        if event:
            event.stop()
        items = copy.deepcopy(self._items)
        item = self._new_item(items)
        if item is None:
            limit = self.field.max_items
            self.notify(
                _(self._no_more or N_("No more items: at most {limit} fit here.")).format(
                    limit=limit
                )
                if limit
                else _("No more here."),
                severity="warning",
            )
            return
        items.append(item)
        self._commit(items, len(items) - 1)

    @on(Button.Pressed, ".remove")
    def remove_item(self, event: Button.Pressed | None = None) -> None:
        if event:
            event.stop()
        if self._items:
            items = copy.deepcopy(self._items)
            del items[self.index]
            self._commit(items, min(self.index, len(items) - 1))

    @on(Button.Pressed, ".up, .down")
    def move_item(self, event: Button.Pressed) -> None:
        event.stop()
        offset = -1 if event.button.has_class("up") else 1
        target = self.index + offset
        if self._items and 0 <= target < len(self._items):
            items = copy.deepcopy(self._items)
            items[self.index], items[target] = items[target], items[self.index]
            self._commit(items, target)

    # --- problems and focus -----------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        # Problems of other items are listed under the table; the highlighted item's own
        # fields show theirs next to them.
        item_prefix = jsonpath.child(self.path, self.index)
        super().show_problems([p for p in problems if not covers(item_prefix, p.path)])

    def refresh_child_problems(self) -> None:
        for editor in self.child_editors():
            editor.show_problems(self._problems)
        self.show_problems(self._problems)

    def focus_path(self, path: str) -> None:
        tokens = jsonpath.parse(path)
        depth = len(jsonpath.parse(self.path))
        index = tokens[depth] if len(tokens) > depth else None
        if isinstance(index, int):
            self.select(index)
            for editor in self.child_editors():
                if covers(editor.path, path):
                    editor.focus_input()
                    return
        self.focus_input()
