"""An unexpected error: a short scrubbed message, a scrubbed report, the draft kept for later."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from rec_tui.spec.rules.context import REC
from rec_tui.store.paths import data_dir
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.crash import recovery_path
from rec_tui.tui.screens.confirm import ConfirmScreen
from tests.support.tui import SIZE, make_app

SECRET = "decryption-secret-5f2c9a"
BODY: dict[str, Any] = {
    "cname": "room",
    "uid": "1",
    "clientRequest": {"recordingConfig": {"decryptionMode": 1, "secret": SECRET}},
}


def _rendered(app: RecTuiApp) -> str:
    console = Console(record=True, width=200)
    for renderable in app._exit_renderables:
        console.print(renderable)
    return console.export_text()


async def _crash(app: RecTuiApp, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: RecTuiApp) -> None:
        body = self.draft.body  # a local holding the secret, as real frames do
        raise RuntimeError(f"broken while showing {body['clientRequest']}")

    with monkeypatch.context() as patched, pytest.raises(RuntimeError):
        patched.setattr(RecTuiApp, "action_toggle_preview", broken)
        patched.setattr(RecTuiApp, "_print_error_renderables", lambda self: None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()


async def test_a_crash_shows_a_short_scrubbed_message_and_writes_a_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(BODY)
    await _crash(app, monkeypatch)
    assert app.return_code == 1
    shown = _rendered(app)
    assert "unexpected error: RuntimeError: broken while showing" in shown
    assert SECRET not in shown
    assert "locals" not in shown.lower() and "body = " not in shown
    reports = list(data_dir().glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in shown.replace("\n", "")
    report = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: broken while showing" in report
    assert SECRET not in report
    assert reports[0].stat().st_mode & 0o077 == 0


async def test_the_draft_is_kept_without_secrets_and_offered_at_the_next_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(BODY, app_id="app-of-the-customer")
    await _crash(app, monkeypatch)
    saved = recovery_path().read_text(encoding="utf-8")
    assert SECRET not in saved
    assert json.loads(saved)["body"]["cname"] == "room"

    again = RecTuiApp()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        again.screen.query_one("#confirm").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert again.draft.get("cname") == "room"
        assert again.draft.get(f"{REC}.decryptionMode") == 1
        assert again.draft.get(f"{REC}.secret") is None
        assert again.draft.app_id == "app-of-the-customer"
        assert again.draft.endpoint == "sandbox"
    assert not recovery_path().exists()


async def test_a_file_opened_by_name_is_not_replaced_by_the_recovery_offer(
    tmp_path: Path,
) -> None:
    recovery_path().parent.mkdir(parents=True, exist_ok=True)
    recovery_path().write_text(json.dumps({"mode": "mix", "body": {"cname": "old"}}))
    app = make_app(BODY)
    app.files.adopt(None, str(tmp_path / "ticket.txt"))  # rec-tui --open ticket.txt
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.draft.get("cname") == "room"
        said = [n.message for n in app._notifications]
        assert any("without --open" in m and "ticket.txt" in m for m in said), said
    assert recovery_path().exists()  # kept for a start without --open


async def test_declining_the_recovery_discards_it(tmp_path: Path) -> None:
    recovery_path().parent.mkdir(parents=True, exist_ok=True)
    recovery_path().write_text(json.dumps({"mode": "mix", "body": {"cname": "old"}}))
    app = RecTuiApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.draft.get("cname") != "old"
    assert not recovery_path().exists()


def test_the_recovery_copy_leaves_out_credentials_pasted_into_the_body() -> None:
    from rec_tui.tui.crash import without_secrets

    body = {"cname": "c", "clientRequest": {"customerSecret": "LEAK-CS", "Token": "LEAK-T"}}
    assert without_secrets(body) == {"cname": "c", "clientRequest": {}}
