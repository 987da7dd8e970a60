"""The wizard's footer: its keys in the first frame, composed again only when they change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's Footer, with two differences that save the wizard work.

    Its keys are in the first frame: Textual's composes them only after the screen first
    announces its bindings, two refreshes after the first paint (~60 ms later on a busy
    machine), and the first screen would be drawn without them; the keys are the app's own
    bindings, known before then.

    It is composed again only when the keys it shows change: Textual's rebuilds every key
    (nine widgets) each time the screen announces its bindings, at every focus move,
    whether or not a key changed (four times in the first half second of the wizard).

    Its keys are compact when they are first styled: Textual's get their "-compact" class
    from a watcher that runs as each key mounts, and that class change styles the key (and
    its two component styles) a second time, nine times before the first frame.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(compact=True, **kwargs)
        self.set_reactive(Footer._bindings_ready, True)
        self._composed_for: tuple[object, ...] | None = None

    def _shown_keys(self) -> tuple[object, ...]:
        """What the footer shows of the screen's bindings (its words in the active language)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.key, binding.description, binding.action, binding.group, enabled, tip)
            for key, (_, binding, enabled, tip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> Iterator[Widget]:
        self._composed_for = self._shown_keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and self.compact:
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen and self.is_attached and self._shown_keys() == self._composed_for:
            return
        super().bindings_changed(screen)
