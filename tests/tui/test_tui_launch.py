"""``rec-tui [--mode] [--open] [--step]``: the draft the wizard opens with, and exit status."""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rec_tui.tui import launch as launch_module
from rec_tui.tui.app import YOUNG_COLLECTION_AFTER, RecTuiApp
from rec_tui.tui.launch import build_draft
from tests.support.tui import SEEDS, SIZE, type_into


def options(**values: Any) -> argparse.Namespace:
    defaults = {"mode": None, "open_path": None, "step": None, "sandbox": False}
    return argparse.Namespace(**{**defaults, **values})


def test_broken_json_gives_line_and_column_and_an_empty_draft(tmp_path: Path) -> None:
    broken = tmp_path / "start.json"
    broken.write_text('{\n  "cname": "demo",\n  "uid": 527841,,\n}\n', encoding="utf-8")
    draft, notices = build_draft(options(open_path=str(broken), mode="individual"))
    assert draft.body == {"cname": "", "uid": ""} and draft.mode == "individual"
    message, severity = notices[0]
    assert severity == "error"
    assert "line 3, column 17" in message and str(broken) in message
    assert "opened with an empty request" in message


def test_missing_file_and_non_object_are_explained(tmp_path: Path) -> None:
    _, notices = build_draft(options(open_path=str(tmp_path / "nope.json")))
    assert "nope.json" in notices[0][0] and "empty request" in notices[0][0]
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    _, notices = build_draft(options(open_path=str(listed)))
    assert "JSON array" in notices[0][0] and "object" in notices[0][0]


def test_open_loads_the_body_and_problems_show_at_once() -> None:
    draft, notices = build_draft(options(open_path=str(SEEDS / "4_web.json"), mode="web"))
    assert draft.body["cname"] == "httpClient463224"
    # The import says the mode it found (a warning-level notice), then that it opened.
    assert [severity for _, severity in notices] == ["warning", "information"]


async def test_the_wizard_shows_the_open_error_and_opens_empty(tmp_path: Path) -> None:
    broken = tmp_path / "start.json"
    broken.write_text('{"cname": }', encoding="utf-8")
    draft, notices = build_draft(options(open_path=str(broken)))
    app = RecTuiApp(draft, notices=notices)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("line 1, column 11" in message for message in shown)
        assert app.current_step == "session" and app.draft.body == {"cname": "", "uid": ""}


def test_step_option_opens_that_step(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_run(self: RecTuiApp, *args: Any, **kwargs: Any) -> None:
        seen["step"] = self.current_step
        seen["mode"] = self.draft.mode
        self._return_code = 0

    monkeypatch.setattr(RecTuiApp, "run", fake_run)
    assert launch_module.launch(options(step="storage", mode="web")) == 0
    assert seen == {"step": "storage", "mode": "web"}


def test_a_crash_gives_a_non_zero_exit_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_run = RecTuiApp.run

    def headless_run(self: RecTuiApp, *args: Any, **kwargs: Any) -> Any:
        return real_run(self, headless=True, size=(120, 40))

    def crash(self: RecTuiApp) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(RecTuiApp, "run", headless_run)
    monkeypatch.setattr(RecTuiApp, "_first_check", crash)
    assert launch_module.launch(options()) == 1
    shown = capsys.readouterr()
    assert "unexpected error: RuntimeError: broken on purpose" in shown.err + shown.out


def test_the_collector_is_off_while_starting_and_on_again_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, bool] = {}

    def fake_run(self: RecTuiApp, *args: Any, **kwargs: Any) -> None:
        seen["enabled_during_run"] = gc.isenabled()
        self._return_code = 0

    monkeypatch.setattr(RecTuiApp, "run", fake_run)
    assert launch_module.launch(options()) == 0
    assert seen == {"enabled_during_run": False}
    assert gc.isenabled() and gc.get_freeze_count() == 0


async def test_the_app_turns_the_collector_back_on_after_the_first_frame() -> None:
    gc.disable()  # as launch() leaves it
    try:
        app = RecTuiApp(build_draft(options())[0])
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            # What the first screen built is left out of full collections from now on
            # (scanning it again paused typing 70-100 ms now and then).
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0  # collectable again once the wizard is closed
    finally:
        gc.enable()


async def test_while_the_wizard_runs_young_collections_come_less_often() -> None:
    before = gc.get_threshold()
    app = RecTuiApp(build_draft(options())[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # At Python's 700, typing paid a young collection every key or two and now and
        # then a full one (~54 ms).
        assert gc.get_threshold() == (YOUNG_COLLECTION_AFTER, *before[1:])
    assert gc.get_threshold() == before  # as it was once the wizard is closed


def test_the_wizard_start_up_path_does_not_load_httpx_keyring_or_the_sandbox() -> None:
    # A fresh interpreter: what `rec-tui` imports until the app object exists and mounts.
    import subprocess
    import sys

    script = (
        "import asyncio, sys\n"
        "import rec_tui.cli as cli\n"
        "cli.build_parser()\n"
        "from rec_tui.tui.app import RecTuiApp\n"
        "app = RecTuiApp()\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)):\n"
        "        pass\n"
        "asyncio.run(main())\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('httpx', 'keyring')\n"
        "         or m.startswith('rec_tui.sandbox')]\n"
        "print(','.join(sorted(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""


# Loaded when first used, never for the first screen of `rec-tui --open BODY`: argparse,
# the network client, the keyring, presets (and TOML), the sandbox, the diagnosis,
# exporters, history, the layout designer, the palette's providers, the Send panel, every
# dialog, and the other steps' forms.
NOT_ON_THE_FIRST_SCREEN = (
    # The wizard's options are read without argparse when they are all plain.
    "argparse",
    "rec_tui.cli.parsing",
    "httpx",
    "keyring",
    "rec_tui.store.presets",
    "tomllib",
    "rec_tui.sandbox",
    "rec_tui.agora",
    "rec_tui.formats.exporters",
    # A JSON body needs none of the importers of other kinds of text.
    "rec_tui.formats.importers.curl",
    "rec_tui.formats.importers.log_line",
    "rec_tui.formats.importers.ticket",
    "rec_tui.formats.bundle",
    "rec_tui.store.history",
    "rec_tui.layout",
    "rec_tui.request.diff",
    "rec_tui.request.schema",
    "rec_tui.tui.controllers.commands",
    "rec_tui.tui.send",
    "rec_tui.tui.send_panel",
    "rec_tui.tui.screens",
    "rec_tui.tui.forms.streams",
    "rec_tui.tui.forms.layout",
    "rec_tui.tui.forms.storage",
    "rec_tui.tui.forms.review",
    "rec_tui.tui.widgets.layout_canvas",
    "rec_tui.tui.widgets.json_editor",
    "rec_tui.tui.widgets.exchange_log",
)


def test_the_first_screen_of_an_opened_body_loads_none_of_the_heavy_modules() -> None:
    # A fresh interpreter runs `rec-tui --open BODY --mode mix` as the command does, headless,
    # until the complete first screen has settled.
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from rec_tui.tui.app import RecTuiApp\n"
        "real_run = RecTuiApp.run\n"
        "def run(self, *args, **kwargs):\n"
        "    async def settle(pilot):\n"
        "        await pilot.pause()\n"
        "        await pilot.pause()\n"
        "        self.exit(0)\n"
        "    return real_run(self, headless=True, size=(120, 40), auto_pilot=settle)\n"
        "RecTuiApp.run = run\n"
        "from rec_tui.cli import main\n"
        f"sys.argv = ['rec-tui', '--open', {str(SEEDS / '1_mix_av.json')!r}, '--mode', 'mix']\n"
        "status = main()\n"
        f"heavy = {NOT_ON_THE_FIRST_SCREEN!r}\n"
        "loaded = [m for m in sys.modules if m.startswith(heavy)\n"
        "          and (m in heavy or m.startswith(tuple(h + '.' for h in heavy)))]\n"
        "print(status, ','.join(sorted(loaded)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "0", result.stdout + result.stderr


def test_the_first_screen_loads_no_preset_import_or_toml_code() -> None:
    # Presets, documents (importers, tomllib) are for Ctrl+S/O/F6: loaded when first used.
    import subprocess
    import sys

    script = (
        "import asyncio, sys\n"
        "from rec_tui.tui.app import RecTuiApp\n"
        "app = RecTuiApp()\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
        "lazy = ('rec_tui.store.presets', 'rec_tui.formats.documents',\n"
        "        'rec_tui.formats.importers', 'tomllib')\n"
        "print(','.join(sorted(m for m in sys.modules if m in lazy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""


async def test_the_preview_and_problems_fill_right_after_the_first_paint() -> None:
    from textual.widgets import OptionList

    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.widgets.preview import JsonView
    from rec_tui.tui.widgets.problems_pane import ProblemsPane

    app = RecTuiApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert '"cname"' in app.query_one(JsonView).plain
        assert app.query_one("#preview-request").render()
        shown = app.query_one(ProblemsPane).problems
        assert shown and shown == app.draft.validate()  # an empty draft lacks cname and uid
        assert app.query_one("#problem-list", OptionList).option_count == len(shown)


def test_the_mode_option_wins_over_the_mode_the_body_suggests() -> None:
    # An individual-mode body opened with --mode mix: mix it is, and the notices say so
    # (not "Mode: individual"), with the body's own hint kept as information.
    args = options(open_path=str(SEEDS / "6_individual_audio_passthrough.json"), mode="mix")
    draft, notices = build_draft(args)
    assert draft.mode == "mix"
    said = [message for message, _ in notices]
    assert not any(message.startswith("Mode: individual") for message in said)
    assert "Mode: mix, as --mode asked; the body alone points to individual mode" in said[0]
    assert args.opened_document.mode_known  # no switch is offered over the user's choice


async def test_the_wizard_opened_with_a_mode_stays_in_it() -> None:
    args = options(open_path=str(SEEDS / "6_individual_audio_passthrough.json"), mode="mix")
    draft, notices = build_draft(args)
    app = RecTuiApp(draft, notices=notices)
    app.files.adopt(args.opened_document, args.open_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        # No "fits individual mode better: switch?" question over the user's own choice.
        assert app.draft.mode == "mix" and len(app.screen_stack) == 1


async def test_the_footer_keys_are_in_the_first_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    from rec_tui.tui.widgets.keys_footer import KeysFooter

    first_frame = first_frame_spy(
        monkeypatch, lambda screen: [key.key for key in screen.query_one(KeysFooter).keys]
    )
    app = RecTuiApp(build_draft(options(open_path=str(SEEDS / "1_mix_av.json")))[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        settled = [key.key for key in app.screen.query_one(KeysFooter).keys]
    assert "ctrl+q" in settled and "ctrl+p" in settled
    assert first_frame == [settled]


def first_frame_spy(monkeypatch: pytest.MonkeyPatch, look: Callable[[Any], Any]) -> list[Any]:
    """What ``look(screen)`` saw when the app painted its first frame (filled in then)."""
    from rich.console import RenderableType
    from textual.screen import Screen

    seen: list[Any] = []
    real_display = RecTuiApp._display

    def display(self: RecTuiApp, screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None and not seen:
            seen.append(look(screen))
        real_display(self, screen, renderable)

    monkeypatch.setattr(RecTuiApp, "_display", display)
    return seen


async def test_the_first_frame_lists_the_problems_once_with_their_fixes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.tui.widgets.problems_pane import ProblemsPane

    fills: list[int] = []
    real_show = ProblemsPane.show

    def counting_show(self: ProblemsPane, *args: Any, **kwargs: Any) -> None:
        fills.append(1)
        real_show(self, *args, **kwargs)

    monkeypatch.setattr(ProblemsPane, "show", counting_show)
    first_frame = first_frame_spy(
        monkeypatch, lambda screen: (len(fills), screen.query_one(ProblemsPane).problems)
    )
    args = options(open_path=str(SEEDS / "6_individual_audio_passthrough.json"), mode="mix")
    app = RecTuiApp(build_draft(args)[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    ((filled, problems),) = first_frame
    # Listed once (each listing rebuilds the list), and already with its [F8 fix] marks.
    assert filled == 1
    assert any(problem.fix is not None for problem in problems)


async def test_the_notices_come_right_after_the_first_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.widgets._toast import Toast

    first_frame = first_frame_spy(monkeypatch, lambda screen: len(screen.query(Toast)))
    draft, notices = build_draft(options(open_path=str(SEEDS / "1_mix_av.json")))
    assert notices
    app = RecTuiApp(draft, notices=notices)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = [str(toast._notification.message) for toast in app.screen.query(Toast)]
    # Toasts are widgets to style and lay out: the first screen did not wait for them.
    assert first_frame == [0]
    assert shown == [message for message, _ in notices]


async def test_a_key_written_twice_stays_among_the_problems_until_its_field_is_edited(
    tmp_path: Path,
) -> None:
    body = json.loads((SEEDS / "1_mix_av.json").read_text(encoding="utf-8"))
    text = json.dumps(body, indent=2).replace(
        '"maxIdleTime": 30,', '"maxIdleTime": 30,\n      "maxIdleTime": 120,', 1
    )
    opened = tmp_path / "customer.json"
    opened.write_text(text, encoding="utf-8")
    draft, notices = build_draft(options(open_path=str(opened), mode="mix"))
    path = "clientRequest.recordingConfig.maxIdleTime"
    app = RecTuiApp(draft, notices=notices, start_step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Not only in a notice that fades: where the other problems are, at its path.
        [repeated] = [p for p in app.problems if p.rule == "body.duplicate_key"]
        assert repeated.path == path and "at line 8, column 7" in repeated.message
        await type_into(pilot, app, path, "0")  # the engineer settles the value: 1200
        assert not [p for p in app.problems if p.rule == "body.duplicate_key"]
