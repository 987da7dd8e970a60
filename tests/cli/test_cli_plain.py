"""A plain command line (rec_tui.cli.plain) reads as argparse reads it; others go to argparse."""

from __future__ import annotations

from pathlib import Path

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_REFUSED, main, parsing, plain
from rec_tui.cli.parsing import parse_arguments

PLAIN_LINES = [
    ["validate", "a.json"],
    ["validate", "-"],
    ["validate", "a.json", "b.json", "-"],
    ["validate", "--mode", "web", "a.json"],
    ["validate", "--mode=individual", "a.json"],
    ["validate", "--format", "json", "a.json", "b.json"],
    ["validate", "a.json", "b.json", "--format=json"],
    ["validate", "--lang", "zh", "a.json"],
    ["validate", "a.json", "--lang=en", "--mode", "mix"],
    ["validate", "--format", "json", "--format", "text", "a.json"],  # the last one counts
    ["validate", "--mode", "mix", "--format", "json", "--lang", "zh", "x=y.json", ""],
    ["validate", "validate"],  # a file named validate
    ["preset", "list"],
    ["preset", "list", "--format", "json"],
    ["preset", "list", "--lang=zh", "--format=text"],
    # No command: the wizard's options.
    [],
    ["--open", "a.json"],
    ["--open=a.json", "--mode", "web"],
    ["--mode=mix", "--step", "layout", "--sandbox"],
    ["--lang", "zh", "--open", "validate"],  # a file named like a command
    ["--open", "a.json", "--open", "b.json"],  # the last one counts
    ["--sandbox", "--sandbox", "--lang=en"],
    ["--open", ""],
    ["--open=", "--step=review"],
    ["--open=-x.json"],  # after "=", a value beginning with "-" is the value
]


@pytest.mark.parametrize("words", PLAIN_LINES, ids=" ".join)
def test_a_plain_line_reads_as_argparse_reads_it(words: list[str]) -> None:
    read = plain.read(words)
    assert read is not None
    assert vars(read) == vars(parse_arguments(words))


OTHER_LINES = [
    ["validate"],  # no path: argparse says what is missing
    ["validate", "--help"],
    ["validate", "-h", "a.json"],
    ["validate", "--form", "json", "a.json"],  # abbreviated: argparse expands it
    ["validate", "--mode", "bogus", "a.json"],
    ["validate", "--mode=", "a.json"],
    ["validate", "a.json", "--mode"],
    ["validate", "a.json", "--format", "json", "b.json"],  # argparse refuses b.json
    ["validate", "--", "-a.json"],
    ["validate", "-a.json"],
    ["validate", "--verbose", "a.json"],
    ["--lang", "zh", "validate", "a.json"],  # rec-tui's own options first
    ["history", "--last", "3"],  # a command without a plain form
    ["preset", "show", "a"],  # a form preset does not declare
    ["preset", "list", "extra"],  # list takes no path
    ["preset", "--lang", "zh", "list"],
    ["preset"],
    ["bogus", "a.json"],
    # The wizard's options, but not only plain ones.
    ["--help"],
    ["--version"],
    ["--op", "a.json"],  # abbreviated: argparse expands it
    ["--mode", "bogus"],
    ["--open"],
    ["--open", "-x.json"],  # argparse reads "-x.json" as an option
    ["--open", "-"],
    ["--sandbox=yes"],
    ["--lang", "fr"],
    ["a.json"],
    ["--", "--open"],
]


@pytest.mark.parametrize("words", OTHER_LINES, ids=" ".join)
def test_any_other_line_is_left_to_argparse(words: list[str]) -> None:
    assert plain.read(words) is None


def test_the_wizard_opened_from_a_plain_line_is_read_without_argparse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.cli import wizard_options

    seen: list[object] = []

    def run_wizard(args: object) -> int:
        seen.append(vars(args))
        return 0

    monkeypatch.setattr(parsing, "parse_arguments", lambda *_: pytest.fail("argparse read it"))
    monkeypatch.setattr(wizard_options, "run_wizard", run_wizard)
    assert main(["--open", "a.json", "--mode", "web", "--step", "storage"]) == 0
    assert seen == [
        {"mode": "web", "open_path": "a.json", "step": "storage", "sandbox": False, "lang": None}
    ]


def test_a_line_left_to_argparse_gets_argparse_s_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = tmp_path / "a.json"
    body.write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["validate", str(body), "--format", "json", str(body)])
    assert exited.value.code == EXIT_FAILED
    assert f"error: unrecognized arguments: {body}" in capsys.readouterr().err
    # The same words without the path after the option are plain: read without argparse.
    monkeypatch.setattr(parsing, "parse_arguments", lambda *_: pytest.fail("argparse read it"))
    assert main(["validate", str(body), str(body), "--format", "json"]) == EXIT_REFUSED
    assert capsys.readouterr().out.startswith("[{")
