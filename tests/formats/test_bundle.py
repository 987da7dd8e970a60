"""`rec-tui bundle`: one zip with the request, its problems and the exchanges — and no secret.

The leak test plants distinctive values everywhere a secret can come from — the request
body, the keyring (customer ID and secret, App Certificate) and the history, including
lines an older version might have written unredacted — and scans every member of the zip.
"""

from __future__ import annotations

import base64
import json
import platform
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import main
from rec_tui.formats.bundle import BundleContents, bundle_members, write_bundle
from rec_tui.request.draft import Draft
from rec_tui.store import history, presets, secrets
from rec_tui.store.secrets import (
    Credentials,
    MemoryStore,
    OpenedStore,
    store_app_certificate,
    store_customer_credentials,
)
from tests.support.leaks import draft_with_secrets

CUSTOMER_ID = "BNDL-CID-5a6b7c"
CUSTOMER_SECRET = "BNDL-CSEC-8d9e0f"
CERTIFICATE = "b0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5"
BASIC = base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()).decode()
BODY_SECRETS = {
    "clientRequest.token": "BNDL-TOKEN-1a2b3c",
    "clientRequest.storageConfig.accessKey": "BNDL-AK-4d5e6f",
    "clientRequest.storageConfig.secretKey": "BNDL-SK-7a8b9c",
    "clientRequest.storageConfig.stsToken": "BNDL-STS-0d1e2f",
    "clientRequest.recordingConfig.secret": "BNDL-DEC-3a4b5c",
    "clientRequest.recordingConfig.salt": "BNDL-SALT-6d7e8f",
}
HISTORY_TOKEN = "BNDL-OLD-TOKEN-9a0b1c"  # only ever seen in an old history line
SECRET_VALUES = [
    *BODY_SECRETS.values(),
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    BASIC,
    CERTIFICATE,
    HISTORY_TOKEN,
]
CNAME = "escalation-demo"


def leaky_draft() -> Draft:
    draft = draft_with_secrets(BODY_SECRETS.items())
    draft.set("cname", CNAME)
    draft.set("clientRequest.recordingConfig.maxIdleTime", 1)  # an error to report
    return draft


def leaky_history() -> list[dict[str, Any]]:
    """History lines as rec-tui writes them, plus ones written carelessly by hand or by old code."""
    clean = {
        "at": "2026-12-01T10:00:00.000+00:00",
        "call": "acquire",
        "method": "POST",
        "url": "https://api.agora.io/v1/apps/0123/cloud_recording/acquire",
        "request_headers": {"Authorization": "Basic ••••••••"},
        "request_body": {"cname": CNAME, "uid": "527841", "clientRequest": {}},
        "status": 200,
        "response_body": {"resourceId": "abc"},
        "request_id": "r1",
        "elapsed_ms": 12.5,
        "attempt": 1,
    }
    careless = {
        **clean,
        "call": "start",
        "request_headers": {"Authorization": f"Basic {BASIC}"},
        "request_body": {"clientRequest": {"token": HISTORY_TOKEN}},
        "status": 401,
        "response_body": f"rejected secret {CUSTOMER_SECRET} for {CUSTOMER_ID}",
        "error": f"certificate {CERTIFICATE} and token {BODY_SECRETS['clientRequest.token']}",
    }
    return [clean, careless]


def leaks(data: bytes) -> list[str]:
    return [value for value in SECRET_VALUES if value.encode() in data]


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryStore:
    """A keyring holding the customer credentials and the App Certificate."""
    store = MemoryStore(persistent=True)
    store_customer_credentials(store, Credentials(CUSTOMER_ID, CUSTOMER_SECRET))
    store_app_certificate(store, CERTIFICATE)
    monkeypatch.setattr(secrets, "open_store", lambda: OpenedStore(store, None))
    for variable in ("AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET", "AGORA_APP_CERTIFICATE"):
        monkeypatch.delenv(variable, raising=False)
    return store


@pytest.fixture
def planted_history(rec_tui_home: Path) -> list[dict[str, Any]]:
    records = leaky_history()
    for record in records:
        history.append(record)
    return records


def test_no_secret_reaches_any_member_of_the_zip(
    keyring: MemoryStore, planted_history: list[dict[str, Any]], tmp_path: Path
) -> None:
    draft = leaky_draft()
    presets.save(draft, "leaky", keyring)
    target = tmp_path / "escalation.zip"
    assert main(["bundle", "--preset", "leaky", "-o", str(target)]) == 0
    members = members_of(target)
    assert set(members) == {
        "README.txt",
        "request.json",
        "problems.json",
        "diagnosis.json",
        "exchanges.jsonl",
        "versions.txt",
    }
    assert {name: leaks(data) for name, data in members.items() if leaks(data)} == {}
    # …and the scan is not vacuous: the request and both history lines are in there.
    assert CNAME.encode() in members["request.json"]
    assert len(members["exchanges.jsonl"].splitlines()) == len(planted_history)
    assert b"rejected secret" in members["exchanges.jsonl"]


def test_the_bundle_holds_the_request_its_problems_the_exchanges_and_versions(
    keyring: MemoryStore, planted_history: list[dict[str, Any]], tmp_path: Path
) -> None:
    source = tmp_path / "customer-body.json"
    source.write_text(json.dumps(leaky_draft().request_body()))
    target = tmp_path / "b.zip"
    assert main(["bundle", str(source), "--last", "1", "-o", str(target)]) == 0
    members = members_of(target)
    request = json.loads(members["request.json"])
    assert request["body"]["cname"] == CNAME
    assert request["body"]["clientRequest"]["token"] == "••••••••"
    problems = json.loads(members["problems.json"])
    assert "rec.maxIdleTime" in {problem["rule"] for problem in problems}
    errors = sum(1 for problem in problems if problem["severity"] == "error")
    exchanges = [json.loads(line) for line in members["exchanges.jsonl"].splitlines()]
    assert [e["call"] for e in exchanges] == ["start"]  # --last 1: the newest only
    assert exchanges[0]["request_headers"]["Authorization"] == "Basic ••••••••"
    versions = members["versions.txt"].decode()
    assert "rec-tui 0.1.0" in versions and f"Python {platform.python_version()}" in versions
    readme = members["README.txt"].decode()
    assert "customer-body.json" in readme and f"{errors} error" in readme
    assert all(name in readme for name in members if name != "README.txt")
    diagnosis = json.loads(members["diagnosis.json"])
    assert {"findings", "exchange"} <= set(diagnosis)
    assert all({"id", "severity", "message"} <= set(f) for f in diagnosis["findings"])


def test_the_bundle_carries_the_diagnosis_of_a_ticket(rec_tui_home: Path, tmp_path: Path) -> None:
    ticket = Path(__file__).parents[1] / "data" / "tickets" / "no_token_404.txt"
    target = tmp_path / "b.zip"
    assert main(["bundle", str(ticket), "--last", "0", "-o", str(target)]) == 0
    findings = json.loads(members_of(target)["diagnosis.json"])["findings"]
    assert "recorder-left" in {finding["id"] for finding in findings}


def test_the_zip_is_for_its_owner_only_and_replaces_an_old_one_whole(
    rec_tui_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "b.zip"
    target.write_bytes(b"an older bundle")
    target.chmod(0o644)
    assert main(["bundle", "-o", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip"]  # no temporary left
    members = members_of(target)
    assert set(members) == {"README.txt", "diagnosis.json", "exchanges.jsonl", "versions.txt"}
    assert b"no request" in members["README.txt"]
    with zipfile.ZipFile(target) as archive:
        modes = {stat.S_IMODE(info.external_attr >> 16) for info in archive.infolist()}
    assert modes == {0o600}


def test_a_failed_write_leaves_the_old_file_and_says_why(
    rec_tui_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.zip"
    target.write_bytes(b"an older bundle")

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    contents = BundleContents(None, "")
    from rec_tui.store.files import StoreFileError

    with pytest.raises(StoreFileError, match="No space left"):
        write_bundle(target, bundle_members(contents), contents.created_at)
    assert target.read_bytes() == b"an older bundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--last", "-1", "-o", "b.zip"], "--last"),
        (["-o", "b.txt"], "FILE.zip"),
        (["missing-file.json", "-o", "b.zip"], "missing-file.json"),
        (["--preset", "no-such-preset", "-o", "b.zip"], "no-such-preset"),
    ],
)
def test_bad_usage_is_exit_2_with_a_message(
    rec_tui_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["bundle", *argv]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "b.zip").exists()


def test_a_bundle_into_a_folder_that_cannot_be_written_is_exit_2(
    rec_tui_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert main(["bundle", "-o", str(blocker / "b.zip")]) == 2
    assert "Could not write" in capsys.readouterr().err


def test_unreadable_history_lines_are_left_out_and_counted(
    planted_history: list[dict[str, Any]], tmp_path: Path
) -> None:
    from rec_tui.store.paths import history_file

    with history_file().open("a", encoding="utf-8") as stream:
        stream.write("{half a line written during a crash\n")
    target = tmp_path / "b.zip"
    assert main(["bundle", "-o", str(target)]) == 0
    members = members_of(target)
    assert len(members["exchanges.jsonl"].splitlines()) == len(planted_history)
    assert b"1 unreadable history line left out" in members["README.txt"]


def test_the_last_20_exchanges_go_in_by_default(rec_tui_home: Path, tmp_path: Path) -> None:
    for number in range(25):
        history.append({**leaky_history()[0], "request_id": f"r{number}"})
    target = tmp_path / "b.zip"
    assert main(["bundle", "-o", str(target)]) == 0
    lines = members_of(target)["exchanges.jsonl"].splitlines()
    assert [json.loads(line)["request_id"] for line in lines] == [f"r{n}" for n in range(5, 25)]


def test_the_customers_endpoint_and_app_id_from_the_material_are_in_the_request(
    rec_tui_home: Path, tmp_path: Path
) -> None:
    url = (
        "https://api.agora.io/v1/apps/4f9c1d2e3a4b5c6d7e8f90a1b2c3d4e5/cloud_recording/"
        "resourceid/r1/mode/mix/start"
    )
    source = tmp_path / "curl.txt"
    body = {"cname": "room", "uid": "1", "clientRequest": {}}
    source.write_text(f"curl -X POST {url} -d '{json.dumps(body)}'", "utf-8")
    target = tmp_path / "b.zip"
    assert main(["bundle", str(source), "--last", "0", "-o", str(target)]) == 0
    request = json.loads(members_of(target)["request.json"])
    assert request["endpoint"] == "sandbox"  # where rec-tui would send: unchanged
    assert request["customer"] == {
        "endpoint": "global",
        "appId": "4f9c1d2e3a4b5c6d7e8f90a1b2c3d4e5",
    }
