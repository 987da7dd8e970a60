"""Step 1, Session: the recording mode, App ID, channel, recorder UID and token."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import RadioButton, RadioSet, Static

from rec_tui.request.draft import APP_ID
from rec_tui.spec import catalogue
from rec_tui.spec.modes import MODE_SUMMARIES, MODES, is_mode
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.choice_radio import ChoiceRadioSet
from rec_tui.tui.widgets.editors import TextEditor
from rec_tui.tui.widgets.field_editor import FieldEditor

# The App ID is part of the URL, not the body: its declaration is a session field.
APP_ID_PATH = APP_ID
APP_ID_FIELD = catalogue.field(APP_ID)


class SessionForm(StepForm):
    STEP = "session"
    DEFAULT_CSS = """
    SessionForm #mode { width: 1fr; height: auto; layout: horizontal; }
    SessionForm #mode-summary { color: $text-muted; margin: 0 0 1 0; }
    """

    def compose_fields(self) -> ComposeResult:
        with ChoiceRadioSet(id="mode", compact=True):
            for mode in MODES:
                yield RadioButton(mode, value=mode == self.draft.mode, name=mode)
        yield Static(MODE_SUMMARIES[self.draft.mode], id="mode-summary")
        yield TextEditor(APP_ID_FIELD)
        yield from self.editors_for(("cname", "uid", "clientRequest.token"))

    def value_for(self, editor: FieldEditor) -> Any:
        if editor.path == APP_ID_PATH:
            return self.draft.app_id or None
        return super().value_for(editor)

    def write(self, editor: FieldEditor, value: Any) -> None:
        if editor.path == APP_ID_PATH:
            self.draft.set(APP_ID, value or "", origin=editor, coalesce=f"type:{APP_ID}")
            return
        super().write(editor, value)

    def after_sync(self) -> None:
        mode = self.draft.mode
        self.query_one("#mode-summary", Static).update(MODE_SUMMARIES[mode])
        radio_set = self.query_one("#mode", ChoiceRadioSet)
        for button in radio_set.query(RadioButton):
            if button.name == mode and not button.value:
                with radio_set.prevent(RadioSet.Changed):
                    button.value = True
        radio_set.show_pressed()

    def focus_first(self) -> None:
        self.query_one("#mode", RadioSet).focus()

    @on(RadioSet.Changed, "#mode")
    def _mode_chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        chosen = event.pressed.name
        if is_mode(chosen):
            self.draft.set_mode(chosen, origin=self)
