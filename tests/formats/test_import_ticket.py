"""Whatever the customer sent opens the same way: a whole ticket, a log line with its URL."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import EXIT_OK, main
from rec_tui.formats import importers
from rec_tui.formats.documents import open_document
from rec_tui.store.secrets import MemoryStore
from tests.support.seed_examples import EXAMPLES

APP_ID = "0123456789abcdef0123456789abcdef"
HOST = "https://api.agora.io"
ACQUIRE_URL = f"{HOST}/v1/apps/{APP_ID}/cloud_recording/acquire"
START_URL = f"{HOST}/v1/apps/{APP_ID}/cloud_recording/resourceid/RID7/mode/individual/start"
# Keys deliberately not in the declarations' order: import keeps the customer's order.
START_BODY: dict[str, Any] = {
    "uid": "527841",
    "clientRequest": {
        "storageConfig": {"vendor": 2, "region": 3, "bucket": "b", "accessKey": "a"},
        "recordingConfig": {"channelType": 1, "streamTypes": 2},
        "token": "t",
    },
    "cname": "课堂-1",
}
ACQUIRE_BODY = {"cname": "课堂-1", "uid": "527841", "clientRequest": {"resourceExpiredHour": 24}}
RESPONSE = {"cname": "课堂-1", "uid": "527841", "resourceId": "RID7", "sid": "S1"}


def ticket_with_curl() -> str:
    pretty = json.dumps(START_BODY, indent=2, ensure_ascii=False)
    return f"""Subject: 录制失败 / recording fails with 2
Hi team, we don't get any files. Here is what we send (our "prod" setup):

POST {ACQUIRE_URL}
Content-Type: application/json
{json.dumps(ACQUIRE_BODY, ensure_ascii=False)}

then the start call:

$ curl -X POST '{START_URL}' \\
    -H 'Content-Type: application/json;charset=utf-8' \\
    -u cust-ID:cust-SECRET \\
    -d '{pretty}'

服务器返回 (the server answered): {json.dumps(RESPONSE, ensure_ascii=False)}
Thanks, {{customer}}
"""


def test_a_ticket_gives_the_body_sent_to_start_with_its_url_and_credentials() -> None:
    result = importers.import_text(ticket_with_curl())
    assert result.kind == "ticket"
    assert result.body == START_BODY
    assert list(result.body) == list(START_BODY)  # the customer's key order
    assert list(result.body["clientRequest"]) == list(START_BODY["clientRequest"])
    assert (result.mode, result.customer_app_id, result.resource_id) == (
        "individual",
        APP_ID,
        "RID7",
    )
    assert result.credentials is not None
    assert result.credentials.values() == ("cust-ID", "cust-SECRET")
    assert "Mode: individual, from the URL." in result.notices
    assert result.notices[0] == (
        "Took the start body sent to start on line 10 of the ticket "
        "(2 other possible bodies left out)."
    )


def test_without_curl_the_body_after_the_start_url_wins_over_acquire_and_the_answer() -> None:
    text = (
        f"acquire: POST {ACQUIRE_URL}\n{json.dumps(ACQUIRE_BODY)}\n"
        f"start:\nPOST {START_URL}\n{json.dumps(START_BODY, indent=4)}\n"
        f"answer: {json.dumps(RESPONSE)}\nAuthorization: Basic "
        f"{base64.b64encode(b'hdr-ID:hdr-SECRET').decode()}\n"
    )
    result = importers.import_text(text)
    assert result.body == START_BODY and result.mode == "individual"
    assert result.credentials is not None
    assert result.credentials.values() == ("hdr-ID", "hdr-SECRET")
    importers.settle_credentials(result, MemoryStore(), agreed=False)
    assert not any("hdr-SECRET" in notice for notice in result.notices)


def test_without_urls_the_start_options_win_and_the_mode_is_inferred() -> None:
    web_body = EXAMPLES[3][2]
    text = (
        "客户说：先 acquire\n"
        f"{json.dumps(ACQUIRE_BODY, ensure_ascii=False)}\n"
        'He wrote "see {this" before the body, then\n'
        f"{json.dumps(web_body, ensure_ascii=False, indent=2)}\n"
        "— end of ticket —"
    )
    result = importers.import_text(text)
    assert result.body == web_body and result.mode == "web"
    assert "Mode: web, from extensionServiceConfig." in result.notices
    assert result.customer_host is None and result.credentials is None


def test_a_log_line_with_its_url_gives_the_mode_from_the_url() -> None:
    line = f"2026-01-02 INFO POST {START_URL} body={json.dumps(START_BODY)} 201"
    result = importers.import_text(line)
    assert (result.kind, result.mode, result.body) == ("log", "individual", START_BODY)
    assert "Mode: individual, from the URL." in result.notices


def test_a_ticket_with_a_broken_curl_still_finds_the_body_and_says_what_it_skipped() -> None:
    text = f"try this:\ncurl {START_URL} -d @body.json\nbody.json is\n{json.dumps(START_BODY)}\n"
    result = importers.import_text(text)
    assert result.body == START_BODY
    assert result.notices[0].startswith("The curl command on line 2 could not be read:")


def test_a_ticket_without_a_body_says_what_it_found() -> None:
    with pytest.raises(importers.ImportProblem, match="none looks like a start body"):
        importers.import_text('Hello\n{"level": "info"}\nbye')
    with pytest.raises(importers.ImportProblem, match="no JSON object found"):
        importers.import_text("Hello,\nit does not record.\n")


def test_open_and_preset_save_accept_a_ticket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ticket = tmp_path / "ticket.txt"
    ticket.write_text(ticket_with_curl(), encoding="utf-8")
    opened = open_document(str(ticket), MemoryStore())
    assert opened.draft.body == START_BODY and opened.draft.mode == "individual"
    assert list(opened.draft.body) == list(START_BODY)  # the customer's key order
    assert opened.mode_known and opened.draft.endpoint == "sandbox"
    main(["preset", "save", "from-ticket", "--from", str(ticket)])
    err = capsys.readouterr().err
    assert "Mode: individual, from the URL." in err and "cust-SECRET" not in err
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["mode"]) == ("from-ticket", "individual")


def test_a_plain_json_body_opens_in_the_inferred_mode(tmp_path: Path) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(EXAMPLES[3][2]), encoding="utf-8")
    opened = open_document(str(body_file), MemoryStore())
    assert opened.draft.mode == "web" and not opened.mode_known
    assert "Mode: web, from extensionServiceConfig." in opened.notices


def test_unreadable_curl_commands_are_counted_not_all_listed() -> None:
    broken = "".join(f"curl {START_URL} -d @body{n}.json\n" for n in range(5))
    text = (
        f"we tried:\n{broken}curl is failing for us, here is the body:\n{json.dumps(START_BODY)}\n"
    )
    result = importers.import_text(text)
    assert result.body == START_BODY
    listed = [n for n in result.notices if n.startswith("The curl command on line")]
    assert [n.split(":")[0] for n in listed] == [
        "The curl command on line 2 could not be read",
        "The curl command on line 3 could not be read",
        "The curl command on line 4 could not be read",
    ]
    assert "2 more curl commands could not be read." in result.notices


def test_a_variable_in_a_ticket_curl_is_pointed_out_once() -> None:
    body = {**START_BODY, "clientRequest": {"token": "$REC_TUI_TOKEN"}}
    text = f"Hello\ncurl {START_URL} -d '{json.dumps(body)}'\nthanks\n"
    result = importers.import_text(text)
    assert result.kind == "ticket" and result.body == body
    assert sum("$REC_TUI_TOKEN" in notice for notice in result.notices) == 1


def test_a_ticket_with_very_many_curl_commands_reads_those_sent_to_start_first() -> None:
    acquire = f"curl {ACQUIRE_URL} -d '{json.dumps(ACQUIRE_BODY)}'\n"
    start = f"curl {START_URL} -d '{json.dumps(START_BODY)}'\n"
    result = importers.import_text("log:\n" + acquire * 80 + start)
    assert result.body == START_BODY and result.mode == "individual"
    assert (
        "The ticket has 81 curl commands; read the first 50 (those sent to start first), "
        "left 31 out."
    ) in result.notices
