"""Key descriptions (the footer's words) in the active language.

Textual copies a class's ``BINDINGS`` into each node when it is made (the app adds its
palette key); their descriptions are English, marked ``N_``. :func:`speak_bindings` gives
a node its descriptions in the language active now, from the bindings it was made with
(kept aside the first time), so it can be called again after the language changes.
"""

from __future__ import annotations

from dataclasses import replace
from weakref import WeakKeyDictionary

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from rec_tui.i18n import N_, _


def spoken(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip in the active language."""
    return replace(
        binding,
        # _("") would be the catalogue's header: an empty text stays empty.
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


# Each node's bindings as it was made with them (English).
_AS_MADE: WeakKeyDictionary[DOMNode, BindingsMap] = WeakKeyDictionary()


def speak_bindings(node: DOMNode) -> None:
    declared = _AS_MADE.setdefault(node, node._bindings)
    bindings = BindingsMap()
    bindings.key_to_bindings = {
        key: [spoken(binding) for binding in found]
        for key, found in declared.key_to_bindings.items()
    }
    node._bindings = bindings


# The palette key Textual adds to every app, said in the footer and F10 like the app's own.
TEXTUAL_KEYS = (N_("palette"), N_("Open the command palette"))
