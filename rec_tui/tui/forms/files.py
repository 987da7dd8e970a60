"""Step 5, Recording files: which file types are written (HLS, and MP4 where allowed)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import FILES
from rec_tui.tui.field_rules import rules_text
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.css_classes import update_if_changed
from rec_tui.tui.widgets.editors import ChoiceSetEditor

AV_FILE_TYPE = f"{FILES}.avFileType"


class FilesForm(StepForm):
    STEP = "files"
    INTRO = N_("The recording files written to storage.")
    DEFAULT_CSS = """
    FilesForm #file-rules { margin: 1 0 0 2; }
    """

    def compose_fields(self) -> ComposeResult:
        field = catalogue.field(AV_FILE_TYPE)
        editor = ChoiceSetEditor(field)
        # MP4 never goes alone (R81), so only the two valid combinations are offered.
        editor.set_initial_options(
            [("hls", ("hls",)), (_("hls + mp4 (mix and web only)"), ("hls", "mp4"))]
        )
        yield editor
        yield Static("", id="mode-rule")
        yield Static(_("Rules for this field"), classes="section-title")
        yield Static(rules_text(field), id="file-rules")

    def after_sync(self) -> None:
        note = {
            "individual": N_("Individual mode writes HLS only; MP4 is an error here (R82)."),
            "mix": N_("Mix mode can add MP4 next to HLS; an MP4 rolls over at about 2 h or 2 GB."),
            "web": N_("Web mode can add MP4 next to HLS; MP4s roll over after maxVideoDuration."),
        }[self.draft.mode]
        update_if_changed(self.query_one("#mode-rule", Static), _(note))
