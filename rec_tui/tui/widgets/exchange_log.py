"""The Send step's log pane: each HTTP exchange, redacted, with status, time and request ID."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
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
    DEFAULT_CSS = """
    ExchangeLog { height: 14; border: round $primary-darken-2; }
    ExchangeLog:focus { border: round $accent; }
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, **options)
        self.border_title = _("Exchanges (secrets masked)")
        self.border_subtitle = _("focus: ↑↓ PgUp PgDn Home End scroll")
        self.count = 0
        self.last_text = ""

    def add(self, exchange: Exchange) -> None:
        self.count += 1
        text = exchange_text(exchange)
        self.last_text = text.plain
        self.write(text)

    def on_focus(self) -> None:
        # Inside the scrolling Review step the log may be below the fold when focused.
        self.scroll_visible(animate=False)
