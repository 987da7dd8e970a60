"""Fixtures for more than one folder: each test gets its own REC_TUI_HOME, so nothing touches
the real one, and starts in English; ``no_keyring`` (store, cli, tui and the leak tests) stands
for a machine without a keyring; ``time`` and ``sandbox`` (agora, sandbox) are a fake clock and
a sandbox on it.

Fixtures used by one folder live in that folder's conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rec_tui.i18n import ENGLISH, activate
from tests.support.keyring_service import no_keyring

if TYPE_CHECKING:  # the client and the sandbox are imported only by the tests that use them
    from rec_tui.sandbox.transport import SandboxTransport
    from tests.support.sending import FakeTime

__all__ = ["no_keyring"]  # a fixture, offered to every test by name


@pytest.fixture(autouse=True)
def rec_tui_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("rec-tui-home")
    monkeypatch.setenv("REC_TUI_HOME", str(home))
    for name in ("AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET", "AGORA_APP_CERTIFICATE"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def english_between_tests() -> Iterator[None]:
    """Whatever language a test chose, the next one starts in English."""
    activate(ENGLISH)
    yield
    activate(ENGLISH)


@pytest.fixture
def time() -> FakeTime:
    """One fake clock for the client, its rate limiter and the sandbox; sleeping advances it."""
    from tests.support.sending import FakeTime

    return FakeTime()


@pytest.fixture
def sandbox(time: FakeTime) -> SandboxTransport:
    """The in-process sandbox on the fake clock, with its own rate limit of 10 per second."""
    from tests.support.sending import make_sandbox

    return make_sandbox(time)
