"""Issue 12: notices never cover the work — the missing keyring is explained once, in the
dialog the user opened and dismisses, then only in the status line; toasts are few and brief."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._toast import Toast

from rec_tui.store.secrets import MemoryStore, OpenedStore
from rec_tui.tui.notices import LONGEST, MOST_SHOWN
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from rec_tui.tui.widgets.problems_pane import ProblemsPane
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
        await pilot.pause()
        # In the Save dialog itself, read before its question, gone with it.
        assert isinstance(app.screen, PresetSaveScreen)
        explained = [str(w.render()) for w in app.screen.query(".dialog-explanation")]
        assert len(explained) == 1 and NO_KEYRING in explained[0]
        # Where there is no keyring the Save dialog does not claim there is one.
        message = str(app.screen.query_one("#save-message", Static).render())
        assert "stored in the keyring" not in message and "No keyring" in message
        # Typing goes to the name at once; the explanation took no focus.
        await pilot.press("x")
        assert app.screen.query_one("#preset-name").value.endswith("x")  # type: ignore[attr-defined]
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        assert not app.screen.query(".dialog-explanation")  # not explained a second time
        assert not any(NO_KEYRING in n.message for n in app._notifications)


async def test_toasts_last_a_few_seconds_and_never_stack_deep() -> None:
    app = make_app(mix_body())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify("one", timeout=30)
        app.notify("two", severity="error", timeout=30)
        app.notify("three", severity="warning")
        await pilot.pause()
        shown = list(app._notifications)
        assert [n.message for n in shown] == ["two", "three"][-MOST_SHOWN:]
        assert all(n.timeout <= LONGEST[n.severity] for n in shown)
        assert max(n.timeout for n in shown) <= 8
        # At the top right: never over the problems list.
        await pilot.pause()
        toasts = [t.region for t in app.screen.query(Toast) if t.region.area]
        assert toasts
        problems = app.query_one(ProblemsPane).region
        assert not any(region.overlaps(problems) for region in toasts)


async def test_without_a_keyring_the_import_dialog_does_not_offer_to_store_in_one() -> None:
    from textual.widgets import Button

    app = make_app(mix_body())
    _without_keyring(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await pilot.pause()
        label = str(app.screen.query_one("#store-credentials", Button).label)
        assert label == "Keep for this session"
