"""The Send panel's exchanges as diagnosis material: tokens put back, secrets never shown."""

from __future__ import annotations

import copy
import json
from typing import Any

from rec_tui.agora.diagnose import diagnose
from rec_tui.agora.diagnose.transcript import Sent, latest_recording, transcript
from rec_tui.agora.exchange import Exchange
from rec_tui.request.redact import redact_body
from rec_tui.tokens import build_rtc_token
from tests.support.sending import clean_body

APP_ID = "0123456789abcdef0123456789abcdef"
CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"
BASE = f"https://sandbox.rec-tui.invalid/v1/apps/{APP_ID}/cloud_recording"
T0 = 1_700_000_000.0


def exchange(call: str, url: str, body: Any, status: int, answer: Any) -> Exchange:
    return Exchange("", call, "POST", url, {}, redact_body(body), status, answer, "", 1.0, 1)


def recording(token: str, cname: str = "demo") -> tuple[list[Sent], dict[str, Any]]:
    """acquire, start (answered with a sid), and a query 404 twenty seconds later."""
    body = clean_body("mix")
    body["cname"] = cname
    body["clientRequest"]["token"] = token
    acquire = {"cname": cname, "uid": "527841", "clientRequest": {"scene": 0}}
    rid = f"{BASE}/resourceid/RID"
    sent = [
        Sent(exchange("acquire", f"{BASE}/acquire", acquire, 200, {"resourceId": "RID"}), T0),
        Sent(
            exchange(
                "start", f"{rid}/mode/mix/start", body, 200, {"resourceId": "RID", "sid": "SID"}
            ),
            T0 + 1,
            token,
        ),
        Sent(
            exchange(
                "query",
                f"{rid}/sid/SID/mode/mix/query",
                None,
                404,
                {"code": 404, "reason": "failed to find worker"},
            ),
            T0 + 21,
        ),
    ]
    return sent, body


def test_the_start_token_is_put_back_for_the_checks_and_masked_in_the_evidence() -> None:
    token = build_rtc_token(APP_ID, CERTIFICATE, "another-room", "527841", issued_at=int(T0))
    sent, body = recording(token)
    diagnosis = diagnose(transcript(sent), now=T0 + 30)
    ids = [finding.id for finding in diagnosis.findings]
    assert "token-channel-mismatch" in ids and "recorder-left" in ids
    shown = json.dumps(diagnosis.as_json(), ensure_ascii=False)
    storage = body["clientRequest"]["storageConfig"]
    for secret in (token, token[3:40], storage["accessKey"], storage["secretKey"]):
        assert secret not in shown


def test_times_come_from_the_senders_clock() -> None:
    sent, _body = recording(build_rtc_token(APP_ID, CERTIFICATE, "demo", "527841"))
    left = next(f for f in diagnose(transcript(sent), now=T0).findings if f.id == "recorder-left")
    assert "20 s later" in left.message and left.severity == "error"


def test_only_the_latest_recording_is_diagnosed() -> None:
    first, _body = recording("")
    token = build_rtc_token(APP_ID, CERTIFICATE, "demo", "527841", issued_at=int(T0))
    second, _body = recording(token)
    healthy = copy.copy(second[:2])
    assert latest_recording(first + healthy) == healthy
    ids = [f.id for f in diagnose(transcript(latest_recording(first + healthy))).findings]
    assert "token-missing" not in ids and "recorder-left" not in ids
