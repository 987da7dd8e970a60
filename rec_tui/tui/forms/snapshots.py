"""Step 4, Snapshots (individual): off, snapshots only, or snapshots plus recording.

The choice adds or removes ``snapshotConfig`` and ``recordingFileConfig`` (the service reads
"also record" from the presence of recordingFileConfig) and sets ``draft.snapshot_intent``
so rules R88/R89 can warn when an opened body contradicts it. Objects taken out are kept by
the draft (held for this document) and come back when the choice comes back.
"""

from __future__ import annotations

from typing import Final

from textual import on
from textual.app import ComposeResult
from textual.widgets import RadioButton, RadioSet

from rec_tui.i18n import N_, LazyText, _
from rec_tui.request.draft import SNAPSHOT_INTENT
from rec_tui.spec.rules.context import FILES, SNAP
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.choice_radio import ChoiceRadioSet
from rec_tui.tui.widgets.css_classes import set_class_if_changed

CHOICES: Final = (
    ("off", N_("Off: no snapshots")),
    ("only", N_("Snapshots only (no recording files)")),
    ("plus_recording", N_("Snapshots plus recording")),
)
NEW_SNAPSHOT_CONFIG: Final = {"fileType": ["jpg"]}
NEW_FILE_CONFIG: Final = {"avFileType": ["hls"]}


class SnapshotsForm(StepForm):
    STEP = "snapshots"
    INTRO = N_("Screenshots of each user's video, saved as JPG files to the same storage.")
    DEFAULT_CSS = """
    SnapshotsForm #snapshot-choice { width: 1fr; margin: 0 0 1 0; }
    SnapshotsForm.-snapshots-off .snapshot-fields { display: none; }
    """

    def compose_fields(self) -> ComposeResult:
        with ChoiceRadioSet(id="snapshot-choice"):
            for value, label in CHOICES:
                yield RadioButton(_(label), name=value, value=value == self.current_choice())
        for editor in self.editors_for((f"{SNAP}.captureInterval", f"{SNAP}.fileType")):
            editor.add_class("snapshot-fields")
            yield editor

    def current_choice(self) -> str:
        if self.draft.snapshot_intent is not None:
            return self.draft.snapshot_intent
        if self.draft.get(SNAP) is None:
            return "off"
        return "plus_recording" if self.draft.get(FILES) is not None else "only"

    def after_sync(self) -> None:
        choice = self.current_choice()
        set_class_if_changed(self, choice == "off", "-snapshots-off")
        radio_set = self.query_one("#snapshot-choice", ChoiceRadioSet)
        for button in radio_set.query(RadioButton):
            if button.name == choice and not button.value:
                with radio_set.prevent(RadioSet.Changed):
                    button.value = True
        radio_set.show_pressed()

    def focus_first(self) -> None:
        self.query_one("#snapshot-choice", RadioSet).focus()

    def choose(self, choice: str) -> None:
        draft = self.draft
        said = LazyText(lambda: _("snapshots: {choice}").format(choice=choice))
        with draft.batch(said, origin=self):
            if choice == "off":
                self._take_out(SNAP)
                if draft.holds(FILES):
                    draft.release(FILES, dict(NEW_FILE_CONFIG), origin=self)
                draft.set(SNAPSHOT_INTENT, None)
            else:
                draft.release(SNAP, dict(NEW_SNAPSHOT_CONFIG), origin=self)
                if choice == "only":
                    self._take_out(FILES)
                    draft.set(SNAPSHOT_INTENT, "only")
                else:
                    draft.release(FILES, dict(NEW_FILE_CONFIG), origin=self)
                    draft.set(SNAPSHOT_INTENT, "plus_recording")

    def _take_out(self, path: str) -> None:
        if self.draft.hold(path, origin=self):
            key = path.rsplit(".", 1)[-1]
            self.notify(_("{key} set aside; it comes back with that choice.").format(key=key))

    @on(RadioSet.Changed, "#snapshot-choice")
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.name and event.pressed.name != self.current_choice():
            self.choose(event.pressed.name)
