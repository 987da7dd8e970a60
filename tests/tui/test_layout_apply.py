"""Apply layout: the designer's layout goes to the running mix recording as updateLayout."""

from __future__ import annotations

import json
from typing import Any

import httpx

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.spec.rules.context import TC
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.send_panel import SendPanel
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.layout_apply import NO_RECORDING
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.sending import FakeTime, clean_body, make_sandbox

SIZE = (120, 50)


class Recorder(httpx.AsyncBaseTransport):
    """Passes requests to the sandbox and keeps each (path, JSON body) it sent."""

    def __init__(self, sandbox: SandboxTransport) -> None:
        self.sandbox = sandbox
        self.sent: list[tuple[str, Any]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        self.sent.append((request.url.path, json.loads(body) if body else None))
        return await self.sandbox.handle_async_request(request)


def _mix_body() -> dict[str, Any]:
    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["transcodingConfig"] = {
        "width": 1280,
        "height": 720,
        "fps": 15,
        "bitrate": 1130,
        "mixedVideoLayout": 3,
        "backgroundColor": "#112233",
        "layoutConfig": [{"uid": "101", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 1.0}],
    }
    return body


def _app(time: FakeTime, transport: httpx.AsyncBaseTransport) -> RecTuiApp:
    app = RecTuiApp(start_step="layout")
    app.draft.set_mode("mix")
    app.draft.replace_body(_mix_body())
    app.sending.panel_options = {
        "transport": transport,
        "clock": time.clock,
        "sleep": time.sleep,
    }
    return app


async def _settle(pilot: Any, app: RecTuiApp) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause(0.2)


def _notices(app: RecTuiApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def _canvas_text(app: RecTuiApp) -> str:
    """The canvas as painted, its wrapped lines joined again (where Ctrl+L's outcome is)."""
    canvas = app.query_one(LayoutCanvas)
    return " ".join(canvas.render_line(y).text.strip() for y in range(canvas.size.height))


async def test_apply_layout_sends_the_whole_layout_to_the_running_recording() -> None:
    time = FakeTime()
    recorder = Recorder(make_sandbox(time))
    app = _app(time, recorder)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot, app)
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        await pilot.press("ctrl+l")
        await pilot.pause()
        # Said on the canvas where Ctrl+L was pressed, not in a toast that goes by itself.
        assert f"Ctrl+L ⚠ {NO_RECORDING}" in _canvas_text(app)
        assert NO_RECORDING not in _notices(app)

        await app.show_step("review", focus=False)
        await _settle(pilot, app)
        app.query_one(SendPanel).request("start")
        await _settle(pilot, app)
        assert app.query_one(SendPanel).current is not None

        await app.show_step("layout", focus=False)
        await pilot.pause()
        assert "Ctrl+L ⚠" not in _canvas_text(app)  # a recording runs now: its cause is gone
        canvas.focus()
        await pilot.press("0", "right", "right", "shift+left")
        await pilot.press("ctrl+l")
        await _settle(pilot, app)

        path, sent = recorder.sent[-1]
        assert path.endswith("/mode/mix/updateLayout")
        assert sent["clientRequest"] == {
            "mixedVideoLayout": 3,
            "backgroundColor": "#112233",  # sent again, or it would turn black
            "layoutConfig": [
                {"uid": "101", "x_axis": 0.02, "y_axis": 0.0, "width": 0.49, "height": 1.0}
            ],
        }
        assert sent["cname"] == app.draft.get("cname") and sent["uid"] == app.draft.get("uid")
        assert "Ctrl+L ✓ updateLayout: Layout updated." in _canvas_text(app)
        # The layout changes: the answer was about another one.
        await pilot.press("right")
        await pilot.pause()
        assert "updateLayout: Layout updated" not in _canvas_text(app)
        log = app.query_one(ExchangeLog).text
        assert "updateLayout HTTP 200" in log


async def test_a_layout_with_errors_is_not_sent() -> None:
    time = FakeTime()
    recorder = Recorder(make_sandbox(time))
    app = _app(time, recorder)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot, app)
        await app.show_step("review", focus=False)
        await _settle(pilot, app)
        app.query_one(SendPanel).request("start")
        await _settle(pilot, app)
        await app.show_step("layout", focus=False)
        app.draft.set(f"{LAYOUT_CONFIG}[0].alpha", 7)
        app.draft.set(f"{TC}.backgroundColor", "red")
        sent_before = len(recorder.sent)
        app.query_one(LayoutCanvas).action_apply_layout()
        await _settle(pilot, app)
        assert len(recorder.sent) == sent_before
        shown = _canvas_text(app)
        # The validator's layout rules, as updateLayout reuses them (R125 wraps R65–R79).
        assert "Ctrl+L ✗ Layout not sent:" in shown
        assert "layoutConfig[0].alpha must be a number from 0 to 1; got 7" in shown
        assert "R125 at clientRequest.backgroundColor" in shown
        # It stays while the cause does; mending one error leaves the other said.
        app.draft.set(f"{LAYOUT_CONFIG}[0].alpha", 0.5)
        await pilot.pause()
        shown = _canvas_text(app)
        assert "Layout not sent:" in shown and "got 7" not in shown
        app.draft.set(f"{TC}.backgroundColor", "#112233")
        await pilot.pause()
        assert "Layout not sent" not in _canvas_text(app)
