"""The wizard's preset, import and export dialogs, driven with Pilot in the real app."""

from __future__ import annotations

import copy
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, DataTable, Input, Label, RadioButton, Switch, TextArea

from rec_tui.i18n import Language, activate
from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.secrets import CUSTOMER_ID_ENTRY, CUSTOMER_SECRET_ENTRY, MemoryStore
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.controllers.files import UNSAVED_MARK
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.screens.export_dialog import ExportScreen
from rec_tui.tui.screens.import_dialog import ImportScreen
from rec_tui.tui.screens.preset_open import PresetOpenScreen
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from tests.support.keyring_service import no_keyring
from tests.support.seed_examples import EXAMPLES
from tests.support.tui import allow_osc52

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

SIZE = (120, 40)
MODE, BODY = EXAMPLES[0][1], EXAMPLES[0][2]


def _app(body: dict[str, Any] | None = None) -> RecTuiApp:
    draft = Draft(mode=MODE)
    draft.replace_body(copy.deepcopy(body or BODY))
    return RecTuiApp(draft)


async def _type(pilot: Any, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.value = text
    await pilot.pause()


async def _click(pilot: Any, selector: str) -> None:
    pilot.app.screen.query_one(selector, Button).press()
    await _listed(pilot)


async def _key(pilot: Any, key: str) -> None:
    await pilot.press(key)
    await _listed(pilot)


async def _listed(pilot: Any) -> None:
    """Let the open dialog's list, read in a worker thread, arrive."""
    await pilot.pause()
    reading = [w for w in pilot.app.workers if w.group == PresetOpenScreen.READING]
    await pilot.app.workers.wait_for_complete(reading)
    await pilot.pause()


def _edit_cname(app: RecTuiApp, cname: str) -> None:
    """Change the draft the way typing in the cname field does, so it has unsaved changes."""
    app.draft.set("cname", cname)


async def test_save_shows_the_name_and_unsaved_marker_in_the_title() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == "rec-tui"
        _edit_cname(app, "edited-before-saving")
        assert app.title == f"rec-tui {UNSAVED_MARK}"
        await _key(pilot, "ctrl+s")
        assert isinstance(app.screen, PresetSaveScreen)
        await _type(pilot, "#preset-name", "acme-mix")
        await _type(pilot, "#preset-description", "ACME's composite setup")
        await _click(pilot, "#save")
        assert not isinstance(app.screen, PresetSaveScreen)
        assert presets.preset_path("acme-mix").exists()
        assert app.title == "rec-tui — acme-mix"

        _edit_cname(app, "changed-room")
        await pilot.pause()
        assert app.title == f"rec-tui — acme-mix {UNSAVED_MARK}"
        await pilot.press("ctrl+s")  # saves back without asking again
        await pilot.pause()
        assert app.title == "rec-tui — acme-mix"
        # No keyring here: the file refers to REC_TUI_* variables, which are not set.
        loaded = presets.load("acme-mix", app.files.store, resolve_secrets=False)
        assert loaded.draft.get("clientRequest.token") == "env:REC_TUI_TOKEN"
        assert loaded.draft.get("cname") == "changed-room"
        assert loaded.description == "ACME's composite setup"


async def test_save_as_an_existing_name_asks_before_replacing() -> None:
    presets.save(_app().draft, "taken", MemoryStore(), description="keep me")
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "ctrl+s")
        await _type(pilot, "#preset-name", "taken")
        await _click(pilot, "#save")
        assert isinstance(app.screen, PresetSaveScreen)
        assert "already exists" in str(app.screen.query_one("#save-message").render())
        assert presets.load("taken", MemoryStore(), resolve_secrets=False).description == "keep me"
        await _click(pilot, "#save")
        assert not isinstance(app.screen, PresetSaveScreen)
        assert presets.load("taken", MemoryStore(), resolve_secrets=False).description == ""


async def test_a_bad_name_is_explained_in_the_dialog() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "ctrl+s")
        await _type(pilot, "#preset-name", "../escape")
        await _click(pilot, "#save")
        assert isinstance(app.screen, PresetSaveScreen)
        assert "cannot be a preset name" in str(app.screen.query_one("#save-message").render())


async def test_open_filters_and_loads_a_preset() -> None:
    other = copy.deepcopy(BODY)
    other["cname"] = "other-room"
    store = MemoryStore(persistent=True)  # another session's keyring
    for name, body, description in (("alpha", BODY, "first"), ("beta", other, "the other")):
        draft = Draft(mode=MODE)
        draft.replace_body(copy.deepcopy(body))
        presets.save(draft, name, store, description=description)
    app = _app({"cname": "x", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        # Secrets were saved by another session's store: share its entries.
        app.files.store.entries.update(store.entries)  # type: ignore[attr-defined]
        app.files.mark_saved()
        await _key(pilot, "ctrl+o")
        assert isinstance(app.screen, PresetOpenScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await _type(pilot, "#preset-filter", "other")
        assert table.row_count == 1
        assert table.get_row_at(0)[:3] == ["beta", MODE, "the other"]
        await _key(pilot, "enter")
        assert not isinstance(app.screen, PresetOpenScreen)
        assert app.draft.body == other
        assert app.title == "rec-tui — beta"


async def test_the_open_dialog_takes_keys_while_the_list_is_being_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    presets.save(_app().draft, "alpha", MemoryStore(), description="first")
    presets.save(_app().draft, "beta", MemoryStore(), description="second")
    go_on = threading.Event()
    list_presets = presets.list_presets

    def slow_list() -> list[presets.PresetEntry]:
        go_on.wait(timeout=10)  # a list read on the UI thread would freeze the dialog here
        return list_presets()

    monkeypatch.setattr(presets, "list_presets", slow_list)
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        app.files.mark_saved()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PresetOpenScreen)
        assert "Reading the presets" in str(app.screen.query_one("#open-message").render())
        await pilot.press("b", "e")
        await pilot.pause()
        assert app.screen.query_one("#preset-filter", Input).value == "be"
        assert app.screen.query_one(DataTable).row_count == 0
        go_on.set()
        await _listed(pilot)
        table = app.screen.query_one(DataTable)
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == ["beta"]
        assert "1 of 2 presets" in str(app.screen.query_one("#open-message").render())


async def test_open_with_unsaved_changes_asks_first() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        _edit_cname(app, "edited")
        await _key(pilot, "ctrl+o")
        assert isinstance(app.screen, ConfirmScreen)
        await _click(pilot, "#cancel")
        assert not isinstance(app.screen, (ConfirmScreen, PresetOpenScreen))
        assert app.draft.get("cname") == "edited"


async def test_rename_and_delete_from_the_open_dialog() -> None:
    presets.save(_app().draft, "old-name", MemoryStore())
    presets.save(_app().draft, "doomed", MemoryStore())
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "ctrl+o")
        await _type(pilot, "#preset-filter", "old")
        await _key(pilot, "f2")
        await _type(pilot, "#new-name", "new-name")
        await _key(pilot, "enter")
        assert presets.preset_path("new-name").exists()
        assert not presets.preset_path("old-name").exists()

        await _type(pilot, "#preset-filter", "doomed")
        await _key(pilot, "ctrl+d")
        assert isinstance(app.screen, ConfirmScreen)
        await _click(pilot, "#cancel")
        assert presets.preset_path("doomed").exists()
        await _key(pilot, "ctrl+d")
        await _click(pilot, "#confirm")
        assert not presets.preset_path("doomed").exists()
        assert isinstance(app.screen, PresetOpenScreen)
        assert 'Deleted "doomed"' in str(app.screen.query_one("#open-message").render())


async def test_import_pasted_json_replaces_the_draft() -> None:
    app = _app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "f6")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one(TextArea).load_text(json.dumps(BODY, indent=2))
        await _click(pilot, "#import")
        assert not isinstance(app.screen, ImportScreen)
        assert app.draft.body == BODY
        assert UNSAVED_MARK in app.title


async def test_malformed_import_says_where_and_changes_nothing() -> None:
    app = _app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        revision = app.draft.revision
        await _key(pilot, "f6")
        app.screen.query_one(TextArea).load_text('{\n  "cname": "x",\n  "uid": \n}')
        await _click(pilot, "#import")
        assert isinstance(app.screen, ImportScreen)
        message = str(app.screen.query_one("#import-message").render())
        assert "line 4, column 1" in message and "nothing changed" in message
        await _key(pilot, "escape")
        assert app.draft.body == {"cname": "before", "uid": "1"}
        assert app.draft.revision == revision


@pytest.mark.parametrize("store_them", [True, False])
async def test_import_asks_before_storing_curl_credentials(store_them: bool) -> None:
    url = "https://api.agora.io/v1/apps/appid1/cloud_recording/resourceid/r/mode/mix/start"
    command = f"curl -X POST {url} -u cid-TUI:csecret-TUI -d '{json.dumps(BODY)}'"
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "f6")
        app.screen.query_one(TextArea).load_text(command)
        await _click(pilot, "#import")
        assert isinstance(app.screen, ImportScreen)
        assert "customer ID and secret" in str(app.screen.query_one("#import-message").render())
        await _click(pilot, "#store-credentials" if store_them else "#drop-credentials")
        assert not isinstance(app.screen, ImportScreen)
        store = app.files.store
        assert (store.get(CUSTOMER_ID_ENTRY) == "cid-TUI") is store_them
        assert (store.get(CUSTOMER_SECRET_ENTRY) == "csecret-TUI") is store_them
        # The customer's App ID and host are information: the draft stays on the sandbox.
        assert (app.draft.app_id, app.draft.endpoint) == ("", "sandbox")
        assert app.draft.body == BODY


async def test_export_is_masked_and_falls_back_to_a_file_without_osc52(
    rec_tui_home: Path,
) -> None:
    app = _app()
    token = BODY["clientRequest"]["token"]
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "ctrl+e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert json.loads(screen.text)["clientRequest"]["token"] == "${REC_TUI_TOKEN}"
        next(b for b in screen.query(RadioButton) if b.name == "shell").value = True
        await pilot.pause()
        assert "post acquire" in screen.text and token not in screen.text
        # The draft sends to the built-in sandbox: the dialog says to serve it.
        assert "rec-tui sandbox serve --port 8765" in str(
            screen.query_one("#export-message").render()
        )
        next(b for b in screen.query(RadioButton) if b.name == "curl").value = True
        await pilot.pause()
        assert "${REC_TUI_TOKEN}" in screen.text and token not in screen.text
        await _click(pilot, "#copy")  # a headless app has no terminal to copy through
        message = str(screen.query_one("#export-message").render())
        assert "no OSC 52" in message and "Saved the curl export to" in message
        written = list((rec_tui_home / "data" / "exports").glob("*.sh"))
        assert len(written) == 1 and written[0].read_text() == screen.text

        screen.query_one("#reveal", Switch).value = True
        await pilot.pause()
        assert token in screen.text
        await _click(pilot, "#save-file")
        assert "never written to a file" in str(screen.query_one("#export-message").render())
        assert len(list((rec_tui_home / "data" / "exports").glob("*"))) == 1


async def test_export_copies_by_osc52_when_the_terminal_can(
    monkeypatch: pytest.MonkeyPatch, rec_tui_home: Path
) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        allow_osc52(monkeypatch, app)
        await _key(pilot, "ctrl+e")
        await _click(pilot, "#copy")
        assert app.clipboard == app.screen.text  # type: ignore[attr-defined]
        assert "clipboard (OSC 52)" in str(app.screen.query_one("#export-message").render())
        assert not (rec_tui_home / "data" / "exports").exists()


async def test_quit_with_unsaved_changes_asks() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        _edit_cname(app, "edited")
        await _key(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await _click(pilot, "#cancel")
        assert app.is_running
        await _key(pilot, "ctrl+q")
        await _click(pilot, "#confirm")
    assert app.return_code == 0


async def test_quit_without_changes_does_not_ask() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "ctrl+q")
    assert not app.is_running


async def test_the_keyring_status_is_shown_and_the_explanation_once() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The first screen stays as it is: nothing is said before secrets are needed.
        assert not [n for n in app._notifications if "keyring" in n.message]
        await _key(pilot, "ctrl+e")
        await pilot.pause()
        assert app.sub_title == "Secrets: memory only, not saved (no usable keyring)"
        # Explained once, inside the dialog that needed the secrets (issue 12), not a toast.
        explanations = [str(w.render()) for w in app.screen.query(".dialog-explanation")]
        assert len(explanations) == 1 and "No usable keyring" in explanations[0]
        await pilot.press("escape")
        await pilot.press("f6")  # using the store again does not repeat it
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query(".dialog-explanation")
        assert not [n for n in app._notifications if "No usable keyring" in n.message]


async def test_import_from_a_file_path(tmp_path: Path) -> None:
    log = tmp_path / "customer.log"
    log.write_text(f"12:00:01 INFO start body={json.dumps(BODY)}\n12:00:02 INFO done\n")
    app = _app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await _key(pilot, "f6")
        await _type(pilot, "#import-path", str(log))
        await _click(pilot, "#import")
        assert not isinstance(app.screen, ImportScreen)
        assert app.draft.body == BODY
        await _key(pilot, "f6")
        await _type(pilot, "#import-path", str(tmp_path / "missing.json"))
        await _click(pilot, "#import")
        assert "no such file" in str(app.screen.query_one("#import-message").render())


async def test_an_unreadable_preset_is_listed_and_opening_it_says_why() -> None:
    from rec_tui.store.paths import presets_dir

    presets.save(_app().draft, "good", MemoryStore(persistent=True), description="fine")
    (presets_dir() / "broken.toml").write_text('format = 1\nname = "broken"\nmode = mix\n', "utf-8")
    app = _app({"cname": "x", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        app.files.mark_saved()
        await _key(pilot, "ctrl+o")
        assert isinstance(app.screen, PresetOpenScreen)
        table = app.screen.query_one(DataTable)
        rows = {table.get_row_at(i)[0]: table.get_row_at(i)[2] for i in range(table.row_count)}
        assert rows == {"broken": "(cannot be read)", "good": "fine"}
        await _type(pilot, "#preset-filter", "broken")
        await _key(pilot, "enter")
        # Not opened: the reason names the file and the line; the draft is untouched.
        shown = [n.message for n in app._notifications if n.title == "Not opened"]
        assert len(shown) == 1 and "broken.toml" in shown[0] and "line 3" in shown[0]
        assert app.draft.body == {"cname": "x", "uid": "1"}


async def test_the_open_dialog_filters_as_typed_and_down_goes_to_the_list() -> None:
    for name in ("acme-mix", "acme-web", "other"):
        presets.save(_app({"cname": name, "uid": "1"}).draft, name, MemoryStore())
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        app.files.mark_saved()
        await _key(pilot, "ctrl+o")
        screen = app.screen
        assert isinstance(screen, PresetOpenScreen)
        field, table = screen.query_one("#preset-filter", Input), screen.query_one(DataTable)
        assert app.focused is field  # after the list arrived, still the filter
        await pilot.press("a", "c", "m")
        assert field.value == "acm" and table.row_count == 2
        await pilot.press("down")
        assert app.focused is table
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("e")  # typing in the list goes on filtering
        assert app.focused is field and field.value == "acme"
        await pilot.press("down", "up")  # Up from the first row: back to the filter
        assert app.focused is field
        await pilot.press("down", "down", "enter")
        await _listed(pilot)
        assert app.files.preset_name == "acme-web"


@pytest.mark.parametrize(
    ("key", "dialog", "text", "buttons"),
    [
        ("f6", ImportScreen, "#import-text", ("#import", "#cancel")),
        ("ctrl+e", ExportScreen, "#export-text", ("#copy", "#save-file", "#close")),
    ],
)
async def test_import_and_export_fit_80x24_with_the_keyring_explanation(
    key: str, dialog: type, text: str, buttons: tuple[str, ...]
) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _key(pilot, key)
        screen = app.screen
        assert isinstance(screen, dialog)
        assert screen.query(".dialog-explanation")  # the first dialog of a run without keyring
        visible = screen.region
        area = screen.query_one(text, TextArea)
        assert area.content_region.height >= 2 and visible.contains_region(area.region)
        for button in buttons:
            assert visible.contains_region(screen.query_one(button, Button).region)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_open_dialog_keeps_rows_of_the_list_in_view_under_the_keyring_notice(
    language: Language, tmp_path: Path
) -> None:
    # Without a keyring the dialog explains that first; at 80×24 (in Chinese, six lines of
    # it) the list was left the height of its header alone, its presets out of sight.
    for name in ("alpha", "beta", "gamma"):
        presets.save(_app().draft, name, MemoryStore(), description=name)
    activate(language, tmp_path)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _key(pilot, "ctrl+o")
        await _listed(pilot)
        screen = app.screen
        assert isinstance(screen, PresetOpenScreen)
        assert screen.query(".dialog-explanation")  # the notice is there
        keys = screen.query_one("#open-keys", Label)
        assert keys.size.height >= 2  # the keys wrap instead of being cut at 80 columns
        assert keys.size.width <= screen.query_one(DataTable).size.width
        await pilot.press("down")
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert app.focused is table
        geometry = screen.find_widget(table)
        in_view = geometry.region.intersection(geometry.clip).intersection(screen.region)
        assert in_view.height >= 4  # the header and three presets
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PresetOpenScreen)


async def test_the_quit_question_names_the_file_the_wizard_opened(tmp_path: Path) -> None:
    body = tmp_path / "ticket.json"
    body.write_text('{"cname": "room", "uid": "527841", "clientRequest": {}}', encoding="utf-8")
    app = _app()
    app.files.adopt(None, str(body))
    async with app.run_test(size=SIZE) as pilot:
        _edit_cname(app, "edited")
        await _key(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert 'unsaved changes to "ticket.json"' in app.screen.question
        await _click(pilot, "#cancel")
