"""How ``rec-tui`` reads its command line: wizard options alone skip building the commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rec_tui.cli import parse_arguments


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
    assert result.stdout.splitlines() == ["web storage True", "['rec_tui.cli.wizard_options']"]


def test_a_command_is_read_by_the_full_parser() -> None:
    args = parse_arguments(["validate", "--mode", "mix", "start.json"])
    assert args.command == "validate" and args.paths == ["start.json"]


@pytest.mark.parametrize("words", [["typo"], ["--mode", "bogus"], ["--nonsense"]])
def test_mistakes_get_the_full_parsers_message(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(words)
    assert stopped.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # the full usage line, commands included


@pytest.mark.parametrize("word", ["-h", "--help", "--he"])
def test_help_lists_the_commands(word: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments([word])
    shown = capsys.readouterr().out
    assert "validate" in shown and "sandbox" in shown and "--step" in shown
