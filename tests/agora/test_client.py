"""The REST client against the in-process sandbox: retries, failover, errors, history."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from rec_tui.agora.client import MAX_ANSWER_BYTES, RecordingClient, retry_after_seconds
from rec_tui.agora.connect import record_in_history
from rec_tui.agora.errors import RecordingError, interpret
from rec_tui.agora.exchange import Exchange
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.request.redact import MASK
from rec_tui.sandbox.faults import FaultKind
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.sandbox.wire import Answer
from rec_tui.spec.modes import Mode
from rec_tui.store import history
from rec_tui.store.paths import history_file
from rec_tui.store.secrets import Credentials
from tests.support.sending import FakeTime, clean_body, make_client, scene_for


def backoffs(time: FakeTime) -> list[float]:
    """The retry pauses, without the rate limiter's spacing of about 0.1 s."""
    return [pause for pause in time.sleeps if pause >= 0.5]


async def _acquire_and_start(client, mode="mix", body=None):  # type: ignore[no-untyped-def]
    body = body or clean_body(mode)
    acquired = await client.acquire(body["cname"], body["uid"], scene_for(mode))
    started = await client.start(mode, acquired.data["resourceId"], body)
    return acquired.data["resourceId"], started


# --- failover, retries, back-off --------------------------------------------------------


async def test_primary_host_down_the_next_host_answers(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("drop", host="api.agora.io", times=None)
    async with make_client(time, sandbox, endpoint="global") as client:
        reply = await client.acquire("demo", "527841")
    assert reply.data["resourceId"]
    assert [(s.host, s.status) for s in sandbox.seen] == [
        ("api.agora.io", None),
        ("api.sd-rtn.com", 200),
    ]
    assert backoffs(time) == [1.0]


async def test_server_error_then_success_tries_the_same_host_again_first(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("server_error", call="acquire", status=503)
    async with make_client(time, sandbox, endpoint="global") as client:
        reply = await client.acquire("demo", "527841")
    assert reply.status == 200
    assert [(s.host, s.status) for s in sandbox.seen] == [
        ("api.agora.io", 503),
        ("api.agora.io", 200),
    ]
    assert backoffs(time) == [1.0]


async def test_repeated_server_errors_fail_over_to_the_other_primary(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("server_error", host="api.agora.io", times=None)
    async with make_client(time, sandbox, endpoint="global") as client:
        await client.acquire("demo", "527841")
    assert [s.host for s in sandbox.seen] == ["api.agora.io", "api.agora.io", "api.sd-rtn.com"]
    assert backoffs(time) == [1.0, 3.0]


async def test_code_65_then_success_retries_start_with_the_same_resource_id(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("code65", call="start")
    async with make_client(time, sandbox) as client:
        _, started = await _acquire_and_start(client)
    assert started.data["sid"]
    assert [s.status for s in sandbox.seen if s.call == "start"] == [206, 200]
    assert backoffs(time) == [3.0]
    assert len(sandbox.service.recordings) == 1


def starts_sent(sandbox: SandboxTransport) -> int:
    return sum(1 for seen in sandbox.seen if seen.call == "start")


LOST_START_ANSWERS = [
    pytest.param("server_error", {"status": 500}, id="500"),
    pytest.param("server_error", {"status": 503, "retry_after": 1.0}, id="503"),
    pytest.param("lose_answer", {}, id="reset"),
    pytest.param("latency", {"seconds": 60.0}, id="timeout"),
    pytest.param("non_json", {}, id="proxy-502"),
]


@pytest.mark.parametrize(("fault", "options"), LOST_START_ANSWERS)
async def test_a_start_whose_answer_was_lost_is_never_sent_again(
    fault: FaultKind, options: dict[str, Any], time: FakeTime, sandbox: SandboxTransport
) -> None:
    # The sandbox's faults act in front of it, so whether it would dedupe a repeat never
    # matters: what is counted is the starts rec-tui sent.
    sandbox.faults.inject(fault, call="start", times=None, **options)
    async with make_client(time, sandbox, timeout=0.05) as client:
        with pytest.raises(RecordingError) as caught:
            await _acquire_and_start(client)
    assert starts_sent(sandbox) == 1
    resource_id = next(iter(sandbox.service.resources))
    message = caught.value.message
    assert "may have started anyway" in message and resource_id in message
    assert "did not send start again" in message
    assert caught.value.as_dict()["notes"]


class NoDedupeService(SandboxService):
    """A server that starts a new recording on every start, never answering 201/code 7."""

    def _start(self, app_id: str, resource_id: str, mode: Mode, payload: dict[str, Any]) -> Answer:
        resource = self.resources.get(resource_id)
        if resource is not None:
            resource.sid = None
        for recording in self.running:
            recording.stopped_at = self.clock()
        return super()._start(app_id, resource_id, mode, payload)


async def test_against_a_server_that_does_not_dedupe_a_lost_answer_makes_one_recording(
    time: FakeTime,
) -> None:
    service = NoDedupeService(clock=time.clock, rate_clock=time.clock)
    sandbox = SandboxTransport(service)
    sandbox.faults.inject("lose_answer", call="start")
    async with make_client(time, sandbox) as client:
        with pytest.raises(RecordingError):
            await _acquire_and_start(client)
    assert len(service.recordings) == 1 and starts_sent(sandbox) == 1


async def test_a_start_that_never_left_is_sent_to_the_next_host(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("drop", call="start", host="api.agora.io")
    async with make_client(time, sandbox, endpoint="global") as client:
        _, started = await _acquire_and_start(client)
    assert [(s.host, s.status) for s in sandbox.seen if s.call == "start"] == [
        ("api.agora.io", None),
        ("api.sd-rtn.com", 200),
    ]
    assert started.data["sid"] and len(sandbox.service.recordings) == 1


async def test_a_start_turned_away_with_429_is_sent_again_after_retry_after(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("rate_limit", call="start", retry_after=3.0)
    async with make_client(time, sandbox) as client:
        await _acquire_and_start(client)
    assert [s.status for s in sandbox.seen if s.call == "start"] == [429, 200]
    assert 3.0 in time.sleeps and len(sandbox.service.recordings) == 1


async def test_a_lifecycle_start_of_a_session_with_a_sid_queries_instead(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    from rec_tui.agora.lifecycle import Lifecycle

    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start("mix", clean_body("mix"), {})
        again = await lifecycle.start(session)
    assert again.sid == session.sid and starts_sent(sandbox) == 1
    assert [s.call for s in sandbox.seen][-1] == "query"


async def test_starting_twice_by_hand_is_refused_with_code_7_and_starts_nothing(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    body = clean_body("mix")
    async with make_client(time, sandbox) as client:
        resource_id, _ = await _acquire_and_start(client, body=body)
        with pytest.raises(RecordingError) as caught:
            await client.start("mix", resource_id, body)
    assert (caught.value.status, caught.value.code) == (201, 7)
    assert caught.value.reason == "already started"
    assert len(sandbox.service.recordings) == 1


async def test_a_code_7_answer_that_names_the_sid_queries_the_running_recording() -> None:
    sid = "38f8e3cfdc474cd56fc1ceba380d7e1a"
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        call = request.url.path.rsplit("/", 1)[-1]
        calls.append(call)
        if call == "start":
            return httpx.Response(201, json={"code": 7, "reason": "already started", "sid": sid})
        served = {"cname": "demo", "uid": "527841", "resourceId": "rid", "sid": sid}
        return httpx.Response(200, json={**served, "serverResponse": {"status": 5}})

    async with mock_client(handler) as client:
        second = await client.start("mix", "rid", clean_body("mix"))
    assert second.already_running and second.data["sid"] == sid
    assert second.data["serverResponse"]["status"] == 5 and calls == ["start", "query"]


async def test_429_is_waited_out_using_retry_after(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("rate_limit", call="acquire", retry_after=2.0)
    async with make_client(time, sandbox) as client:
        reply = await client.acquire("demo", "527841")
    assert reply.status == 200
    assert [s.status for s in sandbox.seen] == [429, 200]
    # The pause is the server's Retry-After; the limiter holds the next send back as well.
    assert 2.0 in time.sleeps and sum(time.sleeps) >= 2.0


async def test_429_from_the_service_then_success_and_rate_stays_within_10_per_second(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    # A client limiter that allows 20/s lets the sandbox's own 10/s limit answer 429.
    async with make_client(time, sandbox) as client:
        client.limiter = RateLimiter(20, clock=time.clock)
        for _ in range(15):
            await client.acquire("demo", "527841")
    statuses = [s.status for s in sandbox.seen]
    assert 429 in statuses and statuses.count(200) == 15


async def test_the_limiter_keeps_a_burst_within_10_per_second(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sent: list[float] = []
    async with make_client(time, sandbox) as client:
        client.listeners.append(lambda exchange: sent.append(time.now))
        for _ in range(25):
            await client.acquire("demo", "527841")
    assert all(s.status == 200 for s in sandbox.seen)
    for index in range(len(sent) - 10):
        assert sent[index + 10] - sent[index] >= 1.0


def test_limiter_never_lets_11_requests_go_in_one_second() -> None:
    now = [50.0]
    limiter = RateLimiter(10, clock=lambda: now[0])
    sent = []
    for _ in range(25):
        while (wait := limiter.reserve()) > 0:
            now[0] += wait
        sent.append(now[0])
    assert sent[:10] == [50.0] * 10  # a burst of ten goes at once
    # Eleven consecutive requests always span more than a second, with room for jitter.
    assert all(sent[i + 10] - sent[i] >= 1.04 for i in range(len(sent) - 10))


async def test_a_send_counts_from_when_its_answer_came(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    arrivals: list[float] = []

    class Slow(httpx.AsyncBaseTransport):
        """The sandbox, answering half a second after each request arrives."""

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            arrivals.append(time.now)
            time.now += 0.5
            return await sandbox.handle_async_request(request)

    limiter = RateLimiter(1, clock=time.clock)
    async with RecordingClient(
        app_id="test-app",
        credentials=Credentials("sandbox", "sandbox-secret"),
        endpoint="sandbox",
        transport=Slow(),
        sleep=time.sleep,
        limiter=limiter,
    ) as client:
        await client.acquire("demo", "527841")
        await client.acquire("demo", "527841")
    # The second went a second (and the margin) after the first one's answer, not its send.
    assert arrivals[1] - arrivals[0] == pytest.approx(0.5 + limiter.span)


def test_limiter_does_not_hold_back_requests_that_are_already_spaced() -> None:
    now = [0.0]
    limiter = RateLimiter(10, clock=lambda: now[0])
    for _ in range(5):
        assert limiter.reserve() == 0.0
        now[0] += 0.5


def test_a_429_pause_holds_every_request_back() -> None:
    limiter = RateLimiter(10, clock=lambda: 0.0)
    limiter.pause(2.0)
    assert limiter.reserve() == 2.0


async def test_every_call_times_out_and_the_error_says_so(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("latency", seconds=5.0, times=None)
    async with make_client(time, sandbox, timeout=0.01) as client:
        with pytest.raises(RecordingError) as caught:
            await client.acquire("demo", "527841")
    assert caught.value.kind == "network" and caught.value.status is None
    assert "timed out" in caught.value.message
    assert len(sandbox.seen) == 4 and backoffs(time) == [1.0, 3.0, 6.0]


async def test_non_json_answer_becomes_an_explained_error(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("non_json", times=None)
    async with make_client(time, sandbox) as client:
        with pytest.raises(RecordingError) as caught:
            await client.acquire("demo", "527841")
    error = caught.value
    assert error.kind == "non_json" and error.status == 502
    assert "502 Bad Gateway" in error.reason
    assert "not JSON" in error.meaning


async def test_wrong_credentials_give_401_with_codes_meaning_and_no_retry(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    wrong = Credentials("sandbox", "not-the-secret")
    async with make_client(time, sandbox, credentials=wrong) as client:
        with pytest.raises(RecordingError) as caught:
            await client.acquire("demo", "527841")
    from rec_tui.spec.codes import describe_message

    expected = describe_message("Invalid authentication credentials")
    assert expected is not None
    assert caught.value.status == 401 and caught.value.kind == "gateway"
    assert caught.value.meaning == expected.meaning and caught.value.check == expected.check
    assert len(sandbox.seen) == 1


# --- answers -----------------------------------------------------------------------------


def test_interpret_service_shape_with_code_and_reason() -> None:
    error = interpret("start", 400, '{"code": 433, "reason": "expired"}', "rid-1")
    assert isinstance(error, RecordingError)
    assert (error.code, error.reason, error.request_id) == (433, "expired", "rid-1")
    assert "Acquire again" in error.check
    assert "code 433" in error.message and "Request ID: rid-1" in error.message


def test_interpret_2xx_answers_that_carry_error_codes() -> None:
    for status, code in ((201, 7), (206, 65), (206, 435)):
        error = interpret("stop", status, json.dumps({"code": code, "reason": "x"}))
        assert isinstance(error, RecordingError) and error.code == code
        assert error.meaning


def test_interpret_start_200_without_sid_is_not_success() -> None:
    error = interpret("start", 200, '{"resourceId": "r"}')
    assert isinstance(error, RecordingError) and error.kind == "unexpected"


def test_interpret_success_returns_the_json() -> None:
    assert interpret("acquire", 200, '{"resourceId": "r"}') == {"resourceId": "r"}


async def test_request_id_is_kept_on_replies_and_in_history(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    async with make_client(time, sandbox, listeners=[record_in_history]) as client:
        reply = await client.acquire("demo", "527841")
    assert len(reply.request_id) == 32
    (record,) = history.recent(5)
    assert record["request_id"] == reply.request_id
    assert record["call"] == "acquire" and record["status"] == 200


# --- secrets ----------------------------------------------------------------------------


async def test_no_secret_reaches_history_exchanges_or_error_text(time: FakeTime) -> None:
    secret = "customer-secret-4f9a"
    service = SandboxService(
        clock=time.clock, rate_clock=time.clock, customer_id="cust-1", customer_secret=secret
    )
    sandbox = SandboxTransport(service)
    credentials = Credentials("cust-1", secret)
    body = clean_body("mix")
    body["clientRequest"]["token"] = "tok-007eJxSECRET"
    body["clientRequest"]["storageConfig"]["secretKey"] = "storage-secret-key-9"
    seen: list[Exchange] = []
    errors = []
    async with make_client(
        time, sandbox, credentials=credentials, listeners=[seen.append, record_in_history]
    ) as client:
        resource_id, _ = await _acquire_and_start(client, body=body)
        body["cname"] = "other"  # 432 — its error text must be clean too
        try:
            await client.start("mix", resource_id, body)
        except RecordingError as error:
            errors.append(error.message)
    written = history_file().read_text(encoding="utf-8") + "\n".join(errors)
    written += json.dumps([e.as_dict() for e in seen])
    for value in (secret, credentials.basic_token, "tok-007eJxSECRET", "storage-secret-key-9"):
        assert value not in written
    assert MASK in written and errors


def test_scrubbing_a_secret_made_of_digits_leaves_numbers_alone() -> None:
    from rec_tui.agora.exchange import Scrubber

    scrubber = Scrubber(Credentials("id", "123456"))
    cleaned = scrubber.body({"bitrate": 1234567, "note": "key 123456 leaked", "list": ["123456"]})
    assert cleaned == {"bitrate": 1234567, "note": f"key {MASK} leaked", "list": [MASK]}
    assert scrubber.answer('{"n": 1234567}') == {"n": 1234567}


async def test_added_latency_below_the_timeout_only_delays(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("latency", seconds=0.01)
    async with make_client(time, sandbox, timeout=5.0) as client:
        reply = await client.acquire("demo", "527841")
    assert reply.status == 200 and backoffs(time) == []


async def test_credentials_from_the_secret_store_drive_the_client_as_they_are(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    # One Credentials type: what the keyring (or the environment) gives is what the client
    # signs with, and the client module keeps no look-alike of its own.
    import rec_tui.agora.exchange
    from rec_tui.store.secrets import MemoryStore, customer_credentials, store_customer_credentials

    store = MemoryStore()
    store_customer_credentials(store, Credentials("sandbox", "sandbox-secret"))
    found = customer_credentials(store, environ={})
    assert found is not None and found.source == store.backend_name
    async with make_client(time, sandbox, credentials=found) as client:
        reply = await client.acquire("demo", "527841")
        assert client.credentials is found
        assert "sandbox-secret" not in repr(client.credentials)
    assert reply.status == 200
    assert "Credentials" not in vars(rec_tui.agora.exchange)


# --- retry-after, answer size, identifiers ------------------------------------------------


async def test_a_503_with_retry_after_is_waited_out_as_asked(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    sandbox.faults.inject("server_error", call="acquire", status=503, retry_after=7.0)
    async with make_client(time, sandbox) as client:
        reply = await client.acquire("demo", "527841")
    assert reply.status == 200 and backoffs(time) == [7.0]


def test_retry_after_reads_seconds_and_http_dates_and_is_capped() -> None:
    assert retry_after_seconds("2") == 2.0
    assert retry_after_seconds("Thu, 01 Jan 1970 00:00:30 GMT", now=10.0) == 20.0
    assert retry_after_seconds("Thu, 01 Jan 1970 00:00:30 GMT", now=100.0) == 0.0
    assert retry_after_seconds("86400") == 60.0
    assert retry_after_seconds("soon") is None and retry_after_seconds("") is None
    assert retry_after_seconds("nan") is None


def mock_client(handler: Any) -> RecordingClient:
    time = FakeTime()
    return RecordingClient(
        app_id="app",
        credentials=Credentials("id", "secret"),
        endpoint="http://127.0.0.1:9",
        transport=httpx.MockTransport(handler),
        sleep=time.sleep,
        limiter=RateLimiter(clock=time.clock),
    )


async def test_an_answer_whose_numbers_hold_a_secrets_digits_is_read_whole() -> None:
    # The answer is redacted as JSON, not as text: masking "2724971" inside
    # 1562724971626 would leave no JSON to read and the query would fail.
    answer = {"resourceId": "r", "sid": "s", "serverResponse": {"sliceStartTime": 1562724971626}}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=answer)

    seen: list[Exchange] = []
    async with mock_client(handler) as client:
        client.credentials = Credentials("id", "2724971")
        client.listeners.append(seen.append)
        reply = await client.query("mix", "r", "s")
    assert reply.data == answer
    assert seen[0].response_body == answer


async def test_an_endless_answer_is_read_only_up_to_the_cap() -> None:
    pulled: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        for _ in range(3200):  # 200 MB if nothing stopped reading
            pulled.append(1)
            yield b"x" * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    seen: list[Any] = []
    async with mock_client(handler) as client:
        client.listeners.append(seen.append)
        with pytest.raises(RecordingError) as caught:
            await client.acquire("demo", "527841")
    assert caught.value.kind == "oversized"
    assert "1048576 bytes" in caught.value.message and "stopped" in caught.value.message
    assert len(pulled) * 65536 <= MAX_ANSWER_BYTES + 2 * 65536
    assert len(seen) == 1 and len(str(seen[0].response_body)) <= 2000


@pytest.mark.parametrize(
    "resource_id", ["../../v1/apps/x", "a b", "x?y=1", "..", "r" * 1025, 42, "é"]
)
async def test_a_resource_id_that_cannot_go_into_a_url_is_refused(resource_id: Any) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(200, json={"resourceId": resource_id})

    async with mock_client(handler) as client:
        with pytest.raises(RecordingError) as caught:
            await client.acquire("demo", "527841")
    assert caught.value.kind == "unexpected" and "resourceId" in caught.value.reason
    assert len(calls) == 1  # nothing more was sent


async def test_a_sid_from_a_code_7_answer_is_checked_before_the_query() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(201, json={"code": 7, "reason": "dup", "sid": "../stop"})

    async with mock_client(handler) as client:
        with pytest.raises(RecordingError) as caught:
            await client.start("mix", "rid", clean_body("mix"))
    assert "cannot be queried" in caught.value.message and len(calls) == 1


async def test_identifiers_given_by_the_caller_are_checked_before_sending() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(200, json={})

    async with mock_client(handler) as client:
        with pytest.raises(ValueError, match="sid holds characters"):
            await client.query("mix", "rid", "a/b")
        with pytest.raises(ValueError, match="resource ID is missing"):
            await client.query("mix", "", "sid")
    assert calls == []


def test_the_client_needs_the_sandbox_transport_handed_in() -> None:
    with pytest.raises(ValueError, match="in-process sandbox"):
        RecordingClient(app_id="a", credentials=Credentials("sandbox", "sandbox-secret"))


async def test_without_a_history_listener_nothing_is_written(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    async with make_client(time, sandbox) as client:
        await client.acquire("demo", "527841")
    assert not history_file().exists()


async def test_a_lone_surrogate_in_a_body_is_sent_escaped_and_refused_cleanly(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    async with make_client(time, sandbox, listeners=[record_in_history]) as client:
        with pytest.raises(RecordingError) as caught:
            await client.acquire("\ud800", "527841")
    assert caught.value.status == 400 and "surrogate" in caught.value.reason
