"""The Send panel in the wizard's Review step, driven with Pilot against the sandbox."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.widgets import Button, Checkbox, Input, Select, Static

from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.request.draft import Draft
from rec_tui.request.redact import MASK
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.send_panel import SendPanel
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.secret_input import RevealToggle
from tests.support.keyring_service import no_keyring
from tests.support.sending import FakeTime, clean_body, make_sandbox
from tests.support.tui import click

__all__ = ["no_keyring"]

SIZE = (120, 60)


def make_app(
    mode: str, time: FakeTime, sandbox: SandboxTransport, start_step: str = "review"
) -> RecTuiApp:
    draft = Draft(mode=mode)  # type: ignore[arg-type]
    draft.replace_body(clean_body(mode))
    app = RecTuiApp(draft, start_step=start_step)
    # The panel is built when the Review step is: give it the test's sandbox and clock.
    app.sending.panel_options = {
        "transport": sandbox,
        "clock": time.clock,
        "sleep": time.sleep,
        "limiter": RateLimiter(clock=time.clock),
    }
    return app


def sandboxed_app(mode: str) -> tuple[SandboxTransport, RecTuiApp]:
    """The wizard at the Review step, its Send panel on a fresh sandbox and fake clock."""
    time = FakeTime()
    sandbox = make_sandbox(time)
    return sandbox, make_app(mode, time, sandbox)


async def settle(pilot: Any, app: RecTuiApp) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def outcome(app: RecTuiApp) -> str:
    return str(app.query_one("#send-outcome", Static).render())


def log_text(app: RecTuiApp) -> str:
    log = app.query_one(ExchangeLog)
    return log.text


async def press(pilot: Any, app: RecTuiApp, button_id: str) -> None:
    button = app.query_one(f"#{button_id}", Button)
    button.scroll_visible(animate=False)
    await pilot.pause()
    button.press()
    await settle(pilot, app)


async def press_and_confirm(pilot: Any, app: RecTuiApp, button_id: str = "send-start") -> None:
    """Press the button, then say yes (``y``) to the real-endpoint question it brings."""
    from rec_tui.tui.screens.send_confirm import SendConfirmScreen

    button = app.query_one(f"#{button_id}", Button)
    button.scroll_visible(animate=False)
    await pilot.pause()
    button.press()
    for _ in range(20):
        await pilot.pause()
        if isinstance(app.screen, SendConfirmScreen):
            break
    assert isinstance(app.screen, SendConfirmScreen), "no question before a real send"
    await pilot.press("y")
    await settle(pilot, app)


async def test_send_panel_runs_the_mix_lifecycle_against_the_sandbox() -> None:
    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        panel = app.query_one(SendPanel)
        assert app.query_one("#send-endpoint", Select).value == "sandbox"
        await press(pilot, app, "send-start")
        assert outcome(app).startswith("✓ Recording: status 4 (all components ready)"), outcome(app)
        assert len(panel.running) == 1
        assert "Running recordings (1)" in str(app.query_one("#send-running", Static).render())
        log = log_text(app)
        assert "acquire HTTP 200" in log and "start HTTP 200" in log and "x-request-id" in log
        assert MASK in log and "SKEXAMPLE0001" not in log and "sandbox-secret" not in log
        assert f"Authorization: Basic {MASK}" in log

        app.query_one("#send-sub-audio", Input).value = "123"
        await press(pilot, app, "send-update")
        assert outcome(app) == "✓ Update accepted."
        await press(pilot, app, "send-update-layout")
        assert outcome(app) == "✓ Layout updated."
        await press(pilot, app, "send-stop")
        # "uploaded (every file is in your storage)" would read as proof the storage works,
        # on a "nothing was recorded" ticket above all.
        said = outcome(app)
        assert said.startswith("✓ Stopped: upload imitated by the sandbox (no storage was tried)")
        assert "every file is in your storage" not in said
        assert not panel.running and not sandbox.service.running


async def test_failures_are_explained_in_place() -> None:
    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-query")
        assert "No recording is running" in outcome(app)
        sandbox.faults.inject("server_error", times=None, status=500)
        await press(pilot, app, "send-start")
        text = outcome(app)
        assert text.startswith("✗ acquire failed: HTTP 500, code 62")
        assert "Meaning:" in text and "Check:" in text


async def test_a_body_with_errors_is_not_sent() -> None:
    sandbox, app = sandboxed_app("mix")
    app.draft.set("uid", 527841)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert "not sent: the request has errors" in outcome(app)
        assert "uid" in outcome(app)
    assert [s.call for s in sandbox.seen] == []


async def test_a_refused_body_can_be_sent_anyway_to_see_agoras_answer() -> None:
    sandbox, app = sandboxed_app("mix")
    app.draft.set("clientRequest.recordingConfig.channelType", 5)  # as the customer sent it
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        anyway = app.query_one("#send-anyway", Button)
        assert not anyway.display
        await press(pilot, app, "send-start")
        assert "not sent: the request has errors" in outcome(app)
        assert anyway.display and [s.call for s in sandbox.seen] == []
        anyway.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        # The customer's symptom, reproduced: Agora's code 2 for the value the checks named.
        assert outcome(app).startswith("✗ start failed: HTTP 400, code 2"), outcome(app)
        assert [s.call for s in sandbox.seen] == ["acquire", "start"]
        assert not anyway.display
        await press(pilot, app, "send-start")
        assert anyway.display
        app.draft.set("clientRequest.recordingConfig.channelType", 0)  # the body changed
        await settle(pilot, app)
        assert not anyway.display


async def test_endpoint_app_id_and_acquire_options_go_into_the_draft() -> None:
    time = FakeTime()
    app = make_app("web", time, make_sandbox(time))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.query_one("#send-endpoint", Select).value = "region"
        app.query_one("#send-region-host", Select).value = "api-eu-west-1"
        app.query_one("#send-app-id", Input).value = "my-app"
        app.query_one("#send-expired-hour", Input).value = "24"
        app.query_one("#send-acquire-region", Select).value = "EU"
        await settle(pilot, app)
        assert "scene 1" in str(app.query_one("#send-scene").render())
        assert not app.query_one("#send-customer-id", Input).has_class("-hidden")
    assert app.draft.endpoint == "region:api-eu-west-1"
    assert app.draft.app_id == "my-app"
    assert app.draft.acquire_options == {"resourceExpiredHour": 24, "region": "EU"}


async def test_ctrl_r_goes_to_review_and_sends() -> None:
    time = FakeTime()
    sandbox = make_sandbox(time)
    app = make_app("mix", time, sandbox, start_step="session")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert app.current_step == "review"
        assert outcome(app).startswith("✓ Recording: status 4 (all components ready)")
    assert len(sandbox.service.running) == 1


async def test_ctrl_q_while_recording_asks_and_leave_running_quits() -> None:
    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        await pilot.press("ctrl+q")
        await pilot.pause()
        from rec_tui.tui.screens.stop_before_quit import StopBeforeQuitScreen

        assert isinstance(app.screen, StopBeforeQuitScreen)
        # The built-in sandbox bills nobody: the question does not say it costs money.
        question = str(app.screen.query_one("#question", Static).render())
        assert "sandbox recording is still running" in question
        assert "billed to nobody" in question and "money" not in question
        leave = app.screen.query_one("#leave", Button)
        assert str(leave.label) == "Quit without stopping"  # not "leave running": it ends
        leave.press()
        await settle(pilot, app)
    assert len(sandbox.service.running) == 1  # left running, as chosen


async def test_quitting_with_a_recording_on_agora_running_says_it_costs_money() -> None:
    from rec_tui.tui.screens.stop_before_quit import StopBeforeQuitScreen

    _, app = sandboxed_app("mix")  # answers for any host name, here Agora's
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await switch_to_agora(pilot, app, with_credentials=True)
        await press_and_confirm(pilot, app)
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, StopBeforeQuitScreen)
        question = str(app.screen.query_one("#question", Static).render())
        assert question.startswith("1 recording is still running")
        assert "costing the customer money" in question and "sandbox" not in question
        assert str(app.screen.query_one("#leave", Button).label) == "Quit, leave running"
        await pilot.press("escape")


async def test_quitting_while_recording_offers_to_stop_first() -> None:
    sandbox, app = sandboxed_app("individual")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert len(sandbox.service.running) == 1
        quits: list[bool] = []
        app.sending.before_quit(lambda: quits.append(True))
        await pilot.pause()
        from rec_tui.tui.screens.stop_before_quit import StopBeforeQuitScreen

        assert isinstance(app.screen, StopBeforeQuitScreen)
        app.screen.query_one("#stop", Button).press()
        await settle(pilot, app)
        assert quits == [True]
    assert not sandbox.service.running


async def test_agora_endpoint_needs_credentials_and_uses_typed_ones() -> None:
    sandbox, app = sandboxed_app("mix")  # answers for any host name, here Agora's
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.query_one("#send-endpoint", Select).value = "global"
        app.query_one("#send-app-id", Input).value = "my-app"
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert "No customer ID and secret" in outcome(app)
        assert sandbox.seen == []
        type_sandbox_credentials(app)
        await press_and_confirm(pilot, app)
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        assert {seen.host for seen in sandbox.seen} == {"api.agora.io"}
        await press(pilot, app, "send-keep")
        assert "Customer ID and secret kept in" in outcome(app)
        assert "sandbox-secret" not in log_text(app)
    assert app.draft.endpoint == "global" and app.draft.app_id == "my-app"


async def test_stop_ends_the_wait_for_recording_to_begin() -> None:
    sandbox, app = sandboxed_app("mix")
    gate = asyncio.Event()

    async def slow_sleep(seconds: float) -> None:
        if seconds >= 1.0:
            await gate.wait()  # the 5 s wait before the first query never ends by itself

    from rec_tui.agora.lifecycle import PollPlan

    app.sending.panel_options |= {"sleep": slow_sleep, "poll": PollPlan()}
    async with app.run_test(size=SIZE) as pilot:
        await settle_briefly(pilot)
        panel = app.query_one(SendPanel)
        panel.request("start")
        for _ in range(50):
            await pilot.pause()
            if panel.current is not None:
                break
        assert panel.busy == "start" and panel.current is not None
        assert not panel.request("query")  # refused while start waits
        assert panel.request("stop")
        await settle(pilot, app)
        assert outcome(app).startswith("✓ Stopped")
    assert not sandbox.service.running


async def settle_briefly(pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()


# --- credentials: the wizard's one secret store ------------------------------------------


def record_notices(app: RecTuiApp) -> list[str]:
    """Every notification the app shows as "title: message" (the real notify still runs)."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *, title: str = "", **options: Any) -> None:
        shown.append(f"{title}: {message}")
        notify(message, title=title, **options)

    app.notify = recording  # type: ignore[method-assign]
    return shown


async def switch_to_agora(pilot: Any, app: RecTuiApp, *, with_credentials: bool = False) -> None:
    """Send to Agora's global hosts (the sandbox answers for them), App ID my-app;
    ``with_credentials``: the sandbox's customer ID and secret typed in."""
    app.query_one("#send-endpoint", Select).value = "global"
    app.query_one("#send-app-id", Input).value = "my-app"
    await settle(pilot, app)
    if with_credentials:
        type_sandbox_credentials(app)


def type_sandbox_credentials(app: RecTuiApp) -> None:
    app.query_one("#send-customer-id", Input).value = "sandbox"
    app.query_one("#send-customer-secret", Input).value = "sandbox-secret"


@pytest.mark.usefixtures("no_keyring")
async def test_without_keyring_send_finds_secrets_kept_earlier_in_the_session() -> None:
    from rec_tui.store.secrets import CUSTOMER_ID_ENTRY, CUSTOMER_SECRET_ENTRY

    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        await settle(pilot, app)
        # As an import from a customer's curl command would keep them (memory, no keyring).
        store = app.files.store
        assert not store.persistent
        store.set(CUSTOMER_ID_ENTRY, "sandbox")
        store.set(CUSTOMER_SECRET_ENTRY, "sandbox-secret")
        await switch_to_agora(pilot, app)
        customer_id = app.query_one("#send-customer-id", Input)
        secret = app.query_one("#send-customer-secret", Input)
        assert customer_id.value == "sandbox"
        assert secret.value == "sandbox-secret" and secret.password
        source = str(app.query_one("#send-credentials-source", Static).render())
        assert "typed earlier in this session" in source
        reveal = app.query_one("#send-reveal", RevealToggle)
        await click(pilot, reveal)
        assert not secret.password
        assert str(reveal.render()) == "Hide"
        await pilot.pause(0.3)  # a second click at once would count as a double click
        await click(pilot, reveal)
        assert secret.password
        await press_and_confirm(pilot, app)
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        assert {seen.host for seen in sandbox.seen} == {"api.agora.io"}
    assert len([n for n in notices if n.startswith("No keyring: ")]) == 1


@pytest.mark.usefixtures("no_keyring")
async def test_without_keyring_the_panel_says_where_credentials_come_from() -> None:
    from rec_tui.store.secrets import CUSTOMER_ID_ENTRY, CUSTOMER_SECRET_ENTRY

    time = FakeTime()
    app = make_app("mix", time, make_sandbox(time))
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        await settle(pilot, app)
        await switch_to_agora(pilot, app)
        source = str(app.query_one("#send-credentials-source", Static).render())
        assert "No keyring" in source and "this session only" in source
        assert "AGORA_CUSTOMER_ID" in source and "AGORA_CUSTOMER_SECRET" in source
        assert str(app.query_one("#send-keep", Button).label) == "Keep for this session"
        app.query_one("#send-customer-id", Input).value = "typed-id"
        app.query_one("#send-customer-secret", Input).value = "typed-secret-5521"
        await press(pilot, app, "send-keep")
        assert outcome(app) == "✓ Customer ID and secret kept in memory only, for this session."
        store = app.files.store
        assert store.get(CUSTOMER_ID_ENTRY) == "typed-id"
        assert store.get(CUSTOMER_SECRET_ENTRY) == "typed-secret-5521"
    assert len([n for n in notices if n.startswith("No keyring: ")]) == 1


@pytest.mark.usefixtures("no_keyring")
async def test_credentials_from_the_environment_fill_the_fields_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AGORA_CUSTOMER_ID", "sandbox")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "sandbox-secret")
    time = FakeTime()
    app = make_app("mix", time, make_sandbox(time))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await switch_to_agora(pilot, app)
        source = str(app.query_one("#send-credentials-source", Static).render())
        assert source == "Customer ID and secret from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET."
        assert app.query_one("#send-customer-secret", Input).password
        await press_and_confirm(pilot, app)
        assert outcome(app).startswith("✓ Recording"), outcome(app)


# --- polling, updates checked before sending, stop sync/async ----------------------------


def calls(sandbox: SandboxTransport) -> list[str]:
    return [seen.call for seen in sandbox.seen]


class QueryStatuses:
    """An Agora stand-in whose query answers walk through ``statuses`` (the last repeats)."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.calls: list[str] = []

    def __call__(self, request: Any) -> Any:
        import httpx

        path = request.url.path
        self.calls.append(path.rsplit("/", 1)[-1])
        ids = {"resourceId": "rid-poll", "sid": "sid-poll"}
        if path.endswith("/acquire"):
            return httpx.Response(200, json={"resourceId": "rid-poll"})
        if path.endswith("/start"):
            return httpx.Response(200, json=ids)
        status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        return httpx.Response(200, json={**ids, "serverResponse": {"status": status}})


async def test_start_polls_query_on_the_documented_schedule_until_recording_begins() -> None:
    import httpx

    from rec_tui.agora.lifecycle import PollPlan

    time = FakeTime()
    service = QueryStatuses(1, 2, 3, 5)
    app = make_app("mix", time, make_sandbox(time))
    app.sending.panel_options |= {
        "transport": httpx.MockTransport(service),
        "poll": PollPlan(),  # 5 s, then 2, 3, 5, 10, 15 s
    }
    began = time.now
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert outcome(app) == "✓ Recording: status 5 (recording in progress); sid sid-poll.", (
            outcome(app)
        )
    assert service.calls == ["acquire", "start", "query", "query", "query", "query"]
    pauses = [pause for pause in time.sleeps if pause >= 1.0]  # not the limiter's spacing
    assert pauses == [5.0, 2.0, 3.0, 5.0]
    assert time.now - began >= 15.0


async def test_a_recording_that_never_begins_is_reported_after_90_s_and_stays_listed() -> None:
    import httpx

    from rec_tui.agora.lifecycle import PollPlan

    time = FakeTime()
    app = make_app("mix", time, make_sandbox(time))
    app.sending.panel_options |= {
        "transport": httpx.MockTransport(QueryStatuses(2)),
        "poll": PollPlan(),
    }
    began = time.now
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert outcome(app).startswith("✗ Recording did not begin within 90 s (last status 2)"), (
            outcome(app)
        )
        # Still listed: it was started and may cost money until it is stopped.
        assert [s.sid for s in app.query_one(SendPanel).running] == ["sid-poll"]
    assert 75 <= time.now - began <= 90


async def test_a_bad_subscription_update_is_refused_with_the_rule_message_and_not_sent() -> None:
    from rec_tui.request.call_checks import check_update

    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        session = app.query_one(SendPanel).current
        assert session is not None
        sent_before = len(sandbox.seen)
        app.query_one("#send-sub-audio", Input).value = "123, #all"
        await press(pilot, app, "send-update")
        request = {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["123", "#all"]}}}
        (problem,) = [
            p
            for p in check_update(
                "mix",
                session.control_body(request),
                acquire=session.acquire_body,
                start_body=session.start_body,
            )
            if p.is_error
        ]
        text = outcome(app)
        assert text.startswith("✗ ") and problem.message in text and problem.rule_id in text
        assert len(sandbox.seen) == sent_before  # nothing sent
        app.query_one("#send-sub-audio", Input).value = "123"
        await press(pilot, app, "send-update")
        assert outcome(app) == "✓ Update accepted."
        assert calls(sandbox)[-1] == "update"


async def test_web_update_onhold_is_sent_and_a_cdn_url_without_cdn_push_is_refused() -> None:
    sandbox, app = sandboxed_app("web")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        app.query_one("#send-onhold", Checkbox).value = True
        await press(pilot, app, "send-update")
        assert outcome(app) == "✓ Update accepted."
        assert calls(sandbox)[-1] == "update"
        assert '"onhold": true' in log_text(app)
        sent_before = len(sandbox.seen)
        app.query_one("#send-cdn", Input).value = "rtmp://cdn.example/live/stream"
        await press(pilot, app, "send-update")
        text = outcome(app)
        assert text.startswith("✗ ") and "R119" in text and "rtmp_publish_service" in text
        assert len(sandbox.seen) == sent_before


async def test_stop_async_sends_async_stop_and_ends_the_recording() -> None:
    sandbox, app = sandboxed_app("individual")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        await press(pilot, app, "send-stop-async")
        assert outcome(app).startswith("✓ Stopped"), outcome(app)
        assert '"async_stop": true' in log_text(app)
        assert not app.query_one(SendPanel).running
    assert calls(sandbox)[-1] == "stop" and not sandbox.service.running


async def test_ctrl_q_stop_first_then_quits_and_a_failed_stop_keeps_the_app_open() -> None:
    from rec_tui.tui.screens.stop_before_quit import StopBeforeQuitScreen

    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        notices = record_notices(app)
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        sandbox.faults.inject("server_error", call="stop", times=None, status=503)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, StopBeforeQuitScreen)
        app.screen.query_one("#stop", Button).press()
        await settle(pilot, app)
        # Not stopped, so not quit: leaving would let the recording run unattended.
        assert app.is_running and len(app.query_one(SendPanel).running) == 1
        assert "stop failed" in outcome(app)
        assert ": Some recordings could not be stopped; see the Send step." in notices
        sandbox.faults.clear()
        await pilot.press("ctrl+q")
        await pilot.pause()
        app.screen.query_one("#stop", Button).press()
        await settle(pilot, app)
    assert app.return_code == 0 and not sandbox.service.running


async def test_the_first_send_to_agora_asks_first_and_enter_does_not_send() -> None:
    from rec_tui.tui.screens.send_confirm import SendConfirmScreen

    sandbox, app = sandboxed_app("mix")  # answers for any host name, here Agora's
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await switch_to_agora(pilot, app, with_credentials=True)
        app.query_one("#send-start", Button).press()
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, SendConfirmScreen):
                break
        assert isinstance(app.screen, SendConfirmScreen)
        assert "api.agora.io" in app.screen.question and "my-app" in app.screen.question
        await pilot.press("enter")  # the focused button is Cancel
        await settle(pilot, app)
        assert sandbox.seen == []
        assert "cancelled" in outcome(app)
        await press_and_confirm(pilot, app)
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        # Confirmed once for this host and App ID: the next start does not ask again.
        await press(pilot, app, "send-stop")
        await press(pilot, app, "send-start")
        assert not isinstance(app.screen, SendConfirmScreen)
        assert outcome(app).startswith("✓ Recording"), outcome(app)


async def test_a_recording_is_stopped_where_it_was_started_after_the_endpoint_changes() -> None:
    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await press(pilot, app, "send-start")
        assert outcome(app).startswith("✓ Recording"), outcome(app)
        started_on = {seen.host for seen in sandbox.seen}
        # Now point the draft at Agora (no credentials there): the stop still works.
        await switch_to_agora(pilot, app)
        await press(pilot, app, "send-stop")
        assert outcome(app).startswith("✓ Stopped"), outcome(app)
        stops = [seen for seen in sandbox.seen if seen.call == "stop"]
        assert stops and {seen.host for seen in stops} <= started_on
        assert "api.agora.io" not in {seen.host for seen in sandbox.seen}
        assert app.sending.panel is not None and not app.sending.panel.running


async def test_ctrl_r_to_agora_with_a_new_panel_asks_first_instead_of_failing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.tui.screens.send_confirm import SendConfirmScreen

    monkeypatch.setenv("AGORA_CUSTOMER_ID", "sandbox")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "sandbox-secret")
    time = FakeTime()
    sandbox = make_sandbox(time)
    app = make_app("mix", time, sandbox, start_step="session")
    app.draft.set_many(
        [("session.endpoint", "global"), ("session.appId", "my-app")], description="agora"
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # builds the Review step and its panel, then sends
        for _ in range(30):
            await pilot.pause()
            if isinstance(app.screen, SendConfirmScreen):
                break
        assert isinstance(app.screen, SendConfirmScreen), outcome(app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert "cancelled" in outcome(app) and sandbox.seen == []


@pytest.mark.parametrize(
    ("endpoint", "said", "not_said"),
    [
        ("global", "This reaches a real Agora project", "not one of Agora's hosts"),
        ("http://127.0.0.1:8765", "127.0.0.1:8765 is not one of Agora's hosts", "real Agora"),
    ],
)
async def test_the_send_question_says_real_agora_only_of_agoras_hosts(
    endpoint: str, said: str, not_said: str
) -> None:
    from rec_tui.tui.screens.send_confirm import SendConfirmScreen

    _, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.push_screen(SendConfirmScreen.for_endpoint(endpoint, "my-app"))
        await pilot.pause()
        detail = str(app.screen.query_one("#send-detail", Static).render())
        assert said in detail and not_said not in detail
