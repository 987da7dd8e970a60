"""Work the wizard's first screen no longer does (measured by tests/bench/bench_tui.py).

Each cut leans on how Textual styles widgets as they mount; the tests below fail when
Textual stops behaving that way (then the cut may no longer be needed, or no longer work).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import RadioButton

from rec_tui.request.draft import Draft
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.widgets.choice_radio import ChoiceRadioSet
from rec_tui.tui.widgets.editors import FieldInput
from rec_tui.tui.widgets.keys_footer import KeysFooter
from tests.bench.bench_tui import large_body
from tests.support.tui import SIZE


def restyled_until_first_frame(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The class name of every widget styled again after it mounted, to the first frame
    (a widget alone: its classes changed; a widget and its children: the focus moved)."""
    restyled: list[str] = []
    first_frame: list[bool] = []
    real_update_nodes = Stylesheet.update_nodes
    real_display = RecTuiApp._display

    def update_nodes(self: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        if not first_frame:
            restyled.append(" ".join(type(node).__name__ for node in nodes))
        real_update_nodes(self, nodes, animate=animate)

    def display(self: RecTuiApp, screen: Any, renderable: Any) -> None:
        if renderable is not None:
            first_frame.append(True)
        real_display(self, screen, renderable)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    monkeypatch.setattr(RecTuiApp, "_display", display)
    return restyled


def customer_draft() -> Draft:
    draft = Draft(mode="mix")
    draft.replace_body(large_body())
    return draft


async def test_the_footer_is_one_widget_styled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    restyled = restyled_until_first_frame(monkeypatch)
    app = RecTuiApp(customer_draft())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        assert len(footer.keys) >= 9 and all(key.whole for key in footer.drawn)
        # Textual's Footer is a widget per key (each styled twice before the first frame:
        # "-compact" came from a watcher as it mounted).
        assert not footer.children
    assert "KeysFooter" not in restyled


async def test_the_fields_are_styled_once_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    restyled = restyled_until_first_frame(monkeypatch)
    app = RecTuiApp(customer_draft())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fields = list(app.query(FieldInput))
        assert len(fields) >= 4 and all(not field.validators for field in fields)
        # What Textual's validation gives an Input without validators once a value is set.
        fields[0].value = "changed"
        assert all(field.has_class("-valid") and field.is_valid for field in fields)
    # Textual adds "-valid" as each field is given the draft's value, just after it
    # mounts: each input (with its four component styles) was styled a second time.
    assert "FieldInput" not in restyled


async def test_the_mode_is_highlighted_where_it_is_chosen_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    restyled = restyled_until_first_frame(monkeypatch)
    draft = customer_draft()
    assert draft.mode == "mix"  # the second of the three
    app = RecTuiApp(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        radio_set = app.query_one("#mode", ChoiceRadioSet)
        highlighted = [button.name for button in radio_set.query(RadioButton).filter(".-selected")]
        assert highlighted == ["mix"] and radio_set.pressed_button is not None
        assert radio_set.pressed_button.name == "mix"
        await pilot.press("down")  # arrows still choose, from the chosen one
        await pilot.pause()
        assert app.draft.mode == "web"
    # RadioSet highlights its first button as it mounts and the form moves the highlight
    # to the chosen one: "individual" and "mix" were each styled again on the way.
    assert restyled.count("RadioButton") == 1


async def test_no_widget_is_styled_before_it_is_in_the_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    styled_outside: list[str] = []
    real_update_nodes = Stylesheet.update_nodes

    def update_nodes(self: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        styled_outside.extend(type(node).__name__ for node in nodes if not node.is_attached)
        real_update_nodes(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    app = RecTuiApp(customer_draft())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")  # a step built later: its widgets are made the same way
        await pilot.pause()
        # Textual styled each compact Input (and the mode's radio set) as it was made,
        # before mounting styles it anyway.
        assert styled_outside == []
        # A widget in the screen is still styled again when its classes change.
        field = app.query(FieldInput).first()
        assert field.has_class("-textual-compact") and field.styles.height is not None
        field.remove_class("-invalid")
        assert field.styles.background_tint.a == 0
        field.add_class("-invalid")
        assert field.styles.background_tint.a > 0  # Input.-textual-compact.-invalid


def test_opening_a_body_loads_no_secret_store_code_before_the_first_frame(
    tmp_path: Path,
) -> None:
    # A fresh interpreter runs `rec-tui --open BODY --mode mix` as the command does,
    # headless; what is loaded is read as the first frame is drawn. A body without
    # credentials needs nothing of the secret store (the keyring's code is lazier still).
    body = tmp_path / "customer.json"
    body.write_text(json.dumps(large_body()), encoding="utf-8")
    script = (
        "import sys\n"
        "from rec_tui.tui.app import RecTuiApp\n"
        "loaded = []\n"
        "real_display = RecTuiApp._display\n"
        "def display(self, screen, renderable):\n"
        "    if renderable is not None and not loaded:\n"
        "        loaded.append(sorted(m for m in sys.modules if m.startswith('rec_tui.store')))\n"
        "    real_display(self, screen, renderable)\n"
        "RecTuiApp._display = display\n"
        "real_run = RecTuiApp.run\n"
        "def run(self, *args, **kwargs):\n"
        "    async def settle(pilot):\n"
        "        await pilot.pause()\n"
        "        self.exit(0)\n"
        "    return real_run(self, headless=True, size=(120, 40), auto_pilot=settle)\n"
        "RecTuiApp.run = run\n"
        "from rec_tui.cli import main\n"
        f"sys.argv = ['rec-tui', '--open', {str(body)!r}, '--mode', 'mix']\n"
        "status = main()\n"
        "print(status, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    status, _, loaded = result.stdout.strip().partition(" ")
    assert status == "0", result.stdout + result.stderr
    assert "rec_tui.store.secrets" not in loaded
    assert "rec_tui.store" in loaded  # read as the first frame was drawn (paths are used)
