"""rec-tui explain: codes as before, plus pasted texts, statuses, events and --format json."""

from __future__ import annotations

import io
import json
import sys

import pytest

from rec_tui.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_failed_to_find_worker_explains_the_recorder_that_left(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(["explain", "failed to find worker"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Agora error code 404"
    assert "  HTTP status: 404" in lines
    assert "  Likely causes, most likely first:" in lines
    causes = [line for line in lines if line.startswith("    ")]
    assert causes[0].startswith("    1. the recorder could not join") and "RTC token" in causes[0]
    assert "rec-tui token decode" in out
    assert "not documented" not in out
    # A query in another mode than the start answers this too: the first thing to check.
    check = next(line for line in lines if line.startswith("  Check:"))
    assert "names the start's mode, resource ID and sid" in check


def test_codes_keep_their_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "433"], capsys)
    assert code == 0
    assert out.splitlines()[:3] == [
        "Agora error code 433",
        "  HTTP status: 400",
        "  Meaning:     The resource ID has expired (over 5 minutes old).",
    ]
    assert "  Check:       Acquire again and start immediately." in out


def test_a_whole_pasted_answer_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pasted = (
        "[2026-12-02 10:00:03] query failed\n"
        "HTTP/1.1 404 Not Found\n"
        '{"code":404,"reason":"failed to find worker"}\n'
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(pasted))
    code, out = run(["explain", "-"], capsys)
    assert code == 0
    titles = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert titles == ["Agora error code 404", "HTTP 404 Not Found"]


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "--format", "json", "params", "conflict"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "params conflict" and data["found"] is True
    (answer,) = data["answers"]
    assert answer["key"] == "reason: params conflict"
    assert answer["causes"] and "subscribeAudioUids" in answer["causes"][0]
    assert set(answer) == {"key", "title", "status", "meaning", "causes", "check"}
    assert data["suggestions"] == []


def test_a_callback_event_with_its_leave_code(capsys: pytest.CaptureFixture[str]) -> None:
    body = '{"eventType":41,"payload":{"details":{"msgName":"recorder_leave","leaveCode":4}}}'
    code, out = run(["explain", body], capsys)
    assert code == 0
    assert "Callback event 41 recorder_leave" in out
    assert "recorder_leave leaveCode 4" in out and "nobody else was in the channel" in out


def test_an_http_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "429"], capsys)
    assert code == 0
    assert out.splitlines()[0] == "HTTP 429 Too Many Requests"
    assert "10 requests per second" in out


def test_unknown_text_gets_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "faild", "to", "find", "wroker"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "rec-tui does not recognise 'faild to find wroker'."
    assert lines[1] == "Did you mean:"
    assert lines[2].startswith("  Agora error code 404 — ") and 'rec-tui explain "404"' in lines[2]


def test_unknown_number_lists_codes_and_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "41"], capsys)
    assert code == 1
    assert "'41' is not a documented Agora Cloud Recording error code." in out
    assert "Callback event 41 recorder_leave" in out and 'rec-tui explain "event 41"' in out


def test_the_suggested_commands_work(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "--format", "json", "xyzzy"], capsys)
    assert code == 1
    suggestions = json.loads(out)["suggestions"]
    assert len(suggestions) == 3
    for suggestion in suggestions:
        key = suggestion["key"]
        for prefix in ("code ", "message ", "reason: "):
            key = key.removeprefix(prefix)
        code, again = run(["explain", "--format", "json", key], capsys)
        assert code == 0, key
        assert json.loads(again)["answers"][0]["title"] == suggestion["title"]


TOKEN = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0"


@pytest.mark.parametrize(
    ("pasted", "secret"),
    [
        (f'{{"cname":"c","clientRequest":{{"token":"{TOKEN}"}}}}', TOKEN[:20]),
        ("Authorization: Basic dXNlcjpzZWNyZXRzZWNyZXQ=", "dXNlcjpzZWNyZXRzZWNyZXQ"),
        ('{"storageConfig": {"secretKey": "wJalrXUtn"}}', "wJalrXUtn"),
        ('{"clientRequest": {"customer_secret": "cUstSecret9"}}', "cUstSecret9"),
    ],
)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_pasted_secrets_are_never_echoed(
    pasted: str, secret: str, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["explain", "--format", output_format, pasted], capsys)
    assert code == 1
    assert secret not in out and "••••••••" in out


def test_a_recognised_paste_with_a_token_does_not_echo_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(
        ["explain", "--format", "json", f'"token": "{TOKEN}" failed to find worker'], capsys
    )
    assert code == 0 and TOKEN[:20] not in out


def test_long_pastes_are_shortened_when_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["explain", "--format", "json", "lorem ipsum " * 40], capsys)
    assert code == 1
    assert len(json.loads(out)["query"]) == 80
