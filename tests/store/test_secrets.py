"""The keyring store: a real Secret Service round trip, and every way of having none."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rec_tui.store.secrets import (
    CUSTOMER_ID_ENTRY,
    CUSTOMER_SECRET_ENTRY,
    SERVICE,
    Credentials,
    KeyringStore,
    MemoryStore,
    SecretStoreError,
    customer_credentials,
    forget_customer_credentials,
    open_store,
    store_customer_credentials,
)
from tests.support.keyring_service import KeyringService

NEXT_SESSION_READS = """
import sys
from rec_tui.store.secrets import open_store
opened = open_store()
print(type(opened.store).__name__, opened.store.get(sys.argv[1]))
"""


@pytest.mark.keyring_service
def test_real_keyring_round_trip_is_seen_by_secret_tool(real_keyring: KeyringService) -> None:
    opened = open_store()
    assert opened.notice is None
    assert opened.store.persistent
    assert "SecretService" in opened.store.backend_name
    assert opened.status_line().startswith("Secrets: OS keyring (")

    opened.store.set("preset/demo/clientRequest.token", "tok-ROUNDTRIP-7731")
    assert opened.store.get("preset/demo/clientRequest.token") == "tok-ROUNDTRIP-7731"
    assert (
        real_keyring.secret_tool_lookup(SERVICE, "preset/demo/clientRequest.token")
        == "tok-ROUNDTRIP-7731"
    )
    opened.store.delete("preset/demo/clientRequest.token")
    opened.store.delete("preset/demo/clientRequest.token")  # deleting twice is not an error
    assert opened.store.get("preset/demo/clientRequest.token") is None
    assert real_keyring.secret_tool_lookup(SERVICE, "preset/demo/clientRequest.token") is None


def _record_paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The object path of every call secretstorage sends to the Secret Service from now on."""
    from jeepney.low_level import HeaderFields, Message
    from secretstorage.util import DBusAddressWrapper

    paths: list[str] = []
    send = DBusAddressWrapper.send_and_get_reply

    def recording(self: DBusAddressWrapper, message: Message) -> object:
        paths.append(message.header.fields[HeaderFields.path])
        return send(self, message)

    monkeypatch.setattr(DBusAddressWrapper, "send_and_get_reply", recording)
    return paths


@pytest.mark.keyring_service
def test_the_keyring_is_used_by_the_default_collections_own_path(
    real_keyring: KeyringService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # gnome-keyring resolves the alias path on a thread racing with its own updates of the
    # alias, and then sends some calls on to a path that is not there (1 save in 800 with
    # two rec-tuis saving at once): rec-tui asks for the alias once, by ReadAlias, and
    # then uses the collection's own path only.
    paths = _record_paths(monkeypatch)
    store = open_store().store
    store.set("preset/pin/clientRequest.token", "tok-PINNED-4242")
    assert store.get("preset/pin/clientRequest.token") == "tok-PINNED-4242"
    store.delete("preset/pin/clientRequest.token")
    assert real_keyring.secret_tool_lookup(SERVICE, "preset/pin/clientRequest.token") is None
    assert not [path for path in paths if path.startswith("/org/freedesktop/secrets/aliases/")]
    assert "/org/freedesktop/secrets/collection/login" in paths


@pytest.mark.keyring_service
def test_a_collection_the_user_chose_is_kept(
    real_keyring: KeyringService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    session = "/org/freedesktop/secrets/collection/session"
    keyring.get_keyring().preferred_collection = session  # type: ignore[attr-defined]
    paths = _record_paths(monkeypatch)
    store = open_store().store
    store.set("preset/chosen/clientRequest.token", "tok-SESSION-5151")
    assert store.get("preset/chosen/clientRequest.token") == "tok-SESSION-5151"
    collections = [path for path in paths if path.startswith("/org/freedesktop/secrets/")]
    assert collections and all(path.startswith(session) for path in collections)


@pytest.mark.keyring_service
def test_customer_credentials_in_the_real_keyring(real_keyring: KeyringService) -> None:
    store = open_store().store
    store_customer_credentials(store, Credentials("cust-id-4411", "cust-secret-9922"))
    found = customer_credentials(store, environ={})
    assert found is not None
    assert found.values() == ("cust-id-4411", "cust-secret-9922")
    assert real_keyring.secret_tool_lookup(SERVICE, CUSTOMER_SECRET_ENTRY) == "cust-secret-9922"
    forget_customer_credentials(store)
    assert customer_credentials(store, environ={}) is None


def test_no_keyring_falls_back_to_memory_and_says_so(no_keyring: None) -> None:
    opened = open_store()
    assert isinstance(opened.store, MemoryStore)
    assert not opened.store.persistent
    assert opened.notice is not None
    assert "No usable keyring" in opened.notice
    assert "in memory for this session only" in opened.notice
    assert "AGORA_CUSTOMER_ID" in opened.notice and "AGORA_CUSTOMER_SECRET" in opened.notice
    assert "\n" not in opened.notice
    assert opened.status_line() == "Secrets: memory only, not saved (no usable keyring)"

    entry = "preset/x/clientRequest.token"
    opened.store.set(entry, "tok-NOT-ON-DISK-5150")
    assert opened.store.get(entry) == "tok-NOT-ON-DISK-5150"
    assert "tok-NOT-ON-DISK" not in repr(opened.store)
    # Memory only: the next session on this machine (same home, still no keyring) has nothing.
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run(
        [sys.executable, "-c", NEXT_SESSION_READS, entry],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["MemoryStore", "None"]


def test_bad_backend_setting_falls_back_to_memory() -> None:
    # keyring reads PYTHON_KEYRING_BACKEND once per process, so ask a fresh one.
    script = (
        "from rec_tui.store.secrets import open_store\n"
        "o = open_store()\n"
        "print(type(o.store).__name__)\n"
        "print(o.notice)\n"
    )
    for backend in ("no_such_module.Keyring", "keyring.backends.fail.NoSuchClass"):
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": backend}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        kind, notice = done.stdout.splitlines()[:2]
        assert kind == "MemoryStore"
        assert notice.startswith("No usable keyring: the keyring could not start")


def test_keyring_failure_mid_session_is_one_clear_error() -> None:
    from keyring.backends import fail

    store = KeyringStore(fail.Keyring())
    with pytest.raises(SecretStoreError) as caught:
        store.set("agora/customer-id", "x")
    assert "could not store 'agora/customer-id'" in str(caught.value)
    assert "environment variable" in str(caught.value)


def test_environment_variables_win_over_the_keyring_for_customer_credentials() -> None:
    store = MemoryStore()
    store.set(CUSTOMER_ID_ENTRY, "from-keyring-id")
    store.set(CUSTOMER_SECRET_ENTRY, "from-keyring-secret")
    env = {"AGORA_CUSTOMER_ID": "env-id", "AGORA_CUSTOMER_SECRET": "env-secret"}
    found = customer_credentials(store, environ=env)
    assert found is not None and found.values() == ("env-id", "env-secret")
    assert found.source == "environment"
    # Half of a pair in the environment does not mix with the keyring's other half.
    found = customer_credentials(store, environ={"AGORA_CUSTOMER_ID": "env-id"})
    assert found is not None and found.values() == ("from-keyring-id", "from-keyring-secret")
    assert customer_credentials(MemoryStore(), environ={}) is None


def test_credentials_never_show_their_values() -> None:
    credentials = Credentials("id-SHOULD-HIDE", "secret-SHOULD-HIDE", "test")
    for text in (repr(credentials), str(credentials), f"{credentials}"):
        assert "SHOULD-HIDE" not in text


@pytest.mark.keyring_service
def test_cli_presets_keep_secrets_in_the_real_keyring(
    real_keyring: KeyringService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from rec_tui.cli import main

    body = {"cname": "room", "uid": "1", "clientRequest": {"token": "tok-CLI-KEYRING-31"}}
    source = tmp_path / "body.json"
    source.write_text(json.dumps(body))
    assert main(["preset", "save", "kr", "--from", str(source), "--mode", "mix"]) in (0, 1)
    entry = "preset/kr/clientRequest.token"
    assert real_keyring.secret_tool_lookup(SERVICE, entry) == "tok-CLI-KEYRING-31"
    capsys.readouterr()
    main(["preset", "export", "kr", "--format", "json", "--reveal"])
    assert json.loads(capsys.readouterr().out)["clientRequest"]["token"] == "tok-CLI-KEYRING-31"
    main(["preset", "delete", "kr"])
    assert real_keyring.secret_tool_lookup(SERVICE, entry) is None


@contextlib.contextmanager
def _keyring_backend(backend: object) -> Iterator[None]:
    """keyring answers through ``backend`` for the duration of the block."""
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(backend)  # type: ignore[arg-type]
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _backend(
    module: str, error: Exception | None = None, *, set_error: Exception | None = None
) -> object:
    """A keyring backend from ``module`` whose reads fail with ``error`` and whose writes
    fail with ``set_error`` (each if given)."""
    from keyring.backend import KeyringBackend

    def get_password(self: object, service: str, username: str) -> str | None:
        if error is not None:
            raise error
        return None

    def set_password(self: object, service: str, username: str, password: str) -> None:
        if set_error is not None:
            raise set_error

    namespace = {
        "priority": 1,
        "get_password": get_password,
        "set_password": set_password,
        "delete_password": lambda self, s, u: None,
        "__module__": module,
    }
    return type("FakeKeyring", (KeyringBackend,), namespace)()


# A collection path as gnome-keyring 42 can make of the default alias (see
# rec_tui.store.secret_service): a path to nothing, its name from freed memory.
GARBAGE_PATH = "/org/freedesktop/secrets/collection/_5b5_0a_f5_2a"


def _not_there_error() -> Exception:
    """What secretstorage raises when the Secret Service answers that a path is not there:
    secretstorage itself turns the D-Bus error reply into it."""
    from jeepney import new_error
    from jeepney.low_level import HeaderFields, Message
    from secretstorage.util import DBusAddressWrapper

    class Answers:
        def send_and_get_reply(self, message: Message) -> Message:
            path = message.header.fields[HeaderFields.path]
            said = f"Object does not exist at path “{path}”"
            return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (said,))

    collection = DBusAddressWrapper(GARBAGE_PATH, "org.freedesktop.Secret.Collection", Answers())
    try:
        collection.call("SearchItems", "a{ss}", {"service": SERVICE})
    except Exception as error:
        return error
    raise AssertionError("secretstorage did not raise")


def test_a_keyring_object_that_is_not_there_is_one_clear_error() -> None:
    # secretstorage's own exceptions pass through keyring unwrapped: each is still a
    # SecretStoreError naming the entry and the path, never the library's bare exception.
    error = _not_there_error()
    store = KeyringStore(_backend("tests.fake", error, set_error=error))
    for action, call in (
        ("read", lambda: store.get("agora/customer-id")),
        ("store", lambda: store.set("agora/customer-id", "x")),
    ):
        with pytest.raises(SecretStoreError) as caught:
            call()
        message = str(caught.value)
        assert f"could not {action} 'agora/customer-id'" in message
        assert f"Object does not exist at path “{GARBAGE_PATH}”. Unlock" in message


def test_a_keyring_probe_that_meets_a_path_not_there_falls_back_with_the_reason() -> None:

    with _keyring_backend(_backend("tests.fake", _not_there_error())):
        opened = open_store()
    assert isinstance(opened.store, MemoryStore)
    assert opened.notice is not None
    assert opened.notice.startswith(
        f"No usable keyring: Object does not exist at path “{GARBAGE_PATH}”. Secrets are"
    )


def test_preset_save_whose_keyring_write_fails_so_says_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from rec_tui.cli import EXIT_FAILED, main

    body = {"cname": "room", "uid": "1", "clientRequest": {"token": "tok-NEVER-SHOWN-77"}}
    source = tmp_path / "body.json"
    source.write_text(json.dumps(body))
    with _keyring_backend(_backend("tests.fake", set_error=_not_there_error())):
        code = main(["preset", "save", "kr", "--from", str(source), "--mode", "mix"])
    captured = capsys.readouterr()
    assert code == EXIT_FAILED
    assert "Saved preset" not in captured.out
    assert captured.err.splitlines() == [
        "rec-tui: Could not save 'kr': The keyring (fake FakeKeyring) could not store "
        f"'preset/kr/clientRequest.token': Object does not exist at path “{GARBAGE_PATH}”. "
        "Unlock the keyring, or supply the secret through its environment variable."
    ]


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (_backend("tests.fake", None), None),
        (_backend("keyrings.alt.file"), "keeps secrets in a plain file"),
    ],
)
def test_plaintext_file_backends_are_refused(backend: object, reason: str | None) -> None:

    with _keyring_backend(backend):
        opened = open_store()
    if reason is None:
        assert opened.notice is None and opened.store.persistent
    else:
        assert isinstance(opened.store, MemoryStore)
        assert opened.notice is not None and reason in opened.notice


def test_a_locked_keyring_falls_back_to_memory() -> None:
    from keyring.errors import KeyringLocked

    with _keyring_backend(_backend("tests.fake", KeyringLocked("the collection is locked"))):
        opened = open_store()
    assert isinstance(opened.store, MemoryStore)
    assert opened.notice is not None
    assert opened.notice.startswith("No usable keyring: the collection is locked.")
