"""R131 body.token.fits: the RTC token checked against the request as it is typed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from rec_tui.request.draft import Draft
from rec_tui.request.validate import validate
from rec_tui.spec.rules.context import Session
from rec_tui.tokens import build_rtc_token
from tests.support.rules import CLEAN_BODIES

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
NOW = 1_700_000_000
RULE = "body.token.fits"


def token(channel: str = "demo", uid: str = "527841", **options: Any) -> str:
    options.setdefault("issued_at", NOW - 60)
    options.setdefault("salt", 1)
    return build_rtc_token(options.pop("app_id", APP_ID), CERTIFICATE, channel, uid, **options)


def body_with(text: str | None) -> dict[str, Any]:
    body = copy.deepcopy(CLEAN_BODIES["mix"])
    if text is None:
        body["clientRequest"].pop("token")
    else:
        body["clientRequest"]["token"] = text
    return body


def token_problems(text: str | None, app_id: str | None = APP_ID) -> list[tuple[str, str, str]]:
    problems = validate("mix", body_with(text), session=Session(app_id=app_id, now=NOW))
    return [(p.severity, p.path, p.message) for p in problems if p.rule == RULE]


def test_a_token_built_for_this_request_fits() -> None:
    assert token_problems(token()) == []


def test_a_token_for_uid_0_fits_any_recorder_uid() -> None:
    assert token_problems(token(uid="0")) == []


def test_a_token_for_another_channel_warns_naming_both_channels() -> None:
    [(severity, path, message)] = token_problems(token(channel="room-9"))
    assert (severity, path) == ("warning", "clientRequest.token")
    assert '"room-9"' in message and '"demo"' in message


def test_a_token_for_another_uid_warns_naming_both_uids() -> None:
    [(severity, _path, message)] = token_problems(token(uid="1001"))
    assert severity == "warning" and "1001" in message and "527841" in message


def test_a_token_of_another_app_id_warns_only_when_the_app_id_is_known() -> None:
    other = "0123456789abcdef0123456789abcdef"
    [(_severity, _path, message)] = token_problems(token(app_id=other))
    assert other in message and APP_ID in message
    assert token_problems(token(app_id=other), app_id=None) == []


def test_an_expired_token_warns_with_the_time_it_expired() -> None:
    [(severity, _path, message)] = token_problems(token(issued_at=NOW - 7200, expire=3600))
    assert severity == "warning" and "expired at 2023-11-14 21:13:20 UTC" in message


def test_no_token_and_placeholders_are_left_to_other_rules() -> None:
    assert token_problems(None) == []
    assert token_problems("<token if any>") == []
    assert token_problems("007eJxTYDQ") == []  # shortened, as in the docs' examples


def test_several_differences_are_each_named() -> None:
    found = token_problems(token(channel="room-9", uid="1001", issued_at=NOW - 7200, expire=60))
    assert len(found) == 3


@pytest.mark.parametrize("at_send_time", [False, True])
def test_it_never_refuses_a_send(at_send_time: bool) -> None:
    session = Session(app_id=APP_ID, now=NOW, at_send_time=at_send_time)
    problems = validate("mix", body_with(token(channel="x")), session=session)
    assert all(p.severity == "warning" for p in problems if p.rule == RULE)


def test_the_draft_checks_its_token_against_its_own_app_id() -> None:
    draft = Draft(mode="mix", app_id="0123456789abcdef0123456789abcdef")
    draft.replace_body(body_with(token(issued_at=None, expire=3600)))
    messages = [p.message for p in draft.validate(fixes=False) if p.rule == RULE]
    assert len(messages) == 1 and "0123456789abcdef0123456789abcdef" in messages[0]
    draft.set("session.appId", APP_ID)
    assert [p for p in draft.validate(fixes=False) if p.rule == RULE] == []
