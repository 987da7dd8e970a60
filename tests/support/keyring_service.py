"""A real Secret Service for tests: gnome-keyring on a private D-Bus session.

``real_keyring`` starts ``dbus-daemon`` and an unlocked ``gnome-keyring-daemon`` with a
fresh HOME/XDG dirs, points ``keyring`` at the SecretService backend explicitly (it caches
its backend on first use) and kills both daemons afterwards. Tests using it are skipped,
with the reason, only where the binaries are missing (``.ci/run`` installs them).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

UNLOCK_PASSWORD = "rec-tui-test-unlock"
_BINARIES = ("dbus-daemon", "gnome-keyring-daemon", "secret-tool")


@dataclass(frozen=True)
class KeyringService:
    env: dict[str, str]

    def secret_tool_lookup(self, service: str, entry: str) -> str | None:
        """What ``secret-tool`` (libsecret, not Python) sees for a keyring entry."""
        result = subprocess.run(
            ["secret-tool", "lookup", "service", service, "username", entry],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return result.stdout if result.returncode == 0 else None


def _missing_binaries() -> list[str]:
    return [name for name in _BINARIES if shutil.which(name) is None]


def _kill(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _kill_pid(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


@pytest.fixture
def real_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringService]:
    missing = _missing_binaries()
    if missing:
        pytest.skip(
            f"needs a Secret Service: {', '.join(missing)} not installed "
            "(apt-get install gnome-keyring libsecret-tools dbus; .ci/run does this)"
        )
    env = dict(os.environ)
    for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        directory = tmp_path / name.lower()
        directory.mkdir(mode=0o700)
        directory.chmod(0o700)
        env[name] = str(directory)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    keyring_pid: int | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            pytest.fail("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        started = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            input=UNLOCK_PASSWORD.encode(),  # no trailing newline: it would be part of it
            env=env,
            capture_output=True,
            timeout=20,
        )
        if started.returncode != 0:
            pytest.fail(f"gnome-keyring-daemon failed: {started.stderr.decode()}")
        for line in started.stdout.decode().splitlines():
            if line.startswith("GNOME_KEYRING_PID="):
                keyring_pid = int(line.partition("=")[2])
        for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"):
            monkeypatch.setenv(name, env[name])
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)

        import keyring
        from keyring.backends import SecretService

        previous = keyring.get_keyring()
        keyring.set_keyring(SecretService.Keyring())
        try:
            yield KeyringService(env)
        finally:
            keyring.set_keyring(previous)
    finally:
        if keyring_pid is not None:
            _kill_pid(keyring_pid)
        _kill(bus)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """keyring's fail backend, as on a machine without any Secret Service."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
