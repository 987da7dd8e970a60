"""Class and text changes that cost nothing when nothing changes.

``DOMNode.set_class`` restyles the node (and its children) even when the class is already
there or already absent; on every keystroke that adds up to more than the rest of the
update, so the forms only touch classes that really change. Likewise ``Static.update``
lays the whole screen out again, even with the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode
from textual.visual import visualize
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


def set_class_if_changed(node: DOMNode, add: bool, name: str) -> None:
    if node.has_class(name) != add:
        node.set_class(add, name)


def update_if_changed(line: Static, text: str) -> None:
    if line.content != text:
        line.update(text)


def update_keeping_layout(line: Static, text: str) -> None:
    """Put ``text`` in ``line`` (its width set by its container), laying the screen out
    again only when the new text takes another number of rows: "● unsaved" coming and
    going in the title as undo reaches the saved draft and leaves it again."""
    if line.content == text:
        return
    width = line.content_region.width
    rules = cast("RulesMap", line.styles)  # as Textual's own widgets pass their styles
    if width and visualize(line, text).get_height(rules, width) == line.content_region.height:
        line.update(text, layout=False)
    else:
        line.update(text)
