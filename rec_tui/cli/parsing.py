"""Reading the command line with argparse, building only the parsers the words need.

Apart from :mod:`rec_tui.cli` so that a command line :mod:`.plain` reads (``rec-tui
validate FILE``) imports neither argparse nor gettext.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence

from rec_tui import __version__
from rec_tui.cli import COMMAND_MODULES, COMMANDS
from rec_tui.i18n import ENGLISH, _, active_language

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn


def build_parser(
    *, with_commands: bool = True, commands: Iterable[str] = COMMAND_MODULES
) -> argparse.ArgumentParser:
    """The ``rec-tui`` parser with the wizard's options and the sub-parsers of ``commands``."""
    parser_class = _Parser if with_commands else _WizardOnlyParser
    parser = parser_class(
        prog="rec-tui",
        description=_("Compose, check and send Agora Cloud Recording requests."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"rec-tui {__version__}",
        help=_("show program's version number and exit"),
    )
    from rec_tui.cli import language, wizard_options

    language.add_argument(parser)

    wizard_options.add_arguments(parser)
    if not with_commands:
        return parser
    # A command's usage begins "rec-tui COMMAND": given here, argparse does not lay out the
    # usage of the options before the command to find it (nor ask the terminal its width).
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)
    for name in commands:
        # __import__, unlike importlib.import_module, shows in `python -X importtime`.
        __import__(f"rec_tui.cli.{name}")
        sys.modules[f"rec_tui.cli.{name}"].register(subparsers)
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse's parser (and, as their class, its sub-parsers') with help wrapped by
    terminal cells, as a Chinese character takes two (see cli.options.HelpFormatter)."""

    _adding_argument = False

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse makes a help formatter to check each new argument's metavar, and a
        # formatter asks for the terminal's width, importing shutil (with bz2, lzma and
        # zlib): a headless command that prints no help need not pay for that.
        self._adding_argument = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._adding_argument = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._adding_argument:  # the metavar check, the same in every formatter class
            return argparse.HelpFormatter(prog=self.prog, width=_ANY_WIDTH)
        # English is wrapped the same either way: only another language needs the module.
        if self.formatter_class is argparse.HelpFormatter and active_language() != ENGLISH:
            from rec_tui.cli.options import HelpFormatter

            return HelpFormatter(prog=self.prog)
        return super()._get_formatter()


# The width given to a formatter that lays nothing out.
_ANY_WIDTH = 80


class _NotWizardOptions(Exception):
    """The words are not just wizard options: the full parser must read (or reject) them."""


class _WizardOnlyParser(_Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotWizardOptions(message)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line, building only the parsers these words need.

    Importing and registering every subcommand costs the wizard and each headless command
    part of their start-up. Words that are wizard options only are read by a parser of
    those; a command after wizard options only (and no help asked before it) by a parser
    with that one command. Anything else (help, a mistake) goes to the full parser, so
    help, commands and error messages are exactly the full parser's.
    """
    words = _join_identifier_values(sys.argv[1:] if argv is None else argv)
    wizard: argparse.ArgumentParser | None = None  # built when first needed

    def read_as_wizard(some: list[str]) -> argparse.Namespace | None:
        nonlocal wizard
        wizard = wizard or build_parser(with_commands=False)
        return _read_as(wizard, some)

    for index, word in enumerate(words):
        if _asks_for_help(word):
            break
        # A command given first has no words before it for the wizard's parser to read
        # (it has no required argument), so that parser is not built.
        if word in COMMANDS and (index == 0 or read_as_wizard(words[:index]) is not None):
            return build_parser(commands=(COMMANDS[word],)).parse_args(words)
    else:
        read = read_as_wizard(words)
        if read is not None:
            return read
    return build_parser().parse_args(words)


# Agora's resource IDs and sids are URL-safe base64 and may begin with "-": argparse takes
# "--sid -Xy…" for a missing value followed by an option. A word after one of these that
# begins with "-" but is shaped like no option is the value. (Patterns that most command
# lines never need are compiled on first use, through re's cache: start-up speed.)
_IDENTIFIER_OPTIONS = frozenset({"--resource-id", "--sid"})
_OPTION_SHAPE = r"-[A-Za-z]|--[a-z][a-z0-9-]*(=.*)?"


def _join_identifier_values(words: Sequence[str]) -> list[str]:
    """``words`` with ``--sid -Xy…`` written ``--sid=-Xy…``."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            word in _IDENTIFIER_OPTIONS
            and following is not None
            and following.startswith("-")
            and not re.fullmatch(_OPTION_SHAPE, following, re.DOTALL)
        ):
            joined.append(f"{word}={following}")
            index += 2
        else:
            joined.append(word)
            index += 1
    return joined


def _asks_for_help(word: str) -> bool:
    return word == "-h" or (len(word) > 2 and "--help".startswith(word))


def _read_as(parser: argparse.ArgumentParser, words: list[str]) -> argparse.Namespace | None:
    """``words`` read by ``parser``, or None when it cannot read all of them."""
    try:
        return parser.parse_args(words)
    except _NotWizardOptions:
        return None
