"""Envelope rules R9–R14, R16, R130: each fires on a targeted edit and stays silent otherwise."""

from __future__ import annotations

import pytest

from rec_tui.spec.rules import by_name
from tests.support.rules import REMOVE, changed, clean, fired

REC = "clientRequest.recordingConfig"
TC = f"{REC}.transcodingConfig"


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
@pytest.mark.parametrize("value", [REMOVE, "", None, 42, ["demo"]])
def test_cname_required_fires_when_missing_empty_or_not_text(mode: str, value: object) -> None:
    problems = fired(mode, changed(mode, {"cname": value}), "body.cname.required")
    assert [(p.path, p.severity) for p in problems] == [("cname", "error")]


def test_cname_required_silent_with_a_name() -> None:
    assert fired("mix", clean("mix"), "body.cname.required") == []


def test_web_cname_over_1024_bytes_is_an_error() -> None:
    problems = fired("web", changed("web", {"cname": "é" * 513}), "body.cname.web_len")
    assert [p.severity for p in problems] == ["error"]
    assert "1026 bytes" in problems[0].message


def test_web_cname_over_the_seed_128_bytes_is_a_warning() -> None:
    problems = fired("web", changed("web", {"cname": "a" * 129}), "body.cname.web_len")
    assert [p.severity for p in problems] == ["warning"]


def test_web_cname_length_silent_at_128_bytes_and_in_rtc_modes() -> None:
    assert fired("web", changed("web", {"cname": "a" * 128}), "body.cname.web_len") == []
    long_name = changed("mix", {"cname": "a" * 200})
    assert fired("mix", long_name, "body.cname.web_len") == []


@pytest.mark.parametrize("cname", ["a" * 64, "room/1", "房间", "tab\there", "quote'"])
@pytest.mark.parametrize("mode", ["individual", "mix"])
def test_rtc_cname_too_long_or_bad_characters(mode: str, cname: str) -> None:
    problems = fired(mode, changed(mode, {"cname": cname}), "body.cname.rtc_channel")
    assert [p.severity for p in problems] == ["error"]
    assert "1013" in problems[0].message


def test_rtc_cname_allows_every_listed_character_and_63_bytes() -> None:
    allowed = "aZ9 !#$%&()+-:;<=.>?@[]^_{}|~,"
    assert fired("mix", changed("mix", {"cname": allowed}), "body.cname.rtc_channel") == []
    assert fired("mix", changed("mix", {"cname": "a" * 63}), "body.cname.rtc_channel") == []


def test_rtc_channel_rule_does_not_apply_to_web() -> None:
    assert fired("web", changed("web", {"cname": "页面/录制"}), "body.cname.rtc_channel") == []


@pytest.mark.parametrize("value", [527841, 527841.0, True, ["527841"]])
def test_uid_type_fires_for_non_strings(value: object) -> None:
    problems = fired("mix", changed("mix", {"uid": value}), "body.uid.type")
    assert [(p.path, p.severity) for p in problems] == [("uid", "error")]


def test_uid_type_suggests_the_quoted_number() -> None:
    (problem,) = fired("mix", changed("mix", {"uid": 527841}), "body.uid.type")
    assert '"527841"' in problem.hint


def test_uid_type_silent_for_a_string_and_leaves_range_quiet() -> None:
    assert fired("mix", clean("mix"), "body.uid.type") == []
    assert fired("mix", changed("mix", {"uid": 527841}), "body.uid.range") == []


@pytest.mark.parametrize("value", [REMOVE, "", "0", "-5", "4294967296", "12a", " 1", "١٢"])
def test_uid_range_errors(value: object) -> None:
    problems = fired("individual", changed("individual", {"uid": value}), "body.uid.range")
    assert [p.severity for p in problems] == ["error"]


def test_uid_range_warns_on_leading_zeros_and_passes_limits() -> None:
    (warning,) = fired("mix", changed("mix", {"uid": "0123"}), "body.uid.range")
    assert warning.severity == "warning" and '"123"' in warning.hint
    assert fired("mix", changed("mix", {"uid": "4294967295"}), "body.uid.range") == []
    assert fired("mix", changed("mix", {"uid": "1"}), "body.uid.range") == []


@pytest.mark.parametrize("value", [REMOVE, None])
def test_client_request_required(value: object) -> None:
    problems = fired("web", changed("web", {"clientRequest": value}), "body.clientRequest.required")
    assert [(p.path, p.severity) for p in problems] == [("clientRequest", "error")]


def test_client_request_required_silent_when_present() -> None:
    assert fired("web", clean("web"), "body.clientRequest.required") == []


@pytest.mark.parametrize("mode", ["individual", "mix"])
@pytest.mark.parametrize("value", [REMOVE, "", None])
def test_token_missing_warns_in_rtc_modes(mode: str, value: object) -> None:
    body = changed(mode, {"clientRequest.token": value})
    problems = fired(mode, body, "body.token.missing")
    assert [(p.path, p.severity) for p in problems] == [("clientRequest.token", "warning")]
    assert "110" in problems[0].message


def test_token_missing_silent_in_web_with_a_token_or_without_client_request() -> None:
    assert fired("web", clean("web"), "body.token.missing") == []
    assert fired("mix", clean("mix"), "body.token.missing") == []
    no_request = changed("mix", {"clientRequest": REMOVE})
    assert fired("mix", no_request, "body.token.missing") == []


def test_retired_token_web_rule_is_not_registered() -> None:
    assert by_name("body.token.web") is None


@pytest.mark.parametrize(
    "path",
    [
        f"{REC}.subscribeAudioUids[1]",
        f"{REC}.subscribeVideoUids[0]",
        f"{TC}.maxResolutionUid",
        f"{TC}.layoutConfig[0].uid",
        f"{TC}.backgroundConfig[0].uid",
    ],
)
def test_recorder_uid_in_a_channel_uid_place_warns(path: str) -> None:
    body = changed("mix", {path: "0527841"})
    problems = fired("mix", body, "body.uid.in_lists")
    assert [(p.path, p.severity) for p in problems] == [(path, "warning")]


def test_recorder_uid_in_an_unsubscribe_list_warns() -> None:
    body = changed(
        "individual",
        {f"{REC}.subscribeAudioUids": REMOVE, f"{REC}.unSubscribeAudioUids": ["527841"]},
    )
    problems = fired("individual", body, "body.uid.in_lists")
    assert [p.path for p in problems] == [f"{REC}.unSubscribeAudioUids[0]"]


def test_recorder_uid_rule_silent_for_other_uids_and_a_bad_own_uid() -> None:
    assert fired("mix", clean("mix"), "body.uid.in_lists") == []
    body = changed("mix", {"uid": "abc", f"{REC}.subscribeAudioUids": ["abc"]})
    assert fired("mix", body, "body.uid.in_lists") == []
