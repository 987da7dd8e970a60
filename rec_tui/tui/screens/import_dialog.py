"""Import: paste a JSON body, a curl command, a log line or a whole ticket, or give a file path.

Nothing in the draft changes until the import succeeds. Credentials found in a curl
command are stored in the keyring only when the user says so here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, TextArea

from rec_tui.formats import importers
from rec_tui.formats.importers import ImportResult
from rec_tui.i18n import _
from rec_tui.store.secrets import SecretStore, SecretStoreError
from rec_tui.tui.screens.dialog import Dialog


class ImportScreen(Dialog[ImportResult | None]):
    DEFAULT_CSS = """
    ImportScreen > Vertical {
        width: 90%; max-width: 120; height: 90%;
    }
    /* One-row path, message and buttons: at 80×24 (with the keyring explanation on top)
       the paste area keeps rows of its own and the buttons stay on the screen. */
    ImportScreen TextArea { height: 1fr; min-height: 4; }
    ImportScreen #import-path { margin: 1 0 0 0; }
    ImportScreen #import-message { height: auto; margin: 0; }
    ImportScreen #import-message.-error { color: $error; }
    ImportScreen Horizontal { height: auto; align-horizontal: right; margin: 1 0 0 0; }
    ImportScreen Button { margin-left: 2; }
    ImportScreen #credentials-question { display: none; }
    ImportScreen.-asking #credentials-question { display: block; }
    ImportScreen.-asking #import-buttons { display: none; }
    /* Asking about the credentials, the text is imported: the paste area and the path
       give their rows to the question and its answers (at 80×24, with the keyring
       explanation on top, the answers were pushed under the dialog's edge). */
    ImportScreen.-asking #import-text, ImportScreen.-asking #import-path { display: none; }
    """

    def __init__(self, store: SecretStore) -> None:
        super().__init__()
        self.store = store
        self.pending: ImportResult | None = None
        # The text imported (pasted, or the file's), for the wizard's diagnosis of a ticket.
        self.imported_text = ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Import: paste a JSON body, a curl command, a log line or a ticket"))
            yield TextArea(id="import-text", soft_wrap=True, show_line_numbers=True)
            yield Input(placeholder=_("…or a file path"), id="import-path", compact=True)
            yield Static("", id="import-message")
            with Horizontal(id="import-buttons"):
                yield Button(_("Cancel"), id="cancel", compact=True)
                yield Button(_("Import"), id="import", variant="primary", compact=True)
            with Horizontal(id="credentials-question"):
                yield Button(_("Drop them"), id="drop-credentials", compact=True)
                yield Button(
                    _("Store in keyring") if self.store.persistent else _("Keep for this session"),
                    id="store-credentials",
                    variant="warning",
                    compact=True,
                )

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#import-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_import()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button == "import":
            self.run_import()
        elif button in ("store-credentials", "drop-credentials"):
            self.finish(store_credentials=button == "store-credentials")
        else:
            self.dismiss(None)

    def run_import(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        text = self.query_one(TextArea).text
        try:
            if path:
                result, text = importers.import_file_text(path)
            else:
                result = importers.import_text(text)
        except importers.ImportProblem as problem:
            said = (
                _("The file was not imported (nothing changed): {problem}")
                if path
                else _("The pasted text was not imported (nothing changed): {problem}")
            )
            self._say(said.format(problem=problem.message), True)
            return
        self.pending = result
        self.imported_text = text
        if result.credentials is None:
            self.finish(store_credentials=False)
            return
        self.add_class("-asking")
        question = (
            _(
                "The input contains an Agora customer ID and secret. Store them in the keyring "
                "({backend}) for sending, or drop them?"
            )
            if self.store.persistent
            else _(
                "The input contains an Agora customer ID and secret. There is no keyring: keep "
                "them in memory for this session for sending, or drop them?"
            )
        )
        self._say(question.format(backend=self.store.backend_name))
        self.query_one("#drop-credentials", Button).focus()

    def finish(self, *, store_credentials: bool) -> None:
        result = self.pending
        if result is None:
            return
        try:
            importers.settle_credentials(result, self.store, agreed=store_credentials)
        except SecretStoreError as error:
            importers.settle_credentials(result, None, agreed=False)
            result.notices.append(_("Could not store the credentials: {error}").format(error=error))
        self.dismiss(result)
