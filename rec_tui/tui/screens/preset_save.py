"""Save as: a preset name and a one-line description; overwriting asks first."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from rec_tui.i18n import _
from rec_tui.store import presets
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.value_text import quoted


@dataclass(frozen=True, slots=True)
class SaveChoice:
    name: str
    description: str
    # True when the user confirmed replacing an existing preset of that name.
    overwrite: bool


class PresetSaveScreen(Dialog[SaveChoice | None]):
    DEFAULT_CSS = """
    PresetSaveScreen > Vertical {
        width: 72;
    }
    PresetSaveScreen Input { margin-bottom: 1; }
    PresetSaveScreen #save-message { height: auto; margin-bottom: 1; }
    PresetSaveScreen #save-message.-error { color: $error; }
    PresetSaveScreen Horizontal { height: auto; align-horizontal: right; }
    PresetSaveScreen Button { margin-left: 2; }
    """

    def __init__(self, name: str = "", description: str = "", *, keyring: bool = True) -> None:
        super().__init__()
        self.keyring = keyring
        self.initial_name = name
        self.initial_description = description
        self._confirmed_overwrite: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Save preset as"))
            yield Input(
                self.initial_name, placeholder=_("name, e.g. acme-mix-s3"), id="preset-name"
            )
            yield Input(
                self.initial_description,
                placeholder=_("what it is for (optional)"),
                id="preset-description",
            )
            yield Static(
                _("Secrets are stored in the keyring; the file holds only references.")
                if self.keyring
                else _(
                    "No keyring: secrets are not saved. The file refers to REC_TUI_… "
                    "environment variables instead; set them to open it with its secrets."
                ),
                id="save-message",
            )
            with Horizontal():
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Save"), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#preset-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "preset-name":
            self._confirmed_overwrite = None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._submit()
        else:
            self.dismiss(None)

    def _say(self, text: str, error: bool) -> None:
        message = self.query_one("#save-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def _submit(self) -> None:
        raw = self.query_one("#preset-name", Input).value
        description = self.query_one("#preset-description", Input).value.strip()
        try:
            name = presets.check_name(raw)
        except presets.PresetError as error:
            self._say(error.message, error=True)
            return
        exists = presets.preset_path(name).exists()
        if exists and name != self.initial_name and self._confirmed_overwrite != name:
            self._confirmed_overwrite = name
            self._say(
                _("A preset named {name} already exists. Press Save again to replace it.").format(
                    name=quoted(name)
                ),
                error=True,
            )
            return
        self.dismiss(SaveChoice(name, description, overwrite=exists))
