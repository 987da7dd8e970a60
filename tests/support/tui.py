"""Helpers shared by the wizard's Pilot tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from rec_tui.request.draft import Draft
from rec_tui.spec.modes import Mode
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.field_editor import FieldEditor

SEEDS = Path(__file__).parents[1] / "data" / "seed_examples"
SIZE = (120, 40)


def seed_body(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((SEEDS / name).read_text(encoding="utf-8"))
    return body


def make_app(
    body: dict[str, Any] | None = None, mode: Mode = "mix", step: str = "session", app_id: str = ""
) -> RecTuiApp:
    draft = Draft(mode=mode, app_id=app_id)
    if body is not None:
        draft.replace_body(copy.deepcopy(body))
    return RecTuiApp(draft, start_step=step)


def editor(app: RecTuiApp, path: str) -> FieldEditor:
    found = [e for e in app.query(FieldEditor) if e.path == path]
    assert found, f"no editor for {path}"
    return found[0]


def focus_at_the_end(app: RecTuiApp, path: str) -> Input:
    """Focus the field's input with the cursor after its value, so a key adds to it."""
    field = editor(app, path).query_one(Input)
    field.select_on_focus = False
    field.focus()
    field.action_end()
    return field


async def type_into(pilot: Pilot[Any], app: RecTuiApp, path: str, text: str) -> None:
    """Focus the field's input, clear it and type ``text`` as a person would."""
    field_input = editor(app, path).query_one(".field-input", Input)
    field_input.focus()
    await pilot.pause()
    field_input.value = ""
    await pilot.pause()
    if text:
        await pilot.press(*text)
    await pilot.pause()


def preview_plain(app: RecTuiApp) -> str:
    from rec_tui.tui.widgets.preview import JsonView

    return app.query_one("#preview-body", JsonView).plain


async def click(pilot: Pilot[Any], widget: Any) -> None:
    """Scroll ``widget`` into view, then click it with the mouse."""
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    await pilot.click(widget)
    await pilot.pause()


def allow_osc52(monkeypatch: pytest.MonkeyPatch, app: RecTuiApp) -> None:
    """Make the headless test app look like a terminal that takes OSC 52 copies."""
    monkeypatch.setattr(type(app), "is_headless", property(lambda _self: False))
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("TERM_PROGRAM", raising=False)
