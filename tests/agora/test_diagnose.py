"""rec-tui diagnose's core: one made-up ticket per finding, messy ones, and no false alarms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.agora.diagnose import FINDING_IDS, Diagnosis, diagnose
from rec_tui.i18n import CHINESE, activate
from rec_tui.tokens import build_rtc_token
from tests.support.seed_examples import EXAMPLES

TICKETS = Path(__file__).parents[1] / "data" / "tickets"
APP_ID = "0123456789abcdef0123456789abcdef"
CERTIFICATE = "fedcba9876543210fedcba9876543210"
ISSUED = 1772355600  # 2026-03-01 09:00:00 UTC
URL = f"https://api.agora.io/v1/apps/{APP_ID}/cloud_recording"
SECRETS = ("AKIAEXAMPLEKEY1", "wJalrSecretExample", "Y3VzdG9tZXI6c2VjcmV0c2VjcmV0")


def ticket(name: str) -> Diagnosis:
    return diagnose((TICKETS / f"{name}.txt").read_text("utf-8"))


def found(result: Diagnosis) -> dict[str, str]:
    return {finding.id: finding.severity for finding in result.findings}


def token(
    channel: str = "room1", uid: str = "527841", app_id: str = APP_ID, expire: int = 10**8
) -> str:
    return build_rtc_token(
        app_id, CERTIFICATE, channel, uid, expire=expire, issued_at=ISSUED, salt=7
    )


def started_then_gone(start_token: str, *, stamp: str = "2026-03-01 10:00:00Z") -> str:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": start_token}}
    return (
        f"{stamp} POST {URL}/resourceid/R/mode/mix/start {json.dumps(body)}\n"
        f'{stamp} {{"resourceId":"R","sid":"S","cname":"room1","uid":"527841"}}\n'
        f'{stamp} query: {{"code":404,"reason":"failed to find worker"}}\n'
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("no_token_404", {"token-missing": "error", "recorder-left": "error"}),
        ("curl_verbose", {"token-missing": "error", "recorder-left": "error"}),
        ("wrong_channel_zh", {"token-channel-mismatch": "error", "recorder-left": "error"}),
        ("expired_token", {"token-expired": "error", "recorder-left": "error"}),
        ("token_pasted_alone", {"token-channel-mismatch": "error"}),
        ("two_starts", {"recorder-left": "error", "uid-collision": "error"}),
        ("acquire_mismatch", {"acquire-start-mismatch": "error"}),
        ("resource_expired", {"resource-expired": "error"}),
        ("no_stream", {"no-stream": "error"}),
        ("callback_idle", {"no-stream": "info"}),
        ("rate_limited", {"rate-limited": "error"}),
        ("credentials", {"credentials-invalid": "error"}),
        ("service_disabled", {"service-not-enabled": "error"}),
        ("already_running", {"already-running": "warning"}),
        ("snapshot_stop", {"snapshot-no-filelist": "info"}),
        ("upload_failed", {"upload-failed": "error", "empty-file-list": "error"}),
        ("upload_backuped", {"upload-backuped": "warning"}),
        ("empty_file_list", {"empty-file-list": "error"}),
        ("placeholder_portrait", {"placeholder-uids": "warning", "portrait-default": "warning"}),
        ("body_invalid", {"body-invalid": "error", "portrait-default": "info"}),
    ],
)
def test_each_ticket_gets_exactly_its_findings(name: str, expected: dict[str, str]) -> None:
    assert found(ticket(name)) == expected


def test_a_healthy_exchange_gets_no_finding_at_all() -> None:
    result = ticket("healthy")
    assert result.findings == ()
    assert not result.has_errors
    assert [call.kind for call in result.exchange.calls] == ["acquire", "start", "query", "stop"]


def test_the_cause_comes_before_the_symptom() -> None:
    ids = [finding.id for finding in ticket("no_token_404").findings]
    assert ids == ["token-missing", "recorder-left"]


def test_recorder_left_lists_its_causes_in_order_with_what_confirms_each() -> None:
    left = next(f for f in ticket("wrong_channel_zh").findings if f.id == "recorder-left")
    causes = left.fix.splitlines()[1:]
    assert causes[0].startswith("1. The recorder could not join") and "Confirm" in causes[0]
    assert [cause[:2] for cause in causes] == ["1.", "2.", "3.", "4."]
    assert "14 s later" in left.message


def test_two_starts_put_the_kicked_recorder_first() -> None:
    left = next(f for f in ticket("two_starts").findings if f.id == "recorder-left")
    assert left.fix.splitlines()[1].startswith("1. Another user joined with the recorder's uid")


def test_answers_without_status_lines_are_paired_with_their_calls() -> None:
    calls = ticket("no_token_404").exchange.calls
    start = next(call for call in calls if call.kind == "start")
    assert start.answer is not None and start.answer.sid == "SID-B"
    assert start.answer.status is None


def test_chinese_log_lines_give_times_and_statuses() -> None:
    result = ticket("wrong_channel_zh")
    rows = result.exchange_json()
    assert rows[0]["time"] == "2026-03-01T10:00:01Z"
    assert rows[-1]["answer"]["status"] == 404
    assert rows[-1]["call"] == "query"  # named in the log line: 查询录制
    assert rows[-1]["seconds_after_previous"] == 14.0


def test_a_token_for_another_app_id_or_uid_is_an_error() -> None:
    other_app = token(app_id="ffffffffffffffffffffffffffffffff")
    assert found(diagnose(started_then_gone(other_app)))["token-app-mismatch"] == "error"
    other_uid = token(uid="42")
    assert found(diagnose(started_then_gone(other_uid)))["token-uid-mismatch"] == "error"


def test_a_token_for_uid_0_fits_any_recorder() -> None:
    result = diagnose(started_then_gone(token(uid="0")))
    assert "token-uid-mismatch" not in found(result)


def test_an_unreadable_token_is_an_error_only_when_the_recorder_left() -> None:
    assert found(diagnose(started_then_gone("007eJxNotAToken")))["token-malformed"] == "error"
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": "007eJx..."}}
    alone = diagnose(f"POST {URL}/resourceid/R/mode/mix/start\n{json.dumps(body)}")
    assert found(alone)["token-malformed"] == "warning"


def test_expiry_is_judged_at_the_time_of_the_exchange_not_now() -> None:
    hour_token = token(expire=3600)  # valid 09:00 to 10:00 UTC on 2026-03-01
    before = diagnose(started_then_gone(hour_token, stamp="2026-03-01 09:30:00Z"))
    assert "token-expired" not in found(before)
    after = diagnose(started_then_gone(hour_token, stamp="2026-03-01 10:30:00Z"))
    assert found(after)["token-expired"] == "error"


def test_without_times_an_expired_token_is_only_a_warning_judged_now() -> None:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": token(expire=60)}}
    result = diagnose(f"POST {URL}/resourceid/R/mode/mix/start\n{json.dumps(body)}")
    expired = next(f for f in result.findings if f.id == "token-expired")
    assert expired.severity == "warning"
    assert "judged now" in expired.message


def test_a_log_time_without_zone_close_to_expiry_is_not_proof() -> None:
    hour_token = token(expire=3600)
    result = diagnose(started_then_gone(hour_token, stamp="2026-03-01 12:00:00"))
    assert found(result)["token-expired"] == "warning"


def test_a_body_without_token_that_never_started_is_at_most_a_warning() -> None:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {}}
    refused = diagnose(
        f"POST {URL}/resourceid/R/mode/mix/start\n{json.dumps(body)}\n"
        '{"code":2,"reason":"invalid parameter"}'
    )
    assert found(refused)["token-missing"] == "warning"


def test_a_started_recording_without_token_that_keeps_running_is_fine() -> None:
    text = (TICKETS / "healthy.txt").read_text("utf-8")
    without = diagnose(text.replace('"token":"', '"unused":"'))
    assert "token-missing" not in found(without)


def test_body_invalid_carries_the_validator_rule_names() -> None:
    invalid = next(f for f in ticket("body_invalid").findings if f.id == "body-invalid")
    assert "body.uid.type" in invalid.rules or invalid.rules
    assert all(isinstance(rule, str) and "." in rule for rule in invalid.rules)


@pytest.mark.parametrize("name", sorted(p.stem for p in TICKETS.glob("*.txt")))
def test_no_secret_reaches_the_findings_or_the_exchange(name: str) -> None:
    from rec_tui.cli.diagnose import render_text

    result = diagnose((TICKETS / f"{name}.txt").read_text("utf-8"))
    shown = json.dumps(result.as_json(), ensure_ascii=False) + "\n".join(render_text(result))
    for secret in SECRETS:
        assert secret not in shown
    assert "007eJx" not in shown


def test_every_finding_id_is_one_of_the_fixed_ids() -> None:
    for path in TICKETS.glob("*.txt"):
        for finding in diagnose(path.read_text("utf-8")).findings:
            assert finding.id in FINDING_IDS


def test_prose_and_unrelated_json_give_no_finding() -> None:
    result = diagnose('Hello, we use {"name": "demo", "count": 3} and it works fine.')
    assert result.findings == ()


def test_a_token_that_ran_out_during_the_recording_is_named(tmp_path: Path) -> None:
    hour_token = token(expire=3600)  # valid until 10:00 UTC
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": hour_token}}
    text = (
        f"2026-03-01T09:30:00Z POST {URL}/resourceid/R/mode/mix/start {json.dumps(body)}\n"
        '2026-03-01T09:30:00Z {"resourceId":"R","sid":"S","cname":"room1","uid":"527841"}\n'
        f"2026-03-01T10:05:00Z GET {URL}/resourceid/R/sid/S/mode/mix/query\n"
        '{"code":404,"reason":"failed to find worker"}\n'
    )
    expired = next(f for f in diagnose(text).findings if f.id == "token-expired")
    assert expired.severity == "error"
    assert "expired at 2026-03-01 10:00:00 UTC" in expired.message
    activate(CHINESE, tmp_path)  # the times are written as Chinese writes them, still in UTC
    expired = next(f for f in diagnose(text).findings if f.id == "token-expired")
    assert "2026年3月1日 UTC 10:00:00" in expired.message
    assert "2026年3月1日 UTC 09:30:00" in expired.message


def test_a_404_after_a_stop_is_not_a_recorder_that_left() -> None:
    text = (TICKETS / "healthy.txt").read_text("utf-8") + (
        f"2026-03-01 10:31:00 GET {URL}/resourceid/RES-A/sid/SID-A/mode/mix/query\n"
        '{"code":404,"reason":"failed to find worker"}\n'
    )
    assert diagnose(text).findings == ()


def test_a_404_within_five_seconds_of_start_is_only_a_warning() -> None:
    result = diagnose(started_then_gone(token()))
    assert found(result)["recorder-left"] == "warning"


def test_curl_with_headers_and_date_gives_the_time() -> None:
    text = (
        f"$ curl -i -X POST {URL}/resourceid/R/mode/mix/start -d "
        + "'"
        + json.dumps({"cname": "room1", "uid": "527841", "clientRequest": {"token": token()}})
        + "'\n"
        "HTTP/1.1 200 OK\n"
        "Date: Sun, 01 Mar 2026 10:00:00 GMT\n"
        "Content-Type: application/json\n\n"
        '{"resourceId":"R","sid":"S","cname":"room1","uid":"527841"}\n'
    )
    rows = diagnose(text).exchange_json()
    assert rows == [
        {
            "call": "start",
            "line": 1,
            "quoted": True,
            "time": "2026-03-01T10:00:00Z",
            "seconds_after_previous": None,
            "app_id": APP_ID,
            "resource_id": "R",
            "sid": None,
            "cname": "room1",
            "uid": "527841",
            "answer": {"line": 6, "status": 200, "sid": "S"},
        }
    ]


def test_a_callback_leave_for_nobody_in_the_channel_is_only_information() -> None:
    assert found(ticket("callback_idle")) == {"no-stream": "info"}


def test_quoted_lines_mask_every_kind_of_secret() -> None:
    from rec_tui.agora.diagnose.evidence import Quoter
    from rec_tui.agora.diagnose.reading import read_exchange

    line = (
        "curl -u myid:mysecret -H 'Authorization: Basic bXlpZDpteXNlY3JldA==' "
        f'-d \'{{"token": "{token()}", "secretKey": "sk-123456"}}\''
    )
    quoted = Quoter(read_exchange(line)).line(1)
    for secret in ("myid:mysecret", "bXlpZDpteXNlY3JldA==", "007eJx", "sk-123456"):
        assert secret not in quoted
    assert "Basic ••••••••" in quoted and '"secretKey": "••••••••"' in quoted


def test_a_placeholder_app_id_in_the_url_is_not_checked_against_the_token() -> None:
    text = started_then_gone(token()).replace(APP_ID, "YOUR_APP_ID")
    assert "token-app-mismatch" not in found(diagnose(text))


def test_a_wrong_route_404_is_not_a_recorder_that_left() -> None:
    text = (
        f"2026-03-01 10:00:00Z POST {URL}/resourceid/R/mode/mix/start "
        + json.dumps({"cname": "room1", "uid": "527841", "clientRequest": {"token": token()}})
        + '\n{"resourceId":"R","sid":"S","cname":"room1","uid":"527841"}\n'
        f"2026-03-01 10:01:00Z POST {URL}/resourceid/R/sid/S/mode/mix/query\n"
        "HTTP/1.1 404 Not Found\n"
        '{"message":"no Route matched with those values"}\n'
    )
    assert "recorder-left" not in found(diagnose(text))


def test_the_same_start_answer_pasted_twice_is_not_two_recorders() -> None:
    text = (TICKETS / "healthy.txt").read_text("utf-8")
    start = text[text.index("2026-03-01 10:00:01") : text.index("2026-03-01 10:00:20")]
    assert diagnose(text.replace(start, start + start)).findings == ()


def test_an_acquire_of_another_resource_id_is_not_compared_with_the_start() -> None:
    text = (TICKETS / "acquire_mismatch.txt").read_text("utf-8")
    other = text.replace('{"resourceId":"RES-F"}', '{"resourceId":"RES-OTHER"}')
    other = other.replace('{"code":432,"reason":"invalid request"}', "")
    assert "acquire-start-mismatch" not in found(diagnose(other))


def test_an_unpaired_acquire_that_differs_is_only_a_warning() -> None:
    text = (TICKETS / "acquire_mismatch.txt").read_text("utf-8")
    unpaired = text.replace('{"resourceId":"RES-F"}\n', "")
    unpaired = unpaired.replace(
        'HTTP/1.1 400 Bad Request\n{"code":432,"reason":"invalid request"}', ""
    )
    assert found(diagnose(unpaired))["acquire-start-mismatch"] == "warning"


def test_acquire_and_start_with_different_app_ids_are_named() -> None:
    text = (TICKETS / "acquire_mismatch.txt").read_text("utf-8")
    text = text.replace('"uid":"111"', '"uid":"527841"')
    text = text.replace(f"{APP_ID}/cloud_recording/acquire", "f" * 32 + "/cloud_recording/acquire")
    mismatch = next(f for f in diagnose(text).findings if f.id == "acquire-start-mismatch")
    assert mismatch.severity == "error" and "App ID" in mismatch.message


def test_a_start_that_got_a_sid_did_not_have_an_expired_resource() -> None:
    text = (TICKETS / "resource_expired.txt").read_text("utf-8")
    text += (
        '2026-03-01 10:07:00 {"resourceId":"RES-G","sid":"SID-G","cname":"room1","uid":"527841"}\n'
    )
    assert "resource-expired" not in found(diagnose(text))


def test_curl_verbose_echo_of_the_request_line_is_the_same_call() -> None:
    rows = ticket("curl_verbose").exchange_json()
    assert [(row["call"], row["answer"]["status"]) for row in rows] == [
        ("start", 200),
        ("query", 404),
    ]
    assert rows[1]["seconds_after_previous"] == 70.0


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_seed_examples_started_and_queried_get_no_error(
    title: str, mode: str, body: dict[str, Any]
) -> None:
    """The documentation's own examples (with their 123/456 uids and whatever tokens they
    hold), answered as a healthy recording would be: nothing in them is proof of a fault."""
    cname, uid = body.get("cname", "c"), body.get("uid", "1")
    text = (
        f"2026-03-01 10:00:00Z POST {URL}/resourceid/R/mode/{mode}/start\n"
        f"{json.dumps(body, ensure_ascii=False)}\n"
        "HTTP/1.1 200 OK\n"
        + json.dumps({"resourceId": "R", "sid": "S", "cname": cname, "uid": uid})
        + f"\n2026-03-01 10:00:30Z GET {URL}/resourceid/R/sid/S/mode/{mode}/query\n"
        '{"resourceId":"R","sid":"S","serverResponse":{"status":5}}\n'
    )
    result = diagnose(text)
    assert not result.has_errors, [(f.id, f.message) for f in result.findings]


def test_an_unreadable_token_of_a_recording_that_ran_is_only_information() -> None:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": "<your token>"}}
    text = (
        f"POST {URL}/resourceid/R/mode/mix/start\n{json.dumps(body)}\n"
        '{"resourceId":"R","sid":"S","cname":"room1","uid":"527841"}\n'
        f"GET {URL}/resourceid/R/sid/S/mode/mix/query\n"
        '{"resourceId":"R","sid":"S","serverResponse":{"status":5}}\n'
    )
    assert found(diagnose(text))["token-malformed"] == "info"


def test_log_records_wrapping_requests_and_answers_are_unwrapped() -> None:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": token()}}
    records = [
        {"ts": "2026-03-01T10:00:00Z", "level": "info", "message": "start", "request": body,
         "url": f"{URL}/resourceid/R/mode/mix/start"},
        {"ts": "2026-03-01T10:00:00Z", "level": "info", "message": "start ok",
         "response": {"resourceId": "R", "sid": "S", "cname": "room1", "uid": "527841"}},
        {"ts": "2026-03-01T10:01:00Z", "level": "error", "message": "query failed",
         "response": {"code": 404, "reason": "failed to find worker"}},
    ]  # fmt: skip
    result = diagnose("\n".join(json.dumps(record) for record in records))
    assert [(c.kind, c.answer is not None) for c in result.exchange.calls] == [
        ("start", True),
        ("query", True),
    ]
    assert found(result)["recorder-left"] == "error"


def test_an_answer_logged_as_an_escaped_json_string_is_read() -> None:
    record = {"level": "error", "msg": json.dumps({"code": 435, "reason": "no recorded data"})}
    assert found(diagnose(json.dumps(record)))["no-stream"] == "error"


def test_callback_events_are_part_of_the_exchange_with_their_time() -> None:
    rows = ticket("callback_idle").exchange_json()
    assert rows == [
        {
            "line": 2,
            "time": "2026-03-01T10:00:00Z",
            "seconds_after_previous": None,
            "call": "callback",
            "event_type": 41,
            "sid": "SID-N",
            "details": {"msgName": "recorder_leave", "leaveCode": 4},
        }
    ]


def test_two_starts_with_the_same_uid_are_only_a_warning_while_both_run() -> None:
    text = (TICKETS / "two_starts.txt").read_text("utf-8")
    text = text.replace(
        '{"code":404,"reason":"failed to find worker"}',
        '{"resourceId":"RES-E1","sid":"SID-E1","serverResponse":{"status":5}}',
    )
    assert found(diagnose(text)) == {"uid-collision": "warning"}


def test_the_same_invalid_body_sent_again_is_one_finding() -> None:
    text = (TICKETS / "body_invalid.txt").read_text("utf-8")
    result = diagnose(text + text)
    assert [f.id for f in result.findings].count("body-invalid") == 1


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Every call says Invalid authentication credentials, please help", "credentials-invalid"),
        ("acquire answers invalid appid since yesterday", "service-not-enabled"),
        ("我们经常收到 API rate limit exceeded", "rate-limited"),
    ],
)
def test_a_server_text_quoted_in_prose_is_evidence(prose: str, expected: str) -> None:
    refusal = next(f for f in diagnose(prose).findings if f.id == expected)
    assert refusal.evidence == (f"line 1: {prose}",)


def test_failed_to_find_worker_in_prose_alone_proves_nothing() -> None:
    assert diagnose("query says failed to find worker, why?").findings == ()


def test_a_body_without_cname_uid_or_url_is_not_checked_against_the_token() -> None:
    body = {"clientRequest": {"token": token(channel="elsewhere", uid="42")}}
    result = diagnose(f"Our start body: {json.dumps(body)}")
    assert not {"token-channel-mismatch", "token-uid-mismatch", "token-app-mismatch"} & set(
        found(result)
    )
    assert found(result)["body-invalid"] == "warning"  # an excerpt: no cname, no uid


def test_a_token_in_a_body_over_many_lines_is_quoted_from_its_own_line_masked() -> None:
    body = {"cname": "room1", "uid": "527841", "clientRequest": {"token": "007eJxNotAToken"}}
    pretty = json.dumps(body, indent=2)
    result = diagnose(f"curl -X POST '{URL}/resourceid/R/mode/mix/start' \\\n  -d '{pretty}'")
    malformed = next(f for f in result.findings if f.id == "token-malformed")
    token_line = 2 + pretty.split("\n").index(
        next(li for li in pretty.split("\n") if "token" in li)
    )
    assert malformed.evidence[0].startswith(f'line {token_line}: "token": ')
    assert "007eJxNotAToken" not in malformed.evidence[0]


def _seed_storage() -> dict[str, Any]:
    return dict(EXAMPLES[0][2]["clientRequest"]["storageConfig"])


def test_body_invalid_counts_the_rules_it_breaks_not_its_problems() -> None:
    # Two uids written as numbers: two problems of one rule ("breaks 2 rules" said before).
    recording = {"channelType": 0, "streamTypes": 2, "subscribeVideoUids": [123, 456]}
    storage = _seed_storage()
    request = {"recordingConfig": recording, "storageConfig": storage}
    body = {"cname": "room1", "uid": "527841", "clientRequest": request}
    url = "https://api.agora.io/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start"
    invalid = next(
        f for f in diagnose(f"POST {url}\n{json.dumps(body)}\n").findings if f.id == "body-invalid"
    )
    assert len(invalid.evidence) > len(invalid.rules) == 1
    assert "breaks 1 rule of the API" in invalid.message
