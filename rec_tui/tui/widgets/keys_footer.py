"""The wizard's footer: the screen's keys and what they do, drawn as one widget.

It looks and acts like Textual's compact Footer (each key in the key colour, its words
after it, the palette key at the right edge behind a thin line; a key is pressed by
clicking it, shows its tooltip when pointed at, and is dimmed while it does nothing),
with three differences that save the wizard work:

- One widget instead of one per key: Textual's Footer is ten widgets here, each styled,
  laid out and drawn before the first frame (~10 ms of the start-up).
- Its keys are in the first frame: Textual's shows them only after the screen first
  announces its bindings, two refreshes after the first paint; the keys are the app's
  own bindings, known before then.
- It is drawn again only when the keys it shows change: Textual's rebuilds every key each
  time the screen announces its bindings, at every focus move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

# Between a key's words and the next key; before the palette key, its thin line.
GAP = " "
PALETTE_LINE = "▏"


class ShownKey(NamedTuple):
    """A key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class DrawnKey(NamedTuple):
    """A key where the footer drew it: columns ``start`` to ``end`` (less than its width
    when the footer is too narrow for it)."""

    shown: ShownKey
    start: int
    end: int

    @property
    def whole(self) -> bool:
        """Drawn uncut: its key, a space and its words."""
        return self.end - self.start == _width(self.shown)


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--line",
        "keys-footer--pointed",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--line { color: $foreground 20%; }
        .keys-footer--pointed { background: $block-hover-background; }
    }
    """

    def __init__(self, *, when_room: tuple[str, ...] = (), **kwargs: Any) -> None:
        """``when_room``: actions of keys not shown (``show=False``) that are shown all the
        same where the footer has room for them whole, the first ones first (a wide
        terminal has room for the keys a narrow one lists only in F10's help)."""
        super().__init__(**kwargs)
        self._when_room = when_room
        self._keys: tuple[ShownKey, ...] = ()
        # The keys of ``when_room`` bound now, in binding order, with their actions.
        self._extra: tuple[tuple[str, ShownKey], ...] = ()
        self._palette: ShownKey | None = None
        # Where each key is drawn: what a click or the pointer is on.
        self._drawn: tuple[DrawnKey, ...] = ()
        self._pointed: ShownKey | None = None

    @property
    def keys(self) -> tuple[ShownKey, ...]:
        """The keys shown at any width, left to right, the palette key last (:attr:`drawn`
        also has those shown only where there is room)."""
        return self._keys + ((self._palette,) if self._palette else ())

    @property
    def drawn(self) -> tuple[DrawnKey, ...]:
        """Where the keys were drawn last, left to right: a key with no room is left out."""
        return self._drawn

    def on_mount(self) -> None:
        self._read_keys()
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen:
            self._read_keys()

    def _read_keys(self) -> None:
        """The screen's keys as shown: one per action (its first key), in binding order."""
        palette_key = self.app.COMMAND_PALETTE_BINDING
        keys: dict[str, ShownKey] = {}
        extra: dict[str, ShownKey] = {}
        palette: ShownKey | None = None
        for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items():
            shown = ShownKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled,
                tooltip or binding.tooltip,
            )
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                palette = shown._replace(tooltip=binding.tooltip or binding.description)
            elif binding.show:
                keys.setdefault(binding.action, shown)
            elif binding.action in self._when_room:
                extra.setdefault(binding.action, shown)
        found = tuple(keys.values())
        found_extra = tuple((action, key) for action, key in extra.items() if action not in keys)
        if (found, found_extra, palette) != (self._keys, self._extra, self._palette):
            self._keys, self._extra, self._palette = found, found_extra, palette
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        palette = Text(end="")
        if self._palette is not None:
            palette.append(PALETTE_LINE, self.get_component_rich_style("keys-footer--line"))
            palette.append_text(self._key_text(self._palette))
            palette.append(GAP)  # a column from the edge, as Textual's palette key keeps
        room = width - palette.cell_len
        line = Text(no_wrap=True, end="")
        drawn: list[DrawnKey] = []
        for shown in self._keys + self._extra_with_room(room):
            start = line.cell_len
            if start >= room:
                break
            line.append_text(self._key_text(shown))
            drawn.append(DrawnKey(shown, start, min(line.cell_len, room)))
            line.append(GAP)
        line.truncate(room, pad=True)
        if self._palette is not None:
            drawn.append(DrawnKey(self._palette, room + len(PALETTE_LINE), width - len(GAP)))
            line.append_text(palette)
        self._drawn = tuple(drawn)
        return line

    def _extra_with_room(self, room: int) -> tuple[ShownKey, ...]:
        """The keys of ``when_room`` that fit whole in ``room`` columns after the keys always
        shown: chosen in ``when_room``'s order, shown in binding order."""
        used = sum(_width(shown) + len(GAP) for shown in self._keys)
        extra = dict(self._extra)
        chosen = set()
        for action in sorted(extra, key=self._when_room.index):
            shown = extra[action]
            if used + _width(shown) > room:
                break
            chosen.add(action)
            used += _width(shown) + len(GAP)
        return tuple(shown for action, shown in self._extra if action in chosen)

    def _key_text(self, shown: ShownKey) -> Text:
        """The key and its words, dimmed while it does nothing, lit while pointed at."""
        text = Text(end="")
        text.append(shown.display, self.get_component_rich_style("keys-footer--key"))
        if shown.description:
            words_style = self.get_component_rich_style("keys-footer--description")
            text.append(" " + shown.description, words_style)
        if not shown.enabled:
            text.stylize("dim")
        if shown == self._pointed:
            text.stylize(self.get_component_rich_style("keys-footer--pointed", partial=True))
        return text

    def _key_at(self, x: int) -> ShownKey | None:
        return next((key.shown for key in self._drawn if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._point_at(None)

    def _point_at(self, shown: ShownKey | None) -> None:
        if shown != self._pointed:
            self._pointed = shown
            self.tooltip = shown.tooltip if shown and shown.tooltip else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        shown = self._key_at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()


def _width(shown: ShownKey) -> int:
    """The columns a key takes: its key, a space and its words."""
    words = f" {shown.description}" if shown.description else ""
    return cell_len(shown.display + words)
