"""Issue 12: sending is keyboard-complete and its answers are in view and in words."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from rec_tui.tui.controllers.commands import wizard_commands
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.row_input import MASK
from rec_tui.tui.widgets.running_list import RunningList
from tests.support.keyring_service import no_keyring
from tests.support.sending import FakeTime, make_sandbox
from tests.tui.test_tui_send import make_app, outcome, settle

__all__ = ["no_keyring"]


def _app(mode: str = "mix", step: str = "session") -> Any:
    time = FakeTime()
    return make_app(mode, time, make_sandbox(time), start_step=step)


def _in_view(app: Any, widget: Any) -> bool:
    form = next(f for f in app.query(StepForm) if f.display and f.is_on_screen)
    return bool(widget.region.area) and form.content_region.contains_region(widget.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_after_ctrl_r_the_answer_is_in_view(size: tuple[int, int]) -> None:
    app = _app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        await pilot.pause()
        answer = app.query_one("#send-outcome", Static)
        assert outcome(app).startswith("✓ Recording: status")
        assert _in_view(app, answer)


async def test_query_and_stop_by_key_answer_in_words() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        assert "(recording in progress)" in outcome(app) or "(all components ready)" in outcome(app)
        assert "files" in outcome(app)
        running = str(app.query_one(RunningList).render())
        assert "(recording in progress)" in running or "(all components ready)" in running
        assert _in_view(app, app.query_one("#send-outcome"))
        await pilot.press("ctrl+t")
        await settle(pilot, app)
        assert outcome(app).startswith("✓ Stopped: upload imitated by the sandbox")


async def test_a_recording_the_query_does_not_find_says_so_in_the_running_list() -> None:
    time = FakeTime()
    sandbox = make_sandbox(time)
    app = make_app("mix", time, sandbox, start_step="session")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        sandbox.service.recordings.clear()  # the recorder has left the channel
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        running = str(app.query_one(RunningList).render())
        assert "Running recordings (1)" in running
        assert "the last query answered 404: ended, never began" in running


async def test_the_palette_offers_every_send_call_with_its_key() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        titles = [command.title for command in wizard_commands(app)]
        for wanted in (
            "Send: query the recording (Ctrl+G)",
            "Send: update the recording",
            "Send: update layout (Ctrl+L in the layout designer)",
            "Send: stop the recording (Ctrl+T)",
            "Copy exchange",
            "Focus the exchanges log",
        ):
            assert wanted in titles


async def test_the_exchanges_log_takes_focus_and_scrolls_by_keys() -> None:
    app = _app(step="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        await pilot.press("ctrl+g", "ctrl+g")
        await settle(pilot, app)
        log = app.query_one(ExchangeLog)
        app.sending.focus_log()
        await settle(pilot, app)
        assert app.focused is log
        assert _in_view(app, log)
        log.scroll_home(animate=False)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert log.scroll_y > 0
        # Copy exchange: the last one, as text, secrets masked.
        copied: list[str] = []
        app.copy_to_clipboard = copied.append
        app.sending.copy_exchange()
        assert copied and copied[0] == log.last_text and "query" in copied[0]


async def test_a_stale_failure_goes_when_its_cause_does(no_keyring: None) -> None:
    app = _app(step="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.draft.set("session.appId", "0123456789abcdef0123456789abcdef")
        endpoint = app.query_one("#send-endpoint", Select)
        endpoint.value = "global"
        await settle(pilot, app)
        app.sending.panel.request("start")
        await settle(pilot, app)
        assert outcome(app).startswith("✗ No customer ID and secret")
        endpoint.value = "sandbox"
        await settle(pilot, app)
        assert outcome(app) == ""


async def test_credentials_are_readable_and_masks_do_not_tell_the_length() -> None:
    app = _app(step="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.query_one("#send-endpoint", Select).value = "global"
        await settle(pilot, app)
        customer_id = app.query_one("#send-customer-id", Input)
        secret = app.query_one("#send-customer-secret", Input)
        assert customer_id.content_region.width >= 32
        for value in ("short", "a-much-longer-customer-secret-value"):
            secret.value = value
            customer_id.focus()
            await pilot.pause()
            shown = secret.render_line(0).text.strip()
            assert shown == MASK


async def test_the_send_buttons_are_one_row_like_the_fields() -> None:
    app = _app(step="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        for button in ("#send-start", "#send-query", "#send-stop", "#send-update"):
            assert app.query_one(button).region.height == 1, button


async def test_the_update_fields_side_by_side_are_a_column_apart() -> None:
    app = _app(step="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        for left, right in (
            ("#send-sub-audio", "#send-unsub-audio"),
            ("#send-sub-video", "#send-unsub-video"),
        ):
            first, second = app.query_one(left, Input), app.query_one(right, Input)
            # Their placeholders ran into each other ("…: 123,or unsubscribe audio uids").
            assert second.region.x >= first.region.right + 1
