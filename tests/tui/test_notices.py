"""Issue 12: notices never cover the work — the missing keyring is explained once, in a
dialog the user dismisses, then only in the status line; toasts are few and brief."""

from __future__ import annotations

from textual.widgets import Static

from rec_tui.store.secrets import MemoryStore, OpenedStore
from rec_tui.tui.notices import LONGEST, MOST_SHOWN
from rec_tui.tui.screens.notice import NoticeScreen
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from rec_tui.tui.widgets.secrets_status import SecretsStatus
from tests.support.tui import make_app
from tests.support.tui_scenes import mix_body, settle

NO_KEYRING = "No usable keyring: no keyring service was found."


def _without_keyring(app: object) -> None:
    opened = OpenedStore(MemoryStore(), NO_KEYRING)
    files = app.files  # type: ignore[attr-defined]
    files._opened_store = opened
    files.start = lambda: files.show_status(opened)


async def test_no_keyring_is_explained_once_in_a_dialog_then_in_the_status_line() -> None:
    app = make_app(mix_body())
    _without_keyring(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "memory only" in str(app.query_one(SecretsStatus).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        # On top of the Save dialog, so it is read before the dialog it explains.
        assert isinstance(app.screen, NoticeScreen)
        assert NO_KEYRING in str(app.screen.query_one("#notice-text", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        # Where there is no keyring the Save dialog does not claim there is one.
        message = str(app.screen.query_one("#save-message", Static).render())
        assert "stored in the keyring" not in message and "No keyring" in message
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)  # not explained a second time
        assert not any(NO_KEYRING in n.message for n in app._notifications)


async def test_toasts_last_a_few_seconds_and_never_stack_deep() -> None:
    app = make_app(mix_body())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("one", timeout=30)
        app.notify("two", severity="error", timeout=30)
        app.notify("three", severity="warning")
        await pilot.pause()
        shown = list(app._notifications)
        assert [n.message for n in shown] == ["two", "three"][-MOST_SHOWN:]
        assert all(n.timeout <= LONGEST[n.severity] for n in shown)
        assert max(n.timeout for n in shown) <= 8
