"""rec-tui token decode / verify / build / certificate."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import main
from rec_tui.tokens import decode_token, verify_token
from tests.support.keyring_service import KeyringService, real_keyring

__all__ = ["real_keyring"]  # a fixture, used by name

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "tokens" / "agora_vectors.json").read_text("utf-8")
)
APP_ID: str = VECTORS["app_id"]
CERTIFICATE: str = VECTORS["app_certificate"]
CHANNEL: str = VECTORS["channel"]
RTC_UID: str = VECTORS["access_token2"][0]["token"]
RTC_ANY: str = VECTORS["access_token2"][1]["token"]
V006: str = VECTORS["access_token"][0]["token"]


@pytest.fixture(autouse=True)
def no_certificate(monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> None:
    monkeypatch.delenv("AGORA_APP_CERTIFICATE", raising=False)


@pytest.fixture
def certificate(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERTIFICATE)
    return CERTIFICATE


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_decode_prints_the_fields_but_never_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "decode", RTC_UID]) == 0
    out = capsys.readouterr().out
    assert "AccessToken2 (007)" in out and APP_ID in out
    assert "Issued:   1970-01-13 20:38:31 UTC" in out
    assert "Expires:  1970-01-13 20:48:31 UTC (expired)" in out
    assert f"Channel:  {CHANNEL}" in out and "Uid:      2882341273" in out
    assert "joinChannel: 1970-01-13 20:48:31 UTC" in out and "Salt:     1" in out
    assert RTC_UID not in out and RTC_UID[3:40] not in out


def test_decode_reports_uid_zero_as_any(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "decode", RTC_ANY]) == 0
    assert "Uid:      0 (any uid may join with it)" in capsys.readouterr().out


def test_decode_json_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, RTC_UID + "\n")
    assert main(["token", "decode", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == "007" and data["app_id"] == APP_ID
    assert (data["issued_at"], data["expires_at"]) == (1111111, 1111711)
    assert data["services"] == [
        {
            "type": "rtc",
            "channel": CHANNEL,
            "uid": 2882341273,
            "privileges": {"joinChannel": 1111711},
            "uid_any": False,
        }
    ]


def test_decode_006(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "decode", V006, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == "006" and data["issued_at"] is None
    assert data["services"][0]["privileges"] == {"joinChannel": 1446455471}


@pytest.mark.parametrize(
    ("token", "says"),
    [
        ("nonsense", "not an Agora RTC token"),
        (RTC_UID[:50], "not base64"),
        ("008" + RTC_UID[3:], "version 008"),
    ],
)
def test_decode_unreadable_tokens_exit_2_with_a_message(
    token: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["token", "decode", token]) == 2
    captured = capsys.readouterr()
    assert says in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_decode_of_empty_standard_input_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, "")
    assert main(["token", "decode", "-"]) == 2
    assert "no token given" in capsys.readouterr().err


def test_verify_exit_codes(certificate: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "verify", RTC_UID]) == 0
    assert "Valid" in capsys.readouterr().out
    tampered = RTC_UID[:-8] + ("A" if RTC_UID[-8] != "A" else "B") + RTC_UID[-7:]
    code = main(["token", "verify", tampered])
    assert code in (1, 2)  # a changed byte breaks either the signature or the compression
    assert main(["token", "verify", V006, "--channel", CHANNEL, "--uid", "2882341273"]) == 0
    assert main(["token", "verify", V006, "--channel", "other", "--uid", "2882341273"]) == 1
    assert "Invalid" in capsys.readouterr().out
    assert main(["token", "verify", V006]) == 2
    captured = capsys.readouterr()
    assert "give both" in captured.err
    assert CERTIFICATE not in captured.out + captured.err


def test_verify_with_another_certificate_is_invalid(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", "ab" * 16)
    assert main(["token", "verify", RTC_UID]) == 1
    out = capsys.readouterr().out
    assert "Invalid" in out and "ab" * 16 not in out


def test_verify_and_build_without_a_certificate_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["token", "verify", RTC_UID]) == 2
    assert "AGORA_APP_CERTIFICATE" in capsys.readouterr().err
    assert main(["token", "build", "--app-id", APP_ID, "--channel", "c", "--uid", "1"]) == 2
    assert "no App Certificate" in capsys.readouterr().err


def test_build_mints_a_verifiable_token_and_never_echoes_the_certificate(
    certificate: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["--app-id", APP_ID, "--channel", "demo room", "--uid", "527841"]
    assert main(["token", "build", *arguments, "--expire", "7200", "--role", "subscriber"]) == 0
    captured = capsys.readouterr()
    token = captured.out.strip()
    assert verify_token(token, CERTIFICATE)
    decoded = decode_token(token)
    (rtc,) = decoded.services
    assert (rtc.channel, rtc.uid) == ("demo room", "527841")
    assert [p.name for p in rtc.privileges] == ["joinChannel"]
    assert decoded.expires_at == decoded.issued_at + 7200  # type: ignore[operator]
    assert "Channel:  demo room" in captured.err
    assert CERTIFICATE not in captured.out + captured.err


def test_build_refuses_a_bad_app_id(certificate: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "build", "--app-id", "xyz", "--channel", "c", "--uid", "1"]) == 2
    captured = capsys.readouterr()
    assert "App ID must be 32 hexadecimal" in captured.err and captured.out == ""


@pytest.mark.parametrize(
    ("channel", "uid", "says"),
    [
        # R11: a channel name of 64 bytes or more is refused by Agora (1013) ...
        ("r" * 64, "527841", "it is 64 bytes long"),
        # ... counted in UTF-8 bytes, not characters (22 characters, 66 bytes).
        ("房" * 22, "527841", "it is 66 bytes long"),
        ("room/1", "527841", "it contains '/'"),
        # R13: Cloud Recording has no string user accounts; uids are 1 to 4294967295.
        ("demo", "alice", 'this one is "alice"'),
        ("demo", "-5", 'this one is "-5"'),
        ("demo", str(2**32), 'this one is "4294967296"'),
    ],
)
def test_build_refuses_a_channel_or_uid_no_recorder_can_join_with(
    certificate: str, capsys: pytest.CaptureFixture[str], channel: str, uid: str, says: str
) -> None:
    arguments = ["--app-id", APP_ID, "--channel", channel, "--uid", uid]
    assert main(["token", "build", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # no token was minted
    assert captured.err.startswith("rec-tui: cannot build the token: ")
    assert says in captured.err
    # What is wrong, and how to fix it, in the rule's own words.
    if uid == "527841":
        assert "Channel name must be under 64 bytes" in captured.err
        assert "Use the exact RTC channel name" in captured.err
    else:
        assert "uid must be a whole number from 1 to 4294967295" in captured.err
        assert "Use decimal digits only" in captured.err
    assert CERTIFICATE not in captured.err


def test_build_names_both_a_bad_channel_and_a_bad_uid(
    certificate: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["--app-id", APP_ID, "--channel", "x" * 70, "--uid", "bob"]
    assert main(["token", "build", *arguments]) == 2
    err = capsys.readouterr().err
    assert "it is 70 bytes long" in err and 'this one is "bob"' in err
    channel, uid = err.splitlines()[:2]  # one line each
    assert "70 bytes" in channel and "bob" not in channel and uid.startswith("  uid")


@pytest.mark.parametrize(
    ("channel", "uid", "minted_for"),
    [
        ("r" * 63, "527841", "527841"),  # under 64 bytes is allowed
        ("demo", "0", "0"),  # uid 0: a token any uid may join with
        ("demo", "0123", "123"),  # leading zeros only warn in R13: read as the number
    ],
)
def test_build_mints_for_the_edges_the_rules_allow(
    certificate: str, capsys: pytest.CaptureFixture[str], channel: str, uid: str, minted_for: str
) -> None:
    assert main(["token", "build", "--app-id", APP_ID, "--channel", channel, "--uid", uid]) == 0
    (rtc,) = decode_token(capsys.readouterr().out.strip()).services
    # Agora writes uid 0 as an empty uid.
    assert (rtc.channel, rtc.uid or "0") == (channel, minted_for)


def test_certificate_is_refused_without_a_keyring(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, CERTIFICATE + "\n")
    assert main(["token", "certificate"]) == 2
    err = capsys.readouterr().err
    assert "AGORA_APP_CERTIFICATE" in err and CERTIFICATE not in err


def test_certificate_stored_in_a_real_keyring_is_used_by_build(
    real_keyring: KeyringService,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    feed(monkeypatch, "not hex\n")
    assert main(["token", "certificate"]) == 2
    feed(monkeypatch, CERTIFICATE + "\n")
    assert main(["token", "certificate"]) == 0
    assert CERTIFICATE not in capsys.readouterr().out
    assert real_keyring.secret_tool_lookup("rec-tui", "agora/app-certificate") == CERTIFICATE
    assert main(["token", "build", "--app-id", APP_ID, "--channel", "c", "--uid", "0"]) == 0
    assert verify_token(capsys.readouterr().out.strip(), CERTIFICATE)
    assert main(["token", "certificate", "--forget"]) == 0
    assert real_keyring.secret_tool_lookup("rec-tui", "agora/app-certificate") is None
