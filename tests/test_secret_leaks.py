"""No secret value reaches any file rec-tui writes, nor any export, unless revealed on purpose.

One request carrying a distinctive value in every secret field, and more under keys that
a dotted path would misread (``"a.b"``, ``"keys[0]"``) and under a flattened key, is saved
as presets (core and command line), exported in every format, sent to the sandbox
(history), and shown in the wizard (screenshots, including the export dialog). Every
command must succeed and say what it did; then every file under REC_TUI_HOME and every
export text is scanned for each value, as written and JSON-escaped.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import json
from pathlib import Path

import pytest

from rec_tui.cli import main
from rec_tui.formats import exporters, importers
from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.secrets import Credentials, MemoryStore
from tests.support.keyring_service import no_keyring
from tests.support.leaks import draft_with_secrets
from tests.support.rules import changed

__all__ = ["no_keyring"]

CUSTOMER_ID = "LEAK-CID-6a7b8c"
CUSTOMER_SECRET = "LEAK-CSEC-9d0e1f"
BODY_SECRETS = {
    "REC_TUI_TOKEN": ("clientRequest.token", "LEAK-TOKEN-7f3a9c"),
    "REC_TUI_STORAGE_ACCESS_KEY": ("clientRequest.storageConfig.accessKey", "LEAK-AK-1b2c3d"),
    "REC_TUI_STORAGE_SECRET_KEY": ("clientRequest.storageConfig.secretKey", "LEAK-SK-4e5f6a"),
    "REC_TUI_STORAGE_STS_TOKEN": ("clientRequest.storageConfig.stsToken", "LEAK-STS-7b8c9d"),
    "REC_TUI_DECRYPTION_SECRET": ("clientRequest.recordingConfig.secret", "LEAK-DEC-0a1b2c"),
    # A valid salt (Base64 of 32 bytes, R42), so the request is sent, not refused.
    "REC_TUI_DECRYPTION_SALT": (
        "clientRequest.recordingConfig.salt",
        base64.b64encode(b"LEAK-SALT-3d4e5f".ljust(32, b"_")).decode(),
    ),
}
# Secrets where no declared field is: under keys holding "." or "[n]", nested in a list,
# a key that is a whole path, and credentials under names of their own. Redaction finds
# them by key name wherever they stand.
ODD_SECRETS = {
    'clientRequest["customer.extras"].token': "LEAK-DOT-TOKEN-5e6f7a",
    'clientRequest["keys[0]"][0].secretKey': "LEAK-IDX-SK-8b9c0d",
    'clientRequest["clientRequest.storageConfig.accessKey"]': "LEAK-FLAT-AK-1e2f3a",
    # Credentials no API field holds, pasted into a body by a customer: secrets by name.
    "clientRequest.customerKey": "LEAK-BODY-CKEY-2b3c4d",
    "clientRequest.customerSecret": "LEAK-BODY-CSEC-5e6f7a",
    'clientRequest.storageConfig["db_password"]': "LEAK-BODY-PW-8b9c0d",
}
CREDENTIAL_VARIABLES = {
    "REC_TUI_CUSTOMERKEY": "clientRequest.customerKey",
    "REC_TUI_CUSTOMERSECRET": "clientRequest.customerSecret",
    "REC_TUI_DBPASSWORD": 'clientRequest.storageConfig["db_password"]',
}
SECRET_VALUES = [value for _path, value in BODY_SECRETS.values()] + [
    *ODD_SECRETS.values(),
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()).decode(),
]


def _leaky_draft() -> Draft:
    return draft_with_secrets([*BODY_SECRETS.values(), *ODD_SECRETS.items()])


def _leaks(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [
        value
        for value in SECRET_VALUES
        if value.encode("utf-8") in data or json.dumps(value).encode("ascii") in data
    ]


async def _screenshots(draft: Draft, folder: Path) -> list[Path]:
    from rec_tui.tui.app import RecTuiApp

    folder.mkdir(parents=True, exist_ok=True)
    app = RecTuiApp(copy.deepcopy(draft))
    shots: list[Path] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for step in ("session", "storage", "review"):
            await app.show_step(step)
            await pilot.pause()
            shots.append(Path(app.save_screenshot(f"{step}.svg", str(folder))))
        await pilot.press("ctrl+e")
        await pilot.pause()
        shots.append(Path(app.save_screenshot("export.svg", str(folder))))
    return shots


@pytest.mark.usefixtures("no_keyring")
def test_no_secret_reaches_a_file_or_an_export(
    rec_tui_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    draft = _leaky_draft()
    assert all(value in json.dumps(draft.body) for value in SECRET_VALUES[:9])
    outputs: dict[str, str] = {}

    # Presets through the core, and exports of every format.
    store = MemoryStore(persistent=True)  # stands for a keyring
    saved = presets.save(draft, "leaky", store, description="every secret set")
    loaded = presets.load("leaky", store)
    assert loaded.draft.body == draft.body  # the secrets are back, from the store
    for fmt in exporters.FORMATS:
        outputs[f"core {fmt}"] = exporters.export(draft, fmt)
    assert saved.path is not None

    # Without a keyring the command line reads the secrets from the environment.
    for variable, (_path, value) in BODY_SECRETS.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", CUSTOMER_ID)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    # A credential under a name of its own has a variable named after it.
    for variable, path in CREDENTIAL_VARIABLES.items():
        monkeypatch.setenv(variable, ODD_SECRETS[path])

    # The command line: save from a customer's curl command, show, list, export.
    curl_file = tmp_path / "from-customer.sh"  # outside REC_TUI_HOME: the customer's file
    customers = _leaky_draft()
    customers.set("session.endpoint", "global")  # for the sandbox, its own pair is written
    curl_file.write_text(
        exporters.export_curl(
            customers,
            reveal=True,
            credentials=Credentials(CUSTOMER_ID, CUSTOMER_SECRET),
        )
    )
    assert CUSTOMER_SECRET in curl_file.read_text()
    capsys.readouterr()
    commands = [
        ["preset", "save", "leaky-cli", "--from", str(curl_file)],
        ["preset", "show", "leaky-cli"],
        ["preset", "list", "--format", "json"],
        *(["preset", "export", "leaky-cli", "--format", fmt] for fmt in exporters.FORMATS),
    ]
    for command in commands:
        status = main(command)
        captured = capsys.readouterr()
        said = " ".join(command[:2] + command[-1:])
        # An export without --reveal validates the body with its secrets still references,
        # and an "env:" salt is not Base64 (R42): it may exit 1 for that (the request has
        # errors), never 2. Everything else must succeed.
        allowed = (0, 1) if command[1] == "export" else (0,)
        assert status in allowed, f"{said}: exit {status}: {captured.err}"
        outputs[f"cli {said} stdout"], outputs[f"cli {said} stderr"] = captured.out, captured.err
    # Each export really wrote the request (a no-op export would pass the scan vacuously),
    # with the secrets replaced by references, never dropped or masked with bullets.
    for fmt in exporters.FORMATS:
        exported = outputs[f"cli preset export {fmt} stdout"]
        assert "recordings" in exported or "xxxxx" in exported, (fmt, exported[:200])
        assert "REC_TUI_TOKEN" in exported and "••••" not in exported, (fmt, exported[:200])

    # Send to the sandbox (history), with the secrets supplied by the environment.
    status = main(["send", "leaky", "--sandbox", "--stop-after", "0", "--force"])
    captured = capsys.readouterr()
    outputs["send stdout"], outputs["send stderr"] = captured.out, captured.err
    assert status == 0, captured.err

    # The wizard: screenshots of the forms that hold secrets and of the export dialog.
    shots = asyncio.run(_screenshots(draft, rec_tui_home / "data" / "screenshots"))

    written = [path for path in rec_tui_home.rglob("*") if path.is_file()]
    names = {path.relative_to(rec_tui_home).as_posix() for path in written}
    assert "config/presets/leaky.toml" in names and "config/presets/leaky-cli.toml" in names
    assert "data/history.jsonl" in names  # the sandbox exchange was recorded
    assert all(shot.exists() for shot in shots)
    # The storage form really showed this request (its bucket), with the keys masked.
    assert "xxxxx" in (rec_tui_home / "data" / "screenshots" / "storage.svg").read_text()
    found = {str(path): _leaks(path.read_bytes()) for path in written}
    found.update({name: _leaks(text) for name, text in outputs.items()})
    assert {where: values for where, values in found.items() if values} == {}


def test_revealing_on_purpose_does_show_the_values() -> None:
    # The scan above would pass vacuously if the values never made it into a request.
    draft = _leaky_draft()
    revealed = exporters.export_json(draft, reveal=True)
    assert set(_leaks(revealed)) == {value for _p, value in BODY_SECRETS.values()} | set(
        ODD_SECRETS.values()
    )


# Secrets written as template placeholders: the placeholder rule (R132) reports each one,
# and must say so without repeating it.
PLACEHOLDER_SECRETS = {
    "clientRequest.token": "<LEAK-TOKEN-placeholder-7f3a9c>",
    "clientRequest.storageConfig.accessKey": "YOUR_LEAK_AK_1b2c3d",
    "clientRequest.storageConfig.secretKey": "xxxLEAKSK4e5f6a",
    "clientRequest.storageConfig.stsToken": "{{LEAK-STS-7b8c9d}}",
}


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_validate_reports_a_placeholder_secret_without_showing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    body = tmp_path / "template.json"
    body.write_text(json.dumps(changed("mix", PLACEHOLDER_SECRETS)), encoding="utf-8")
    assert main(["validate", "--mode", "mix", "--format", output_format, str(body)]) == 0
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert said.count("body.placeholder") == len(PLACEHOLDER_SECRETS)
    assert said.count("the value is secret and not shown") == len(PLACEHOLDER_SECRETS)
    leaked = [v for v in PLACEHOLDER_SECRETS.values() if v in said or json.dumps(v) in said]
    assert leaked == []


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_secret_written_twice_is_reported_without_either_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    # Each secret key written twice, the first value then the second; both are secrets.
    firsts = {path: f"{value}-first" for path, value in BODY_SECRETS.values()}
    text = json.dumps(changed("mix", firsts), indent=2)
    for path, value in BODY_SECRETS.values():
        key = path.rsplit(".", 1)[-1]
        member = f'"{key}": {json.dumps(firsts[path])}'
        text = text.replace(member, f"{member}, {json.dumps(key)}: {json.dumps(value)}", 1)
    body = tmp_path / "twice.json"
    body.write_text(text, encoding="utf-8")
    status = main(["validate", "--mode", "mix", "--format", output_format, str(body)])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert status in (0, 1), said  # the salt may break R42: the body's own business
    assert said.count("a secret, not shown") == len(BODY_SECRETS)
    values = [*firsts.values(), *(value for _path, value in BODY_SECRETS.values())]
    assert [v for v in values if v in said or json.dumps(v) in said] == []
    # The same repeats as import notices (the wizard's --open and import).
    notices = importers.import_text(text).notices
    assert sum("a secret, not shown" in n for n in notices) == len(BODY_SECRETS)
    assert [v for v in values if any(v in n for n in notices)] == []
