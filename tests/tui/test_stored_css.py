"""The parsed CSS kept between runs (rec_tui/tui/stored_css.py): a second start parses no
CSS and is styled the same; a store that is not trustworthy is never run, only ignored."""

from __future__ import annotations

import argparse
import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css import stylesheet as textual_stylesheet
from textual.widgets import Input, Static

from rec_tui.store import paths
from rec_tui.tui import launch as launch_module
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.stored_css import FOLDER, StoredRules, StoredStylesheet, stored_stylesheet


class SmallApp(App[None]):
    CSS = "Static { color: red; } #named { border: round green; }"

    def compose(self) -> ComposeResult:
        yield Static("text", id="named")
        yield Input("value")


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The origins of the CSS sources Textual parses from now on."""
    parsed: list[str] = []
    real_parse = textual_stylesheet.parse

    def counting_parse(scope: str, css: str, read_from: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(read_from[1] or read_from[0])
        return real_parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counting_parse)
    return parsed


async def styled_run(folder: Path) -> tuple[str, str]:
    """Run SmallApp with its rules stored in ``folder``; its stylesheet's rules as text and
    the styles the named Static got."""
    app = SmallApp()
    app.stylesheet = stylesheet = stored_stylesheet(app.stylesheet, folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        named = app.query_one("#named", Static)
        shown = f"{named.styles.color} {named.styles.border_top}"
        rules = rules_text(app)
    stylesheet.stored.save()
    return rules, shown


def rules_text(app: App[None]) -> str:
    """Every rule of the app's stylesheet: its selectors, declarations and origin."""
    return "\n".join(
        f"{rule.selector_set} {sorted(rule.styles.get_rules().items())!r} "
        f"{rule.is_default_rules} {rule.tie_breaker}"
        for rule in app.stylesheet.rules
    )


def store_file(folder: Path) -> Path:
    (found,) = (folder / FOLDER).glob("rules-*.pickle")
    return found


async def test_a_second_start_parses_no_css_and_is_styled_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = count_parses(monkeypatch)
    first = await styled_run(tmp_path)
    assert "SmallApp.CSS" in parsed and "Input.DEFAULT_CSS" in parsed
    assert store_file(tmp_path).stat().st_mode & 0o777 == 0o600
    parsed.clear()
    second = await styled_run(tmp_path)
    assert parsed == []
    assert second == first
    assert "Color(255, 0, 0)" in second[1] and "round" in second[1]


async def test_a_changed_source_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await styled_run(tmp_path)
    monkeypatch.setattr(SmallApp, "CSS", "Static { color: blue; }")
    parsed = count_parses(monkeypatch)
    _, shown = await styled_run(tmp_path)
    assert parsed == ["SmallApp.CSS"]
    assert "Color(0, 0, 255)" in shown


class Planted:
    """What an attacker would put in the store: unpickling it runs a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def plant(tmp_path: Path, frame_from: Any) -> Path:
    """A store for SmallApp's variables whose content ``frame_from(marker)`` makes."""
    marker = tmp_path / "ran"
    stored = StoredRules.in_folder(tmp_path, SmallApp().stylesheet._variables)
    stored.file.parent.mkdir(parents=True)
    stored.file.write_bytes(pickle.dumps(frame_from(marker)))
    stored.file.chmod(0o600)
    return marker


def frame(sources: dict[Any, bytes]) -> dict[str, Any]:
    return {"format": 1, "variables": SmallApp().stylesheet._variables, "sources": sources}


async def test_a_planted_frame_is_not_run(tmp_path: Path) -> None:
    marker = plant(tmp_path, lambda marker: Planted(marker))
    _, shown = await styled_run(tmp_path)
    assert not marker.exists()
    assert "Color(255, 0, 0)" in shown  # parsed as if there were no store


async def test_planted_rules_are_not_run(tmp_path: Path) -> None:
    app = SmallApp()
    key = (app.CSS, (str(Path(__file__)), "SmallApp.CSS"), False, 0, "")

    def planted_rules(marker: Path) -> dict[str, Any]:
        return frame({key: pickle.dumps([Planted(marker)])})

    marker = plant(tmp_path, planted_rules)
    stored = StoredRules.in_folder(tmp_path, app.stylesheet._variables)
    assert stored.get(key) is None
    assert not marker.exists()


async def test_a_store_others_can_write_is_not_read(tmp_path: Path) -> None:
    await styled_run(tmp_path)
    file = store_file(tmp_path)
    variables = SmallApp().stylesheet._variables
    assert StoredRules(file, variables)._pickled  # read while it is the user's alone
    file.chmod(0o666)
    assert StoredRules(file, variables)._pickled == {}


async def test_a_broken_store_costs_only_the_parse_and_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await styled_run(tmp_path)
    file = store_file(tmp_path)
    file.write_bytes(file.read_bytes()[:500])
    parsed = count_parses(monkeypatch)
    assert await styled_run(tmp_path) == first
    assert "SmallApp.CSS" in parsed
    parsed.clear()
    assert await styled_run(tmp_path) == first
    assert parsed == []


async def test_rules_for_other_theme_variables_are_neither_read_nor_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await styled_run(tmp_path)
    app = SmallApp()
    other = {**app.stylesheet._variables, "primary": "#123456"}
    assert StoredRules.in_folder(tmp_path, other).file != store_file(tmp_path)
    # A theme changed while running: its rules are parsed, and not stored as the old ones'.
    stylesheet = stored_stylesheet(app.stylesheet, tmp_path)
    assert isinstance(stylesheet, StoredStylesheet)
    stylesheet.set_variables(other)
    parsed = count_parses(monkeypatch)
    stylesheet._parse_rules("Static { color: $primary; }", ("", "theme test"))
    assert parsed == ["theme test"]
    assert not stylesheet.stored._new


def test_launch_keeps_the_rules_for_the_next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    real_run = RecTuiApp.run

    async def quit_when_shown(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.exit()

    def headless_run(self: RecTuiApp, *args: Any, **kwargs: Any) -> Any:
        return real_run(self, headless=True, size=(120, 40), auto_pilot=quit_when_shown)

    monkeypatch.setattr(RecTuiApp, "run", headless_run)
    options = argparse.Namespace(mode=None, open_path=None, step=None, sandbox=False)
    assert launch_module.launch(options) == 0
    assert store_file(paths.cache_dir()).stat().st_size > 0
    parsed = count_parses(monkeypatch)
    assert launch_module.launch(options) == 0
    assert parsed == []


async def test_rules_the_allow_list_would_refuse_are_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if a later Textual put a class of a module the list does not name in its rules:
    # reading them back would be refused, so they are not written (parsed at every start).
    monkeypatch.setattr("rec_tui.tui.stored_css._RULE_PACKAGES", ("textual.nowhere.",))
    first = await styled_run(tmp_path)
    assert not (tmp_path / FOLDER).exists()
    monkeypatch.undo()
    parsed = count_parses(monkeypatch)
    assert await styled_run(tmp_path) == first
    assert "SmallApp.CSS" in parsed
