"""Error codes and message-only errors (spec 4.1, 4.2)."""

from __future__ import annotations

import pytest

from rec_tui.spec.codes import (
    CODES,
    MESSAGES,
    answer_status,
    describe_code,
    describe_message,
    explain,
)

SPEC_CODES = {
    2, 7, 8, 49, 50, 53, 62, 65, 109, 110, 400, 401, 404, 405, 406, 432, 433, 435,
    500, 501, 502, 504, 1001, 1003, 1013, 1028,
}  # fmt: skip


def test_every_code_of_the_spec_table_is_documented() -> None:
    assert set(CODES) == SPEC_CODES
    for code, entry in CODES.items():
        assert entry.code == code
        assert entry.status and entry.meaning and entry.check


def test_describe_code_gives_meaning_status_and_what_to_check() -> None:
    entry = describe_code(432)
    assert entry is not None
    assert entry.status == "400"
    assert "do not match the resource ID" in entry.meaning
    assert "acquire cname and uid" in entry.check
    assert entry.title == "Agora error code 432"


def test_status_of_codes_that_arrive_with_2xx() -> None:
    assert describe_code(7).status == "201"  # type: ignore[union-attr]
    assert describe_code(65).status == "206"  # type: ignore[union-attr]
    assert describe_code(435).status == "206"  # type: ignore[union-attr]


def test_undocumented_code_is_none() -> None:
    assert describe_code(999) is None
    assert explain("999") is None
    assert explain(-2) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("invalid appid", "appid is invalid"),
        ("APPID IS INVALID", "appid is invalid"),
        ("Acquire: invalid appid!", "appid is invalid"),
        ('{"message":"Invalid authentication credentials"}', "Invalid authentication credentials"),
        ("unauthorized", "Unauthorized"),
        ("no route matched with those values", "no Route matched with those values"),
        ("API rate limit exceeded", "API rate limit exceeded"),
        ("rate limit", "API rate limit exceeded"),
    ],
)
def test_messages_match_in_any_case_and_as_substrings(text: str, expected: str) -> None:
    entry = describe_message(text)
    assert entry is not None and entry.message == expected and entry.code is None
    assert explain(text) == entry


@pytest.mark.parametrize("text", ["", "   ", "something else entirely", "a"])
def test_unknown_messages_are_none(text: str) -> None:
    assert describe_message(text) is None


def test_explain_accepts_codes_as_text_and_numbers() -> None:
    assert explain(" 433 ") == describe_code(433)
    assert explain(1013) == describe_code(1013)


def test_all_message_only_errors_are_listed() -> None:
    assert {entry.message for entry in MESSAGES} == {
        "appid is invalid",
        "no Route matched with those values",
        "Invalid authentication credentials",
        "Unauthorized",
        "API rate limit exceeded",
    }


# Agora's "Response status codes" page (D:status, 2026-06-17): code → reason text.
DOCUMENTED_REASONS = {
    7: "already started",
    49: "invalid operation",
    53: "task conflict",
    62: "request timeout",
    65: "request not completed",
    400: "invalid_appid",
    401: "invalid_channel_name",
    404: "failed to find worker",
    405: "no_active_status",
    406: "vendor_over_load",
    435: "no recorded data",
    500: "internal_error",
    501: "no_worker_manager_available",
    502: "Failed to allocate worker",
    504: "allocate_timeout",
}


def test_the_table_holds_exactly_the_reason_texts_agora_documents() -> None:
    assert {code: e.reason for code, e in CODES.items() if e.reason} == DOCUMENTED_REASONS


@pytest.mark.parametrize(("code", "reason"), sorted(DOCUMENTED_REASONS.items()))
def test_explain_recognises_each_documented_reason_as_its_code(code: int, reason: str) -> None:
    from rec_tui.spec.lookup import lookup

    assert lookup(reason).answers[0].key == f"code {code}"
    assert lookup(f'{{"code": {code}, "reason": "{reason}"}}').answers[0].key == f"code {code}"


def test_answer_status_is_the_first_documented_status() -> None:
    assert [answer_status(CODES[c]) for c in (7, 62, 435, 501, 50)] == [201, 500, 206, 500, None]
