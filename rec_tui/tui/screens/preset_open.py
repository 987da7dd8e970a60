"""Open a preset: a filterable list (name, mode, description, last change), rename, delete.

The list is read in a worker thread: the dialog is drawn and takes keys at once, and
fills in when the files have been read (a folder of thousands takes a moment).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Static
from textual.worker import Worker, WorkerState

from rec_tui.i18n import N_, _, moment
from rec_tui.store import presets
from rec_tui.store.paths import presets_dir
from rec_tui.store.presets import PresetEntry
from rec_tui.store.secrets import SecretStore
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.screens.dialog import Dialog
from rec_tui.tui.value_text import quoted


def matches(summary: PresetEntry, words: list[str]) -> bool:
    """Every word of the filter appears in the name, mode or description."""
    haystack = f"{summary.name} {summary.mode} {summary.description}".lower()
    return all(word in haystack for word in words)


class PresetTable(DataTable[str]):
    """The list of presets; typing, or Up from its first row, goes back to the filter above."""

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0:
            self.screen.query_one("#preset-filter", Input).focus()
            return
        super().action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            field = self.screen.query_one("#preset-filter", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)


class RenameScreen(Dialog[str | None]):
    DEFAULT_CSS = """
    RenameScreen > Vertical {
        width: 60;
    }
    """

    def __init__(self, old: str) -> None:
        super().__init__()
        self.old = old

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Rename preset {name} to:").format(name=quoted(self.old)))
            yield Input(self.old, id="new-name")

    def on_mount(self) -> None:
        self.query_one("#new-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)


class ShortTerminalScroll(VerticalScroll, inherit_bindings=False):
    """Scrolls the dialog on a terminal too short for it, following the focus; it takes no
    keys itself, so ↓ in the filter still goes to the list."""


class PresetOpenScreen(Dialog[str | None]):
    """Dismisses with the chosen preset's name, or None; posts :class:`Renamed`."""

    class Renamed(Message):
        """A preset was renamed (the wizard follows if it is the open one)."""

        def __init__(self, old: str, new: str, path: Path) -> None:
            super().__init__()
            self.old = old
            self.new = new
            self.path = path

    DEFAULT_CSS = """
    PresetOpenScreen > ShortTerminalScroll {
        width: 90%; max-width: 120; height: 80%;
    }
    /* A few rows of the list stay in view under the keyring's explanation on a short
       terminal; the dialog scrolls instead of leaving the list no height. */
    PresetOpenScreen DataTable { height: 1fr; min-height: 5; }
    PresetOpenScreen #open-keys { width: 100%; }
    PresetOpenScreen #open-message { height: auto; color: $text-muted; }
    PresetOpenScreen #open-message.-error { color: $error; }
    PresetOpenScreen Horizontal { height: auto; align-horizontal: right; }
    PresetOpenScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("f2", "rename", N_("Rename"), priority=True),
        Binding("ctrl+d", "delete", N_("Delete"), priority=True),
        Binding("down", "focus_table", N_("List"), show=False),
    ]

    # The worker group of the list being read.
    READING: ClassVar[str] = "preset-list"

    def __init__(self, store: SecretStore) -> None:
        super().__init__()
        self.store = store
        self.summaries: list[PresetEntry] = []
        self.shown: list[PresetEntry] = []
        # False until the first list has been read.
        self.listed = False
        # Said once the list being read has arrived (what a rename or delete did).
        self._say_when_listed = ""

    def compose(self) -> ComposeResult:
        with ShortTerminalScroll():
            yield Label(
                _(
                    "Open preset — type to filter · ↓ the list · Enter opens · F2 rename · "
                    "Ctrl+D delete"
                ),
                id="open-keys",
            )
            yield Input(placeholder=_("filter by name, mode or description"), id="preset-filter")
            yield PresetTable(id="preset-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="open-message")
            with Horizontal():
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Open"), id="open", variant="primary")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Name"), _("Mode"), _("Description"), _("Last change"))
        self.reload()
        self.query_one("#preset-filter", Input).focus()

    def reload(self, then_say: str = "") -> None:
        """Read the list again, off the UI thread; ``then_say`` replaces the count then."""
        self._say_when_listed = then_say
        if not self.listed:
            self._say(_("Reading the presets in {folder}…").format(folder=presets_dir()))
        self.run_worker(
            presets.list_presets, thread=True, exclusive=True, group=self.READING,
            exit_on_error=False,
        )  # fmt: skip

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != self.READING:
            return
        worker: Worker[list[PresetEntry]] = event.worker
        if event.state == WorkerState.SUCCESS and worker.result is not None:
            self.summaries, self.listed = worker.result, True
            self._fill()
            if self._say_when_listed:
                self._say(self._say_when_listed)
        elif event.state == WorkerState.ERROR:
            said = _("Could not read the presets in {folder}: {error}")
            self._say(said.format(folder=presets_dir(), error=worker.error), True)

    def _fill(self) -> None:
        words = self.query_one("#preset-filter", Input).value.lower().split()
        self.shown = [summary for summary in self.summaries if matches(summary, words)]
        table = self.query_one(DataTable)
        table.clear()
        for summary in self.shown:
            changed = moment(summary.modified_at, precision="minutes")
            description = summary.description or (_("(cannot be read)") if summary.error else "")
            table.add_row(summary.name, summary.mode, description, changed, key=summary.name)
        if not self.listed:
            return
        if not self.summaries:
            self._say(
                _("No presets yet in {folder} — Ctrl+S saves one.").format(folder=presets_dir())
            )
        elif not self.shown:
            self._say(_("No preset matches the filter."))
        else:
            shown = _("{shown} of {count} presets.")
            self._say(shown.format(shown=len(self.shown), count=len(self.summaries)))

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#open-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def selected(self) -> PresetEntry | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "preset-filter":
            self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "open":
            self._open()
        else:
            self.dismiss(None)

    def _open(self) -> None:
        chosen = self.selected()
        if chosen is None and not self.listed:
            self._say(_("The presets are still being read; open one when the list appears."))
            return
        if chosen is None:
            self._say(_("Nothing to open: no preset is selected."), error=True)
            return
        self.dismiss(chosen.name)

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_rename(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def renamed(new: str | None) -> None:
            if not new or new == chosen.name:
                return
            try:
                path = presets.rename(chosen.name, new, self.store)
            except presets.PresetError as error:
                self._say(error.message, error=True)
                return
            self.post_message(self.Renamed(chosen.name, new, path))
            self.reload(
                then_say=_("Renamed {old} to {new}.").format(
                    old=quoted(chosen.name), new=quoted(new)
                )
            )

        self.app.push_screen(RenameScreen(chosen.name), renamed)

    def action_delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                presets.delete(chosen.name, self.store)
            except presets.PresetError as error:
                self._say(error.message, error=True)
                return
            self.reload(then_say=_("Deleted {name}.").format(name=quoted(chosen.name)))

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "Delete preset {name} and its secrets in the keyring? This cannot be undone."
                ).format(name=quoted(chosen.name)),
                confirm=_("Delete"),
            ),
            confirmed,
        )
