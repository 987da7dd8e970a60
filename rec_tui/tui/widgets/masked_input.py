"""An Input whose masked value does not give away the secret's length while at rest."""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual.widgets import Input

# Shown for any non-empty secret when the input is not being typed in.
MASK: Final = "••••••••"


class MaskedInput(Input):
    """While focused it masks as Input does (one bullet per character, so the cursor can
    be followed); otherwise a set value shows as :data:`MASK` whatever its length."""

    @property
    def _value(self) -> Text:
        if self.password and self.value and not self.has_focus:
            return Text(MASK, no_wrap=True, overflow="ignore", end="")
        return super()._value
