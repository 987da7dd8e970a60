"""The wizard's chrome: the secrets status line, the footer, the preview's request line."""

from __future__ import annotations

from typing import Any

import pytest

from rec_tui import secrets
from rec_tui.secrets import KeyringStore, OpenedStore
from rec_tui.tui.widgets.secrets_status import OPENING, SecretsStatus
from tests.keyring_service import no_keyring
from tests.tui_helpers import SIZE, make_app

__all__ = ["no_keyring"]  # a fixture, used by name


def status_text(app: Any) -> str:
    return str(app.query_one(SecretsStatus).render())


@pytest.mark.usefixtures("no_keyring")
async def test_the_status_line_says_secrets_stay_in_memory_without_a_keyring() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert status_text(app) == "Secrets: memory only, not saved (no usable keyring)"
        assert app.query_one(SecretsStatus).has_class("-memory-only")
        # Still no pop-up: the explanation waits until secrets are first used.
        assert not [n for n in app._notifications if "keyring" in n.message]


class _AnsweringBackend:
    name = "SecretService Keyring"

    def get_password(self, service: str, entry: str) -> str | None:
        return None


async def test_the_status_line_names_the_keyring_backend_once_it_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = OpenedStore(KeyringStore(_AnsweringBackend()), None)
    monkeypatch.setattr(secrets, "open_store", lambda: opened)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert status_text(app) in (OPENING, opened.status_line())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert status_text(app) == "Secrets: OS keyring (SecretService Keyring)"
        assert not app.query_one(SecretsStatus).has_class("-memory-only")
        assert app.file_actions.status_line == status_text(app)
