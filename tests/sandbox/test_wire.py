"""The sandbox's refusals come from the codes table that `explain` reads, and only from it."""

from __future__ import annotations

import pytest

from rec_tui.sandbox.wire import gateway_error, invalid_parameter, service_error
from rec_tui.spec.codes import CODES, MESSAGES, Explanation, answer_status


@pytest.mark.parametrize("code", sorted(c for c, entry in CODES.items() if entry.reason))
def test_a_code_with_a_documented_reason_answers_exactly_that_reason(code: int) -> None:
    entry = CODES[code]
    answer = service_error(code)
    assert answer.payload == {"code": code, "reason": entry.reason}
    assert answer.status == answer_status(entry)


def test_a_documented_reason_cannot_be_replaced_by_a_sandbox_text() -> None:
    with pytest.raises(ValueError, match="Agora's own reason"):
        service_error(7, "start is already running")


def test_a_code_without_a_documented_reason_needs_details() -> None:
    with pytest.raises(ValueError, match="give a detail"):
        service_error(433)
    assert service_error(433, "expired").payload == {"code": 433, "reason": "expired"}


def test_codes_and_messages_outside_the_table_cannot_be_answered() -> None:
    with pytest.raises(KeyError):
        service_error(999, "made up")
    with pytest.raises(KeyError):
        gateway_error("something went wrong")


def test_code_2_reasons_start_with_the_call_as_agora_writes_it() -> None:
    answer = invalid_parameter("updateLayout", "x")
    assert (answer.status, answer.payload) == (400, {"code": 2, "reason": "UpdateLayout: x"})


@pytest.mark.parametrize("entry", MESSAGES, ids=lambda e: e.message)
def test_every_gateway_message_answers_with_its_documented_status(entry: Explanation) -> None:
    answer = gateway_error(entry.message)
    assert answer.payload == {"message": entry.message}
    assert str(answer.status) == entry.status
