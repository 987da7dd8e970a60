"""The wizard's one-row input: nothing of it is lost or given away in a single row.

- A placeholder longer than the box is cut with "…", also while the input has focus;
  Input wraps it at a space instead, and the one row shown then read "e.g." alone.
- A masked value at rest shows :data:`MASK` whatever its length; while it is being typed in
  it masks as Input does (one bullet per character, so the cursor can be followed).
"""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

MASK: Final = "••••••••"


class RowInput(Input):
    @property
    def _value(self) -> Text:
        if self.password and self.value and not self.has_focus:
            return Text(MASK, no_wrap=True, overflow="ignore", end="")
        return super()._value

    def render_line(self, y: int) -> Strip:
        if y != 0 or self.value or not self.placeholder:
            return super().render_line(y)
        # Focused or not, the placeholder stays on its row, cut (the cursor on its first cell).
        width = self.scrollable_content_region.width
        shown = Text(self.placeholder, no_wrap=True, overflow="ellipsis", end="")
        shown.truncate(width, overflow="ellipsis")
        shown.stylize(self.get_component_rich_style("input--placeholder"))
        if self.has_focus and self._cursor_visible:
            shown.stylize(self.get_component_rich_style("input--cursor"), 0, 1)
        strip = Strip(self.app.console.render(shown, self.app.console_options.update_width(width)))
        return strip.extend_cell_length(width + 1).apply_style(self.rich_style)
