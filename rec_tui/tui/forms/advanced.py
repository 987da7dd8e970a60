"""Step 8, Advanced (legacy): postponed transcoding and audio mixing.

These fields (appsCollection, transcodeOptions) are from an older service that Agora no
longer documents; they are shown only so such requests can still be composed and checked.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from rec_tui.i18n import _
from rec_tui.spec import catalogue
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.factory import editor_for


class AdvancedForm(StepForm):
    STEP = "advanced"
    DEFAULT_CSS = """
    AdvancedForm #legacy-banner {
        border: heavy $warning; color: $warning; padding: 0 1; margin: 0 0 1 0;
    }
    """

    def compose_fields(self) -> ComposeResult:
        yield Static(
            _(
                "LEGACY: postponed transcoding and postponed audio mixing (appsCollection, "
                "transcodeOptions). Agora's current documentation no longer describes them; use "
                "them only to reproduce an existing integration."
            ),
            id="legacy-banner",
        )
        legacy = [f for f in catalogue.FIELDS if f.legacy and f.kind != "object"]
        if not legacy:
            yield Static(_("No legacy fields are declared in this version of rec-tui."))
        for declared in legacy:
            yield editor_for(declared)
