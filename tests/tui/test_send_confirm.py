"""The question before the first send to a real endpoint: Enter alone never sends."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from rec_tui.tui.screens.send_confirm import SendConfirmScreen, short_app_id

APP_ID = "0123456789abcdef0123456789abcdef"


class AskingHost(App[None]):
    """Asks once on start-up and records the answer."""

    def __init__(self, screen: SendConfirmScreen) -> None:
        super().__init__()
        self.question = screen
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.question, self.answers.append)


def _host(endpoint: str = "global", app_id: str = APP_ID) -> AskingHost:
    return AskingHost(SendConfirmScreen.for_endpoint(endpoint, app_id))


async def _answer(app: AskingHost, *keys: str) -> list[bool | None]:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.answers


def _shown_text(app: AskingHost) -> str:
    return " ".join(str(widget.render()) for widget in app.screen.query("Static"))


async def test_it_names_the_host_the_app_id_and_that_the_project_is_real() -> None:
    app = _host()
    async with app.run_test() as pilot:
        await pilot.pause()
        text = _shown_text(app)
        assert "Send to api.agora.io, App ID 01234567…?" in text
        assert "real Agora project" in text and "api.sd-rtn.com" in text
        assert APP_ID not in text


async def test_enter_on_the_default_button_cancels() -> None:
    assert await _answer(_host(), "enter") == [False]


@pytest.mark.parametrize("keys", [("escape",), ("n",)])
async def test_escape_and_n_cancel(keys: tuple[str, ...]) -> None:
    assert await _answer(_host(), *keys) == [False]


@pytest.mark.parametrize("keys", [("y",), ("tab", "enter")])
async def test_sending_takes_an_explicit_key(keys: tuple[str, ...]) -> None:
    assert await _answer(_host(), *keys) == [True]


async def test_a_regional_endpoint_names_its_own_host_first() -> None:
    app = _host("region:api-eu-west-1")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Send to api-eu-west-1.agora.io" in _shown_text(app)


def test_an_endpoint_that_is_not_understood_is_refused_as_sending_would() -> None:
    with pytest.raises(ValueError, match="not understood"):
        SendConfirmScreen.for_endpoint("ftp://example", APP_ID)


def test_short_app_ids_are_shown_whole_and_a_missing_one_is_said() -> None:
    assert short_app_id("abc") == "abc" and short_app_id("") == "(none set)"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(_host(), terminal_size=size)
