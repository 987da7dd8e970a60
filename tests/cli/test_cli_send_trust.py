"""``rec-tui send PRESET`` asks before sending to an endpoint only the preset names."""

from __future__ import annotations

import io
from typing import Any

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, UsageError, endpoint_options, main
from rec_tui.request.draft import Draft
from rec_tui.store import known_endpoints, presets, secrets
from tests.support.sending import clean_body

COLLECTOR = "https://collector.example"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def clients(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Endpoints a client was made for; making one stops the command (nothing is sent)."""
    made: list[str] = []

    def make_client(endpoint: str, _app_id: str) -> Any:
        made.append(endpoint)
        raise UsageError("client made here")

    monkeypatch.setattr(endpoint_options, "make_client", make_client)
    return made


@pytest.fixture(autouse=True)
def store(monkeypatch: pytest.MonkeyPatch) -> secrets.MemoryStore:
    """One keyring stand-in for saving the preset and for the command reading it."""
    kept = secrets.MemoryStore(persistent=True)
    monkeypatch.setattr(secrets, "open_store", lambda: secrets.OpenedStore(kept, None))
    return kept


def _preset(endpoint: str = COLLECTOR) -> None:
    draft = Draft(mode="web")
    draft.replace_body(clean_body("web"))
    draft.set("session.endpoint", endpoint)
    draft.set("session.appId", "0123456789abcdef0123456789abcdef")
    presets.save(draft, "shared", secrets.open_store().store)


def test_without_a_terminal_it_is_refused_and_says_to_pass_yes(
    clients: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _preset()
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert main(["send", "shared"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert COLLECTOR in err and "--yes" in err
    assert clients == [] and not known_endpoints.is_known(COLLECTOR)


@pytest.mark.parametrize("answer", ["n\n", "\n", ""])
def test_on_a_terminal_anything_but_yes_is_no(
    answer: str,
    clients: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _preset()
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    assert main(["send", "shared"]) == EXIT_REFUSED
    assert "Send it there? [y/N]" in capsys.readouterr().err
    assert clients == []


def test_yes_on_the_terminal_sends_and_is_remembered(
    clients: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _preset()
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert main(["send", "shared"]) == EXIT_FAILED  # stopped where the client is made
    assert clients == [COLLECTOR]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    capsys.readouterr()
    main(["send", "shared"])
    assert "[y/N]" not in capsys.readouterr().err and clients == [COLLECTOR, COLLECTOR]


def test_yes_flag_and_endpoints_named_on_the_command_line_are_not_asked(
    clients: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _preset()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    main(["send", "shared", "--endpoint", "http://127.0.0.1:8765"])
    assert clients == ["http://127.0.0.1:8765"]
    assert known_endpoints.is_known("http://127.0.0.1:8765")
    main(["send", "shared", "--yes"])
    assert clients[-1] == COLLECTOR and known_endpoints.is_known(COLLECTOR)


def test_the_sandbox_is_never_asked_about(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _preset("sandbox")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["send", "shared"]) == EXIT_OK
    assert "[y/N]" not in capsys.readouterr().err
