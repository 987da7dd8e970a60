"""The token in the Session step: checked as it is typed, and generated for the recorder."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from textual.widgets import Button

from rec_tui.sandbox.scenarios import sandbox_certificate
from rec_tui.tokens import build_rtc_token, check_token, verify_token
from rec_tui.tui.app import RecTuiApp
from tests.support.keyring_service import no_keyring
from tests.support.rules import CLEAN_BODIES
from tests.support.tui import SIZE, editor, make_app, type_into

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

CERTIFIED_APP_ID = "cafe" + "0123456789abcdef0123456789ab"
CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
RULE = "body.token.fits"


def body_without_token() -> dict[str, Any]:
    body = copy.deepcopy(CLEAN_BODIES["mix"])
    body["clientRequest"].pop("token")
    return body


def token_warnings(app: RecTuiApp) -> list[str]:
    return [p.message for p in app.problems if p.rule == RULE]


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_token_for_another_channel_warns_until_the_cname_fits() -> None:
    token = build_rtc_token(CERTIFIED_APP_ID, CERTIFICATE, "room-9", "527841")
    app = make_app(body_without_token(), app_id=CERTIFIED_APP_ID)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert token_warnings(app) == []
        await type_into(pilot, app, "clientRequest.token", token)
        [warning] = token_warnings(app)
        assert '"room-9"' in warning and '"demo"' in warning
        await type_into(pilot, app, "cname", "room-9")
        assert token_warnings(app) == []


async def test_generate_token_puts_a_verifying_token_in_the_draft_and_undo_takes_it() -> None:
    app = make_app(body_without_token(), app_id=CERTIFIED_APP_ID)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        button = app.query_one("#generate-token", Button)
        assert button.has_class("-offered") and button.display
        # One row, under the token's input (not a three-row block under one-row fields).
        token_input = editor(app, "clientRequest.token").query_one(".field-input")
        assert button.region.height == 1 and button.region.x == token_input.region.x
        await pilot.click("#generate-token")
        await pilot.pause()
        token = app.draft.get("clientRequest.token")
        certificate = sandbox_certificate(CERTIFIED_APP_ID)
        assert verify_token(token, certificate)
        assert check_token(token, CERTIFIED_APP_ID, "demo", "527841") == []
        assert token_warnings(app) == []
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "signed with the sandbox's certificate" in shown and certificate not in shown
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.draft.get("clientRequest.token") is None


async def test_no_token_is_generated_for_a_channel_name_the_recorder_cannot_join() -> None:
    body = body_without_token()
    body["cname"] = "r" * 64  # R11: an RTC channel name is under 64 bytes
    app = make_app(body, app_id=CERTIFIED_APP_ID)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#generate-token")
        await pilot.pause()
        assert app.draft.get("clientRequest.token") is None
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "64 bytes" in shown


async def test_no_token_is_offered_without_a_certificate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGORA_APP_CERTIFICATE", raising=False)
    app = make_app(body_without_token(), app_id=CERTIFIED_APP_ID)
    app.draft.set("session.endpoint", "global")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Never offered, never made (a Button's styles cost the first screen ~6 ms).
        assert not app.query("#generate-token")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Generate a token")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.draft.get("clientRequest.token") is None
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "No App Certificate is known" in shown


async def test_the_certificate_from_the_environment_signs_the_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERTIFICATE)
    app = make_app(body_without_token(), app_id=CERTIFIED_APP_ID)
    app.draft.set("session.endpoint", "global")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.query_one("#generate-token", Button).display
        await pilot.click("#generate-token")
        await pilot.pause()
        token = app.draft.get("clientRequest.token")
        assert verify_token(token, CERTIFICATE)
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "AGORA_APP_CERTIFICATE" in shown and CERTIFICATE not in shown
