"""diagnose on "nothing was recorded": the callback's error and upload events, and the
query or stop answers that list no file or say the upload is not done."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.agora.diagnose import Diagnosis, Finding, diagnose

TICKETS = Path(__file__).parents[1] / "data" / "tickets"
URL = "https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording"
TASK = f"{URL}/resourceid/R/sid/S/mode/mix"


def ticket(name: str) -> str:
    return (TICKETS / f"{name}.txt").read_text("utf-8")


def finding(result: Diagnosis, id_: str) -> Finding:
    return next(f for f in result.findings if f.id == id_)


def callback(event: int, **details: Any) -> str:
    payload = {"sid": "S", "details": details}
    return json.dumps({"eventType": event, "notifyMs": 1772359200000, "payload": payload})


def stop_answer(response: dict[str, Any]) -> str:
    answer = {"resourceId": "R", "sid": "S", "serverResponse": response}
    return f'POST {TASK}/stop\n{{"cname":"c","uid":"1","clientRequest":{{}}}}\n{json.dumps(answer)}'


def test_an_uploader_error_names_the_storage_settings_and_comes_first() -> None:
    result = diagnose(ticket("upload_failed"))
    assert [f.id for f in result.findings] == ["upload-failed", "empty-file-list"]
    failed = result.findings[0]
    assert "errorCode 32" in failed.message
    assert "storage settings in start do not let Agora write to the bucket" in failed.message
    assert failed.fix.startswith("Check storageConfig in start")
    # The bucket is shown, the keys never.
    assert any('bucket = "recordings-us-east"' in seen for seen in failed.evidence)
    assert not any("AKIAEXAMPLEKEY1" in seen or "wJalr" in seen for seen in failed.evidence)
    # The empty file list is explained by the failed upload before the generic causes.
    causes = result.findings[1].fix.splitlines()
    assert causes[1] == "1. The upload failed: see the upload-failed finding above."


def test_any_other_upload_error_is_a_failed_upload_without_blaming_the_settings() -> None:
    result = diagnose(callback(1, module=1, errorLevel=5, errorCode=47))
    failed = finding(result, "upload-failed")
    assert "the files could not be uploaded to the storage" in failed.message
    timed_out = diagnose(callback(1, module=2, errorLevel=5, errorCode=50))
    assert finding(timed_out, "upload-failed").severity == "error"


@pytest.mark.parametrize(
    "material",
    [
        callback(32, msgName="backuped", status=0),
        callback(2, module=1, warnCode=32),
        stop_answer({"fileListMode": "json", "fileList": [], "uploadingStatus": "backuped"}),
    ],
)
def test_files_sent_to_agoras_backup_cloud_are_said_to_arrive_later(material: str) -> None:
    backuped = finding(diagnose(material), "upload-backuped")
    assert backuped.severity == "warning"
    assert "Agora moves them to the storage later" in backuped.message


def test_the_backup_ticket_quotes_stops_answer_and_the_bucket() -> None:
    backuped = finding(diagnose(ticket("upload_backuped")), "upload-backuped")
    assert '(stop answered uploadingStatus "backuped")' in backuped.message
    assert backuped.evidence[0].startswith("line 10: ")
    assert 'bucket = "rec-hz"' in backuped.evidence[1]


@pytest.mark.parametrize(
    ("material", "said"),
    [
        (
            f'POST {TASK}/stop\n{{"cname":"c","uid":"1","clientRequest":{{}}}}\n'
            '{"resourceId":"R","sid":"S","code":50}',
            "code 50",
        ),
        (stop_answer({"fileList": "S_c.m3u8", "uploadingStatus": "unknown"}), '"unknown"'),
    ],
)
def test_a_stop_before_the_upload_finished_says_files_may_still_come(
    material: str, said: str
) -> None:
    unfinished = finding(diagnose(material), "upload-unfinished")
    assert said in unfinished.message and "still be on their way" in unfinished.message
    assert "async_stop" in unfinished.fix


@pytest.mark.parametrize(
    ("material", "severity"),
    [
        (callback(1, module=0, errorLevel=5, errorCode=7, errorMsg="recorder crashed"), "error"),
        (callback(1, module=0, errorLevel=3, errorCode=7), "warning"),
        (callback(11, msgName="session_exit", exitStatus=1), "error"),
        (
            f'GET {TASK}/query\n{{"resourceId":"R","sid":"S","serverResponse":{{"status":20}}}}',
            "error",
        ),
    ],
)
def test_a_recorder_or_service_failure_is_named(material: str, severity: str) -> None:
    failed = finding(diagnose(material), "recording-error")
    assert failed.severity == severity
    assert "escalate to Agora with the sid" in failed.fix


def test_a_normal_exit_and_an_upload_that_finished_are_no_finding() -> None:
    material = "\n".join(
        [
            callback(11, msgName="session_exit", exitStatus=0),
            callback(31, msgName="uploaded", status=0),
            stop_answer({"fileList": "S_c.m3u8", "uploadingStatus": "uploaded"}),
        ]
    )
    assert diagnose(material).findings == ()


def test_an_empty_file_list_names_why_nobody_was_recorded() -> None:
    empty = finding(diagnose(ticket("empty_file_list")), "empty-file-list")
    assert empty.severity == "error"
    assert 'subscribeVideoUids = ["1001"]' in empty.evidence[1]
    causes = empty.fix.splitlines()[1:]
    assert causes[0].startswith("1. Nobody published")
    assert "maxIdleTime (30 s)" in causes[2]


def test_a_recorder_that_left_for_idleness_puts_maxidletime_first() -> None:
    material = ticket("empty_file_list") + "\n" + callback(41, leaveCode=4)
    causes = finding(diagnose(material), "empty-file-list").fix.splitlines()[1:]
    assert causes[0].startswith("1. Nobody was in the channel for maxIdleTime")


def test_an_empty_list_in_query_is_only_a_warning_and_web_payloads_are_read() -> None:
    query = '{"resourceId":"R","sid":"S","serverResponse":{"status":5,"fileList":[]}}'
    assert finding(diagnose(f"GET {TASK}/query\n{query}"), "empty-file-list").severity == (
        "warning"
    )
    web = {
        "extensionServiceState": [
            {"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}},
            {"serviceName": "web_recorder_service", "payload": {"fileList": [], "state": "exit"}},
        ]
    }
    assert finding(diagnose(stop_answer(web)), "empty-file-list").severity == "error"


def test_a_malformed_service_state_is_read_as_no_file_list() -> None:
    assert diagnose(stop_answer({"extensionServiceState": 3})).findings == ()


def test_an_empty_list_in_a_query_soon_after_start_is_no_finding() -> None:
    start = (
        f"2026-03-01 10:00:00Z POST {URL}/resourceid/R/mode/mix/start "
        '{"cname":"c","uid":"1","clientRequest":{"token":"t"}}\n'
        '2026-03-01 10:00:00Z {"resourceId":"R","sid":"S","cname":"c","uid":"1"}\n'
    )
    query = '{"resourceId":"R","sid":"S","serverResponse":{"status":4,"fileList":[]}}'
    soon = diagnose(f"{start}2026-03-01 10:00:20Z GET {TASK}/query\n2026-03-01 10:00:20Z {query}")
    assert "empty-file-list" not in {f.id for f in soon.findings}
    late = diagnose(f"{start}2026-03-01 10:05:00Z GET {TASK}/query\n2026-03-01 10:05:00Z {query}")
    assert finding(late, "empty-file-list").severity == "warning"


def test_a_key_quoted_in_the_callbacks_error_message_is_masked() -> None:
    material = ticket("upload_failed").replace("access denied", "bad key wJalrSecretExample")
    failed = finding(diagnose(material), "upload-failed")
    assert "wJalrSecretExample" not in failed.message
    assert 'errorMsg "upload file failed: bad key' in failed.message
