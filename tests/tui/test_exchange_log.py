"""The Send step's log of exchanges (rec_tui/tui/widgets/exchange_log.py): every character of
a long URL or ID is on the screen, however many exchanges there are and whatever the width,
so an engineer can read (and copy) a resourceId or sid from it."""

from __future__ import annotations

from textual.app import App, ComposeResult

from rec_tui.agora.exchange import Exchange
from rec_tui.tui.widgets.exchange_log import ExchangeLog

RESOURCE_ID = (
    "JyvK8nXHuV1BE64GDkAaBGEscvtHW7v8BrQoRPCHxmeVxwY22-x-kv4GdPcjZeMzoCBUCOr9q-k6wBWMC7SaAkZ"
)
URL = (
    "https://api.sd-rtn.com/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/"
    f"resourceid/{RESOURCE_ID}/sid/38f8e3cfdc474cd56fc1ceba380d7e1a/mode/mix/query"
)


def exchange(number: int) -> Exchange:
    return Exchange(
        at="2026-12-03T10:00:00.000+00:00",
        call="query",
        method="GET",
        url=URL,
        request_headers={"Authorization": "Basic ••••••••"},
        request_body=None,
        status=200,
        response_body={"resourceId": RESOURCE_ID, "serverResponse": {"status": number}},
        request_id=f"request-{number}",
        elapsed_ms=3.0,
        attempt=1,
    )


class LogHost(App[None]):
    def compose(self) -> ComposeResult:
        yield ExchangeLog()


def shown_text(log: ExchangeLog) -> str:
    """What the log's lines hold within the width it shows, joined: each line is cut where
    the screen cuts it (at the scrollbar)."""
    width = log.scrollable_content_region.width
    return "".join(strip.crop(0, width).text.rstrip() for strip in log.lines)


async def test_long_urls_and_ids_are_whole_on_screen_once_the_log_scrolls_and_after_a_resize() -> (
    None
):
    app = LogHost()
    async with app.run_test(size=(70, 30)) as pilot:
        log = app.query_one(ExchangeLog)
        log.add(exchange(1))  # fits: no scrollbar yet
        await pilot.pause()
        for number in range(2, 6):  # more than the log's height: a scrollbar comes
            log.add(exchange(number))
        await pilot.pause()
        assert log.max_scroll_y > 0
        assert shown_text(log).count(URL) == 5
        assert shown_text(log).count(RESOURCE_ID) == 10
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert shown_text(log).count(URL) == 5
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert shown_text(log).count(URL) == 5
