"""Wizard keys and marks no other test reaches: F5, TOML in the export dialog (Ctrl+E), the
⚠ marks of the preview, and the canvas keys inside the wizard's layout step."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioSet, TextArea

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.request.draft import Draft
from rec_tui.spec.rules.context import STORAGE
from rec_tui.store import presets
from rec_tui.store.paths import data_dir
from rec_tui.store.secrets import MemoryStore
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.export_dialog import ExportScreen
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.layout_host import MIX_BODY
from tests.support.tui import SIZE, editor, make_app, preview_plain, seed_body
from tests.support.tui_scenes import APP_ID, mix_body

pytestmark = pytest.mark.usefixtures("no_keyring")


async def _press_until(pilot: Pilot[Any], key: str, reached: Callable[[Widget], bool]) -> None:
    """Press ``key`` (Tab, Shift+Tab) until the focus is where ``reached`` says, as a user would."""
    for _ in range(12):
        if pilot.app.focused is not None and reached(pilot.app.focused):
            return
        await pilot.press(key)
    raise AssertionError(f"{key} never got there; the focus is on {pilot.app.focused!r}")


# --- F5 ---------------------------------------------------------------------------------


async def test_f5_focuses_the_problems_and_enter_goes_to_the_field() -> None:
    body = seed_body("1_mix_av.json")
    body["clientRequest"]["storageConfig"]["bucket"] = ""
    app = make_app(body)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        await pilot.press("f5")
        problem_list = app.query_one("#problem-list", OptionList)
        assert app.focused is problem_list
        index = next(i for i, p in enumerate(app.problems) if p.path == f"{STORAGE}.bucket")
        await pilot.press("home", *["down"] * index, "enter")
        await pilot.pause()
        assert app.current_step == "storage"
        assert app.focused is editor(app, f"{STORAGE}.bucket").query_one(Input)


# --- export as TOML ---------------------------------------------------------------------


def _secret_environment(body: dict[str, Any]) -> dict[str, str]:
    """The environment variables a masked TOML export refers to, with the draft's secrets."""
    return {
        presets.env_reference(key).removeprefix(presets.ENV_REF): value
        for _path, key, value in presets.secret_locations(body)
    }


async def test_export_dialog_gives_a_masked_toml_preset_that_opens_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = mix_body()
    app = make_app(copy.deepcopy(body), app_id=APP_ID)
    secrets = _secret_environment(body)
    assert len(secrets) >= 3  # token, accessKey, secretKey
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await _press_until(pilot, "shift+tab", lambda focused: isinstance(focused, RadioSet))
        await pilot.press("down", "down")  # arrows choose: JSON body, curl command, TOML preset
        await pilot.pause()
        text = app.screen.query_one("#export-text", TextArea).text
        for value in secrets.values():
            assert value not in text
        await _press_until(pilot, "tab", lambda focused: focused.id == "save-file")
        await pilot.press("enter")
        await pilot.pause()
    saved = list((data_dir() / "exports").glob("draft-*.toml"))
    assert len(saved) == 1
    assert saved[0].read_text(encoding="utf-8") == text
    # The file is a preset: with the variables it names set, it opens as the same request.
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    loaded = presets.load(saved[0], MemoryStore(), environ=dict(os.environ))
    assert loaded.draft.mode == "mix"
    assert loaded.draft.app_id == APP_ID
    assert loaded.draft.request_body() == Draft(body=body).request_body()


# --- ⚠ in the preview -------------------------------------------------------------------


def _line_of(app: RecTuiApp, key: str) -> str:
    return next(line for line in preview_plain(app).splitlines() if f'"{key}"' in line)


async def test_the_preview_marks_a_warning_line_and_clears_it_when_fixed() -> None:
    # A web cname of 129 bytes passes the current limit but not the seed's (R10, a warning).
    body = seed_body("5_web_cdn.json")
    body["clientRequest"].pop("token", None)
    body["cname"] = "c" * 128
    app = make_app(body, mode="web", app_id=APP_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        assert _line_of(app, "cname").startswith("  ")
        cname = editor(app, "cname").query_one(Input)
        cname.focus()
        await pilot.press("end", "x")
        await pilot.pause()
        assert any(p.rule_id == "R10" and not p.is_error for p in app.problems)
        assert _line_of(app, "cname").startswith("⚠ ")
        await pilot.press("backspace")
        await pilot.pause()
        assert _line_of(app, "cname").startswith("  ")


async def test_the_mark_follows_the_severity_from_warning_to_error_and_back() -> None:
    body = seed_body("5_web_cdn.json")
    body["clientRequest"].pop("token", None)
    body["cname"] = "c" * 1024  # within the current limit, over the seed's: a warning
    app = make_app(body, mode="web", app_id=APP_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _line_of(app, "cname").startswith("⚠ ")
        editor(app, "cname").query_one(Input).focus()
        await pilot.press("end", "x")  # 1025 bytes: over the current limit too, an error
        await pilot.pause()
        assert _line_of(app, "cname").startswith("✗ ")
        await pilot.press("backspace")
        await pilot.pause()
        assert _line_of(app, "cname").startswith("⚠ ")


# --- canvas keys inside the wizard ------------------------------------------------------


async def test_canvas_keys_reach_the_canvas_in_the_layout_step() -> None:
    draft = Draft(mode="mix")
    draft.replace_body(copy.deepcopy(MIX_BODY))
    app = RecTuiApp(draft, start_step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(LayoutCanvas).focus()
        await pilot.pause()
        await pilot.press("0", "left_square_bracket", "full_stop", "right_square_bracket")
        await pilot.press("full_stop", "full_stop")
        tiles = app.draft.get(LAYOUT_CONFIG)
        assert [tile.get("alpha") for tile in tiles] == [1.0, None, 0.7]
