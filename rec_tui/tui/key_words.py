"""Key descriptions (the footer's words) in the active language.

Bindings are declared once, with English descriptions marked ``N_``, and Textual copies
them into each widget as it is made. Rather than translating every widget's copy (and
again after a language switch), the screen says them in the active language where they
are read: :attr:`SpokenScreen.active_bindings` is what the footer shows, so a widget made
at any time, by any module, has its keys described in the language spoken now.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from rec_tui.i18n import N_, _

# The palette key Textual adds to every app, said in the footer like the app's own.
TEXTUAL_KEYS = (N_("palette"), N_("Open the command palette"))


def spoken(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip in the active language."""
    return replace(
        binding,
        # _("") would be the catalogue's header: an empty text stays empty.
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


def spoken_bindings(found: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """A screen's active bindings (``Screen.active_bindings``) in the active language."""
    return {
        key: ActiveBinding(
            active.node,
            spoken(active.binding),
            active.enabled,
            _(active.tooltip) if active.tooltip else "",
        )
        for key, active in found.items()
    }


class SpokenScreen(Screen[Any]):
    """The wizard's own screen: its footer describes every key in the active language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return spoken_bindings(super().active_bindings)
