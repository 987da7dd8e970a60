"""The command line's --lang: a catalogue that cannot be read leaves English with a word."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from rec_tui import i18n
from rec_tui.cli import language
from rec_tui.i18n import catalogue


def test_an_unreadable_catalogue_keeps_english_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(catalogue, "po_path", lambda locale: tmp_path / "missing.po")
    language.apply(argparse.Namespace(lang="zh"), wizard=False)
    assert i18n.active_language() == "en"
    assert "cannot read the zh translations" in capsys.readouterr().err


def test_only_the_wizard_reads_the_remembered_choice(
    monkeypatch: pytest.MonkeyPatch, rec_tui_home: Path
) -> None:
    from rec_tui.i18n.choice import remember
    from rec_tui.store import paths

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "REC_TUI_LANG"):
        monkeypatch.delenv(name, raising=False)
    remember("zh", paths.config_dir())
    language.apply(argparse.Namespace(lang=None), wizard=False)
    assert i18n.active_language() == "en"
    language.apply(argparse.Namespace(lang=None), wizard=True)
    assert i18n.active_language() == "zh"


def test_argparse_speaks_chinese_only_while_the_command_line_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rec_tui.cli import main

    said = argparse._  # type: ignore[attr-defined]
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "zh", "validate", "--mode", "bogus", "x.json"])
    assert exited.value.code == 2
    assert "无效的选项值" in capsys.readouterr().err
    # argparse is put back as it was, for every other parser in the process.
    assert argparse._ is said  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


def test_an_unreadable_catalogue_is_said_once_per_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rec_tui.cli import main

    monkeypatch.setattr(catalogue, "po_path", lambda locale: tmp_path / "missing.po")
    assert main(["--lang", "zh", "explain", "433"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("cannot read the zh translations") == 1
    assert "Agora error code 433" in captured.out
