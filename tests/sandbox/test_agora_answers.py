"""Over loopback HTTP, the sandbox answers as Agora's reference documents (issue 13).

Each test drives ``sandbox serve`` as a customer's backend would and checks the documented
status, code, reason text and answer shape. Pages: D:status (Response status codes), D:query,
D:stop, D:files (Manage recorded files), D:stream-mode (Media streaming output modes),
D:acquire; the seed's header section for the Content-Type.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from rec_tui.spec.codes import CODES
from tests.support.backend import Backend, backend
from tests.support.sending import clean_body

SESSION_KEYS = {"cname", "uid", "resourceId", "sid"}


def documented(code: int) -> dict[str, Any]:
    """The exact body Agora's reference gives for ``code``."""
    return {"code": code, "reason": CODES[code].reason}


def assert_refused(answer: httpx.Response, status: int, code: int) -> str:
    """The answer is ``{"code", "reason"}`` and nothing else; its reason text."""
    assert answer.status_code == status, answer.text
    payload = answer.json()
    assert set(payload) == {"code", "reason"} and payload["code"] == code
    assert isinstance(payload["reason"], str) and payload["reason"]
    return str(payload["reason"])


def server_response(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 200, answer.text
    payload = answer.json()
    assert set(payload) >= SESSION_KEYS
    return dict(payload["serverResponse"])


def recording_status(api: Backend, mode: str, resource_id: str, sid: str) -> dict[str, Any]:
    """The query answer once the recording is in progress (status 5)."""
    for _ in range(6):
        response = server_response(api.query(mode, resource_id, sid))
        if response["status"] == 5:
            return response
    raise AssertionError("the recording never reached status 5")


# --- 1. Content-Type -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",  # the seed's header section and every current docs example
        "application/json;charset=utf-8",  # the seed's request example
        "application/json; charset=utf-8",
        "application/json; charset=UTF-8",
        "Application/JSON;Charset=UTF-8",
    ],
)
def test_every_json_content_type_of_the_docs_is_accepted(content_type: str) -> None:
    with backend() as api:
        body = {"cname": "demo", "uid": "527841", "clientRequest": {}}
        answer = api.acquire(body, content_type=content_type)
    assert answer.status_code == 200
    assert set(answer.json()) == {"cname", "uid", "resourceId"}


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/xml", "application/json; charset=latin-1"]
)
def test_a_body_that_is_not_json_in_utf8_answers_code_8(content_type: str | None) -> None:
    with backend() as api:
        body = {"cname": "demo", "uid": "527841", "clientRequest": {}}
        reason = assert_refused(api.acquire(body, content_type=content_type), 400, 8)
    assert "Content-Type" in reason


# --- 2. and 10. After stop ---------------------------------------------------------------


def test_after_stop_query_and_updates_find_no_worker_and_stop_is_an_invalid_operation() -> None:
    body = clean_body("mix")
    with backend() as api:
        resource_id, sid = api.started("mix", body)
        assert api.stop("mix", resource_id, sid, body).status_code == 200
        query = api.query("mix", resource_id, sid)
        layout = {"cname": "demo", "uid": "527841", "clientRequest": {"mixedVideoLayout": 1}}
        update_layout = api.call("updateLayout", "mix", resource_id, sid, layout)
        stop_again = api.stop("mix", resource_id, sid, body)
    for answer in (query, update_layout):
        assert_refused(answer, 404, 404)
        assert answer.json() == documented(404) == {"code": 404, "reason": "failed to find worker"}
    assert_refused(stop_again, 400, 49)
    assert stop_again.json() == {"code": 49, "reason": "invalid operation"}


def test_a_resource_serves_one_session_starting_again_after_stop_is_refused() -> None:
    body = clean_body("mix")
    with backend() as api:
        resource_id, sid = api.started("mix", body)
        api.stop("mix", resource_id, sid, body)
        again = api.start("mix", resource_id, body)
    reason = assert_refused(again, 400, 433)
    assert "acquire" in reason and "already" not in reason


# --- 3. onhold at start ------------------------------------------------------------------


def web_body(*, onhold: bool | None = None, cdn: bool = False, files: Any = None) -> Any:
    body = clean_body("web")
    services = body["clientRequest"]["extensionServiceConfig"]["extensionServices"]
    if onhold is not None:
        services[0]["serviceParam"]["onhold"] = onhold
    if cdn:
        services.append(
            {
                "serviceName": "rtmp_publish_service",
                "errorHandlePolicy": "error_ignore",
                "serviceParam": {"outputs": [{"rtmpUrl": "rtmp://cdn.example.com/live/1"}]},
            }
        )
    if files is not None:
        body["clientRequest"]["recordingFileConfig"]["avFileType"] = files
    return body


def test_onhold_true_at_start_is_honoured_until_update_resumes() -> None:
    body = web_body(onhold=True, cdn=True)
    with backend() as api:
        resource_id, sid = api.started("web", body)
        paused = recording_status(api, "web", resource_id, sid)
        resume = {"cname": body["cname"], "uid": body["uid"]}
        resume["clientRequest"] = {"webRecordingConfig": {"onhold": False}}
        assert api.call("update", "web", resource_id, sid, resume).status_code == 200
        resumed = server_response(api.query("web", resource_id, sid))
    web, cdn = paused["extensionServiceState"]
    assert web["payload"]["onhold"] is True
    assert cdn["payload"]["outputs"][0]["status"] == "onhold"
    web, cdn = resumed["extensionServiceState"]
    assert web["payload"]["onhold"] is False
    assert cdn["payload"]["outputs"][0]["status"] == "publishing"


# --- 4. and 5. Track types and individual-mode files ---------------------------------------


def test_an_audio_only_mix_recording_reports_audio_tracks() -> None:
    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["streamTypes"] = 0
    del body["clientRequest"]["recordingConfig"]["subscribeVideoUids"]
    with backend() as api:
        resource_id, sid = api.started("mix", body)
        files = recording_status(api, "mix", resource_id, sid)["fileList"]
    assert [f["trackType"] for f in files] == ["audio", "audio"]


def individual_files(stream_types: int, stream_mode: str | None = None) -> list[Any]:
    body = clean_body("individual")
    recording = body["clientRequest"]["recordingConfig"]
    recording["streamTypes"] = stream_types
    if stream_types == 0:
        del recording["subscribeVideoUids"]
    if stream_mode is not None:
        recording["streamMode"] = stream_mode
    with backend() as api:
        resource_id, sid = api.started("individual", body)
        response = recording_status(api, "individual", resource_id, sid)
    assert response["fileListMode"] == "json"
    base = f"{sid}_demo__uid_s_"
    return [
        (f["fileName"].removeprefix(base), f["trackType"], f["uid"]) for f in response["fileList"]
    ]


def test_individual_mode_writes_one_audio_and_one_video_index_per_uid() -> None:
    assert individual_files(2) == [
        ("123__uid_e_audio.m3u8", "audio", "123"),
        ("123__uid_e_video.m3u8", "video", "123"),
        ("456__uid_e_audio.m3u8", "audio", "456"),
        ("456__uid_e_video.m3u8", "video", "456"),
    ]


def test_standard_stream_mode_adds_the_merged_index_per_uid() -> None:
    files = individual_files(2, "standard")
    assert ("123__uid_e_av.m3u8", "audio_and_video", "123") in files
    assert ("456__uid_e_av.m3u8", "audio_and_video", "456") in files
    assert len(files) == 6


def test_an_audio_only_individual_recording_writes_audio_indexes_only() -> None:
    assert individual_files(0) == [
        ("123__uid_e_audio.m3u8", "audio", "123"),
        ("456__uid_e_audio.m3u8", "audio", "456"),
    ]


# --- 6. Web file lists -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("av_file_type", "suffixes"),
    [(["hls"], [".m3u8"]), (["hls", "mp4"], [".m3u8", "_0.mp4"])],
)
def test_web_file_lists_follow_av_file_type(av_file_type: list[str], suffixes: list[str]) -> None:
    body = web_body(files=av_file_type)
    with backend() as api:
        resource_id, sid = api.started("web", body)
        (web,) = recording_status(api, "web", resource_id, sid)["extensionServiceState"]
    names = [f["filename"] for f in web["payload"]["fileList"]]
    assert names == [f"{sid}_webdemo{suffix}" for suffix in suffixes]


def test_web_file_names_replace_special_characters_of_the_cname() -> None:
    body = web_body(files=["hls"])
    body["cname"] = "room#1.a"
    with backend() as api:
        resource_id, sid = api.started("web", body)
        (web,) = recording_status(api, "web", resource_id, sid)["extensionServiceState"]
    assert web["payload"]["fileList"][0]["filename"] == f"{sid}_room-1-a.m3u8"


# --- 7. startParameter -------------------------------------------------------------------


def test_start_must_carry_the_start_parameter_sent_at_acquire() -> None:
    body = clean_body("mix")
    expected = copy.deepcopy(body["clientRequest"])
    expected["recordingConfig"]["channelType"] = 1
    with backend() as api:
        resource_id = api.acquire_for(body, scene=0, startParameter=expected)
        refused = api.start("mix", resource_id, body)
        other = api.acquire_for(body, scene=0, startParameter=expected)
        body["clientRequest"]["recordingConfig"]["channelType"] = 1
        accepted = api.start("mix", other, body)
    reason = assert_refused(refused, 400, 2)
    assert reason.startswith("Start: ") and "startParameter" in reason
    assert accepted.status_code == 200 and set(accepted.json()) == SESSION_KEYS


# --- 8. acquire's uid and cname ------------------------------------------------------------


@pytest.mark.parametrize("uid", ["0", "4294967296", "-1", "12a", ""])
def test_acquire_refuses_a_uid_outside_the_documented_range(uid: str) -> None:
    with backend() as api:
        answer = api.acquire({"cname": "demo", "uid": uid, "clientRequest": {}})
    reason = assert_refused(answer, 400, 2)
    assert reason.startswith("Acquire: invalid uid value!")


@pytest.mark.parametrize("cname", ["a/b*c", "x" * 64, "caf\u00e9"])
def test_acquire_refuses_an_invalid_channel_name(cname: str) -> None:
    with backend() as api:
        answer = api.acquire({"cname": cname, "uid": "527841", "clientRequest": {}})
    assert_refused(answer, 400, 401)
    assert answer.json() == {"code": 401, "reason": "invalid_channel_name"}


def test_a_web_acquire_takes_any_label_up_to_1024_bytes_as_cname() -> None:
    with backend() as api:
        fine = api.acquire({"cname": "https://x/a*b", "uid": "1", "clientRequest": {"scene": 1}})
        long = api.acquire({"cname": "x" * 1025, "uid": "1", "clientRequest": {"scene": 1}})
    assert fine.status_code == 200
    assert long.json() == documented(401)


# --- 9. Agora's own reasons and shapes -----------------------------------------------------


def test_a_repeated_start_answers_201_with_code_7_only() -> None:
    body = clean_body("mix")
    with backend() as api:
        resource_id, _ = api.started("mix", body)
        again = api.start("mix", resource_id, body)
    assert_refused(again, 201, 7)
    assert again.json() == {"code": 7, "reason": "already started"}


def test_a_second_task_for_the_same_cname_and_uid_is_a_task_conflict() -> None:
    body = clean_body("mix")
    with backend() as api:
        api.started("mix", body)
        resource_id = api.acquire_for(body, scene=0)
        second = api.start("mix", resource_id, body)
    assert_refused(second, 400, 53)
    assert second.json() == {"code": 53, "reason": "task conflict"}


def test_gateway_errors_carry_only_the_documented_message() -> None:
    with backend() as api:
        no_auth = api.client.post(api.prefix + "/acquire", json={})
        bad_credentials = api.client.get(api.prefix + "/acquire", headers={"Authorization": "x"})
    assert (no_auth.status_code, no_auth.json()) == (401, {"message": "Unauthorized"})
    assert bad_credentials.status_code == 401
    assert bad_credentials.json() == {"message": "Invalid authentication credentials"}


# --- 11. updateLayout --------------------------------------------------------------------


def test_update_layout_outside_mix_is_code_2_and_a_bad_layout_is_1028() -> None:
    individual, mix = clean_body("individual"), clean_body("mix")
    layout: dict[str, Any] = {"cname": "demo", "uid": "527841"}
    with backend() as api:
        resource_id, sid = api.started("individual", individual)
        layout["clientRequest"] = {"mixedVideoLayout": 1}
        wrong_mode = api.call("updateLayout", "individual", resource_id, sid, layout)
        api.stop("individual", resource_id, sid, individual)
        resource_id, sid = api.started("mix", mix)
        layout["clientRequest"] = {"mixedVideoLayout": 7}
        bad_layout = api.call("updateLayout", "mix", resource_id, sid, layout)
    reason = assert_refused(wrong_mode, 400, 2)
    assert reason.startswith("UpdateLayout: ") and "only works for mix" in reason
    reason = assert_refused(bad_layout, 400, 1028)
    assert "mixedVideoLayout" in reason


# --- 12. Web stop ------------------------------------------------------------------------


def test_web_stop_lists_the_upload_and_web_recorder_services_only() -> None:
    body = web_body(cdn=True)
    with backend() as api:
        resource_id, sid = api.started("web", body)
        stopped = server_response(api.stop("web", resource_id, sid, body))
    services = [s["serviceName"] for s in stopped["extensionServiceState"]]
    assert services == ["upload_service", "web_recorder_service"]
    assert stopped["extensionServiceState"][0]["payload"] == {"uploadingStatus": "uploaded"}


def test_stopping_a_recording_of_an_empty_channel_answers_206_no_recorded_data() -> None:
    body = clean_body("mix")
    body["cname"] = "empty-room"
    with backend() as api:
        resource_id, sid = api.started("mix", body)
        stopped = api.stop("mix", resource_id, sid, body)
    assert_refused(stopped, 206, 435)
    assert stopped.json() == {"code": 435, "reason": "no recorded data"}
