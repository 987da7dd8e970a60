"""What customers paste, recognised loosely: reasons, HTTP statuses, callback events."""

from __future__ import annotations

import json
import re

import pytest

from rec_tui.spec.codes import CODES
from rec_tui.spec.lookup import known_answers, lookup, normalize, query_for
from rec_tui.spec.notifications import EVENTS, WEB_STOP_CODES, leave_code
from rec_tui.spec.pasted_texts import HTTP_STATUSES, REASONS

UINT32 = "reason: uid inside the List can't be convert to uint32_t"
CREDENTIALS = "message Invalid authentication credentials"
HOURS = "reason: invalid resourceExpiredHour value"


def keys(text: str) -> list[str]:
    return [answer.key for answer in lookup(text).answers]


# The reason texts the code table quotes (`failed to find worker`, `invalid_appid`, …).
QUOTED_REASONS = sorted(
    {
        (code, quoted)
        for code, entry in CODES.items()
        for quoted in re.findall(r"`([^`]+)`", entry.meaning)
        if quoted != "cloud_recording"  # code 8 quotes a piece of the URL, not a reason
    }
)


def test_the_code_table_quotes_the_documented_reasons() -> None:
    assert {quoted for _, quoted in QUOTED_REASONS} >= {
        "failed to find worker",
        "invalid_appid",
        "invalid_channel_name",
        "no_active_status",
        "vendor_over_load",
        "internal_error",
        "no_worker_manager_available",
        "Failed to allocate worker",
        "allocate_timeout",
    }


@pytest.mark.parametrize(("code", "reason"), QUOTED_REASONS)
def test_every_quoted_reason_explains_its_code_however_it_is_pasted(code: int, reason: str) -> None:
    expected = f"code {code}"
    assert keys(reason)[0] == expected
    assert expected in keys(reason.upper().replace("_", " ") + "!")
    answer = json.dumps({"code": code, "reason": f"Start: {reason}"})
    assert expected in keys(f"2026-12-02 10:00:01 ERROR agora said {answer}")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("failed to find worker", "code 404"),
        ("Failed To Find Worker.", "code 404"),
        ("find worker", "code 404"),
        ("uid inside the List can't be convert to uint32_t", UINT32),
        ('{"code":2,"reason":"uid inside the List can\'t be convert to uint32_t"}', UINT32),
        ("PARAMS CONFLICT", "reason: params conflict"),
        ("invalid_appid", "code 400"),
        ("task conflict", "code 53"),
        ("request not completed", "code 65"),
        ('{"code":65,"reason":"request not completed"}', "code 65"),
        ("Invalid authentication credentials", CREDENTIALS),
        ('{"message":"Invalid authentication credentials"}', CREDENTIALS),
        ("appid is invalid", "message appid is invalid"),
        ("Acquire: invalid resourceExpiredHour value!", HOURS),
        ("request timeout", "code 62"),
        ("invalid token", "code 110"),
        ("token expired", "code 109"),
        ("no recorded files", "code 435"),
        ("resource expired", "code 433"),
    ],
)  # fmt: skip
def test_common_server_texts(text: str, first: str) -> None:
    assert keys(text)[0] == first


def test_the_uint32_reason_comes_before_the_generic_code_2() -> None:
    answer = '{"code":2,"reason":"uid inside the List can\'t be convert to uint32_t"}'
    assert keys(answer) == [UINT32, "code 2"]
    (specific, _) = lookup(answer).answers
    assert any("as a number instead of text" in cause for cause in specific.causes)


def test_the_404_answer_names_the_recorder_leaving_with_causes_in_order() -> None:
    (answer,) = lookup("failed to find worker").answers
    assert answer.status == "404"
    assert "token" in answer.causes[0] and "maxIdleTime" in answer.causes[1]
    assert "failover" in answer.causes[-1]
    assert "rec-tui token decode" in answer.check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("206", ["HTTP 206"]),
        ("429", ["HTTP 429"]),
        ("401", ["code 401", "HTTP 401"]),
        ("404", ["code 404", "HTTP 404"]),
        ("400", ["code 400", "HTTP 400"]),
        ("503", ["HTTP 5xx"]),
        ("502", ["code 502", "HTTP 5xx"]),
        ("HTTP/1.1 429 Too Many Requests", ["HTTP 429"]),
        ("< HTTP/2 206", ["HTTP 206"]),
        ("status code: 401", ["HTTP 401"]),
        ("HTTP 503 Service Unavailable", ["HTTP 5xx"]),
    ],
)
def test_http_statuses(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_a_whole_answer_with_its_status_line() -> None:
    pasted = (
        "HTTP/1.1 404 Not Found\ncontent-type: application/json\n\n"
        '{"code":404,"reason":"failed to find worker"}'
    )
    assert keys(pasted) == ["code 404", "HTTP 404"]


def test_several_answers_in_one_paste_are_all_read() -> None:
    pasted = (
        'start: {"sid":"38f8e3cfdc474cd56fc1ceba380d7e1a","resourceId":"x"}\n'
        'query 5 s later: {"code":404,"reason":"failed to find worker"} (broken {\n'
        'stop: {"code":49,"reason":"stop repeated"}'
    )
    assert keys(pasted) == ["code 404", "code 49"]


def test_every_http_status_answer_has_causes_or_is_success() -> None:
    for status, answer in HTTP_STATUSES.items():
        assert answer.meaning and answer.check
        assert answer.causes or status == "200"


@pytest.mark.parametrize("number", sorted(EVENTS))
def test_every_callback_event_by_number_and_by_name(number: int) -> None:
    event = EVENTS[number]
    assert keys(f"eventType {number}") == [event.key]
    assert keys(f'"eventType": {number}')[0] == event.key
    name = event.wordings[0]
    assert event.key in keys(f"got {name} from NCS")
    assert event.meaning and event.check


def test_a_recorder_leave_callback_decodes_its_leave_code() -> None:
    body = {
        "noticeId": "2000001428:4330:107",
        "productId": 3,
        "eventType": 41,
        "notifyMs": 1611566412672,
        "payload": {
            "cname": "demo",
            "uid": "527841",
            "details": {"msgName": "recorder_leave", "leaveCode": 4},
        },
    }  # fmt: skip
    found = lookup(json.dumps(body)).answers
    assert [a.key for a in found] == ["event 41", "leaveCode 4"]
    assert "nobody else was in the channel" in found[1].meaning
    assert "maxIdleTime" in found[1].check


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (0, ["failed to start up"]),
        (2, ["SIGINT"]),
        (6, ["SIGINT", "nobody else"]),
        (16, ["told to (stop)"]),
        (20, ["nobody else", "told to (stop)"]),
        (32, ["bits 32 are not documented"]),
    ],
)
def test_leave_codes_are_bit_masks(value: int, says: list[str]) -> None:
    answer = leave_code(value)
    assert len(answer.causes) == len(says)
    for text, cause in zip(says, answer.causes, strict=True):
        assert text in cause
    assert keys(f"leaveCode {value}") == [f"leaveCode {value}"]


def test_leave_code_two_is_not_error_code_two() -> None:
    assert keys("leave code 2") == ["leaveCode 2"]


@pytest.mark.parametrize("code", sorted(WEB_STOP_CODES))
def test_web_recorder_stop_codes(code: int) -> None:
    body = {
        "eventType": 71,
        "payload": {"details": {"msgName": "web_recorder_stopped", "code": code}},
    }
    assert keys(json.dumps(body)) == ["event 71", f"web_recorder_stopped code {code}"]
    assert keys(f"web_recorder_stopped code {code}")[0] == f"web_recorder_stopped code {code}"


def test_web_stop_messages_by_name() -> None:
    assert keys("page_load_timeout")[0] == "web_recorder_stopped code 4"
    assert "notifyReady" in lookup("page load timeout").answers[0].check
    assert keys("max_recording_hour") == ["web_recorder_stopped code 1"]


def test_session_exit_status() -> None:
    found = lookup(
        '{"eventType": 11, "payload": {"details": {"msgName": "session_exit", "exitStatus": 1}}}'
    )
    assert [a.key for a in found.answers] == ["event 11", "exitStatus 1"]
    assert "abnormal" in found.answers[1].meaning


def test_recording_status_from_a_query_answer_and_as_text() -> None:
    answer = '{"resourceId":"r","sid":"s","serverResponse":{"status":20,"fileList":""}}'
    assert keys(answer) == ["status 20"]
    assert keys("status 5") == ["status 5"]
    assert "has started" in lookup("status 5").answers[0].meaning


# --- nothing known: the closest ones, never a bare "not documented" -------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("faild to find wroker", "code 404"),
        ("41", "event 41"),
        ("1002", "code 1001"),
        ("web recorder stoped", "event 71"),
        ("params conflit", "reason: params conflict"),
    ],
)
def test_unknown_texts_get_the_closest_known_ones(text: str, first: str) -> None:
    found = lookup(text)
    assert not found.found
    assert found.suggestions[0].key == first
    assert len(found.suggestions) == 3


@pytest.mark.parametrize("text", ["", "   ", "xyzzy", "你好"])
def test_even_nonsense_gets_suggestions(text: str) -> None:
    found = lookup(text)
    assert not found.found and len(found.suggestions) == 3


def test_every_known_text_has_meaning_and_check() -> None:
    for reason in REASONS:
        if reason.alias_of is None:
            assert reason.meaning and reason.check and reason.causes
        else:
            assert reason.alias_of in CODES
        assert all(normalize(wording) for wording in reason.wordings)


def test_every_known_answer_is_found_by_the_query_it_suggests() -> None:
    known = known_answers()
    assert len(known) > 70
    for answer in known:
        assert lookup(query_for(answer)).answers[0].key == answer.key, answer.key
