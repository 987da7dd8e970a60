"""R17 `body.types` and R18 `body.unknown_key`, both derived from the field catalogue."""

from __future__ import annotations

import math
from typing import Any

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec.rules import by_name
from rec_tui.spec.rules.generic import closest_key
from tests.support.rules import REMOVE, changed, clean, fired

REC = "clientRequest.recordingConfig"
TC = f"{REC}.transcodingConfig"
SERVICES = "clientRequest.extensionServiceConfig.extensionServices"
WEB_PARAM = f"{SERVICES}[0].serviceParam"


def types(mode: str, body: object) -> list[tuple[str, str]]:
    return [(p.path, p.severity) for p in fired(mode, body, "body.types")]


def unknown(mode: str, body: object) -> list[str]:
    return [p.path for p in fired(mode, body, "body.unknown_key")]


# --- R17 body.types -------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["individual", "mix", "web"])
def test_clean_bodies_have_no_type_or_key_findings(mode: str) -> None:
    assert types(mode, clean(mode)) == []
    assert unknown(mode, clean(mode)) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (f"{REC}.channelType", "0"),  # a number sent as a string
        (f"{REC}.streamTypes", True),  # a boolean where a number belongs
        (f"{REC}.maxIdleTime", 30.5),  # not a whole number
        (f"{REC}.maxIdleTime", math.nan),
        (f"{REC}.maxIdleTime", math.inf),
        (f"{TC}.maxResolutionUid", 123),  # a UID sent as a number
        (f"{REC}.streamMode", 0),
        (f"{REC}", ["not", "an", "object"]),
        ("clientRequest.recordingFileConfig.avFileType", "hls"),
        ("clientRequest.storageConfig.region", "3"),
    ],
)
def test_wrong_types_are_errors_at_their_path(path: str, value: object) -> None:
    assert types("mix", changed("mix", {path: value})) == [(path, "error")]


def test_number_as_string_hint_says_drop_the_quotes() -> None:
    (problem,) = fired("mix", changed("mix", {f"{REC}.channelType": "1"}), "body.types")
    assert problem.message == f'{REC}.channelType must be a whole number; got the text "1".'
    assert "without quotes: 1" in problem.hint


def test_array_hint_shows_the_value_wrapped_in_a_list() -> None:
    body = changed("mix", {"clientRequest.recordingFileConfig.avFileType": "hls"})
    (problem,) = fired("mix", body, "body.types")
    assert '["hls"]' in problem.hint


def test_whole_number_written_with_a_fraction_is_a_warning() -> None:
    body = changed("mix", {f"{REC}.maxIdleTime": 30.0})
    (problem,) = fired("mix", body, "body.types")
    assert (problem.severity, problem.path) == ("warning", f"{REC}.maxIdleTime")
    assert "read as 30; send 30" in problem.message


def test_null_is_a_warning_read_as_absent() -> None:
    body = changed("mix", {f"{REC}.streamTypes": None})
    (problem,) = fired("mix", body, "body.types")
    assert problem.severity == "warning" and "null" in problem.message


def test_empty_string_in_optional_field_warns_but_not_in_a_required_one() -> None:
    assert types("individual", changed("individual", {f"{REC}.streamMode": ""})) == [
        (f"{REC}.streamMode", "warning")
    ]
    # bucket is required: "" there is "missing", reported by the storage rule instead.
    assert types("mix", changed("mix", {"clientRequest.storageConfig.bucket": ""})) == []


def test_floats_accept_whole_numbers_and_reject_text() -> None:
    layout = {
        f"{TC}.mixedVideoLayout": 3,
        f"{TC}.layoutConfig": [{"x_axis": 0, "y_axis": 0, "width": 1, "height": 1.0}],
    }
    assert types("mix", changed("mix", layout)) == []
    layout[f"{TC}.layoutConfig"] = [{"x_axis": "0", "y_axis": 0, "width": 1, "height": 1}]
    assert types("mix", changed("mix", layout)) == [(f"{TC}.layoutConfig[0].x_axis", "error")]


def test_list_items_are_checked_one_by_one() -> None:
    body = changed("mix", {f"{REC}.subscribeAudioUids": ["123", 456, None]})
    assert types("mix", body) == [
        (f"{REC}.subscribeAudioUids[1]", "error"),
        (f"{REC}.subscribeAudioUids[2]", "error"),
    ]


def test_service_param_is_checked_per_service() -> None:
    body = changed("web", {f"{WEB_PARAM}.videoWidth": "1280"})
    assert types("web", body) == [(f"{WEB_PARAM}.videoWidth", "error")]


def test_unknown_service_param_is_not_checked() -> None:
    body = changed(
        "mix",
        {
            "clientRequest.extensionServiceConfig": {
                "extensionServices": [
                    {
                        "serviceName": "audio_moderation_service",
                        "serviceParam": {"videoWidth": "wide", "anything": [1, 2]},
                    }
                ]
            }
        },
    )
    assert types("mix", body) == []
    assert unknown("mix", body) == []


def test_a_body_that_is_not_an_object_is_an_error_at_the_root() -> None:
    value: object
    for value in ([], "text", 3, None):
        assert ("", "error") in types("mix", value)


def test_types_owned_by_specific_rules_are_reported_once() -> None:
    # cname and uid have their own type rules (R9, R12); R17 leaves them alone.
    body = changed("mix", {"cname": 7, "uid": 527841})
    assert types("mix", body) == []
    rules = {p.rule for p in validate("mix", body)}
    assert {"body.cname.required", "body.uid.type"} <= rules


def test_one_wrong_type_does_not_hide_others() -> None:
    body = changed("mix", {f"{REC}.channelType": "0", "clientRequest.storageConfig.vendor": "2"})
    assert len(types("mix", body)) == 2


# --- R18 body.unknown_key -------------------------------------------------------------


def test_case_mistake_suggests_the_right_key() -> None:
    body = changed("mix", {f"{REC}.maxidletime": 30})
    (problem,) = fired("mix", body, "body.unknown_key")
    assert problem.path == f"{REC}.maxidletime"
    assert problem.severity == "warning"
    assert "did you mean maxIdleTime?" in problem.message
    assert '"maxIdleTime"' in problem.hint


def test_misspelling_suggests_the_closest_key() -> None:
    body = changed("mix", {"clientRequest.storageConfig.bukcet": "x"})
    (problem,) = fired("mix", body, "body.unknown_key")
    assert "did you mean bucket?" in problem.message


def test_unrelated_key_gets_no_suggestion() -> None:
    body = changed("mix", {"clientRequest.zzzzzz": 1})
    (problem,) = fired("mix", body, "body.unknown_key")
    assert "did you mean" not in problem.message


def test_unknown_key_inside_list_items_and_service_params() -> None:
    body = changed(
        "web",
        {
            f"{WEB_PARAM}.videoHieght": 720,
            "clientRequest.storageConfig.fileNamePrefix": ["a"],
        },
    )
    assert unknown("web", body) == [f"{WEB_PARAM}.videoHieght"]


def test_keys_of_the_other_service_are_unknown() -> None:
    rtmp = {
        "serviceName": "rtmp_publish_service",
        "errorHandlePolicy": "error_ignore",
        "serviceParam": {"outputs": [{"rtmpUrl": "rtmp://x/y"}], "videoWidth": 1280},
    }
    body = clean("web")
    body["clientRequest"]["extensionServiceConfig"]["extensionServices"].append(rtmp)
    assert unknown("web", body) == [f"{SERVICES}[1].serviceParam.videoWidth"]


@pytest.mark.parametrize(
    ("path", "specific"),
    [
        (f"{REC}.unsubscribeAudioUids", "sub.key.spelling"),
        (f"{REC}.unsubscribeVideoUids", "sub.key.spelling"),
        (f"{WEB_PARAM}.VideoBitrate", "web.bitrate.keycase"),
    ],
)
def test_known_misspellings_are_left_to_their_specific_rule(path: str, specific: str) -> None:
    mode = "web" if "serviceParam" in path else "individual"
    body = changed(mode, {path: ["789"] if "Uids" in path else 2000})
    if by_name(specific) is None:
        # Until that rule exists, R18 must still report the key.
        assert unknown(mode, body) == [path]
    else:
        assert unknown(mode, body) == []
        assert [p.path for p in fired(mode, body, specific)] == [path]


def test_unknown_key_silent_for_declared_fields_in_other_modes() -> None:
    # transcodingConfig is declared (for mix); in individual mode R59 reports it, not R18.
    body = changed("individual", {f"{TC}.width": 640})
    assert unknown("individual", body) == []


def test_removed_key_is_not_unknown() -> None:
    assert unknown("mix", changed("mix", {"clientRequest.token": REMOVE})) == []


def test_closest_key_prefers_case_then_spelling() -> None:
    keys = ["videoBitrate", "videoFps", "videoWidth"]
    assert closest_key("VIDEOFPS", keys) == "videoFps"
    assert closest_key("videoBitrat", keys) == "videoBitrate"
    assert closest_key("qqq", keys) is None


@pytest.mark.parametrize(
    ("mode", "path", "value", "specific"),
    [
        ("web", f"{WEB_PARAM}.mobile", 1, "web.booleans"),
        ("web", f"{WEB_PARAM}.onhold", "false", "web.booleans"),
        (
            "individual",
            "clientRequest.transcodeOptions.audio.sampleRate",
            48000,
            "legacy.audio.strings",
        ),
    ],
)
def test_type_mistakes_with_their_own_rule_are_reported_once(
    mode: str, path: str, value: object, specific: str
) -> None:
    body = changed(mode, {path: value})
    if by_name(specific) is None:
        assert types(mode, body) == [(path, "error")]
    else:
        assert types(mode, body) == []
        assert path in [p.path for p in fired(mode, body, specific)]


def test_uid_check_rejects_very_long_digit_strings_without_raising() -> None:
    from rec_tui.spec.rules.checks import UidVerdict, check_uid

    assert check_uid("1" * 5000) is UidVerdict.BAD
    assert check_uid("0" * 20 + "123") is UidVerdict.LEADING_ZERO
    body = changed("mix", {"uid": "9" * 5000})
    assert fired("mix", body, "body.uid.range")[0].severity == "error"


def test_values_in_messages_are_quoted_by_one_helper_and_never_crash() -> None:
    from rec_tui.request.validate import validate
    from rec_tui.spec.rules import by_name
    from rec_tui.spec.rules.context import Context

    uid_type = by_name("body.uid.type")
    assert uid_type is not None
    # R12 on its own (validate() reports over-long numbers before any rule sees them).
    for uid, example in ((10**5000, '"527841"'), (123, '"123"')):
        (problem,) = run_rule(uid_type, Context("mix", {"cname": "demo", "uid": uid}))
        assert example in problem.message and len(problem.message) < 200
    assert validate("mix", {"cname": 10**5000, "uid": "1", "clientRequest": {}})


def run_rule(rule_: Any, context: Any) -> list[Any]:
    from rec_tui.spec.rules import run

    return run(rule_, context)


@pytest.mark.parametrize("value", [987654321, {"key": "LEAK-IN-OBJECT"}, ["LEAK-IN-LIST"], True])
def test_a_secret_of_the_wrong_type_is_reported_without_its_value(value: object) -> None:
    body = changed("mix", {"clientRequest.storageConfig.stsToken": value})
    (finding,) = fired("mix", body, "body.types")
    said = f"{finding.message} {finding.hint}"
    assert finding.path == "clientRequest.storageConfig.stsToken" and finding.is_error
    assert "not shown: it is a secret" in finding.message
    for part in ("987654321", "LEAK-IN-OBJECT", "LEAK-IN-LIST", "True", "true"):
        assert part not in said
