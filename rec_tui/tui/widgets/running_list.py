"""Running recordings with their elapsed time (each one is costing the customer money)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from rec_tui.agora.lifecycle import RecordingSession
from rec_tui.agora.status import describe_status
from rec_tui.i18n import _


def elapsed_text(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class RunningList(Static):
    DEFAULT_CSS = """
    RunningList { height: auto; margin: 0 0 1 0; }
    """

    def show(self, sessions: Sequence[RecordingSession], now: float) -> None:
        if not sessions:
            self.update(Text(_("No recording running."), "dim"))
            return
        text = Text()
        text.append(_("Running recordings ({count}):").format(count=len(sessions)), "bold")
        for session in sessions:
            status = describe_status(session.status)
            elapsed = elapsed_text(session.elapsed(now))
            if session.unknown_to_agora:
                line = _(
                    "the last query answered 404: ended, never began, or moving to another "
                    "server (query again in a minute, or stop)"
                )
            else:
                line = _("status {status}").format(status=status)
            text.append(f"\n● {session.mode:<10} sid {session.sid}  {elapsed}  {line}", "red")
        self.update(text)
