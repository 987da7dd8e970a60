"""Import what customers send, export JSON/curl/TOML, and the round trips between them."""

from __future__ import annotations

import base64
import copy
import json
import os
import shutil
import subprocess
from typing import Any

import pytest

from rec_tui.formats import exporters, importers
from rec_tui.formats.documents import OpenProblem, draft_from_import, open_document
from rec_tui.request.draft import Draft
from rec_tui.request.redact import MASK
from rec_tui.store import presets
from rec_tui.store.secrets import CUSTOMER_ID_ENTRY, CUSTOMER_SECRET_ENTRY, Credentials, MemoryStore
from tests.support.seed_examples import EXAMPLES

APP_ID = "0123456789abcdef0123456789abcdef"
BODY: dict[str, Any] = {
    "cname": "room-1",
    "uid": "527841",
    "clientRequest": {
        "token": "tok-IMPORT-4242",
        "futureOption": {"kept": True},
        "storageConfig": {
            "vendor": 2,
            "region": 3,
            "bucket": "b",
            "accessKey": "ak-IMPORT-1111",
            "secretKey": "sk-IMPORT-2222",
        },
    },
}
URL = (
    f"https://api.agora.io/v1/apps/{APP_ID}/cloud_recording/resourceid/RID123/mode/individual/start"
)


def _secret_env(draft: Draft) -> dict[str, str]:
    env = {}
    for _path, key, value in presets.secret_locations(draft.body):
        env[presets.env_reference(key).removeprefix(presets.ENV_REF)] = value
    return env


# --- import -------------------------------------------------------------------------------


def test_a_json_body_is_imported_with_unknown_keys_kept() -> None:
    result = importers.import_text(json.dumps(BODY, indent=2))
    assert result.kind == "json"
    assert result.body == BODY
    assert result.body["clientRequest"]["futureOption"] == {"kept": True}


def test_a_multiline_curl_command_gives_app_id_mode_body_and_credentials() -> None:
    command = (
        f"curl --request POST \\\n  --url '{URL}' \\\n"
        "  -u 'cust-id:cust-secret' \\\n"
        "  -H 'Content-Type: application/json' \\\n"
        f"  --data-raw '{json.dumps(BODY)}'"
    )
    result = importers.import_text(command)
    assert result.kind == "curl"
    assert result.body == BODY
    assert (result.customer_app_id, result.resource_id, result.mode) == (
        APP_ID,
        "RID123",
        "individual",
    )
    assert (result.customer_host, result.customer_endpoint) == ("api.agora.io", "global")
    assert result.credentials is not None
    assert result.credentials.values() == ("cust-id", "cust-secret")


def test_basic_auth_header_and_attached_options_are_understood() -> None:
    basic = base64.b64encode(b"hdr-id:hdr-secret").decode()
    command = (
        f"$ curl -XPOST {URL.replace('api.agora.io', 'api-eu-west-1.agora.io')} "
        f"-H 'Authorization: Basic {basic}' -d'{json.dumps(BODY)}'"
    )
    result = importers.import_text(command)
    assert result.credentials is not None
    assert result.credentials.values() == ("hdr-id", "hdr-secret")
    assert result.customer_endpoint == "region:api-eu-west-1"
    assert result.body == BODY


def test_credentials_are_stored_only_when_the_user_agrees() -> None:
    command = f"curl {URL} -u cid-AGREE:csecret-AGREE -d '{json.dumps(BODY)}'"
    store = MemoryStore()
    declined = importers.import_text(command)
    importers.settle_credentials(declined, store, agreed=False)
    assert store.entries == {}
    assert declined.credentials is None
    assert any("dropped" in notice for notice in declined.notices)
    agreed = importers.import_text(command)
    importers.settle_credentials(agreed, store, agreed=True)
    assert store.get(CUSTOMER_ID_ENTRY) == "cid-AGREE"
    assert store.get(CUSTOMER_SECRET_ENTRY) == "csecret-AGREE"
    assert all("csecret-AGREE" not in notice for notice in agreed.notices)


def test_a_log_line_with_the_body_inside() -> None:
    line = f"2024-05-01 12:00:01 INFO [rec] start request body={json.dumps(BODY)} took 12ms"
    result = importers.import_text(line)
    assert result.kind == "log"
    assert result.body == BODY


def test_a_body_logged_as_an_escaped_json_string() -> None:
    record = {"level": "info", "msg": "start", "payload": json.dumps(BODY)}
    result = importers.import_text(f"ts=1 {json.dumps(record)}")
    assert result.body == BODY
    result = importers.import_text(json.dumps(record))
    assert result.body == BODY
    result = importers.import_text(json.dumps(record) + " " + json.dumps(BODY))
    assert result.body == BODY


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ('{\n  "cname": "a",\n  "uid": \n}', ["line 4, column 1", "not valid JSON"]),
        ('log: {"cname": "a", "uid": 1,, }', ["line 1, column 30", "not valid"]),
        ("curl -d '{\"cname\": ' https://x", ["line 1, column", "curl -d body"]),
        ('curl -d \'{"cname": 1} https://x', ["cannot be split", "quote is closed"]),
        ("curl https://x", ["no -d/--data body"]),
        ("[1, 2]", ["JSON array", "start body is an object"]),
        ("no json here at all", ["no JSON object found"]),
        ('{"a": 1} and {"b": 2}', ["line 1, column 10", "Unexpected text after the end"]),
        ('ts=1 {"a": 1} and {"b": 2}', ["none looks like a start body"]),
        ("   ", ["nothing to import"]),
    ],
)
def test_malformed_input_gets_a_clear_message(text: str, fragments: list[str]) -> None:
    with pytest.raises(importers.ImportProblem) as caught:
        importers.import_text(text)
    for fragment in fragments:
        assert fragment in caught.value.message, (fragment, caught.value.message)


class _FailsWhenCopied:
    """A body value that cannot be copied: stands for any failure while an import is applied."""

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        raise RuntimeError("the import could not be applied")


def _everything_in(draft: Draft) -> tuple[Any, ...]:
    return (
        draft.request_body(),
        draft.mode,
        draft.session_values(),
        draft.original,
        draft.revision,
        draft.can_undo,
    )


def test_a_failed_import_changes_nothing_in_the_draft() -> None:
    draft = Draft(mode="mix")
    draft.replace_body({"cname": "before-the-import"})
    before = _everything_in(draft)
    # Parsed for real: the import would change the body and the mode.
    result = importers.import_text(f"curl {URL} -d '{json.dumps(BODY)}'")
    assert (result.mode, result.customer_app_id) == ("individual", APP_ID)
    result.body["clientRequest"]["unreadable"] = _FailsWhenCopied()
    with pytest.raises(RuntimeError, match="could not be applied"):
        draft_from_import(result, draft)
    assert _everything_in(draft) == before


# --- export -------------------------------------------------------------------------------


def _draft(body: dict[str, Any], mode: str = "individual") -> Draft:
    draft = Draft(mode=mode)  # type: ignore[arg-type]
    draft.replace_body(copy.deepcopy(body))
    draft.set_many([("session.appId", APP_ID), ("session.endpoint", "global")], description="x")
    return draft


def test_json_export_refers_to_variables_unless_revealed() -> None:
    draft = _draft(BODY)
    text = exporters.export_json(draft)
    referred = json.loads(text)
    assert referred["clientRequest"]["token"] == "${REC_TUI_TOKEN}"
    assert referred["clientRequest"]["storageConfig"]["secretKey"] == (
        "${REC_TUI_STORAGE_SECRET_KEY}"
    )
    assert MASK not in text
    assert json.loads(exporters.export_json(draft, reveal=True)) == BODY


def test_curl_export_refers_to_environment_variables() -> None:
    text = exporters.export_curl(_draft(BODY))
    for value in ("tok-IMPORT-4242", "ak-IMPORT-1111", "sk-IMPORT-2222"):
        assert value not in text
    assert '-u "${AGORA_CUSTOMER_ID}:${AGORA_CUSTOMER_SECRET}"' in text
    assert "${REC_TUI_TOKEN}" in text
    assert "${REC_TUI_STORAGE_SECRET_KEY}" in text


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to run the exported command")
@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_exported_curl_runs_as_is_in_a_shell(title: str, mode: str, body: dict[str, Any]) -> None:
    tricky = copy.deepcopy(body)
    tricky["cname"] = 'it\'s $HOME `x` "q" \\ 100%'
    draft = _draft(tricky, mode)
    env = {
        **os.environ,
        **_secret_env(draft),
        "AGORA_CUSTOMER_ID": "cid",
        "AGORA_CUSTOMER_SECRET": "csec",
        "REC_TUI_RESOURCE_ID": "rid-1",
    }
    # A shell function named curl prints the arguments the real curl would get.
    script = 'curl() { printf "%s\\0" "$@"; }\n' + exporters.export_curl(draft)
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    arguments = done.stdout.split("\0")[:-1]
    assert arguments[:2] == ["-X", "POST"]
    assert arguments[2].endswith(
        f"/apps/{APP_ID}/cloud_recording/resourceid/rid-1/mode/{mode}/start"
    )
    assert arguments[arguments.index("-u") + 1] == "cid:csec"
    assert json.loads(arguments[arguments.index("-d") + 1]) == tricky


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_curl_export_imports_back_to_the_same_body_on_the_sandbox(
    title: str, mode: str, body: dict[str, Any]
) -> None:
    draft = _draft(body, mode)
    text = exporters.export_curl(
        draft, reveal=True, credentials=Credentials("cid", "csec"), resource_id="RID9"
    )
    result = importers.import_text(text)
    back = draft_from_import(result)
    assert (back.mode, back.body) == (draft.mode, draft.body)
    # The customer's endpoint and App ID are information; the draft stays on the sandbox.
    assert (back.endpoint, back.app_id) == ("sandbox", "")
    assert (result.customer_endpoint, result.customer_app_id) == ("global", APP_ID)
    assert result.resource_id == "RID9"
    assert result.credentials is not None
    assert result.credentials.values() == ("cid", "csec")


def test_curl_with_variables_keeps_them_as_written_and_points_them_out() -> None:
    result = importers.import_text(exporters.export_curl(_draft(BODY)))
    assert result.body["clientRequest"]["token"] == "${REC_TUI_TOKEN}"
    assert result.credentials is None
    assert result.resource_id is None
    for name in ("REC_TUI_TOKEN", "AGORA_CUSTOMER_SECRET", "REC_TUI_RESOURCE_ID"):
        assert any(f"refers to ${name}" in notice for notice in result.notices), name


def test_toml_export_is_a_preset_with_environment_references() -> None:
    text = exporters.export_toml(_draft(BODY), "shared", "for a colleague")
    assert "tok-IMPORT-4242" not in text
    assert 'token = "env:REC_TUI_TOKEN"' in text
    path = presets.preset_path("shared")
    presets.write_atomically(path, text)
    env = _secret_env(_draft(BODY))
    loaded = presets.load("shared", MemoryStore(), environ=env)
    assert loaded.draft.body == BODY
    assert loaded.description == "for a colleague"


# --- open_document ------------------------------------------------------------------------


def test_open_document_opens_presets_by_name_or_path_and_bodies_by_path(tmp_path: Any) -> None:
    store = MemoryStore(persistent=True)  # stands for a keyring
    saved = presets.save(_draft(BODY), "mine", store, description="d")
    opened = open_document("mine", store)
    assert opened.draft.body == BODY and opened.notices == []
    opened = open_document(str(saved.path), store)
    assert opened.preset_name == "mine" and opened.draft.body == BODY
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(BODY))
    assert open_document(str(body_file), store).draft.body == BODY
    curl_file = tmp_path / "from-customer.sh"
    curl_file.write_text(f"curl {URL} -u a:b -d '{json.dumps(BODY)}'")
    opened = open_document(str(curl_file), store)
    assert opened.draft.mode == "individual"
    assert (opened.draft.endpoint, opened.draft.app_id) == ("sandbox", "")
    # Credentials are never stored without asking.
    assert store.get(CUSTOMER_ID_ENTRY) is None and store.get(CUSTOMER_SECRET_ENTRY) is None
    assert any("dropped" in notice for notice in opened.notices)


# A body with "vendor" written twice in its storage settings: 1 first, then 2 (kept).
TWICE = '{"cname": "demo", "clientRequest": {"storageConfig": {"vendor": 1,\n "vendor": 2}}}'
TWICE_PATH = "clientRequest.storageConfig.vendor"
TWICE_SAID = (
    '"vendor" is written more than once in this object; '
    "this repeat is at line 2, column 2. rec-tui kept the value written last: 2."
)


def test_importing_a_body_with_a_key_written_twice_keeps_the_last_and_says_where() -> None:
    result = importers.import_text(TWICE)
    assert result.body["clientRequest"]["storageConfig"] == {"vendor": 2}
    [notice] = [n for n in result.notices if "written more than once" in n]
    assert notice.startswith(f"{TWICE_PATH} (in the JSON body): {TWICE_SAID}")


def test_a_curl_body_with_a_key_written_twice_says_where_in_the_d_body() -> None:
    result = importers.import_text(f"curl {URL} -d '{TWICE}'")
    assert result.body["clientRequest"]["storageConfig"] == {"vendor": 2}
    assert any(
        n.startswith(f"{TWICE_PATH} (in the curl -d body): {TWICE_SAID}") for n in result.notices
    )


def test_opening_a_body_with_a_key_written_twice_tells_the_wizard(tmp_path: Any) -> None:
    body_file = tmp_path / "twice.json"
    body_file.write_text(TWICE)
    opened = open_document(str(body_file), MemoryStore())
    assert opened.draft.body["clientRequest"]["storageConfig"] == {"vendor": 2}
    assert any(TWICE_SAID in notice for notice in opened.notices)


def test_open_document_explains_what_it_could_not_open(tmp_path: Any) -> None:
    with pytest.raises(OpenProblem, match="neither a saved preset nor a file"):
        open_document("no-such-thing", MemoryStore())
    bad = tmp_path / "bad.json"
    bad.write_text('{"cname": }')
    with pytest.raises(OpenProblem, match=r"bad\.json: line 1, column 11"):
        open_document(str(bad), MemoryStore())


def test_opening_a_json_body_compiles_none_of_the_text_scanner_s_patterns(tmp_path: Any) -> None:
    # The scanner looks for bodies in prose, logs and tickets; a file that is one JSON
    # body is parsed as it is, and pays nothing for the scanner's patterns.
    from rec_tui.formats.importers import json_scan

    json_scan._compiled.cache_clear()
    body = tmp_path / "body.json"
    body.write_text(json.dumps(BODY), encoding="utf-8")
    opened = open_document(str(body))
    assert opened.draft.body["cname"] == "room-1"
    assert json_scan._compiled.cache_info().currsize == 0
    ticket = tmp_path / "ticket.txt"
    ticket.write_text(f"The customer sent:\n{json.dumps(BODY)}\nthen it failed.", encoding="utf-8")
    assert open_document(str(ticket)).draft.body["cname"] == "room-1"
    assert json_scan._compiled.cache_info().currsize > 0
