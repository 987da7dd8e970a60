"""The ``rec-tui`` command line: the wizard by default, headless subcommands otherwise.

Each subcommand lives in its own module with ``register(subparsers)``; registration only
builds argparse parsers, and a command's heavy imports happen inside its handler, so
``rec-tui`` with no arguments starts the wizard without loading httpx or keyring.

Exit status: 0 success, 1 the request (or Agora) was refused / invalid, 2 the command
could not do its job.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from rec_tui import __version__

# Modules under rec_tui.cli that add subcommands.
COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "fix",
    "diff",
    "schema",
    "explain",
    "preset",
    "send",
    "lifecycle",
    "history",
    "sandbox",
    "token",
    "diagnose",
    "bundle",
)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_FAILED = 2


class UsageError(Exception):
    """A problem the user can fix by changing the command line; printed without traceback."""


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser_class = argparse.ArgumentParser if with_commands else _WizardOnlyParser
    parser = parser_class(
        prog="rec-tui",
        description="Compose, check and send Agora Cloud Recording requests.",
    )
    parser.add_argument("--version", action="version", version=f"rec-tui {__version__}")
    from rec_tui.cli import wizard_options

    wizard_options.add_arguments(parser)
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"rec_tui.cli.{name}")
        module.register(subparsers)
    return parser


class _NotWizardOptions(Exception):
    """The words are not just wizard options: the full parser must read (or reject) them."""


class _WizardOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotWizardOptions(message)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line; the wizard's own options skip building every subcommand.

    Importing and registering every subcommand costs a few milliseconds of the wizard's
    start-up. Words that ask for no help are tried with a parser of the wizard's options
    only; anything it cannot read fully (a command, a mistake) goes to the full parser, so
    help, commands and error messages are exactly the full parser's.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    if not any(word == "-h" or (len(word) > 2 and "--help".startswith(word)) for word in words):
        try:
            return build_parser(with_commands=False).parse_args(words)
        except _NotWizardOptions:
            pass
    return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from rec_tui.cli import wizard_options

            return wizard_options.run_wizard(args)
        result: int = handler(args)
        return result
    except UsageError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("rec-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`rec-tui schema | head`): not an error worth a traceback.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
