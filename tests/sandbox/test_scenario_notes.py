"""The Send panel's words for the sandbox scenario a request would run into."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rec_tui.i18n import activate, english
from rec_tui.sandbox.scenario_notes import scenario_note
from rec_tui.sandbox.scenarios import Scenarios, sandbox_certificate
from rec_tui.tokens import build_rtc_token
from tests.support.sending import clean_body

CERTIFIED = "cafe" + "0123456789abcdef0123456789ab"
PLAIN = "0123456789abcdef0123456789abcdef"
NOW = 1_700_000_000.0


def body(**changes: Any) -> dict[str, Any]:
    found = clean_body("mix")
    found["clientRequest"].pop("token")
    found.update(changes)
    return found


def test_a_certified_app_id_without_a_token_says_the_recorder_leaves() -> None:
    note = scenario_note(CERTIFIED, "mix", body(), NOW)
    assert "App Certificate" in note and "leaves 5 s after start" in note and "404" in note


def test_a_fitting_token_says_the_recorder_stays() -> None:
    fitted = body()
    token = build_rtc_token(
        CERTIFIED, sandbox_certificate(CERTIFIED), "demo", "527841", issued_at=int(NOW)
    )
    fitted["clientRequest"]["token"] = token
    assert "joins and stays" in scenario_note(CERTIFIED, "mix", fitted, NOW)


def test_an_empty_channel_and_a_reused_uid_are_named() -> None:
    assert "435" in scenario_note(PLAIN, "mix", body(cname="empty-room"), NOW)
    assert "kicked" in scenario_note(PLAIN, "mix", body(uid="1001"), NOW)


def test_no_scenario_says_how_to_get_one() -> None:
    note = scenario_note(PLAIN, "mix", body(), NOW)
    assert "no failure scenario" in note and "cafe" in note and "empty-" in note
    assert "1001 and 1002" in note
    assert "web recording" in scenario_note(CERTIFIED, "web", clean_body("web"), NOW)


def test_in_chinese_the_note_says_why_the_recorder_ends_in_chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)
    kicked = scenario_note(PLAIN, "mix", body(uid="1001"), NOW)
    assert "有客户端以录制端的 uid 1001 加入了频道 'demo'" in kicked
    idle = scenario_note(PLAIN, "mix", body(cname="empty-room"), NOW)
    assert "频道 'empty-room' 中在 maxIdleTime（30 秒）内无人发流" in idle
    assert "没有 RTC Token，而该 App ID 启用了 App 证书" in scenario_note(
        CERTIFIED, "mix", body(), NOW
    )


def test_the_sandbox_itself_says_why_in_english_whatever_rec_tui_speaks(tmp_path: Path) -> None:
    """The service decides a recorder's end inside english(): Agora's servers are English."""
    activate("zh", tmp_path)
    with english():
        ending = Scenarios().exit_of(PLAIN, "mix", body(uid="1001"), NOW)
    assert ending is not None
    assert ending.detail == "a client joined channel 'demo' with the recorder's uid 1001"
