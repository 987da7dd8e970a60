"""Export: the body as JSON, the request as curl, a shell script (acquire, then start) or a
TOML preset; copy or save to a file.

Secrets are written as ``${REC_TUI_…}`` references unless "Reveal secrets" is on.
Copying uses OSC 52 (the terminal puts the text on the clipboard); where the terminal is
known not to support it the text goes to a file in the data directory instead, and the
user is told which happened. Revealed text is never written to a file.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, RadioButton, RadioSet, Static, Switch, TextArea

from rec_tui.formats import exporters
from rec_tui.i18n import N_, _
from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.paths import data_dir
from rec_tui.store.secrets import SecretStore, SecretStoreError, customer_credentials
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.widgets.choice_radio import ChoiceRadioSet
from rec_tui.tui.widgets.switch_state import SwitchState

SUFFIXES = {"json": "json", "curl": "sh", "toml": "toml", "shell": "sh"}
# Terminals that ignore OSC 52 (macOS Terminal, the Linux console, dumb terminals).
_NO_OSC52_PROGRAMS = frozenset({"Apple_Terminal"})
_NO_OSC52_TERMS = frozenset({"linux", "dumb", ""})


def osc52_supported(environ: dict[str, str] | None = None) -> bool:
    env = dict(os.environ) if environ is None else environ
    if env.get("TERM_PROGRAM", "") in _NO_OSC52_PROGRAMS:
        return False
    return env.get("TERM", "") not in _NO_OSC52_TERMS


def export_file(name: str, fmt: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return data_dir() / "exports" / f"{name}-{stamp}.{SUFFIXES[fmt]}"


class FormatChoice(ChoiceRadioSet):
    """The export formats: arrows choose one, Enter copies it (the dialog's main action)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "export", N_("Copy this format"), show=False)
    ]

    class Export(Message):
        """Enter on the chosen format: copy it."""

    def action_export(self) -> None:
        self.post_message(self.Export())


class ExportScreen(Dialog[None]):
    DEFAULT_CSS = """
    ExportScreen > Vertical {
        width: 90%; max-width: 130; height: 90%; padding: 0 2;
    }
    /* One-row choices and buttons: at 80×24 (with the keyring explanation on top) the
       exported text keeps rows of its own and the buttons stay on the screen. */
    ExportScreen #export-options { height: 4; }
    ExportScreen RadioSet { width: 24; }
    ExportScreen #reveal-box { width: 1fr; height: auto; padding: 0 2; }
    ExportScreen #reveal-box Switch { border: none; height: 1; padding: 0; }
    ExportScreen #reveal-row { height: auto; }
    ExportScreen TextArea { height: 1fr; min-height: 4; }
    ExportScreen #export-keys { color: $text-muted; height: auto; }
    ExportScreen #export-message { height: auto; }
    ExportScreen #export-message.-error { color: $error; }
    ExportScreen #export-buttons { height: auto; align-horizontal: right; margin: 1 0 0 0; }
    ExportScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", N_("Close"))]

    def __init__(
        self, draft: Draft, store: SecretStore, name: str = "draft", description: str = ""
    ) -> None:
        super().__init__()
        self.draft = draft
        self.store = store
        self.preset_name = name
        self.description = description
        self.fmt: exporters.Format = "json"
        self.reveal = False
        self.text = ""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Export")
            with Horizontal(id="export-options"):
                with FormatChoice(id="export-format", compact=True):
                    yield RadioButton(_("JSON body"), value=True, name="json")
                    yield RadioButton(_("curl command"), name="curl")
                    yield RadioButton(_("TOML preset"), name="toml")
                    yield RadioButton(_("Shell script"), name="shell")
                with Vertical(id="reveal-box"):
                    yield Label(_("Reveal secrets"))
                    with Horizontal(id="reveal-row"):
                        yield Switch(False, id="reveal")
                        yield SwitchState(False, id="reveal-state")
            yield TextArea("", id="export-text", read_only=True, soft_wrap=False)
            yield Static(
                _("↑↓ format · Enter copies it · Tab: Reveal, Save to file, Close"),
                id="export-keys",
            )
            yield Static("", id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button(_("Close"), id="close", compact=True)
                yield Button(_("Save to file"), id="save-file", compact=True)
                yield Button(_("Copy"), id="copy", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.refresh_text()
        # The format first: the first key chooses what is exported, Enter then copies it.
        self.query_one(FormatChoice).focus()

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#export-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def refresh_text(self) -> None:
        credentials = None
        try:
            if self.reveal and self.fmt in ("curl", "shell"):
                credentials = customer_credentials(self.store)
            self.text = exporters.export(
                self.draft,
                self.fmt,
                reveal=self.reveal,
                credentials=credentials,
                name=self.preset_name,
                description=self.description,
            )
        except (presets.PresetError, SecretStoreError, ValueError) as error:
            self.text = ""
            self._say(
                _("Cannot export as {format}: {error}").format(format=self.fmt, error=error),
                error=True,
            )
        else:
            note = (
                _("Secrets are shown.")
                if self.reveal
                else _("Secrets are ${REC_TUI_…} references.")
            )
            served = exporters.sandbox_note(self.draft) if self.fmt in ("curl", "shell") else None
            self._say(f"{note} {served}" if served else note)
        self.query_one("#export-text", TextArea).load_text(self.text)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        name = event.pressed.name or "json"
        self.fmt = name if name in exporters.FORMATS else "json"
        self.refresh_text()

    def on_format_choice_export(self, event: FormatChoice.Export) -> None:
        event.stop()
        self.copy()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        event.stop()
        self.reveal = event.value
        self.query_one("#reveal-state", SwitchState).show(event.value)
        self.refresh_text()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "copy":
            self.copy()
        elif event.button.id == "save-file":
            self.save_file()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def copy(self) -> None:
        if not self.text:
            return
        if osc52_supported() and not self.app.is_headless:
            self.app.copy_to_clipboard(self.text)
            self._say(
                _(
                    "Copied the {format} export to the clipboard (OSC 52). If nothing arrived, "
                    "your terminal does not pass OSC 52 on: use Save to file."
                ).format(format=self.fmt)
            )
            return
        if self.reveal:
            self._say(
                _(
                    "This terminal cannot take it on the clipboard (no OSC 52), and revealed "
                    "secrets are never written to a file: turn Reveal off, or copy it by hand."
                ),
                error=True,
            )
            return
        self.save_file(reason=_("This terminal cannot take it on the clipboard (no OSC 52); "))

    def save_file(self, reason: str = "") -> None:
        if not self.text:
            return
        if self.reveal:
            self._say(
                _("Revealed secrets are never written to a file: turn Reveal off to save."),
                error=True,
            )
            return
        target = export_file(self.preset_name, self.fmt)
        try:
            presets.write_atomically(target, self.text)
        except presets.PresetError as error:
            self._say(error.message, error=True)
            return
        saved = _("Saved the {format} export to {path}.").format(format=self.fmt, path=target)
        self._say(f"{reason}{saved}")
