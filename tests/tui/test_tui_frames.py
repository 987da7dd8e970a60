"""When the wizard draws: one frame per key, at once after a pause (rec_tui/tui/frames.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.screen import UPDATE_PERIOD, Screen
from textual.widgets import Static

from rec_tui.request.draft import Draft
from rec_tui.tui import frames
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.frames import FrameTimer, PacedScreen, frame_delay
from tests.support.tui import SIZE, focus_at_the_end
from tests.tui.test_tui_redraw import screen_text

TILE_UID = "clientRequest.recordingConfig.transcodingConfig.layoutConfig[0].uid"


def test_a_frame_after_a_pause_is_drawn_at_once_and_a_quick_one_waits_out_the_period() -> None:
    period = 1 / 60
    assert frame_delay(10.0, None, period) == 0.0  # the first frame
    assert frame_delay(10.0, 9.0, period) == 0.0  # after a pause
    assert frame_delay(10.0, 10.0 - period, period) == 0.0
    assert frame_delay(10.0, 9.995, period) == pytest.approx(period - 0.005)


class Counter(Static):
    pass


class PacedApp(App[None]):
    """One widget on a paced screen; counts the frames sent to the terminal."""

    def __init__(self) -> None:
        super().__init__()
        self.displayed = 0

    def get_default_screen(self) -> Screen[Any]:
        return PacedScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Counter("0")

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None:
            self.displayed += 1
        super()._display(screen, renderable)


async def test_the_screen_s_frames_wait_for_the_period_since_the_last_frame_not_for_a_grid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A clock that moves only when the test or the timer's sleep moves it: what the frame
    # timer waits for is read from what it asks to sleep, never from the time passing.
    clock = [1000.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds
        await asyncio.sleep(0)

    monkeypatch.setattr(frames, "get_time", lambda: clock[0])
    monkeypatch.setattr(frames, "sleep", fake_sleep)
    app = PacedApp()
    async with app.run_test(size=(40, 5)) as pilot:
        counter = app.query_one(Counter)

        async def change_and_draw(text: str) -> None:
            shown = app.displayed
            counter.update(text)
            for _ in range(200):
                await pilot.pause()
                if app.displayed > shown:
                    return
            raise AssertionError("no frame was drawn for the change")

        await change_and_draw("1")
        timer = app.screen._update_timer
        assert isinstance(timer, FrameTimer)
        slept.clear()
        clock[0] += 5.0  # a pause, as between two keystrokes
        await change_and_draw("2")
        # Drawn at once: Textual's grid timer waited one to two periods after such a frame.
        assert slept == []
        clock[0] += 0.005  # asked for 5 ms after that frame
        await change_and_draw("3")
        assert slept == [pytest.approx(UPDATE_PERIOD - 0.005)]
        assert "3" in screen_text(app.screen)


def tile_draft() -> Draft:
    transcoding = {
        "mixedVideoLayout": 3,
        "layoutConfig": [{"uid": "1000", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5}],
    }
    draft = Draft(mode="mix")
    draft.replace_body(
        {
            "cname": "room",
            "uid": "1",
            "clientRequest": {
                "recordingConfig": {"channelType": 1, "transcodingConfig": transcoding}
            },
        }
    )
    return draft


class FrameCountingApp(RecTuiApp):
    """The wizard, keeping the text of every frame it sends to the terminal once asked."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft, start_step="layout")
        self.frames: list[str] | None = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.frames is not None:
            self.frames.append(screen_text(screen))


async def test_a_key_in_a_field_is_drawn_with_the_preview_in_one_frame_by_the_frame_timer() -> None:
    app = FrameCountingApp(tile_draft())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, TILE_UID)
        await pilot.pause(0.3)
        # Textual asks the screen's _update_timer for every frame (resumed when a widget
        # is dirty, paused once drawn): the wizard's is the frame timer, Textual's own
        # grid timer is never made. If Textual stops going through that property, the
        # frame timer draws nothing and this fails.
        timer = app.screen._update_timer
        assert isinstance(timer, FrameTimer)
        assert getattr(app.screen, "_Screen__update_timer", None) is None
        ticks = timer.frames
        app.frames = []
        await pilot.press("7")
        for _ in range(100):
            await pilot.pause()
            if app.frames:
                break
        assert app.draft.get(TILE_UID) == "10007"
        assert timer.frames > ticks
        # The key's first frame shows the typed character in the field and in the preview.
        first = app.frames[0].splitlines()
        preview_left = first[0].index("POST")
        assert "10007" in "\n".join(line[:preview_left] for line in first)
        assert '"uid": "10007"' in "\n".join(line[preview_left:] for line in first)
