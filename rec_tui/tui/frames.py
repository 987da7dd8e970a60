"""When the wizard's screen draws a frame: at most 60 a second, and at once after a pause.

Textual draws a screen's changes from a repeating timer (``Screen._update_timer``, every
1/60 s, paused while nothing is to be drawn). That timer ticks on a fixed grid, and after a
tick that ends a pause it skips ahead past the grid point it is on: the next frame cannot
come sooner than one to two periods (17-33 ms) after it. So a keystroke that lands shortly
after any other frame (the tile table catching up with typing, a toast, a blinking cursor)
had its frame held back by up to 33 ms, on top of its own work, although the screen had
drawn nothing for longer than a period by then.

:class:`FrameTimer` keeps the same limit, measured from the frame before instead of from a
grid: a frame asked for after a pause is drawn at once, one asked for sooner waits only
until a period has passed since the previous one began.
"""

from __future__ import annotations

from typing import Any

from textual._time import get_time, sleep
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import EventTargetGone, Timer


def frame_delay(now: float, last_frame: float | None, period: float) -> float:
    """Seconds to wait before a frame asked for at ``now`` (0: draw it at once)."""
    if last_frame is None:
        return 0.0
    return max(0.0, last_frame + period - now)


class FrameTimer(Timer):
    """A screen's update timer: one tick per frame, at most one per ``interval``."""

    # Ticks so far (each is one frame asked of the screen).
    frames = 0

    async def _run(self) -> None:
        last_frame: float | None = None
        while True:
            await self._active.wait()
            self._reset = False  # nothing to restart: there is no grid
            delay = frame_delay(get_time(), last_frame, self._interval)
            if delay:
                await sleep(delay)
                if not self._active.is_set():
                    continue  # drawn meanwhile by a layout refresh, which pauses the timer
            last_frame = get_time()
            self.frames += 1
            try:
                await self._tick(next_timer=last_frame, count=self.frames)
            except EventTargetGone:
                break


class PacedScreen(Screen[Any]):
    """A screen whose frames are paced by :class:`FrameTimer` instead of Textual's grid."""

    _frame_timer: FrameTimer | None = None

    @property
    def _update_timer(self) -> Timer:
        # Textual's Screen asks this property for its update timer (to resume it when a
        # widget is dirty, to pause it after a frame); tests/tui/test_tui_frames.py fails if
        # it stops doing so.
        if self._frame_timer is None:
            timer = FrameTimer(
                self,
                UPDATE_PERIOD,
                name="screen_update",
                callback=self._on_timer_update,
                pause=True,
            )
            timer._start()
            self._timers.add(timer)
            self._frame_timer = timer
        return self._frame_timer
