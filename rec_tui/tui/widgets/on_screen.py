"""Work for widgets that are off screen, put off until they are scrolled into view.

Refreshing a widget that is not on screen is expensive in Textual: the refresh looks up
the widget's region, and the next frame, finding a widget it did not draw, throws away the
map of every widget's place; the next region lookup then lays out the whole screen again
(5-10 ms with the wizard's forms). A keystroke that repaints a part of the form scrolled
out of sight (the layout canvas above a tile's fields, the tiles table above the canvas's
selected tile) paid that on every key. Such work waits here until the widget is on screen
again: after each layout or scroll of the screen, or at once when asked for. The frame that
first scrolls such a widget into view still shows it as it was; the next one (a frame
later) shows it up to date.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.errors import NoWidget
from textual.screen import Screen
from textual.widget import Widget


def off_screen(widget: Widget) -> bool:
    """Whether the last layout placed ``widget`` out of sight (scrolled away or hidden).

    False whenever that is not known (not mounted, not laid out yet): work is then done
    at once, so a first frame is never drawn without it.
    """
    if not widget.is_attached:
        return False
    screen = widget.screen
    try:
        geometry = screen.find_widget(widget)
    except NoWidget:
        return False
    region = geometry.region
    return not (screen.region.overlaps(region) and geometry.clip.overlaps(region))


class WhenShown:
    """One pending piece of work of a widget, run once the widget is on screen.

    ``run(work)`` does ``work`` now if the widget is on screen, else keeps it (replacing
    any work kept before: the latest state is all that needs showing) until a layout or
    scroll of the screen shows the widget, or :meth:`flush` is called (focus, a lookup
    that needs the widget up to date). One per widget: it listens to the screen's layouts
    under the widget's name.
    """

    def __init__(self, widget: Widget) -> None:
        self._widget = widget
        self._pending: Callable[[], None] | None = None
        self._screen: Screen[object] | None = None

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def run(self, work: Callable[[], None]) -> None:
        if not off_screen(self._widget):
            self._pending = None
            self._stop_watching()
            work()
            return
        self._pending = work
        if self._screen is None and self._widget.is_attached:
            self._screen = self._widget.screen
            self._screen.screen_layout_refresh_signal.subscribe(
                self._widget, self._laid_out, immediate=True
            )

    def flush(self) -> None:
        """Do the pending work now, on screen or not."""
        work, self._pending = self._pending, None
        self._stop_watching()
        if work is not None:
            work()

    def _laid_out(self, _screen: Screen[object]) -> None:
        if self._pending is not None and not off_screen(self._widget):
            self.flush()

    def _stop_watching(self) -> None:
        if self._screen is not None:
            self._screen.screen_layout_refresh_signal.unsubscribe(self._widget)
            self._screen = None
