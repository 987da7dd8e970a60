"""Step 1, Session: the recording mode, App ID, channel, recorder UID and token.

Under the token: "Generate a token" (for this recorder), shown (and made, the first time)
when the App Certificate for the draft's endpoint and App ID is known (looked up in a
thread after the frame is drawn, again only when the endpoint or App ID changes).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, RadioButton, RadioSet, Static

from rec_tui.i18n import _
from rec_tui.request.draft import APP_ID
from rec_tui.spec import catalogue
from rec_tui.spec.modes import MODE_NAMES, MODE_SUMMARIES, MODES, is_mode
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.choice_radio import ChoiceRadioSet
from rec_tui.tui.widgets.css_classes import update_if_changed
from rec_tui.tui.widgets.editors import TextEditor
from rec_tui.tui.widgets.field_editor import FieldEditor

if TYPE_CHECKING:
    from rec_tui.tui.app import RecTuiApp

# The App ID is part of the URL, not the body: its declaration is a session field.
APP_ID_PATH = APP_ID
APP_ID_FIELD = catalogue.field(APP_ID)


class SessionForm(StepForm):
    STEP = "session"
    DEFAULT_CSS = """
    SessionForm #mode { width: 1fr; height: auto; layout: horizontal; }
    /* Each as wide as its name: a third of the row each cut "单流 individual" at 80×24. */
    SessionForm #mode > RadioButton { width: auto; margin: 0 3 0 0; }
    SessionForm #mode-summary { color: $text-muted; margin: 0 0 1 0; }
    /* A 32-character App ID is read whole, cursor after it, beside the preview at 120×40:
       this step's labels are short ("Channel name (cname) *" is 22), so its label column is
       23 instead of 26 and the input reaches the pane's edge (33 columns). */
    SessionForm { padding: 0 0 0 1; }
    SessionForm FieldEditor { grid-columns: 23 1fr; }
    /* The token keeps its Show column (a pattern of two would repeat 23 for it). */
    SessionForm SecretEditor { grid-columns: 23 1fr 7; }
    /* One row, under the inputs (past the labels), as the other forms' buttons. */
    SessionForm #generate-token { display: none; margin: 0 0 1 23; }
    SessionForm #generate-token.-offered { display: block; }
    """
    # The (endpoint, App ID) whose certificate was last looked for.
    _offer_for: tuple[str, str] | None = None

    def compose_fields(self) -> ComposeResult:
        with ChoiceRadioSet(id="mode", compact=True):
            for mode in MODES:
                yield RadioButton(_(MODE_NAMES[mode]), value=mode == self.draft.mode, name=mode)
        yield Static(_(MODE_SUMMARIES[self.draft.mode]), id="mode-summary")
        yield TextEditor(APP_ID_FIELD)
        yield from self.editors_for(("cname", "uid", "clientRequest.token"))
        # "Generate a token" is mounted when first offered (_offer_token): most sessions never
        # show it, and a Button's styles cost ~6 ms of the first screen even hidden.

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
        update_if_changed(self.query_one("#mode-summary", Static), _(MODE_SUMMARIES[mode]))
        radio_set = self.query_one("#mode", ChoiceRadioSet)
        for button in radio_set.query(RadioButton):
            if button.name == mode and not button.value:
                with radio_set.prevent(RadioSet.Changed):
                    button.value = True
        radio_set.show_pressed()
        self.call_after_refresh(self._look_for_certificate)

    def _look_for_certificate(self) -> None:
        from rec_tui.tui.controllers.tokens import offered_at_once

        wanted = (self.draft.endpoint, self.draft.app_id)
        if wanted == self._offer_for or not self.is_attached:
            return
        self._offer_for = wanted
        known = offered_at_once(cast("RecTuiApp", self.app))
        if known is None:
            self.run_worker(self._find_certificate, thread=True, group="token-offer")
        else:
            self._offer_token(known)

    def _find_certificate(self) -> None:
        from rec_tui.tui.controllers.tokens import known_certificate

        known = known_certificate(cast("RecTuiApp", self.app)) is not None
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._offer_token, known)

    def _offer_token(self, known: bool) -> None:
        found = self.query_children("#generate-token")
        if found:
            found.first(Button).set_class(known, "-offered")
        elif known:
            # Short enough for the input column at 120×40; the palette says "for this recorder".
            button = Button(_("Generate a token"), id="generate-token", compact=True)
            self.mount(button.add_class("-offered"))

    @on(Button.Pressed, "#generate-token")
    def _generate_token(self, event: Button.Pressed) -> None:
        event.stop()
        from rec_tui.tui.controllers.tokens import generate_token

        generate_token(cast("RecTuiApp", self.app))

    def focus_first(self) -> None:
        self.query_one("#mode", RadioSet).focus()

    @on(RadioSet.Changed, "#mode")
    def _mode_chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        chosen = event.pressed.name
        if is_mode(chosen):
            self.draft.set_mode(chosen, origin=self)
