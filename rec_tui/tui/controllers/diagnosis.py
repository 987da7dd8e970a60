"""The wizard's diagnosis: the findings shown above the problems, owned here.

One diagnosis at a time: F6's import of a ticket (``app.files``) and the Send panel's
exchanges (``app.sending``) each replace it with theirs. The problems pane only shows it.
Findings are about the material that was diagnosed, so loading another document (a preset,
another import) takes them away; editing the draft does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rec_tui.agora.diagnose import Diagnosis, Finding
    from rec_tui.request.draft import Change
    from rec_tui.tui.app import RecTuiApp


class DiagnosisController:
    def __init__(self, app: RecTuiApp) -> None:
        self.app = app
        self.findings: tuple[Finding, ...] = ()
        # What was diagnosed, in words ("the imported ticket"); "" when nothing was.
        self.source = ""
        self._unsubscribe: Callable[[], None] | None = None

    def show(self, diagnosis: Diagnosis, source: str) -> None:
        """Replace the findings with those of ``diagnosis``, made of ``source``."""
        self.findings, self.source = diagnosis.findings, source
        if self._unsubscribe is None:
            self._unsubscribe = self.app.draft.subscribe(self._draft_changed)
        self._refresh()

    def clear(self) -> None:
        self.findings, self.source = (), ""
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
            pane.show_findings(self.findings, self.source)
