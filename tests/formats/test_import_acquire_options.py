"""A ticket's acquire options (region, resourceExpiredHour, scene, startParameter) go into
the draft, so that a replay acquires as the customer did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.agora.lifecycle import Lifecycle
from rec_tui.cli import EXIT_OK, main
from rec_tui.formats import importers
from rec_tui.formats.documents import draft_from_import, open_document
from rec_tui.request.draft import Draft
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.store import presets
from rec_tui.store.secrets import MemoryStore
from tests.support.sending import FakeTime, clean_body, make_client

TICKETS = Path(__file__).parents[1] / "data" / "tickets"
URL = "https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording"
START = clean_body("mix")  # one the sandbox starts


def exchange(acquire_request: dict[str, Any]) -> str:
    acquire = {"cname": START["cname"], "uid": START["uid"], "clientRequest": acquire_request}
    return (
        f"POST {URL}/acquire\n{json.dumps(acquire)}\n"
        f"POST {URL}/resourceid/R/mode/mix/start\n{json.dumps(START)}\n"
    )


def test_the_tickets_acquire_options_are_taken_and_said() -> None:
    result = importers.import_text((TICKETS / "upload_failed.txt").read_text("utf-8"))
    assert result.acquire_options == {"region": "NA", "resourceExpiredHour": 24}
    said = "Took the acquire options on line 4 of the ticket: region NA, resourceExpiredHour 24."
    assert said in result.notices
    assert draft_from_import(result).acquire_options == result.acquire_options


async def test_the_replay_acquires_as_the_customer_did(
    time: FakeTime, sandbox: SandboxTransport
) -> None:
    draft = draft_from_import(importers.import_text(exchange({"region": "EU", "scene": 0})))
    async with make_client(time, sandbox) as client:
        lifecycle = Lifecycle(client, clock=time.clock, sleep=time.sleep)
        session = await lifecycle.acquire_and_start(
            draft.mode, draft.request_body(), draft.acquire_options
        )
    assert session.acquire_body["clientRequest"] == {"scene": 0, "region": "EU"}


def test_options_rec_tui_has_no_setting_for_are_left_out_and_said() -> None:
    request = {"resourceExpiredHour": 48, "excludeResourceIds": ["OTHER"], "regionAffinity": 3}
    result = importers.import_text(exchange(request))
    assert result.acquire_options == {"resourceExpiredHour": 48}
    assert (
        "Left excludeResourceIds, regionAffinity of the acquire on line 2 out: rec-tui has no "
        "setting for them, so the replay acquires without them." in result.notices
    )


def test_a_start_parameter_is_taken_unless_it_holds_a_secret() -> None:
    plain = {"recordingConfig": {"channelType": 0}}
    result = importers.import_text(exchange({"startParameter": plain}))
    assert result.acquire_options == {"startParameter": plain}
    secret = {"storageConfig": {"vendor": 1, "secretKey": "wJalrSecretExample"}}
    result = importers.import_text(exchange({"region": "NA", "startParameter": secret}))
    assert result.acquire_options == {"region": "NA"}
    assert any(notice.startswith("Left startParameter of") for notice in result.notices)
    assert not any("wJalrSecretExample" in notice for notice in result.notices)


def test_an_import_without_acquire_keeps_the_drafts_options_but_a_start_parameter() -> None:
    draft = Draft(acquire_options={"region": "EU", "startParameter": {"recordingConfig": {}}})
    draft_from_import(importers.import_text(json.dumps(START)), draft)
    assert draft.acquire_options == {"region": "EU"}
    # A ticket whose acquire sent nothing: Agora's defaults, as the customer had.
    draft_from_import(importers.import_text(exchange({})), draft)
    assert draft.acquire_options == {}


def test_a_preset_saved_from_a_ticket_keeps_its_acquire_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ticket = tmp_path / "ticket.txt"
    ticket.write_text(exchange({"region": "NA", "resourceExpiredHour": 24}), encoding="utf-8")
    assert open_document(str(ticket), MemoryStore()).draft.acquire_options["region"] == "NA"
    assert main(["preset", "save", "customer", "--from", str(ticket)]) == EXIT_OK
    assert "Took the acquire options on line 2" in capsys.readouterr().err
    saved = presets.load("customer", MemoryStore(), allow_missing_secrets=True).draft
    assert saved.acquire_options == {"region": "NA", "resourceExpiredHour": 24}
