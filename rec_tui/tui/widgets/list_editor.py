"""Edit a list of short strings: UIDs to (un)subscribe, or fileNamePrefix folder names.

Type or paste one or many values (split on commas, spaces and new lines, or a JSON array as
a customer's body has it) and press Enter to add them, or leave the box: what is typed is
never dropped unsaid. Delete (or the button) removes the highlighted item.
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from rec_tui.i18n import N_, _
from rec_tui.spec.field import Field
from rec_tui.spec.names import ALL_STREAMS
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.row_input import RowInput

_SEPARATORS = re.compile(r"[\s,;]+")
_QUOTES = "\"'"


def split_many(text: str) -> list[str]:
    """Pasted text → the values in it, in order: ``a, b``, ``["a", "b"]``, ``"a" 'b'``."""
    if text.lstrip().startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and not any(isinstance(v, (dict, list)) for v in parsed):
            return [str(value) for value in parsed if value is not None and str(value)]
        text = text.replace("[", " ").replace("]", " ")
    parts = (part.strip(_QUOTES) for part in _SEPARATORS.split(text))
    return [part for part in parts if part]


class ItemList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove_item", N_("Remove item"), show=False)
    ]

    def action_remove_item(self) -> None:
        for node in self.ancestors:
            if isinstance(node, ListEditor):
                node.remove_highlighted()
                return


class PasteManyInput(RowInput):
    """An Input that takes a multi-value paste in whole instead of keeping the first line."""

    class PastedMany(Message):
        def __init__(self, values: list[str]) -> None:
            super().__init__()
            self.values = values

    def _on_paste(self, event: events.Paste) -> None:
        values = split_many(event.text)
        if len(values) > 1:
            event.stop()
            self.post_message(self.PastedMany(values))
            return
        super()._on_paste(event)


class ListEditor(FieldEditor):
    DEFAULT_CSS = """
    ListEditor .list-body { width: 1fr; height: auto; }
    ListEditor .list-add { height: auto; }
    ListEditor .list-add Input { width: 1fr; }
    ListEditor .list-add Button, ListEditor .list-items Button {
        margin: 0 0 0 1; min-width: 0; width: auto;
    }
    ListEditor .list-items { height: auto; }
    ListEditor ItemList {
        width: 1fr; height: auto; max-height: 4; border: none; padding: 0;
        border-left: outer $primary-darken-2;
    }
    ListEditor ItemList:focus { border: none; border-left: outer $accent; }
    ListEditor.-empty .list-items, ListEditor .all-streams { display: none; }
    ListEditor.-empty .all-streams { display: block; }
    """

    def __init__(
        self,
        field: Field,
        path: str | None = None,
        *,
        label: str | None = None,
        offer_all_streams: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__(field, path, label=label)
        self._offer_all = offer_all_streams
        # Several lists look alike; the box itself says which one it is.
        hint = placeholder or _("type or paste values, Enter adds")
        self._placeholder = _("{label}: {hint}").format(label=self._label_text, hint=hint)
        self._items: list[str] = []
        self.add_class("-empty")

    def compose_input(self) -> ComposeResult:
        with Vertical(classes="list-body"):
            with Horizontal(classes="list-add"):
                yield PasteManyInput(
                    placeholder=self._placeholder, compact=True, classes="field-input"
                )
                if self._offer_all:
                    # Only for an empty list: "#allstream#" must be a subscribe list's only entry.
                    yield Button(_("All streams"), classes="all-streams", compact=True)
            with Horizontal(classes="list-items"):
                yield ItemList(classes="items")
                yield Button(_("Remove"), classes="remove", compact=True)

    @property
    def items(self) -> list[str]:
        return list(self._items)

    def load(self, value: Any) -> None:
        items = [str(item) for item in value] if isinstance(value, list) else []
        if items == self._items:
            return
        self._items = items
        self._show()

    def _show(self) -> None:
        option_list = self.query_one(ItemList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._items)
        if self._items:
            option_list.highlighted = min(highlighted or 0, len(self._items) - 1)
        set_class_if_changed(self, not self._items, "-empty")

    def _commit(self, items: list[str]) -> None:
        self._items = items
        self._show()
        self.edited(list(items) if items else None)

    def add(self, values: list[str]) -> None:
        fresh = [v for v in dict.fromkeys(values) if v not in self._items]
        if fresh:
            self._commit(self._items + fresh)

    def remove_highlighted(self) -> None:
        index = self.query_one(ItemList).highlighted
        if index is not None and 0 <= index < len(self._items):
            self._commit(self._items[:index] + self._items[index + 1 :])

    @on(Input.Submitted, ".field-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.add(split_many(event.value))
        event.input.value = ""

    @on(Input.Blurred, ".field-input")
    def _left(self, event: Input.Blurred) -> None:
        # Leaving the box adds what was typed, as Enter would: a folder name typed and
        # tabbed away from was silently not in the body.
        event.stop()
        if event.value.strip():
            self.add(split_many(event.value))
            event.input.value = ""

    @on(PasteManyInput.PastedMany)
    def _pasted(self, event: PasteManyInput.PastedMany) -> None:
        event.stop()
        self.add(event.values)

    @on(Button.Pressed, ".all-streams")
    def _all(self, event: Button.Pressed) -> None:
        event.stop()
        self.add([ALL_STREAMS])

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove_highlighted()
