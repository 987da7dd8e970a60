"""``rec-tui preset export``: the shell script and curl exports, run with bash against
``rec-tui sandbox serve`` on loopback, start a recording; no secret shows without --reveal."""

from __future__ import annotations

import base64
import copy
import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import EXIT_OK, main
from rec_tui.cli.preset import EXPORT_FORMATS
from rec_tui.formats import exporters
from rec_tui.store import presets
from rec_tui.store.secrets import MemoryStore
from tests.support.seed_examples import EXAMPLES

pytestmark = [
    pytest.mark.usefixtures("no_keyring"),
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("bash", "curl", "python3")),
        reason="the exports run with bash, curl and python3",
    ),
]

MODE, BODY = EXAMPLES[0][1], EXAMPLES[0][2]
SECRETS = {
    "REC_TUI_TOKEN": "tok-ROUNDTRIP-31",
    "REC_TUI_STORAGE_ACCESS_KEY": "ak-ROUNDTRIP-42",
    "REC_TUI_STORAGE_SECRET_KEY": "sk-ROUNDTRIP-53",
}
SANDBOX_AUTH = "Basic " + base64.b64encode(b"sandbox:sandbox-secret").decode()


def _saved_preset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A preset of the seed's mix body, saved without a keyring (env: references)."""
    body = copy.deepcopy(BODY)
    body["clientRequest"]["token"] = SECRETS["REC_TUI_TOKEN"]
    storage = body["clientRequest"]["storageConfig"]
    storage["accessKey"] = SECRETS["REC_TUI_STORAGE_ACCESS_KEY"]
    storage["secretKey"] = SECRETS["REC_TUI_STORAGE_SECRET_KEY"]
    source = tmp_path / "body.json"
    source.write_text(json.dumps(body))
    assert main(["preset", "save", "trip", "--from", str(source), "--mode", MODE]) == EXIT_OK
    capsys.readouterr()


def _export(fmt: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(["preset", "export", "trip", "--format", fmt]) in (0, 1)
    captured = capsys.readouterr()
    return captured.out, captured.err


def _run(script: str, served: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **SECRETS, "REC_TUI_SANDBOX_URL": served, **extra}
    return subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )


def _call(url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    request = urllib.request.Request(
        url,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": SANDBOX_AUTH, "Content-Type": "application/json;charset=utf-8"},
        method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
        loaded: dict[str, Any] = json.load(answer)
    return loaded


def test_the_exported_script_acquires_and_starts_on_the_served_sandbox(
    served: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved_preset(tmp_path, capsys)
    script, said = _export("shell", capsys)
    assert "rec-tui sandbox serve --port 8765" in said  # the note on stderr
    done = _run(script, served)
    assert done.returncode == 0, done.stdout + done.stderr
    started = next(line for line in done.stdout.splitlines() if "Recording started" in line)
    resource_id, sid = started.removeprefix("Recording started: resourceId ").split(", sid ")
    assert resource_id and sid
    query_url = done.stdout.rsplit("Query it with GET ", 1)[1].strip()
    assert query_url.startswith(served) and f"/sid/{sid}/" in query_url
    answer = _call(query_url)
    assert answer["sid"] == sid and isinstance(answer["serverResponse"]["status"], int)


def test_the_script_says_which_variable_is_missing(
    served: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved_preset(tmp_path, capsys)
    script, _said = _export("shell", capsys)
    done = _run(script, served, REC_TUI_TOKEN="")
    assert done.returncode == 2
    assert "REC_TUI_TOKEN is not set: set it to the RTC token" in done.stderr


def test_the_exported_curl_starts_with_a_resource_id_from_acquire(
    served: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved_preset(tmp_path, capsys)
    text, said = _export("curl", capsys)
    assert "rec-tui sandbox serve --port 8765" in said
    assert text.count("http://127.0.0.1:8765") == 1
    acquired = _call(
        f"{served}/v1/apps/sandbox-app/cloud_recording/acquire",
        {"cname": BODY["cname"], "uid": BODY["uid"], "clientRequest": {"scene": 0}},
    )
    # The command as exported, pointed at this test's port (the export says 8765).
    command = text.replace("http://127.0.0.1:8765", served)
    done = _run(command, served, REC_TUI_RESOURCE_ID=acquired["resourceId"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sid"]


def test_no_export_shows_a_secret_without_reveal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved_preset(tmp_path, capsys)
    assert EXPORT_FORMATS == exporters.FORMATS
    for fmt in EXPORT_FORMATS:
        out, err = _export(fmt, capsys)
        for value in SECRETS.values():
            assert value not in out + err, fmt
        assert "REC_TUI_TOKEN" in out, fmt
    # The values are where the references say: set them, and --reveal shows them.
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    assert main(["preset", "export", "trip", "--format", "shell", "--reveal"]) == EXIT_OK
    revealed = capsys.readouterr().out
    assert all(value in revealed for value in SECRETS.values())
    # The saved preset refers to the same variables the exports do.
    loaded = presets.load("trip", MemoryStore(), environ=SECRETS)
    assert loaded.draft.body["clientRequest"]["token"] == SECRETS["REC_TUI_TOKEN"]
