"""Issue 12: notices never cover the work — the missing keyring is explained once, in the
dialog the user opened and dismisses, then only in the status line; toasts are few and brief."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from rec_tui.store.secrets import MemoryStore, OpenedStore, _fallback
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.notices import LONGEST, MOST_SHOWN, together
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from rec_tui.tui.widgets.problems_pane import ProblemsPane
from rec_tui.tui.widgets.secrets_status import SecretsStatus
from tests.support.tui import make_app
from tests.support.tui_scenes import mix_body, settle

NO_KEYRING = "No usable keyring: no keyring service was found."


def _without_keyring(app: object, notice: str = NO_KEYRING) -> None:
    opened = OpenedStore(MemoryStore(), notice)
    files = app.files  # type: ignore[attr-defined]
    files._opened_store = opened
    files.start = lambda: files.show_status(opened)


def _app_explaining_no_keyring() -> RecTuiApp:
    """A wizard without a keyring, explained as the store words it (five lines at 80×24)."""
    app = make_app(mix_body())
    _without_keyring(app, _fallback("no keyring service was found").notice or "")
    return app


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


async def test_the_same_notice_said_again_replaces_itself() -> None:
    app = make_app(mix_body())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.notify("other")
        for _ in range(3):
            await pilot.press("f2")  # on the first step: "This is the first step …"
            await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert len(messages) == 2 and messages[0] == "other", messages
        assert messages[1].startswith("This is the first step")


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


CURL_TICKET = (
    "Hi support, our recording fails:\n"
    "curl -X POST 'https://api.agora.io/v1/apps/4f2a9c1e8b7d4a6f9e3c2b1a0d9e8f7c/"
    "cloud_recording/resourceid/abc/mode/mix/start' \\\n"
    "  -H 'Content-Type: application/json' \\\n"
    "  -H 'Authorization: Basic NTQ3YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY6"
    "OWJhZGMwZmZlZTEyMzQ1Njc4OWFiY2RlZjAxMjM0NQ==' \\\n"
    """  -d '{"cname": "room-42", "uid": "527841", "clientRequest": {}}'\n"""
)


async def test_at_80x24_the_credentials_question_and_its_answers_are_on_the_screen(
    tmp_path: Path,
) -> None:
    """With the keyring explanation on top, the question of what to do with the customer's
    credentials and both answers fit the dialog at 80×24, and Tab moves between the answers
    only (the imported text is done with)."""
    from textual.widgets import Button

    ticket = tmp_path / "ticket.txt"
    ticket.write_text(CURL_TICKET, encoding="utf-8")
    app = _app_explaining_no_keyring()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("tab", *str(ticket), "enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        answers = [screen.query_one(f"#{name}-credentials", Button) for name in ("drop", "store")]
        # Inside the dialog's border and padding, where its children are drawn.
        visible = screen.query_one("Vertical").content_region
        for answer in answers:
            assert answer.region.area and visible.contains_region(answer.region), answer.id
        assert "customer ID and secret" in str(screen.query_one("#import-message").render())
        assert screen.focused is answers[0]
        await pilot.press("tab")
        assert screen.focused is answers[1]
        await pilot.press("tab")
        assert screen.focused is answers[0]


def test_notices_said_together_are_one_toast_when_they_would_not_all_fit() -> None:
    two = [("Opened a.json.", "information"), ("Mode: mix.", "warning")]
    assert together(two) == two
    four = [
        ("Mode: mix, from transcodingConfig.", "information"),
        ("Customer's endpoint: api.agora.io.", "information"),
        ("The customer ID and secret were dropped.", "warning"),
        ("Opened ticket.txt.", "information"),
    ]
    assert together(four) == [("\n".join(message for message, _ in four), "warning")]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_opening_a_ticket_shows_every_notice_it_has(size: tuple[int, int]) -> None:
    """The customer's endpoint and the dropped credentials are not pushed out of sight by
    the toasts that follow them, and the last line of the toast is drawn too."""
    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.launch import StoreOnFirstUse, build_draft
    from tests.tui.test_tui_launch import options

    ticket = Path(__file__).parents[1] / "data" / "tickets" / "no_token_404.txt"
    args = options(open_path=str(ticket))
    draft, notices = build_draft(args, StoreOnFirstUse())
    assert len(notices) > MOST_SHOWN
    app = RecTuiApp(draft, notices=notices)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = "\n".join(str(toast._notification.message) for toast in app.screen.query(Toast))
        for message, _ in notices:
            assert message in shown
        toast = app.screen.query_one(Toast)
        last_line = toast.render_line(toast.size.height - 1).text.strip()
        on_screen = re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")
        assert f"▌{last_line}" in on_screen  # not cut off


async def test_at_80x24_the_save_dialog_with_the_explanation_stays_on_the_screen() -> None:
    """With the keyring explanation on top the Save dialog is taller than 24 rows: it stays
    inside the screen, border and all, and Tab brings its buttons into view."""
    from textual.widgets import Button

    app = _app_explaining_no_keyring()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PresetSaveScreen)
        box = app.screen.query_one("Vertical")
        assert app.screen.region.contains_region(box.region)
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        save = app.screen.query_one("#save", Button)
        assert app.screen.focused is save
        assert box.content_region.contains_region(save.region)
