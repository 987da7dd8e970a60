"""The sandbox's scenario switches reproduce customers' failures, through the client.

Each flow runs twice: on the in-process transport and over `sandbox serve`'s loopback
server, both on the fake clock (the client's back-off sleeps advance it; nothing waits).
"""

from __future__ import annotations

import time as wall_clock
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import pytest

from rec_tui.agora.client import RecordingClient
from rec_tui.agora.errors import RecordingError
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.cli import main
from rec_tui.sandbox.scenarios import (
    KICK_SECONDS,
    LEAVE_SECONDS,
    Scenarios,
    sandbox_certificate,
    token_refusal,
)
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.tokens import build_rtc_token
from tests.support.loopback import serving
from tests.support.sending import SANDBOX_CREDENTIALS, FakeTime, clean_body

CERTIFIED = "cafe" + "0123456789abcdef0123456789ab"  # the documented prefix
PLAIN = "0123456789abcdef0123456789abcdef"
LATER = 5.0  # the documented wait before the first query


@pytest.fixture(params=["in-process", "loopback"])
def route(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextmanager
def _endpoint(route: str, service: SandboxService) -> Iterator[tuple[str, SandboxTransport | None]]:
    if route == "in-process":
        yield "sandbox", SandboxTransport(service)
    else:
        with serving(service) as server:
            yield server.base_url, None


@asynccontextmanager
async def connected(
    route: str, time: FakeTime, app_id: str, scenarios: Scenarios | None = None
) -> AsyncIterator[RecordingClient]:
    service = SandboxService(
        clock=time.clock, rate_clock=time.clock, rate_limit=None, scenarios=scenarios
    )
    with _endpoint(route, service) as (endpoint, transport):
        async with RecordingClient(
            app_id=app_id,
            credentials=SANDBOX_CREDENTIALS,
            endpoint=endpoint,
            transport=transport,
            sleep=time.sleep,
            limiter=RateLimiter(clock=time.clock),
        ) as client:
            yield client


def body_for(cname: str = "demo", uid: str = "527841", token: str | None = None) -> dict[str, Any]:
    body = clean_body("mix")
    body["cname"], body["uid"] = cname, uid
    if token is not None:
        body["clientRequest"]["token"] = token
    return body


def good_token(
    time: FakeTime, app_id: str = CERTIFIED, cname: str = "demo", uid: str = "527841"
) -> str:
    return build_rtc_token(app_id, sandbox_certificate(app_id), cname, uid, issued_at=int(time.now))


async def start(client: RecordingClient, body: dict[str, Any]) -> tuple[str, str]:
    acquired = await client.acquire(body["cname"], body["uid"], {"scene": 0})
    resource_id = acquired.data["resourceId"]
    started = await client.start("mix", resource_id, body)
    assert started.status == 200
    return resource_id, started.data["sid"]


async def failure(call: Any) -> RecordingError:
    with pytest.raises(RecordingError) as raised:
        await call
    return raised.value


def stop_body(body: dict[str, Any]) -> dict[str, Any]:
    return {"cname": body["cname"], "uid": body["uid"], "clientRequest": {}}


# --- App Certificate: no valid token → the recorder leaves → 404 -------------------------


async def test_without_a_valid_token_start_succeeds_then_query_answers_404(
    route: str, time: FakeTime
) -> None:
    body = body_for()  # the clean body's token is not one the sandbox certificate signed
    async with connected(route, time, CERTIFIED) as client:
        resource_id, sid = await start(client, body)
        first = await client.query("mix", resource_id, sid)
        assert first.data["serverResponse"]["status"] <= 2  # never joins the channel
        time.now += LATER
        gone = await failure(client.query("mix", resource_id, sid))
        stopped = await failure(client.stop("mix", resource_id, sid, stop_body(body)))
    assert (gone.status, gone.code, gone.reason) == (404, 404, "failed to find worker")
    assert (stopped.status, stopped.code) == (404, 404)


async def test_the_same_flow_passes_once_a_valid_token_is_built(route: str, time: FakeTime) -> None:
    body = body_for(token=good_token(time))
    async with connected(route, time, CERTIFIED) as client:
        resource_id, sid = await start(client, body)
        time.now += LATER
        query = await client.query("mix", resource_id, sid)
        stop = await client.stop("mix", resource_id, sid, stop_body(body))
    assert query.data["serverResponse"]["status"] == 5
    assert stop.status == 200 and stop.data["serverResponse"]["fileList"]


@pytest.mark.parametrize(
    ("why", "token_for"),
    [
        ("another uid", {"uid": "42"}),
        ("another channel", {"cname": "other"}),
        ("another App ID's certificate", {"app_id": "cafe" + "f" * 28}),
    ],
)
def test_a_token_for_anything_else_makes_the_recorder_leave(
    time: FakeTime, why: str, token_for: dict[str, str]
) -> None:
    token = good_token(time, **token_for)
    assert token_refusal(CERTIFIED, "demo", "527841", token, time.now) is not None, why


def test_an_expired_token_makes_the_recorder_leave(time: FakeTime) -> None:
    token = build_rtc_token(
        CERTIFIED,
        sandbox_certificate(CERTIFIED),
        "demo",
        "527841",
        expire=60,
        issued_at=int(time.now) - 120,
    )
    refusal = token_refusal(CERTIFIED, "demo", "527841", token, time.now)
    assert refusal is not None and "expired" in refusal


async def test_update_and_update_layout_answer_404_once_the_recorder_has_left(
    time: FakeTime,
) -> None:
    body = body_for()
    transcoding = body["clientRequest"]["recordingConfig"]["transcodingConfig"]
    layout = {
        "cname": "demo",
        "uid": "527841",
        "clientRequest": {"mixedVideoLayout": transcoding.get("mixedVideoLayout", 0)},
    }
    update = {"cname": "demo", "uid": "527841", "clientRequest": {"streamSubscribe": {}}}
    async with connected("in-process", time, CERTIFIED) as client:
        resource_id, sid = await start(client, body)
        time.now += LEAVE_SECONDS
        updated = await failure(client.update("mix", resource_id, sid, update))
        laid_out = await failure(client.update_layout("mix", resource_id, sid, layout))
    assert (updated.status, updated.code) == (404, 404)
    assert (laid_out.status, laid_out.code) == (404, 404)


def test_the_recorder_stays_until_it_has_tried_to_join(time: FakeTime) -> None:
    exit = Scenarios().exit_of(CERTIFIED, "mix", body_for(), time.now)
    assert exit is not None and exit.reason == "left" and exit.at == time.now + LEAVE_SECONDS


@pytest.mark.parametrize(
    ("app_id", "certified"),
    [
        (CERTIFIED, True),
        (CERTIFIED.upper(), True),
        (PLAIN, False),
        ("cafe-app", False),  # not an App ID: no token could ever be built for it
    ],
)
def test_which_app_ids_have_a_certificate(app_id: str, certified: bool) -> None:
    assert Scenarios().certificate_enabled(app_id) is certified


def test_certificate_for_adds_an_app_id() -> None:
    scenarios = Scenarios().with_options([PLAIN], [])
    assert scenarios.certificate_enabled(PLAIN) and scenarios.certificate_enabled(PLAIN.upper())


def test_the_sandbox_certificate_is_fixed_per_app_id() -> None:
    # Pinned: tokens minted with `token build --sandbox` must keep working in later versions.
    assert sandbox_certificate(CERTIFIED) == "3d82432dfa19cb859e11a5bbf1783195"
    assert sandbox_certificate(CERTIFIED.upper()) == sandbox_certificate(CERTIFIED)
    assert sandbox_certificate(PLAIN) != sandbox_certificate(CERTIFIED)


async def test_an_app_without_a_certificate_records_without_a_token(time: FakeTime) -> None:
    async with connected("in-process", time, PLAIN) as client:
        resource_id, sid = await start(client, body_for())
        time.now += LATER
        query = await client.query("mix", resource_id, sid)
    assert query.data["serverResponse"]["status"] == 5


async def test_a_web_recorder_needs_no_token(time: FakeTime) -> None:
    body = clean_body("web")
    async with connected("in-process", time, CERTIFIED) as client:
        acquired = await client.acquire(body["cname"], body["uid"], {"scene": 1})
        resource_id = acquired.data["resourceId"]
        sid = (await client.start("web", resource_id, body)).data["sid"]
        time.now += LATER
        query = await client.query("web", resource_id, sid)
    assert query.data["serverResponse"]["status"] == 5


# --- nobody publishing → idle exit → 435 ----------------------------------------------------


async def test_nobody_publishing_exits_after_max_idle_time_and_stop_answers_435(
    route: str, time: FakeTime
) -> None:
    body = body_for(cname="empty-room")
    idle = body["clientRequest"]["recordingConfig"]["maxIdleTime"]
    async with connected(route, time, PLAIN) as client:
        resource_id, sid = await start(client, body)
        time.now += idle - 1
        before = await client.query("mix", resource_id, sid)
        time.now += 1
        gone = await failure(client.query("mix", resource_id, sid))
        nothing = await failure(client.stop("mix", resource_id, sid, stop_body(body)))
        again = await failure(client.stop("mix", resource_id, sid, stop_body(body)))
    assert before.data["serverResponse"]["fileList"] == []
    assert (gone.status, gone.code) == (404, 404)
    assert (nothing.status, nothing.code) == (206, 435)
    assert (again.status, again.code) == (400, 49)


async def test_stop_before_the_idle_exit_also_answers_435(time: FakeTime) -> None:
    body = body_for(cname="empty-room")
    async with connected("in-process", time, PLAIN) as client:
        resource_id, sid = await start(client, body)
        nothing = await failure(client.stop("mix", resource_id, sid, stop_body(body)))
    assert (nothing.status, nothing.code) == (206, 435)


def test_the_idle_exit_follows_the_bodys_max_idle_time(time: FakeTime) -> None:
    body = body_for(cname="empty-room")
    body["clientRequest"]["recordingConfig"]["maxIdleTime"] = 300
    exit = Scenarios().exit_of(PLAIN, "mix", body, time.now)
    assert exit is not None and (exit.reason, exit.at) == ("idle", time.now + 300)
    del body["clientRequest"]["recordingConfig"]["maxIdleTime"]
    exit = Scenarios().exit_of(PLAIN, "mix", body, time.now)
    assert exit is not None and exit.at == time.now + 30  # Agora's default


# --- the recorder's uid reused by a client → kicked ----------------------------------------


async def test_a_recorder_using_a_clients_uid_is_kicked(route: str, time: FakeTime) -> None:
    body = body_for(uid="1001")
    async with connected(route, time, PLAIN) as client:
        resource_id, sid = await start(client, body)
        recording = await client.query("mix", resource_id, sid)
        time.now += KICK_SECONDS
        gone = await failure(client.query("mix", resource_id, sid))
        exiting = await failure(client.stop("mix", resource_id, sid, stop_body(body)))
    assert recording.data["serverResponse"]["status"] >= 1
    assert (gone.status, gone.code, gone.reason) == (404, 404, "failed to find worker")
    assert (exiting.status, exiting.code) == (400, 49)


async def test_client_uid_adds_a_pretend_client(time: FakeTime) -> None:
    body = body_for()
    scenarios = Scenarios().with_options([], ["527841"])
    async with connected("in-process", time, PLAIN, scenarios) as client:
        resource_id, sid = await start(client, body)
        time.now += LATER
        gone = await failure(client.query("mix", resource_id, sid))
    assert gone.status == 404


async def test_a_kicked_recorder_frees_its_cname_and_uid(time: FakeTime) -> None:
    body = body_for(uid="1002")
    async with connected("in-process", time, PLAIN) as client:
        await start(client, body)
        time.now += KICK_SECONDS
        await start(client, body)  # no 53 "task conflict": the first one is gone


# --- the command line ----------------------------------------------------------------------


def test_token_build_sandbox_signs_with_the_sandbox_certificate(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_keyring: None
) -> None:
    # A real certificate at hand is not used: the token is for the sandbox.
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", "f" * 32)
    argv = ["token", "build", "--sandbox", "--app-id", CERTIFIED, "--channel", "demo"]
    assert main([*argv, "--uid", "527841"]) == 0
    token = capsys.readouterr().out.strip()
    assert token_refusal(CERTIFIED, "demo", "527841", token, wall_clock.time()) is None


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--certificate-for", "my-app", "32 hexadecimal"),
        ("--client-uid", "abc", "whole number"),
    ],
)
def test_serve_refuses_bad_scenario_options(
    capsys: pytest.CaptureFixture[str], option: str, value: str, words: str
) -> None:
    assert main(["sandbox", "serve", option, value]) == 2
    assert words in capsys.readouterr().err


def test_serve_builds_its_sandbox_with_the_scenario_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[SandboxService] = []

    class Unbindable:
        def __init__(self, port: int, service: SandboxService, **options: Any) -> None:
            built.append(service)

        async def start(self) -> None:
            raise OSError(98, "Address already in use")

    monkeypatch.setattr("rec_tui.sandbox.serve.SandboxServer", Unbindable)
    argv = ["sandbox", "serve", "--certificate-for", PLAIN, "--client-uid", "527841"]
    assert main(argv) == 2  # it could not listen; what matters is the service it built
    scenarios = built[0].scenarios
    assert scenarios.certificate_enabled(PLAIN) and scenarios.certificate_enabled(CERTIFIED)
    assert set(scenarios.client_uids) == {"1001", "1002", "527841"}


def test_serve_verbose_says_how_a_recording_will_end(
    time: FakeTime, capsys: pytest.CaptureFixture[str]
) -> None:
    import httpx

    from rec_tui.request.endpoints import CONTENT_TYPE

    service = SandboxService(clock=time.clock, rate_clock=time.clock, rate_limit=None)
    body = body_for()
    prefix = f"/v1/apps/{CERTIFIED}/cloud_recording"
    headers = {"Authorization": SANDBOX_CREDENTIALS.authorization, "Content-Type": CONTENT_TYPE}
    with serving(service, verbose=True) as server, httpx.Client(base_url=server.base_url) as http:
        acquire = {"cname": "demo", "uid": "527841", "clientRequest": {}}
        resource_id = http.post(f"{prefix}/acquire", json=acquire, headers=headers).json()[
            "resourceId"
        ]
        started = http.post(
            f"{prefix}/resourceid/{resource_id}/mode/mix/start", json=body, headers=headers
        )
    assert started.status_code == 200
    err = capsys.readouterr().err
    said = f"scenario: the recorder leaves {LEAVE_SECONDS:g} s after start"
    assert f"{said}: the RTC token cannot be read" in err
