"""The wizard's diagnosis: the findings shown above the problems, owned here.

F6's import of a ticket (``app.files``) shows the ticket's findings; the Send panel's
exchanges (``app.sending``) are the replay, whose findings come first while the ticket's
stay beside them, compared (a replayed 432 may have another cause than the customer's).
The problems pane only shows them. Findings are about the material that was diagnosed, so
loading another document (a preset, another import) takes them away; editing the draft
does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rec_tui.agora.diagnose import Diagnosis, Finding
    from rec_tui.agora.diagnose.compare import Comparison
    from rec_tui.request.draft import Change
    from rec_tui.tui.app import RecTuiApp


class DiagnosisController:
    def __init__(self, app: RecTuiApp) -> None:
        self.app = app
        # The latest diagnosis: the ticket's, or the replay's once the Send panel has sent.
        self.findings: tuple[Finding, ...] = ()
        # What was diagnosed, in words ("the imported ticket"); "" when nothing was.
        self.source = ""
        # The ticket's own findings and its words, kept while a replay's are shown.
        self.ticket: tuple[Finding, ...] = ()
        self.ticket_source = ""
        # The replay's findings against the ticket's; None until both exist.
        self.comparison: Comparison | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def show_ticket(self, diagnosis: Diagnosis, source: str) -> None:
        """Show the findings of a ticket, ``source``; an earlier replay's go."""
        self.ticket, self.ticket_source = diagnosis.findings, source
        self._show(diagnosis, source, None)

    def show_replay(self, diagnosis: Diagnosis, source: str) -> None:
        """Show the findings of the session's own exchanges, ``source``, with the ticket's
        beside them when a ticket was diagnosed."""
        from rec_tui.agora.diagnose.compare import compare

        compared = compare(self.ticket, diagnosis.findings) if self.ticket_source else None
        self._show(diagnosis, source, compared)

    def _show(self, diagnosis: Diagnosis, source: str, comparison: Comparison | None) -> None:
        self.findings, self.source, self.comparison = diagnosis.findings, source, comparison
        if self._unsubscribe is None:
            self._unsubscribe = self.app.draft.subscribe(self._draft_changed)
        self._refresh()

    def clear(self) -> None:
        self.findings, self.source, self.comparison = (), "", None
        self.ticket, self.ticket_source = (), ""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._refresh()

    def _draft_changed(self, change: Change) -> None:
        if change.kind == "load":
            self.clear()

    def _refresh(self) -> None:
        from rec_tui.tui.widgets.problems_pane import ProblemsPane

        # The wizard's own screen, even while a dialog is on top.
        if self.app.screen_stack:
            pane = self.app.screen_stack[0].query_one(ProblemsPane)
            beside = None
            if self.comparison is not None:
                beside = (self.ticket, self.ticket_source, self.comparison)
            pane.show_findings(self.findings, self.source, beside=beside)
