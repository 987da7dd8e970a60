"""Presets, import and export in the wizard: Ctrl+S/O/I/E, the title, quitting with changes.

The app creates one :class:`FilesController` (``app.files``) and calls it from its key
actions. It owns which preset is open, whether the draft has unsaved changes (the draft's
revision against the one last saved or opened), the secret store (opened when a secret
is first needed, so keyring's import and D-Bus probe never delay the first screen), and the
one-time notice when no keyring is usable (given at that first use).

Presets, documents (and with them tomllib, the importers) and the secret store are imported
when first used: the wizard's first screen needs none of them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.css.query import NoMatches
from textual.widgets import Static

from rec_tui.i18n import _
from rec_tui.tui.notices import together
from rec_tui.tui.value_text import quoted
from rec_tui.tui.widgets.css_classes import update_keeping_layout

if TYPE_CHECKING:
    from rec_tui.formats.documents import Opened
    from rec_tui.formats.importers import ImportResult
    from rec_tui.request.draft import Draft
    from rec_tui.store.secrets import OpenedStore, SecretStore
    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.screens.preset_save import SaveChoice

UNSAVED_MARK = "●"


class FilesController:
    def __init__(self, app: RecTuiApp) -> None:
        self.app = app
        self.preset_name: str | None = None
        self.preset_path: Path | None = None
        # The file named by --open when it was not a preset (an imported customer body).
        self.opened_file: str | None = None
        # That file's text when it was a ticket: diagnosed as F6's import of it would be.
        self.opened_ticket = ""
        self.description = ""
        self.offer_mode_switch = False
        # The document as last saved or opened: back at it (by undo), nothing is unsaved.
        self.saved = app.draft.checkpoint()
        self._opened_store: OpenedStore | None = None
        self._store_lock = threading.Lock()
        self._announced = False
        self.status_line = ""

    # --- the store and its status ------------------------------------------------------

    def start(self) -> None:
        """After the first frame: say which secret store is in use, if one is open already.

        Only a preset whose secrets are in the keyring opens it before the wizard starts.
        Otherwise the keyring is left alone until a secret is first needed (see
        :attr:`store`): importing keyring and probing its backends costs a quarter of a
        second on a busy machine, which the first screen must not pay, so until then the
        status line says that the keyring is opened when first needed.
        """
        if self._opened_store is not None:
            self.show_status(self._opened_store)

    def show_status(self, opened: OpenedStore) -> None:
        from rec_tui.tui.widgets.secrets_status import SecretsStatus

        self.status_line = opened.status_line()
        for status in self.app.query(SecretsStatus):
            status.show(self.status_line, persistent=opened.store.persistent)

    def use_store(self, opened: OpenedStore) -> None:
        """Use a store opened before the wizard started (for ``--open`` of a preset)."""
        with self._store_lock:
            self._opened_store = opened

    def _open_store(self) -> OpenedStore:
        with self._store_lock:
            if self._opened_store is None:
                from rec_tui.store.secrets import open_store

                self._opened_store = open_store()
            return self._opened_store

    def _announce(self, opened: OpenedStore) -> None:
        if self._announced:
            return
        self._announced = True
        self.show_status(opened)
        self.app.sub_title = self.status_line
        if opened.notice:
            # Once per run, inside the dialog that first needed secrets (Save, Open, Import,
            # Export), which the user reads and dismisses; the status line keeps saying it.
            self.app.call_later(self._explain_no_keyring, opened.notice)
        else:
            self.app.notify(self.status_line, timeout=4)

    def quiet_store(self) -> SecretStore:
        """The store, without the one-time keyring notice: for looking whether a secret is
        there (the notice comes when secrets are used)."""
        return self._open_store().store

    def _explain_no_keyring(self, notice: str) -> None:
        from rec_tui.tui.screens.dialog import Dialog

        screen = self.app.screen
        if isinstance(screen, Dialog):
            screen.explain(_("{notice} (The Steps pane keeps saying so.)").format(notice=notice))
        else:
            self.app.notify(notice, title=_("No keyring"), severity="warning")

    @property
    def store(self) -> SecretStore:
        opened = self._open_store()
        self._announce(opened)
        return opened.store

    # --- title and unsaved changes ------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return not self.app.draft.is_at(self.saved)

    @property
    def document_name(self) -> str | None:
        """The open preset's name, else the name of the file the wizard was opened with."""
        return self.preset_name or self.opened_file

    def title(self) -> str:
        """``rec-tui — NAME ●``: the open preset or file (if any), ● while unsaved."""
        name = f" — {self.document_name}" if self.document_name else ""
        return f"rec-tui{name}{' ' + UNSAVED_MARK if self.dirty else ''}"

    def document_line(self) -> str:
        """The same for the top of the Steps pane, where the mark is said in words too."""
        name = self.document_name or _("new draft")
        unsaved = _("{name} {mark} unsaved").format(name=name, mark=UNSAVED_MARK)
        return unsaved if self.dirty else name

    def refresh_title(self) -> None:
        # Without Textual's repaint of the whole screen that setting it brings: no widget
        # draws the app's title (a screenshot's frame names it), and "● unsaved" comes and
        # goes as undo reaches the saved draft, a full frame on such a key.
        self.app.set_reactive(App.title, self.title())
        # The wizard's own screen (under any dialog); none yet before the app runs.
        # query_one by id is cached by Textual; query() would walk every widget per key.
        stack = self.app.screen_stack
        text = self.document_line()
        try:
            line = stack[0].query_one("#document-title", Static) if stack else None
        except NoMatches:
            line = None
        if line is not None:
            update_keeping_layout(line, text)

    def adopt(self, opened: Opened | None, path: str | None = None) -> None:
        """Remember the preset the wizard was launched with (``rec-tui --open NAME``).

        Customer material whose URL did not name the mode may fit another mode better: the
        wizard offers the switch once it is on the screen.
        """
        if opened is not None and opened.preset_name:
            self.preset_name = opened.preset_name
            self.preset_path = opened.preset_path
            self.description = opened.description
        elif path:
            self.opened_file = Path(path).name
            self.opened_ticket = opened.ticket if opened is not None else ""
        self.offer_mode_switch = opened is not None and not opened.mode_known
        self.mark_saved()

    def mark_saved(self) -> None:
        self.saved = self.app.draft.checkpoint()
        self.refresh_title()

    def _load_into_app(self, draft: Draft) -> None:
        """Put a loaded draft's content into the app's draft (forms keep their reference)."""
        self.app.draft.load(
            draft.body,
            mode=draft.mode,
            session=draft.session_values(),
            original=draft.original,
        )

    # --- save ---------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+S: save back to the open preset, or ask for a name the first time."""
        if self.preset_name is None:
            self.save_as()
            return
        self._write(self.preset_name, self.description, overwrite=True)

    def save_as(self) -> None:
        from rec_tui.tui.screens.preset_save import PresetSaveScreen

        def chosen(choice: SaveChoice | None) -> None:
            if choice is not None:
                self._write(choice.name, choice.description, overwrite=choice.overwrite)

        self.app.push_screen(
            PresetSaveScreen(
                self.preset_name or "", self.description, keyring=self.store.persistent
            ),
            chosen,
        )

    def _write(self, name: str, description: str, *, overwrite: bool) -> bool:
        from rec_tui.store import presets

        try:
            preset = presets.save(
                self.app.draft, name, self.store, description=description, force=overwrite
            )
        except presets.PresetError as error:
            self.app.notify(error.message, title=_("Not saved"), severity="error", timeout=15)
            return False
        self.preset_name, self.preset_path, self.description = name, preset.path, description
        self.mark_saved()
        for notice in preset.notices:
            self.app.notify(notice, severity="warning", timeout=12)
        saved = _("Saved preset {name} ({path}).").format(name=quoted(name), path=preset.path)
        self.app.notify(saved, timeout=5)
        return True

    # --- open ---------------------------------------------------------------------------

    def open(self) -> None:
        """Ctrl+O: pick a preset; unsaved changes are confirmed first."""
        from rec_tui.tui.screens.preset_open import PresetOpenScreen

        def picked(name: str | None) -> None:
            if name:
                self.open_preset(name)

        self._after_discard_confirmed(
            _(
                "There are unsaved changes to {name}. Open another preset and lose them? "
                "(Cancel, then Ctrl+S, to save first.)"
            ),
            _("Discard and open another preset"),
            lambda: self.app.push_screen(PresetOpenScreen(self.store), picked),
        )

    def open_preset(self, name: str, *, allow_missing_secrets: bool = False) -> None:
        from rec_tui.store import presets

        try:
            preset = presets.load(name, self.store, allow_missing_secrets=allow_missing_secrets)
        except presets.PresetError as error:
            if error.missing_secrets and not allow_missing_secrets:
                self._offer_without_secrets(name, error.message)
            else:
                self.app.notify(error.message, title=_("Not opened"), severity="error", timeout=20)
            return
        self._load_into_app(preset.draft)
        self.preset_name, self.preset_path = preset.name, preset.path
        self.description = preset.description
        self.mark_saved()
        for notice in preset.notices:
            self.app.notify(notice, severity="warning", timeout=12)
        self.app.notify(_("Opened preset {name}.").format(name=quoted(preset.name)), timeout=4)

    def renamed(self, old: str, new: str, path: Path) -> None:
        """A preset was renamed in the Open dialog: if it is the open one, follow it.

        Otherwise Ctrl+S would write the draft back under the old name, re-creating it.
        """
        if self.preset_name != old:
            return
        self.preset_name, self.preset_path = new, path
        self.refresh_title()

    def _offer_without_secrets(self, name: str, message: str) -> None:
        from rec_tui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.open_preset(name, allow_missing_secrets=True)

        self.app.push_screen(
            ConfirmScreen(
                _("{message}\n\nOpen the preset without these secrets?").format(message=message),
                confirm=_("Open anyway"),
            ),
            answered,
        )

    # --- import and export ----------------------------------------------------------------

    def import_(self) -> None:
        """F6 (Ctrl+I is Tab to a terminal): paste or pick a file; changes only on success."""
        from rec_tui.formats.documents import draft_from_import
        from rec_tui.tui.screens.import_dialog import ImportScreen

        def imported(result: ImportResult | None) -> None:
            if result is None:
                return
            draft_from_import(result, self.app.draft)
            if result.kind == "ticket":
                self._diagnose_ticket(dialog.imported_text)
            imported_notice = _("Imported a {kind} input.").format(kind=result.kind)
            said = [(notice, "information") for notice in [*result.notices, imported_notice]]
            for message, severity in together(said):
                self.app.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]
            self.app.editing.offer_better_mode()

        dialog = ImportScreen(self.store)
        self.app.push_screen(dialog, imported)

    def _diagnose_ticket(self, text: str, source: str | None = None) -> None:
        """The same diagnosis as ``rec-tui diagnose``: its findings go above the problems."""
        from rec_tui.agora.diagnose import diagnose

        self.app.diagnosis.show_ticket(diagnose(text), source or _("the imported ticket"))

    def diagnose_opened(self) -> None:
        """The ticket given to ``--open`` is diagnosed, as its import by F6 would be."""
        if self.opened_ticket:
            self._diagnose_ticket(self.opened_ticket, _("the opened ticket"))

    def export(self) -> None:
        """Ctrl+E: JSON / curl / TOML, masked unless revealed."""
        from rec_tui.tui.screens.export_dialog import ExportScreen

        self.app.push_screen(
            ExportScreen(self.app.draft, self.store, self.preset_name or "draft", self.description)
        )

    # --- quitting ---------------------------------------------------------------------------

    def quit(self) -> None:
        """Ctrl+Q: quit, asking first when there are unsaved changes."""
        self._after_discard_confirmed(
            _(
                "There are unsaved changes to {name}. Quit and lose them? "
                "(Cancel, then Ctrl+S, to save first.)"
            ),
            _("Discard and quit"),
            lambda: self.app.exit(0),
        )

    def _after_discard_confirmed(self, question: str, confirm: str, then: Any) -> None:
        """Run ``then``, asking ``question`` (about {name}, the draft) first when there are
        unsaved changes; ``confirm`` is the button that discards them."""
        if not self.dirty:
            then()
            return
        from rec_tui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        # The name the title shows: the open preset, or the file the wizard was opened with.
        name = quoted(self.document_name) if self.document_name else _("the new draft")
        self.app.push_screen(ConfirmScreen(question.format(name=name), confirm=confirm), answered)


__all__ = ["UNSAVED_MARK", "FilesController"]
