"""Session rules R4–R8 in the validator, and the lifecycle checks R118–R126."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rec_tui.request import call_checks as checks
from rec_tui.request.validate import validate
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules.context import Session
from tests.support.sending import clean_body

ACQUIRE = {"cname": "demo", "uid": "527841", "clientRequest": {}}


def fired(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.rule_id, p.severity) for p in problems}


def session_rules(mode: str, body: Any, **session: Any) -> set[tuple[str, str]]:
    problems = validate(mode, body, session=Session(**session))
    return {(p.rule_id, p.severity) for p in problems if p.rule.startswith("session.")}


# --- R4–R8 through validate() ------------------------------------------------------------


def test_session_rules_are_silent_without_acquire_data() -> None:
    assert session_rules("mix", clean_body("mix")) == set()


def test_r4_expired_resource_is_an_error_at_send_time_and_a_warning_otherwise() -> None:
    clock = {"acquire": ACQUIRE, "acquired_at": 0.0, "now": 301.0}
    assert session_rules("mix", clean_body("mix"), **clock, at_send_time=True) == {("R4", "error")}
    assert session_rules("mix", clean_body("mix"), **clock) == {("R4", "warning")}


def test_r5_slow_start_warns_after_2_seconds() -> None:
    assert session_rules("mix", clean_body("mix"), acquire=ACQUIRE, acquired_at=0, now=1.5) == set()
    assert session_rules("mix", clean_body("mix"), acquire=ACQUIRE, acquired_at=0, now=3) == {
        ("R5", "warning")
    }


@pytest.mark.parametrize(
    ("mode", "scene", "expected"),
    [
        ("web", 0, {("R6", "error")}),
        ("mix", 1, {("R6", "error")}),
        ("web", 1, set()),
        ("mix", 0, set()),
    ],
)
def test_r6_acquire_scene_must_fit_the_mode(mode: str, scene: int, expected: set[Any]) -> None:
    body = clean_body(mode)
    acquire = {"cname": body["cname"], "uid": body["uid"], "clientRequest": {"scene": scene}}
    assert session_rules(mode, body, acquire=acquire) == expected


def test_r6_postponed_transcoding_wants_scene_2() -> None:
    body = clean_body("individual")
    body["clientRequest"]["appsCollection"] = {"combinationPolicy": "postpone_transcoding"}
    acquire = {"cname": "demo", "uid": "527841", "clientRequest": {"scene": 0}}
    assert ("R6", "warning") in session_rules("individual", body, acquire=acquire)


def test_r7_cname_and_uid_must_match_acquire() -> None:
    acquire = {"cname": "demo", "uid": "111", "clientRequest": {}}
    problems = validate("mix", clean_body("mix"), session=Session(acquire=acquire))
    (r7,) = [p for p in problems if p.rule_id == "R7"]
    assert r7.path == "uid" and r7.is_error and "432" in r7.message


def test_r7_and_r118_quote_pasted_values_briefly() -> None:
    """A megabyte pasted into cname must not come back as a megabyte-long hint."""
    pasted = "x" * 100_000
    acquire = {"cname": pasted, "uid": "527841", "clientRequest": {}}
    problems = validate("mix", clean_body("mix"), session=Session(acquire=acquire))
    (r7,) = [p for p in problems if p.rule_id == "R7"]
    assert r7.path == "cname" and len(r7.hint) < 200
    (r118,) = checks.check_acquire({"clientRequest": {"region": pasted}})
    assert len(r118.hint) < 200


def test_r8_start_parameter_differences() -> None:
    body = clean_body("mix")
    parameter = {"token": body["clientRequest"]["token"], "recordingConfig": {"channelType": 1}}
    parameter["extra"] = {"a": 1}
    acquire = {"cname": "demo", "uid": "527841", "clientRequest": {"startParameter": parameter}}
    problems = [
        p for p in validate("mix", body, session=Session(acquire=acquire)) if p.rule_id == "R8"
    ]
    assert {(p.path, p.severity) for p in problems} == {
        ("clientRequest.recordingConfig", "error"),
        ("clientRequest.extra", "warning"),
        ("clientRequest.recordingFileConfig", "warning"),
        ("clientRequest.storageConfig", "warning"),
    }


def test_r8_compares_json_values_strictly() -> None:
    from rec_tui.spec.rules.session import same_json

    assert same_json({"a": [1, {"b": "x"}]}, {"a": [1.0, {"b": "x"}]})
    assert not same_json(True, 1) and not same_json("1", 1) and not same_json([1], [1, 2])
    assert not same_json({"a": 1}, {"a": 2}) and not same_json({"a": 1}, {"b": 1})


# --- R118 acquire ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_", "path"),
    [
        ({"resourceExpiredHour": 0}, "clientRequest.resourceExpiredHour"),
        ({"resourceExpiredHour": 721}, "clientRequest.resourceExpiredHour"),
        ({"resourceExpiredHour": 2.5}, "clientRequest.resourceExpiredHour"),
        ({"scene": 3}, "clientRequest.scene"),
        ({"region": "US"}, "clientRequest.region"),
    ],
)
def test_r118_acquire_fields(request_: dict[str, Any], path: str) -> None:
    (problem,) = checks.check_acquire({"cname": "a", "uid": "1", "clientRequest": request_})
    assert (problem.rule_id, problem.path, problem.severity) == ("R118", path, "error")


def test_r118_accepts_documented_values() -> None:
    body = {"clientRequest": {"resourceExpiredHour": 720, "scene": 2, "region": "EU"}}
    assert checks.check_acquire(body) == []


def test_acquire_scene_checked_against_the_mode_before_sending() -> None:
    assert fired(checks.check_acquire({"clientRequest": {"scene": 0}}, "web")) == {("R6", "error")}


# --- R119–R122 update ----------------------------------------------------------------------


def update(request: dict[str, Any], cname: str = "demo") -> dict[str, Any]:
    return {"cname": cname, "uid": "527841", "clientRequest": request}


def test_r119_update_sections_must_fit_the_mode() -> None:
    on_hold = update({"webRecordingConfig": {"onhold": True}})
    assert fired(checks.check_update("mix", on_hold, acquire=ACQUIRE)) == {("R119", "error")}
    lists = update({"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["1"]}}})
    assert fired(checks.check_update("web", lists, acquire=ACQUIRE)) == {("R119", "error")}
    assert checks.check_update("web", on_hold, acquire=ACQUIRE) == []


def test_r119_cdn_update_needs_a_session_with_cdn_push() -> None:
    cdn = update({"rtmpPublishConfig": {"outputs": [{"rtmpUrl": "rtmp://cdn/x"}]}})
    web = clean_body("web")
    assert fired(checks.check_update("web", cdn, acquire=None, start_body=web)) == {
        ("R119", "error")
    }
    services = web["clientRequest"]["extensionServiceConfig"]["extensionServices"]
    services.append({"serviceName": "rtmp_publish_service", "serviceParam": {"outputs": []}})
    assert checks.check_update("web", cdn, acquire=None, start_body=web) == []


def test_r120_update_lists_are_judged_by_the_start_list_rules() -> None:
    too_many = [str(n) for n in range(1, 40)]
    body = update({"streamSubscribe": {"audioUidList": {"subscribeAudioUids": too_many}}})
    problems = checks.check_update("mix", body, acquire=ACQUIRE, start_body=clean_body("mix"))
    (problem,) = [p for p in problems if p.is_error]
    assert problem.rule == "update.lists" and "R47" in problem.hint
    assert problem.path.startswith("clientRequest.streamSubscribe.audioUidList.subscribeAudioUids")


def test_r120_both_subscribe_and_unsubscribe_is_an_error() -> None:
    lists = {"subscribeVideoUids": ["1"], "unSubscribeVideoUids": ["2"]}
    body = update({"streamSubscribe": {"videoUidList": lists}})
    problems = checks.check_update("individual", body, acquire=ACQUIRE)
    assert ("R120", "error") in fired(problems)
    assert any("R51" in p.hint for p in problems)


def test_r121_storage_update_must_be_complete() -> None:
    body = update({"storageConfig": {"vendor": 1, "region": 0, "bucket": "b"}})
    (problem,) = checks.check_update("mix", body, acquire=ACQUIRE)
    assert problem.rule_id == "R121" and "accessKey, secretKey" in problem.hint


def test_update_cname_must_match_acquire() -> None:
    problems = checks.check_update("mix", update({}, cname="other"), acquire=ACQUIRE)
    assert fired(problems) == {("R7", "error")}


def test_r122_only_one_update_at_a_time() -> None:
    assert fired(checks.check_serial(True)) == {("R122", "warning")}
    assert checks.check_serial(False) == []


# --- R123–R125 updateLayout, R126 window --------------------------------------------------


def test_r123_update_layout_only_in_mix() -> None:
    body = update({"mixedVideoLayout": 1})
    assert fired(checks.check_update_layout("individual", body, acquire=ACQUIRE)) == {
        ("R123", "error")
    }


def test_r124_left_out_fields_revert_to_defaults() -> None:
    body = update({"mixedVideoLayout": 1})
    current = {"mixedVideoLayout": 1, "backgroundColor": "#FF0000"}
    (problem,) = checks.check_update_layout("mix", body, acquire=ACQUIRE, current_layout=current)
    assert (problem.rule_id, problem.path) == ("R124", "clientRequest.backgroundColor")


def test_r125_layout_fields_are_judged_by_the_transcoding_rules() -> None:
    tiles = [{"uid": "1", "x_axis": 0.5, "y_axis": 0, "width": 2, "height": 1}]
    body = update({"mixedVideoLayout": 3, "layoutConfig": tiles, "backgroundColor": "blue"})
    problems = checks.check_update_layout("mix", body, acquire=ACQUIRE)
    paths = {p.path for p in problems if p.is_error and p.rule_id == "R125"}
    assert "clientRequest.backgroundColor" in paths
    assert any(path.startswith("clientRequest.layoutConfig[0]") for path in paths)
    assert all(p.path.startswith("clientRequest") for p in problems)


def test_r126_control_window() -> None:
    acquire = {"clientRequest": {"resourceExpiredHour": 1}}
    assert checks.check_control_window(0.0, 3599.0, acquire) == []
    assert fired(checks.check_control_window(0.0, 3601.0, acquire)) == {("R126", "warning")}
    # Left out, resourceExpiredHour is 72 h.
    assert checks.check_control_window(0.0, 71 * 3600.0, {"clientRequest": {}}) == []


# --- the call rules are registered rules, their fields declared ---------------------------


def test_r118_to_r126_are_registered_rules_of_their_calls() -> None:
    from rec_tui.spec.rules import all_rules

    calls = {r.id: r.call for r in all_rules() if r.call != "start"}
    assert calls == {
        "R118": "acquire",
        "R119": "update",
        "R120": "update",
        "R121": "update",
        "R122": "control",
        "R123": "updateLayout",
        "R124": "updateLayout",
        "R125": "updateLayout",
        "R126": "control",
    }


def test_a_start_body_is_never_judged_by_the_call_rules() -> None:
    from rec_tui.request.validate import validate
    from tests.support.rules import CLEAN_BODIES

    body = {**CLEAN_BODIES["mix"], "clientRequest": {**CLEAN_BODIES["mix"]["clientRequest"]}}
    body["clientRequest"]["storageConfig"] = {"vendor": 1}  # an incomplete storage update
    assert not {p.rule_id for p in validate("mix", body)} & {f"R{n}" for n in range(118, 127)}


def test_acquire_options_are_declared_session_fields_that_drive_r118() -> None:
    from rec_tui.spec import catalogue

    hours = catalogue.field("session.acquire.resourceExpiredHour")
    assert (hours.minimum, hours.maximum, hours.default, hours.value_rule) == (
        1,
        720,
        72,
        "acquire.fields",
    )
    assert catalogue.field("session.acquire.region").choice_values == ("CN", "AP", "EU", "NA")
    assert checks.expired_hours({"clientRequest": {}}) == hours.default
    (problem,) = checks.check_acquire({"clientRequest": {"region": "US"}})
    assert problem.message == 'region must be one of "CN", "AP", "EU" or "NA"; got "US".'


def test_update_layout_against_a_start_body_without_a_canvas_judges_the_layout_alone() -> None:
    # The canvas is filled in at its declared defaults; only the layout rules (R65-R79) run.
    tile = {"x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5}
    body = {
        "cname": "c",
        "uid": "1",
        "clientRequest": {"mixedVideoLayout": 3, "layoutConfig": [tile]},
    }
    assert checks.check_update_layout("mix", body, acquire=None, start_body={}) == []


def test_session_fields_are_not_body_fields() -> None:
    from rec_tui.request.schema import start_body_schema
    from rec_tui.request.validate import validate
    from tests.support.rules import CLEAN_BODIES

    body = {**CLEAN_BODIES["mix"], "session": {"appId": "x"}}
    assert {(p.rule, p.path) for p in validate("mix", body)} == {("body.unknown_key", "session")}
    schema = start_body_schema("mix")
    assert "session" not in schema["properties"]
    assert "resourceExpiredHour" not in json.dumps(schema)
