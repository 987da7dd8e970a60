"""The Send step's log pane: each HTTP exchange, redacted, with status, time and request ID."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual.events import Resize
from textual.widgets import RichLog

from rec_tui.agora.exchange import Exchange, shown_time
from rec_tui.i18n import _


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) if value is not None else ""


def exchange_text(exchange: Exchange) -> Text:
    """One exchange as the log shows it; everything in an Exchange is already redacted."""
    text = Text()
    status = _("no answer") if exchange.status is None else f"HTTP {exchange.status}"
    ok = exchange.status is not None and 200 <= exchange.status < 300 and not exchange.error
    text.append(f"{shown_time(exchange.at, time_of_day=True)}  ", "dim")
    text.append(f"{exchange.call} ", "bold")
    text.append(f"{status}", "green" if ok else "red")
    text.append(f"  {exchange.elapsed_ms:.0f} ms")
    if exchange.attempt > 1:
        text.append("  " + _("attempt {number}").format(number=exchange.attempt), "yellow")
    if exchange.request_id:
        text.append(f"  x-request-id {exchange.request_id}", "dim")
    text.append(f"\n{exchange.method} {exchange.url}", "cyan")
    for name, value in exchange.request_headers.items():
        if name in ("Authorization", "Content-Type"):
            text.append(f"\n{name}: {value}", "dim")
    if exchange.request_body is not None:
        text.append("\n→ " + _json(exchange.request_body))
    if exchange.response_body not in (None, ""):
        answer = exchange.response_body
        text.append("\n← " + (answer if isinstance(answer, str) else _json(answer)))
    if exchange.error:
        text.append(f"\n✗ {exchange.error}", "red")
    return text


class ExchangeLog(RichLog):
    """Each exchange wrapped to the log's width, every character of it on the screen: an
    engineer reads (and copies) resource IDs, sids and URLs from here.

    Textual's log wraps a text once, at the width of the moment (and never under 78
    columns): the scrollbar that comes with the log's first scroll then covered the last
    column of every line, and a wider or narrower terminal left lines cut or half empty.
    Here the exchanges are wrapped again whenever the width for them changes."""

    DEFAULT_CSS = """
    ExchangeLog { height: 14; border: round $primary-darken-2; }
    ExchangeLog:focus { border: round $accent; }
    """

    def __init__(self, **options: Any) -> None:
        # min_width: Textual's log wraps at 78 columns at least, and cuts what a narrower
        # log cannot show.
        super().__init__(wrap=True, markup=False, highlight=False, min_width=20, **options)
        self.border_title = _("Exchanges (secrets masked)")
        self.border_subtitle = _("focus: ↑↓ PgUp PgDn Home End scroll")
        self._texts: list[Text] = []
        self._wrapped_at = 0

    @property
    def count(self) -> int:
        return len(self._texts)

    @property
    def last_text(self) -> str:
        """The last exchange as written ("" before any)."""
        return self._texts[-1].plain if self._texts else ""

    @property
    def text(self) -> str:
        """Every exchange as written, before it is wrapped to the log's width."""
        return "\n".join(text.plain for text in self._texts)

    def add(self, exchange: Exchange) -> None:
        text = exchange_text(exchange)
        self._texts.append(text)
        self.write(text)

    def on_resize(self, event: Resize) -> None:
        # (Textual runs RichLog's own handler too: it writes what waited for a size.)
        width = self.scrollable_content_region.width
        if width == self._wrapped_at:
            return
        if self._wrapped_at and self._texts:
            at_end = self.is_vertical_scroll_end
            self.clear()
            for text in self._texts:
                self.write(text, scroll_end=at_end)
        self._wrapped_at = width

    def on_focus(self) -> None:
        # Inside the scrolling Review step the log may be below the fold when focused.
        self.scroll_visible(animate=False)
