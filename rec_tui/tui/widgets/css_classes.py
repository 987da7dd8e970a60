"""Class changes that cost nothing when nothing changes.

``DOMNode.set_class`` restyles the node (and its children) even when the class is already
there or already absent; on every keystroke that adds up to more than the rest of the
update, so the forms only touch classes that really change.
"""

from __future__ import annotations

from textual.dom import DOMNode


def set_class_if_changed(node: DOMNode, add: bool, name: str) -> None:
    if node.has_class(name) != add:
        node.set_class(add, name)
