"""How ``rec-tui`` reads its command line: wizard options alone skip building the commands."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from rec_tui.cli import COMMAND_MODULES, COMMANDS, parsing
from rec_tui.cli.parsing import build_parser, parse_arguments


def test_wizard_options_are_read_without_loading_any_command_module() -> None:
    script = (
        "import sys\n"
        "from rec_tui.cli import parse_arguments\n"
        "args = parse_arguments(['--mode', 'web', '--step', 'storage', '--sandbox'])\n"
        "print(args.mode, args.step, args.sandbox)\n"
        "print(sorted(m for m in sys.modules if m.startswith('rec_tui.cli.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.splitlines() == [
        "web storage True",
        "['rec_tui.cli.language', 'rec_tui.cli.parsing', 'rec_tui.cli.wizard_options']",
    ]


def _command_modules_loaded(words: list[str]) -> list[str]:
    script = (
        "import sys\n"
        "from rec_tui.cli import COMMAND_MODULES, parse_arguments\n"
        f"args = parse_arguments({words!r})\n"
        "print(args.command)\n"
        "print(sorted(m for m in COMMAND_MODULES if 'rec_tui.cli.' + m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.splitlines()


def test_a_command_is_read_by_its_own_parser_only() -> None:
    loaded = _command_modules_loaded(["validate", "--mode", "mix", "start.json"])
    assert loaded == ["validate", "['validate']"]


def test_a_command_after_wizard_options_is_read_by_its_own_parser_only() -> None:
    # "--open validate" names a file called validate: the command is the second one.
    loaded = _command_modules_loaded(["--open", "validate", "history", "--last", "3"])
    assert loaded == ["history", "['history']"]


def _parsers_built(words: list[str], monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The commands of each parser parse_arguments builds to read ``words`` (in order)."""
    built: list[tuple[str, ...]] = []

    def building(*, with_commands: bool = True, commands: Any = COMMAND_MODULES) -> Any:
        built.append(tuple(commands) if with_commands else ())
        return build_parser(with_commands=with_commands, commands=commands)

    monkeypatch.setattr(parsing, "build_parser", building)
    parse_arguments(words)
    return built


def test_a_command_given_first_builds_no_parser_of_the_wizard_s_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _parsers_built(["validate", "start.json"], monkeypatch) == [("validate",)]
    # Words before the command are read by the wizard's parser first, built once.
    built = _parsers_built(["--open", "validate", "history", "--last", "3"], monkeypatch)
    assert built == [(), ("history",)]


def test_the_command_words_name_the_modules_that_add_them() -> None:
    added = {
        word: module
        for module in COMMAND_MODULES
        for word in _command_words(build_parser(commands=(module,)))
    }
    assert added == COMMANDS


def _command_words(parser: argparse.ArgumentParser) -> list[str]:
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(commands.choices)


def test_a_command_of_a_module_adding_two_is_read_by_that_module_s_parser_only() -> None:
    loaded = _command_modules_loaded(["stop", "--mode", "mix", "--resource-id", "R", "--sid", "S"])
    assert loaded == ["stop", "['lifecycle']"]


def test_a_command_is_read_with_its_options() -> None:
    args = parse_arguments(["validate", "--mode", "mix", "start.json"])
    assert args.command == "validate" and args.paths == ["start.json"]
    assert args.body_mode == "mix" and args.handler is not None


def test_a_command_s_own_help_and_mistakes_name_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(["validate", "--mode", "bogus", "x.json"])
    assert stopped.value.code == 2
    assert "rec-tui validate: error: argument --mode" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_arguments(["validate", "--help"])
    assert "usage: rec-tui validate" in capsys.readouterr().out


@pytest.mark.parametrize("words", [["typo"], ["--mode", "bogus"], ["--nonsense"]])
def test_mistakes_get_the_full_parsers_message(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(words)
    assert stopped.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # the full usage line, commands included


@pytest.mark.parametrize(
    "words", [["-h"], ["--help"], ["--he"], ["--help", "validate"], ["--sandbox", "-h"]]
)
def test_help_lists_the_commands(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(words)
    shown = capsys.readouterr().out
    assert "validate" in shown and "sandbox" in shown and "--step" in shown


def test_lang_is_read_before_any_command_and_after_validate_or_explain() -> None:
    assert parse_arguments(["--lang", "zh"]).lang == "zh"
    assert parse_arguments(["--lang", "zh", "validate", "x.json"]).lang == "zh"
    assert parse_arguments(["validate", "--lang", "zh", "x.json"]).lang == "zh"
    assert parse_arguments(["--lang", "zh", "explain", "433"]).lang == "zh"
    assert parse_arguments(["explain", "433"]).lang is None


@pytest.mark.parametrize("command", ["query", "stop"])
def test_a_resource_id_or_sid_beginning_with_a_dash_is_read_as_the_value(command: str) -> None:
    # Agora's IDs are URL-safe base64: one in 64 begins with "-" (the sandbox's too).
    resource_id = "-x7Jk2" + "a" * 60
    sid = "--9f" + "b" * 28
    args = parse_arguments(
        [command, "--mode", "mix", "--resource-id", resource_id, "--sid", sid, "--sandbox"]
    )
    assert (args.resource_id, args.sid) == (resource_id, sid)


def test_an_option_after_resource_id_is_still_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(["query", "--mode", "mix", "--resource-id", "--sid", "abc", "--sandbox"])
    assert "--resource-id: expected one argument" in capsys.readouterr().err


@pytest.mark.parametrize("as_process", [True, False])
def test_the_process_s_command_line_is_read_with_the_collector_off_then_frozen(
    as_process: bool,
) -> None:
    # What reading the command line loads (modules, parsers) lives as long as the process:
    # it is loaded with the collector off, then frozen (left out of every later pass), and
    # the collector is on again for the command; a caller running a command in its own
    # process (main with words) keeps its collector as it was.
    call = "main()" if as_process else "main(sys.argv[1:])"
    script = (
        "import contextlib, gc, io, sys\n"
        "from rec_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = {call}\n"
        "print(code, gc.isenabled(), gc.get_freeze_count() > 0, 'rec_tui.cli.explain' in"
        " sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "explain", "1013"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert result.stdout.split() == ["0", "True", str(as_process), "True"]
