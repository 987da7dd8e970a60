"""Exports that run as they are: where they send, what they refer to, and the shell script."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from rec_tui.formats import exporters
from rec_tui.request.draft import Draft
from rec_tui.request.redact import MASK
from tests.support.seed_examples import EXAMPLES

MODE, BODY = EXAMPLES[0][1], EXAMPLES[0][2]
STORAGE = "clientRequest.storageConfig"
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="runs the export with bash")


def _draft(endpoint: str = "sandbox", body: dict[str, Any] | None = None) -> Draft:
    draft = Draft(mode=MODE)
    draft.replace_body(copy.deepcopy(BODY if body is None else body))
    draft.set("session.endpoint", endpoint)
    return draft


def _without_storage_keys() -> dict[str, Any]:
    """The body as a preset opened without the secrets it could not find leaves it."""
    body = copy.deepcopy(BODY)
    del body["clientRequest"]["storageConfig"]["accessKey"]
    del body["clientRequest"]["storageConfig"]["secretKey"]
    return body


def _run(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )


def test_a_sandbox_request_goes_to_the_served_sandbox_and_says_to_serve_it() -> None:
    draft = _draft("sandbox")
    for fmt in ("curl", "shell"):
        text = exporters.export(draft, fmt)
        assert "sandbox.rec-tui.invalid" not in text
        assert "http://127.0.0.1:8765" in text
        assert "# This goes to rec-tui's built-in sandbox, which must be served first" in text
        assert "rec-tui sandbox serve --port 8765" in text
        # The sandbox's published pair, and the App ID the wizard would use there.
        assert "sandbox:sandbox-secret" in text and "sandbox-app" in text
    note = exporters.sandbox_note(draft)
    assert note is not None and "rec-tui sandbox serve --port 8765" in note


def test_a_request_for_agora_goes_where_the_draft_sends() -> None:
    draft = _draft("region:api-eu-west-1")
    for fmt in ("curl", "shell"):
        text = exporters.export(draft, fmt)
        assert "https://api-eu-west-1.agora.io" in text and "sandbox" not in text
        assert "${AGORA_CUSTOMER_ID}:${AGORA_CUSTOMER_SECRET}" in text
        assert "AGORA_APP_ID" in text  # the draft has no App ID: a reference, listed
    assert exporters.sandbox_note(draft) is None


def test_no_secret_is_left_out_even_when_a_preset_could_not_supply_it() -> None:
    draft = _draft("global", _without_storage_keys())
    variables = ("REC_TUI_STORAGE_ACCESS_KEY", "REC_TUI_STORAGE_SECRET_KEY")
    body = json.loads(exporters.export_json(draft))
    assert body["clientRequest"]["storageConfig"]["accessKey"] == "${REC_TUI_STORAGE_ACCESS_KEY}"
    revealed = json.loads(exporters.export_json(draft, reveal=True))
    assert revealed["clientRequest"]["storageConfig"]["secretKey"] == (
        "${REC_TUI_STORAGE_SECRET_KEY}"
    )
    preset = tomllib.loads(exporters.export_toml(draft))
    assert preset["body"]["clientRequest"]["storageConfig"]["accessKey"] == (
        "env:REC_TUI_STORAGE_ACCESS_KEY"
    )
    for fmt in ("curl", "shell"):
        text = exporters.export(draft, fmt)
        for variable in variables:
            assert f"\\${{{variable}\\}}" not in text  # expanded by the shell, not escaped
            assert f"${{{variable}}}" in text and f"#   {variable}" in text


def test_references_a_preset_left_unresolved_stay_references_even_revealed() -> None:
    body = copy.deepcopy(BODY)
    body["clientRequest"]["token"] = "env:REC_TUI_TOKEN_ROOM2"
    storage = body["clientRequest"]["storageConfig"]
    storage["secretKey"] = "keyring:preset/demo/clientRequest.storageConfig.secretKey"
    for reveal in (False, True):
        exported = json.loads(exporters.export_json(_draft("global", body), reveal=reveal))
        assert exported["clientRequest"]["token"] == "${REC_TUI_TOKEN_ROOM2}"
        secret_key = exported["clientRequest"]["storageConfig"]["secretKey"]
        assert secret_key == "${REC_TUI_STORAGE_SECRET_KEY}"
    assert exported["clientRequest"]["storageConfig"]["accessKey"] == storage["accessKey"]


def test_no_export_masks_with_bullets() -> None:
    for fmt in exporters.FORMATS:
        assert MASK not in exporters.export(_draft("global"), fmt), fmt


@needs_bash
def test_the_script_refuses_to_run_while_a_variable_is_unset() -> None:
    script = exporters.export_shell(_draft("global"))
    env = {
        "PATH": os.environ["PATH"],
        "AGORA_CUSTOMER_ID": "cid",
        "AGORA_CUSTOMER_SECRET": "csecret",
        "AGORA_APP_ID": "app",
        "REC_TUI_TOKEN": "tok",
        "REC_TUI_STORAGE_ACCESS_KEY": "ak",
    }
    done = _run(script, env)
    assert done.returncode == 2
    assert "REC_TUI_STORAGE_SECRET_KEY is not set" in done.stderr
    assert "the secret key (clientRequest.storageConfig.secretKey)" in done.stderr
    assert done.stdout == ""  # nothing was sent


def run_with_fake_curl(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with curl replaced by a stand-in that logs each call (in
    ``folder / "calls"``) and answers as Agora does; every variable it refers to is set."""
    calls = folder / "calls"
    fake_curl = folder / "curl"
    fake_curl.write_text(
        "#!/bin/sh\n"
        f"printf '%s\\0' \"$@\" >> {calls}; printf '\\n' >> {calls}\n"
        'while [ "$1" != "-o" ]; do shift; done; out=$2\n'
        'case "$*" in\n'
        '  *acquire*) printf \'{"resourceId":"RID-77"}\' > "$out" ;;\n'
        '  *) printf \'{"resourceId":"RID-77","sid":"SID-88"}\' > "$out" ;;\n'
        "esac\n"
        "printf 200\n"
    )
    fake_curl.chmod(0o755)
    env = {
        "PATH": f"{folder}:{os.environ['PATH']}",
        "AGORA_CUSTOMER_ID": "cid",
        "AGORA_CUSTOMER_SECRET": "csecret",
        "REC_TUI_TOKEN": "tok-1",
        "REC_TUI_STORAGE_ACCESS_KEY": "ak-2",
        "REC_TUI_STORAGE_SECRET_KEY": "sk-3",
    }
    return _run(script, env)


@needs_bash
def test_the_script_sends_acquire_then_start_with_the_resource_id(tmp_path: Path) -> None:
    """curl replaced by a stand-in that logs each call and answers as Agora does."""
    body = copy.deepcopy(BODY)
    body["cname"] = 'it\'s $HOME `x` "q" \\ 100%\x00 ${HOME}'
    draft = _draft("global", body)
    draft.set("session.appId", "0123456789abcdef0123456789abcdef")
    calls = tmp_path / "calls"
    done = run_with_fake_curl(exporters.export_shell(draft), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Recording started: resourceId RID-77, sid SID-88" in done.stdout
    acquire, start = [line.split("\0")[:-1] for line in calls.read_text().splitlines()]
    assert acquire[-1].endswith("/apps/0123456789abcdef0123456789abcdef/cloud_recording/acquire")
    assert json.loads(acquire[acquire.index("-d") + 1]) == {
        "cname": body["cname"],
        "uid": body["uid"],
        "clientRequest": {"scene": 0},
    }
    assert start[-1].endswith(f"/resourceid/RID-77/mode/{MODE}/start")
    assert start[start.index("-u") + 1] == "cid:csecret"
    sent = json.loads(start[start.index("-d") + 1])
    expected = copy.deepcopy(body)
    expected["clientRequest"]["token"] = "tok-1"
    expected["clientRequest"]["storageConfig"].update(accessKey="ak-2", secretKey="sk-3")
    assert sent == expected
