"""The sandbox behaves as the spec describes the real service (codes, shapes, expiry, limits)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from rec_tui.agora.errors import RecordingError
from rec_tui.agora.lifecycle import Lifecycle, StartTimedOut
from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.sandbox.wire import Answer
from rec_tui.spec.modes import Mode
from tests.support.sending import FakeTime, clean_body, make_client, scene_for

AUTH = "Basic " + base64.b64encode(b"sandbox:sandbox-secret").decode()
PREFIX = "/v1/apps/app/cloud_recording"


def post(service: SandboxService, path: str, body: Any, **headers: str) -> Answer:
    sent = {"Authorization": AUTH, "Content-Type": CONTENT_TYPE, **headers}
    return service.handle("POST", PREFIX + path, sent, json.dumps(body).encode())


def get(service: SandboxService, path: str) -> Answer:
    return service.handle("GET", PREFIX + path, {"Authorization": AUTH}, b"")


def acquire(service: SandboxService, body: dict[str, Any], scene: int = 0) -> str:
    answer = post(
        service,
        "/acquire",
        {"cname": body["cname"], "uid": body["uid"], "clientRequest": {"scene": scene}},
    )
    assert answer.status == 200, answer.payload
    return str(answer.payload["resourceId"])


def start(service: SandboxService, mode: str, body: dict[str, Any]) -> tuple[str, Answer]:
    resource_id = acquire(service, body, 1 if mode == "web" else 0)
    return resource_id, post(service, f"/resourceid/{resource_id}/mode/{mode}/start", body)


def test_start_answers_sid_and_every_answer_has_a_request_id(service: SandboxService) -> None:
    _, answer = start(service, "mix", clean_body("mix"))
    assert answer.status == 200 and len(answer.payload["sid"]) == 32
    assert answer.headers["x-request-id"]


def test_start_with_a_validation_error_answers_code_2_naming_it(service: SandboxService) -> None:
    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["transcodingConfig"]["backgroundColor"] = "red"
    _, answer = start(service, "mix", body)
    assert (answer.status, answer.payload["code"]) == (400, 2)
    assert "backgroundColor" in answer.payload["reason"]
    assert not service.recordings


def test_cname_or_uid_different_from_acquire_answers_432(service: SandboxService) -> None:
    body = clean_body("mix")
    resource_id = acquire(service, body)
    body["uid"] = "999"
    answer = post(service, f"/resourceid/{resource_id}/mode/mix/start", body)
    assert (answer.status, answer.payload["code"]) == (400, 432)


def test_resource_expires_after_5_minutes(service: SandboxService, time: FakeTime) -> None:
    body = clean_body("mix")
    resource_id = acquire(service, body)
    time.now += 301
    answer = post(service, f"/resourceid/{resource_id}/mode/mix/start", body)
    assert answer.payload["code"] == 433


def test_repeated_start_answers_201_code_7_and_starts_nothing(service: SandboxService) -> None:
    body = clean_body("mix")
    resource_id, _ = start(service, "mix", body)
    again = post(service, f"/resourceid/{resource_id}/mode/mix/start", body)
    assert (again.status, again.payload) == (201, {"code": 7, "reason": "already started"})
    assert len(service.recordings) == 1


def test_a_second_task_with_the_same_cname_and_uid_answers_53(service: SandboxService) -> None:
    body = clean_body("mix")
    start(service, "mix", body)
    _, second = start(service, "mix", body)
    assert second.payload["code"] == 53


def test_web_needs_acquire_scene_1(service: SandboxService) -> None:
    body = clean_body("web")
    resource_id = acquire(service, body, scene=0)
    answer = post(service, f"/resourceid/{resource_id}/mode/web/start", body)
    assert answer.payload["code"] == 2 and "scene 1" in answer.payload["reason"]


def test_unknown_sid_answers_404(service: SandboxService) -> None:
    resource_id, _ = start(service, "mix", clean_body("mix"))
    answer = get(service, f"/resourceid/{resource_id}/sid/0123/mode/mix/query")
    assert (answer.status, answer.payload["code"]) == (404, 404)


def test_query_walks_status_1_to_5(service: SandboxService) -> None:
    resource_id, answer = start(service, "mix", clean_body("mix"))
    path = f"/resourceid/{resource_id}/sid/{answer.payload['sid']}/mode/mix/query"
    statuses = [get(service, path).payload["serverResponse"]["status"] for _ in range(6)]
    assert statuses == [1, 2, 3, 4, 5, 5]


def test_status_also_advances_with_time(service: SandboxService, time: FakeTime) -> None:
    resource_id, answer = start(service, "mix", clean_body("mix"))
    path = f"/resourceid/{resource_id}/sid/{answer.payload['sid']}/mode/mix/query"
    time.now += 5.0  # the documented wait before the first query
    assert get(service, path).payload["serverResponse"]["status"] == 5


@pytest.mark.parametrize(
    ("mode", "edit", "expected_keys", "list_mode"),
    [
        ("mix", None, {"status", "fileListMode", "fileList", "sliceStartTime"}, "json"),
        ("mix", "hls_only", {"status", "fileListMode", "fileList", "sliceStartTime"}, "string"),
        ("individual", None, {"status", "fileListMode", "fileList", "sliceStartTime"}, "json"),
        ("web", None, {"status", "extensionServiceState"}, None),
    ],
)
def test_query_answers_with_the_modes_server_response_shape(
    service: SandboxService,
    mode: str,
    edit: str | None,
    expected_keys: set[str],
    list_mode: str | None,
) -> None:
    body = clean_body(mode)
    if edit == "hls_only":
        body["clientRequest"]["recordingFileConfig"]["avFileType"] = ["hls"]
    resource_id, answer = start(service, mode, body)
    sid = answer.payload["sid"]
    response = get(service, f"/resourceid/{resource_id}/sid/{sid}/mode/{mode}/query").payload[
        "serverResponse"
    ]
    assert set(response) == expected_keys
    if list_mode == "string":
        assert response["fileList"] == f"{sid}_{body['cname']}.m3u8"
    elif list_mode == "json":
        entry = response["fileList"][0]
        assert set(entry) == {
            "fileName",
            "trackType",
            "uid",
            "mixedAllUser",
            "isPlayable",
            "sliceStartTime",
        }
    else:
        (recorder,) = response["extensionServiceState"]
        assert recorder["serviceName"] == "web_recorder_service"
        assert set(recorder["payload"]) == {"fileList", "onhold", "state"}
        assert "filename" in recorder["payload"]["fileList"][0]


def test_stop_returns_the_file_list_and_a_second_stop_answers_49(service: SandboxService) -> None:
    body = clean_body("mix")
    resource_id, answer = start(service, "mix", body)
    path = f"/resourceid/{resource_id}/sid/{answer.payload['sid']}/mode/mix/stop"
    control = {"cname": body["cname"], "uid": body["uid"], "clientRequest": {}}
    stopped = post(service, path, control)
    assert stopped.payload["serverResponse"]["uploadingStatus"] == "uploaded"
    assert stopped.payload["serverResponse"]["fileList"]
    assert post(service, path, control).payload["code"] == 49


def test_update_with_a_section_of_another_mode_answers_code_2(service: SandboxService) -> None:
    body = clean_body("mix")
    resource_id, answer = start(service, "mix", body)
    path = f"/resourceid/{resource_id}/sid/{answer.payload['sid']}/mode/mix/update"
    update = {
        "cname": body["cname"],
        "uid": body["uid"],
        "clientRequest": {"webRecordingConfig": {"onhold": True}},
    }
    result = post(service, path, update)
    assert result.payload["code"] == 2 and "webRecordingConfig" in result.payload["reason"]


def test_update_layout_with_a_bad_layout_answers_1028(service: SandboxService) -> None:
    body = clean_body("mix")
    resource_id, answer = start(service, "mix", body)
    path = f"/resourceid/{resource_id}/sid/{answer.payload['sid']}/mode/mix/updateLayout"
    layout = {"cname": body["cname"], "uid": body["uid"], "clientRequest": {"mixedVideoLayout": 7}}
    assert post(service, path, layout).payload["code"] == 1028
    layout["clientRequest"] = {"mixedVideoLayout": 2, "maxResolutionUid": "123"}
    assert post(service, path, layout).status == 200
    assert service.recordings[answer.payload["sid"]].layout["mixedVideoLayout"] == 2


def test_credentials_are_checked(service: SandboxService) -> None:
    no_header = service.handle("POST", PREFIX + "/acquire", {"Content-Type": CONTENT_TYPE}, b"{}")
    assert (no_header.status, no_header.payload) == (401, {"message": "Unauthorized"})
    wrong = post(service, "/acquire", {}, Authorization="Basic d3Jvbmc6d3Jvbmc=")
    assert wrong.payload == {"message": "Invalid authentication credentials"}


def test_a_content_type_other_than_json_answers_code_8(service: SandboxService) -> None:
    answer = post(service, "/acquire", {"cname": "a", "uid": "1"}, **{"Content-Type": "text/plain"})
    assert (answer.status, answer.payload["code"]) == (400, 8)


def test_unknown_route_answers_the_gateway_404(service: SandboxService) -> None:
    answer = service.handle("GET", PREFIX + "/acquire", {"Authorization": AUTH}, b"")
    assert answer.payload == {"message": "no Route matched with those values"}


def test_more_than_10_requests_per_second_answer_429(time: FakeTime) -> None:
    service = SandboxService(clock=time.clock, rate_clock=time.clock)
    statuses = [post(service, "/acquire", {"cname": "a", "uid": "1"}).status for _ in range(11)]
    assert statuses == [200] * 10 + [429]
    time.now += 1.0
    assert post(service, "/acquire", {"cname": "a", "uid": "1"}).status == 200


# --- the whole lifecycle in each mode through the client ---------------------------------


UPDATES: dict[str, dict[str, Any]] = {
    "mix": {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["123"]}}},
    "individual": {"streamSubscribe": {"videoUidList": {"subscribeVideoUids": ["#allstream#"]}}},
    "web": {"webRecordingConfig": {"onhold": True}},
}


@pytest.mark.parametrize("mode", ["mix", "individual", "web"])
async def test_whole_lifecycle_in_each_mode(
    mode: Mode, time: FakeTime, sandbox: SandboxTransport
) -> None:
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start(
            mode, clean_body(mode), {"resourceExpiredHour": 24}
        )
        assert session.acquire_body["clientRequest"] == {
            **scene_for(mode),
            "resourceExpiredHour": 24,
        }
        assert await lifecycle.wait_until_recording(session) == 4
        await lifecycle.update(session, UPDATES[mode])
        if mode == "mix":
            await lifecycle.update_layout(
                session, {"mixedVideoLayout": 1, "backgroundColor": "#112233"}
            )
            assert session.layout == {"mixedVideoLayout": 1, "backgroundColor": "#112233"}
        reply = await lifecycle.stop(session)
    assert session.stopped and session.file_list()
    assert reply.data["sid"] == session.sid
    assert not sandbox.service.running
    if mode == "web":
        recorder = reply.data["serverResponse"]["extensionServiceState"][1]["payload"]
        assert recorder["onhold"] is True and recorder["state"] == "exit"


def _task_gone(sandbox: SandboxTransport, sid: str, now: float) -> None:
    sandbox.service.recordings.clear()  # its recorder never joined: stop answers 404


def _task_stopping(sandbox: SandboxTransport, sid: str, now: float) -> None:
    sandbox.service.recordings[sid].stopped_at = now  # stopped already: stop answers 49


@pytest.mark.parametrize(
    ("make", "code", "ended"), [(_task_gone, 404, True), (_task_stopping, 49, False)]
)
async def test_a_stop_agora_finds_no_task_for_ends_the_session_and_says_so(
    time: FakeTime, sandbox: SandboxTransport, make: Any, code: int, ended: bool
) -> None:
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start("mix", clean_body("mix"))
        make(sandbox, session.sid, time.clock())
        with pytest.raises(RecordingError) as caught:
            await lifecycle.stop(session)
    assert caught.value.code == code
    # Only a task Agora does not know ends the session; any other failure leaves it running.
    assert session.stopped is ended
    said = f"no longer counts sid {session.sid} as running" in str(caught.value)
    assert said is ended


async def test_a_query_agora_finds_no_task_for_marks_the_session_until_one_finds_it(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start("mix", clean_body("mix"))
        kept = dict(sandbox.service.recordings)
        _task_gone(sandbox, session.sid, time.clock())
        with pytest.raises(RecordingError):
            await lifecycle.query(session)
        # Still counted as running (a task moving to another server answers 404 too).
        assert session.unknown_to_agora and not session.stopped
        sandbox.service.recordings.update(kept)  # the task answers again
        await lifecycle.query(session)
    assert not session.unknown_to_agora


async def test_a_stop_that_answers_nothing_recorded_ends_the_session(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    body = clean_body("mix")
    body["cname"] = "empty-room"  # nobody publishes there: stop answers 206 with code 435
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start("mix", body)
        with pytest.raises(RecordingError) as caught:
            await lifecycle.stop(session)
    assert caught.value.code == 435
    assert session.stopped


async def test_polling_gives_up_after_90_seconds(
    time: FakeTime, sandbox: SandboxTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rec_tui.agora.lifecycle import PollPlan
    from rec_tui.sandbox.answers import Recording

    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep, poll=PollPlan())
        session = await lifecycle.acquire_and_start("mix", clean_body("mix"))
        # The sandbox would reach 4 on the 4th query; hold it at 1 to see the deadline.
        monkeypatch.setattr(Recording, "next_status", lambda self, now: 1)
        time.sleeps.clear()
        with pytest.raises(StartTimedOut, match="90 s"):
            await lifecycle.wait_until_recording(session)
    waits = [pause for pause in time.sleeps if pause >= 0.5]  # not the limiter's spacing
    assert waits[0] == 5.0 and waits[1:4] == [2.0, 3.0, 5.0]
    assert 75.0 <= sum(time.sleeps) <= 90.0


async def test_checks_refuse_a_bad_update_before_it_is_sent(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    from rec_tui.agora.lifecycle import ChecksFailed

    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start("mix", clean_body("mix"))
        sent_before = len(sandbox.seen)
        with pytest.raises(ChecksFailed) as caught:
            await lifecycle.update(session, {"storageConfig": {"vendor": 1}})
        assert len(sandbox.seen) == sent_before
    assert caught.value.problems[0].rule == "update.storage.complete"


async def test_sandbox_refusal_surfaces_as_a_recording_error(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["transcodingConfig"]["backgroundColor"] = "red"
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        with pytest.raises(RecordingError) as caught:
            await lifecycle.acquire_and_start("mix", body, force=True)
    assert caught.value.code == 2 and "backgroundColor" in caught.value.reason


def test_expired_resource_ids_are_freed_and_still_answer_433(
    service: SandboxService, time: FakeTime
) -> None:
    body = clean_body("mix")
    kept = acquire(service, body)
    time.now += 301
    other = post(service, "/acquire", {"cname": "x", "uid": "1", "clientRequest": {}})
    assert kept not in service.resources and other.payload["resourceId"] in service.resources
    answer = post(service, f"/resourceid/{kept}/mode/mix/start", body)
    assert (answer.status, answer.payload["code"]) == (400, 433)


def test_stopped_recordings_are_forgotten_after_a_while(
    service: SandboxService, time: FakeTime
) -> None:
    body = clean_body("mix")
    resource_id, started = start(service, "mix", body)
    sid = started.payload["sid"]
    running_id, _ = start(service, "mix", {**clean_body("mix"), "uid": "42"})
    control = {"cname": body["cname"], "uid": body["uid"], "clientRequest": {}}
    post(service, f"/resourceid/{resource_id}/sid/{sid}/mode/mix/stop", control)
    time.now += 60
    assert (
        post(service, f"/resourceid/{resource_id}/sid/{sid}/mode/mix/stop", control).payload["code"]
        == 49
    )
    time.now += 601
    get(service, "/acquire")  # any request sweeps
    assert sid not in service.recordings and resource_id not in service.resources
    # A running recording (and its resource ID) is kept however old.
    assert running_id in service.resources and len(service.running) == 1
