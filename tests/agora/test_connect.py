"""connect(): which credentials, App ID and transport a client gets for an endpoint."""

from __future__ import annotations

import pytest

from rec_tui.agora.connect import (
    SANDBOX_APP_ID,
    SANDBOX_CREDENTIALS,
    CannotConnect,
    connect,
    record_in_history,
)
from rec_tui.sandbox.transport import SandboxTransport
from rec_tui.store import history


async def test_the_sandbox_gets_its_own_credentials_app_id_and_transport() -> None:
    made: list[SandboxTransport] = []

    def sandbox_transport() -> SandboxTransport:
        made.append(SandboxTransport())
        return made[-1]

    async with connect("sandbox", "", sandbox_transport=sandbox_transport) as client:
        reply = await client.acquire("demo", "527841")
    assert client.credentials == SANDBOX_CREDENTIALS and client.app_id == SANDBOX_APP_ID
    assert reply.status == 200 and len(made) == 1 and made[0].seen
    # The default listener keeps the history.
    assert [record["call"] for record in history.recent(5)] == ["acquire"]


async def test_another_endpoint_uses_the_customers_credentials_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AGORA_CUSTOMER_ID", "cust")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "cust-secret")
    async with connect("region:api-eu-west-1", "app-1") as client:
        assert client.credentials.customer_id == "cust"
        assert client.endpoint.primary == "https://api-eu-west-1.agora.io"


@pytest.mark.parametrize(
    ("endpoint", "app_id", "words"),
    [
        ("global", "", "An App ID is needed"),
        ("ftp://x", "a", "not understood"),
        ("http://127.0.0.1:0", "a", "not a valid URL"),
        ("sandbox", "", "sandbox is not available"),
    ],
)
def test_what_cannot_be_used_is_explained(endpoint: str, app_id: str, words: str) -> None:
    with pytest.raises(CannotConnect, match=words):
        connect(endpoint, app_id)


def test_missing_customer_credentials_are_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    import rec_tui.store.secrets as secrets

    opened = secrets.OpenedStore(secrets.MemoryStore(), None)
    monkeypatch.setattr(secrets, "open_store", lambda: opened)
    with pytest.raises(CannotConnect, match="AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET"):
        connect("global", "app")


def test_the_history_listener_survives_a_disk_that_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from rec_tui.agora.exchange import Exchange

    def refuse(record: object) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(history, "append", refuse)
    record_in_history(Exchange("now", "acquire", "POST", "u", {}, None, 200, None, "", 1.0, 1))
