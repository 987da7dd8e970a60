"""Secrets from a configured command (like git's credential helpers), with a script as helper."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rec_tui.store import presets, secret_command
from rec_tui.store.paths import config_dir, presets_dir
from rec_tui.store.secret_command import CommandBackedStore, SecretCommand
from rec_tui.store.secrets import (
    MemoryStore,
    SecretStoreError,
    customer_credentials,
    open_store,
)

HELPER = """\
import sys, time
entry = sys.argv[1]
secrets = {
    "agora/customer-id": "cust-id-from-helper",
    "agora/customer-secret": "cust-SECRET-from-helper",
    "preset/team/clientRequest.token": "tok-from-helper\\nsecond line ignored",
}
if entry == "preset/team/fail":
    print("s3cr3t-on-stdout")
    sys.stderr.write("helper broke, it said s3cr3t-on-stdout\\n")
    sys.exit(3)
if entry == "preset/team/hang":
    time.sleep(60)
if entry == "preset/team/flood":
    sys.stdout.write("x" * 10_000_000)
if entry == "preset/team/echo":
    print(sys.argv[2])
print(secrets.get(entry, ""))
"""


@pytest.fixture
def helper(tmp_path: Path) -> list[str]:
    script = tmp_path / "helper.py"
    script.write_text(HELPER)
    return [sys.executable, str(script), "{entry}"]


@pytest.fixture
def configured(helper: list[str]) -> Iterator[list[str]]:
    config_dir().mkdir(parents=True, exist_ok=True)
    words = ", ".join(f"'{word}'" for word in helper)
    (config_dir() / "config.toml").write_text(f"[secrets]\ncommand = [{words}]\n")
    yield helper


def test_the_first_line_printed_is_the_secret_and_nothing_printed_is_none(
    helper: list[str],
) -> None:
    command = SecretCommand(tuple(helper))
    assert command.get("preset/team/clientRequest.token") == "tok-from-helper"
    assert command.get("preset/team/unknown") is None


def test_it_runs_without_a_shell(helper: list[str]) -> None:
    command = SecretCommand((*helper, "$HOME;echo hi `id`"))
    assert command.get("preset/team/echo") == "$HOME;echo hi `id`"


def test_a_failure_is_reported_without_what_it_printed(helper: list[str]) -> None:
    with pytest.raises(SecretStoreError) as caught:
        SecretCommand(tuple(helper)).get("preset/team/fail")
    message = str(caught.value)
    assert "failed (exit status 3): helper broke" in message
    assert "s3cr3t-on-stdout" not in message and "preset/team/fail" in message


def test_a_helper_that_hangs_is_stopped(helper: list[str]) -> None:
    with pytest.raises(SecretStoreError, match="gave no answer within 1 seconds"):
        SecretCommand(tuple(helper), timeout=1).get("preset/team/hang")


def test_a_flood_of_output_is_bounded(helper: list[str]) -> None:
    found = SecretCommand(tuple(helper)).get("preset/team/flood")
    assert found is not None and len(found) == secret_command.MAX_OUTPUT_BYTES


def test_a_missing_program_is_a_clear_error() -> None:
    with pytest.raises(SecretStoreError, match="could not start"):
        SecretCommand(("/no/such/helper", "{entry}")).get("agora/customer-id")


@pytest.mark.parametrize("entry", ["-rf", "preset/a/../../etc", "a;b", "x\ny"])
def test_odd_entry_names_are_never_handed_to_the_command(helper: list[str], entry: str) -> None:
    with pytest.raises(SecretStoreError, match="not an entry name"):
        SecretCommand(tuple(helper)).get(entry)


@pytest.mark.usefixtures("no_keyring", "configured")
def test_without_a_keyring_credentials_and_preset_secrets_come_from_the_helper() -> None:
    opened = open_store()
    credentials = customer_credentials(opened.store, environ={})
    assert credentials is not None
    assert credentials.values() == ("cust-id-from-helper", "cust-SECRET-from-helper")
    path = presets_dir() / "team.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'format = 1\nmode = "mix"\n[body]\ncname = "r"\nuid = "1"\n[body.clientRequest]\n'
        'token = "keyring:preset/team/clientRequest.token"\n'
    )
    loaded = presets.load("team", opened.store, environ={})
    assert loaded.draft.get("clientRequest.token") == "tok-from-helper"


def test_the_keyring_is_asked_first_and_keeps_what_is_saved(helper: list[str]) -> None:
    keyring = MemoryStore(persistent=True)
    keyring.set("agora/customer-id", "from-keyring")
    store = CommandBackedStore(keyring, SecretCommand(tuple(helper)))
    assert store.get("agora/customer-id") == "from-keyring"
    assert store.get("agora/customer-secret") == "cust-SECRET-from-helper"
    store.set("preset/x/token", "v")
    assert keyring.get("preset/x/token") == "v" and store.persistent


@pytest.mark.parametrize(
    "config",
    [
        "[secrets]\ncommand = 'pass show {entry}'\n",
        "[secrets]\ncommand = ['pass', 'show']\n",
        "[secrets]\ncommand = []\n",
        "[secrets\n",
    ],
)
@pytest.mark.usefixtures("no_keyring")
def test_an_unusable_configuration_is_said_and_ignored(config: str) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.toml").write_text(config)
    opened = open_store()
    assert opened.notice is not None and "secrets command is not used" in opened.notice
    assert "config.toml" in opened.notice
    assert opened.store.get("agora/customer-id") is None
