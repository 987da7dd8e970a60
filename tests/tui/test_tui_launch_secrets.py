"""``rec-tui --open``: the keyring opens when a secret is needed, never before the first frame."""

from __future__ import annotations

import argparse
from typing import Any

import pytest
from rich.console import RenderableType
from textual.screen import Screen

from rec_tui.request.draft import Draft
from rec_tui.store import presets, secrets
from rec_tui.tui import launch as launch_module
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.secrets_status import OPENING, SecretsStatus
from tests.support.tui import SEEDS, SIZE, seed_body


def options(**values: Any) -> argparse.Namespace:
    defaults = {"mode": None, "open_path": None, "step": None, "sandbox": False}
    return argparse.Namespace(**{**defaults, **values})


class Timeline:
    """What happened, in order: the keyring opened, the first frame drawn."""

    def __init__(self, store: secrets.SecretStore) -> None:
        self.events: list[str] = []
        self.store = store
        self.app: RecTuiApp | None = None
        # What the secrets status line said once the wizard settled.
        self.status_line = ""

    def open_store(self) -> secrets.OpenedStore:
        self.events.append("keyring opened")
        return secrets.OpenedStore(self.store, None)

    @property
    def opened_status(self) -> str:
        return secrets.OpenedStore(self.store, None).status_line()


@pytest.fixture
def timeline(monkeypatch: pytest.MonkeyPatch) -> Timeline:
    """Records each opening of the keyring and the first frame of a headless ``launch()``."""
    recorded = Timeline(secrets.MemoryStore(persistent=True))
    monkeypatch.setattr(secrets, "open_store", recorded.open_store)
    real_display = RecTuiApp._display
    real_run = RecTuiApp.run

    def display(self: RecTuiApp, screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None and "first frame" not in recorded.events:
            recorded.events.append("first frame")
        real_display(self, screen, renderable)

    def headless_run(self: RecTuiApp, *args: Any, **kwargs: Any) -> Any:
        async def until_settled(pilot: Any) -> None:
            await pilot.pause()
            await self.workers.wait_for_complete()
            await pilot.pause()
            recorded.status_line = str(self.query_one(SecretsStatus).render())
            self.exit(0)

        recorded.app = self
        return real_run(self, headless=True, size=SIZE, auto_pilot=until_settled)

    monkeypatch.setattr(RecTuiApp, "_display", display)
    monkeypatch.setattr(RecTuiApp, "run", headless_run)
    return recorded


def test_opening_a_body_never_opens_the_keyring(timeline: Timeline) -> None:
    assert launch_module.launch(options(open_path=str(SEEDS / "1_mix_av.json"))) == 0
    # Not before the first frame, nor after it: no secret was needed.
    assert timeline.events == ["first frame"]
    assert timeline.status_line == OPENING


def test_opening_a_preset_without_keyring_secrets_does_not_open_the_keyring() -> None:
    # A bare body needs no secret store at all (built here without running the wizard).
    draft = Draft(mode="individual")
    draft.replace_body({"cname": "room", "uid": "1"})
    presets.save(draft, "plain", secrets.MemoryStore())
    store = launch_module.StoreOnFirstUse()
    opened_draft, _ = launch_module.build_draft(options(open_path="plain"), store)
    assert opened_draft.body["cname"] == "room"
    assert store.opened is None


def test_a_preset_with_keyring_secrets_opens_the_keyring_once_and_the_wizard_keeps_it(
    timeline: Timeline,
) -> None:
    body = seed_body("1_mix_av.json")
    body["clientRequest"]["token"] = "token-kept-in-the-keyring"
    draft = Draft(mode="mix")
    draft.replace_body(body)
    presets.save(draft, "kept", timeline.store)
    assert "keyring:" in presets.preset_path("kept").read_text(encoding="utf-8")

    assert launch_module.launch(options(open_path="kept")) == 0
    assert timeline.events == ["keyring opened", "first frame"]
    app = timeline.app
    assert app is not None
    assert app.draft.body["clientRequest"]["token"] == "token-kept-in-the-keyring"
    assert app.files.store is timeline.store
    # Opened already: the status line says which store is in use.
    assert timeline.status_line == timeline.opened_status


def test_the_store_opens_at_its_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = secrets.MemoryStore(persistent=True)
    timeline = Timeline(kept)
    monkeypatch.setattr(secrets, "open_store", timeline.open_store)
    store = launch_module.StoreOnFirstUse()
    assert timeline.events == []
    store.set("entry", "value")
    assert store.get("entry") == "value" and store.persistent
    store.delete("entry")
    assert kept.entries == {} and timeline.events == ["keyring opened"]
