"""The ``rec-tui`` command line: the wizard by default, headless subcommands otherwise.

Each subcommand lives in its own module with ``register(subparsers)``; registration only
builds argparse parsers, and a command's heavy imports happen inside its handler. A command
line builds only what it needs: the wizard's options alone for ``rec-tui``, the one chosen
command's parser for ``rec-tui COMMAND ...``, and every command's only for help or a
mistake, so a headless command starts without importing the others. A plain command line
of a command that declares its plain forms (``rec-tui validate FILE``, ``rec-tui preset
list``) is read without argparse at all (:mod:`.plain`); argparse is in :mod:`.parsing`.

Exit status: 0 success, 1 the request (or Agora) was refused / invalid, 2 the command
could not do its job.
"""

from __future__ import annotations

import gc
import os
import sys

from rec_tui import lazy_names
from rec_tui.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from types import SimpleNamespace

    from rec_tui.cli.parsing import build_parser as build_parser
    from rec_tui.cli.parsing import parse_arguments as parse_arguments

# Modules under rec_tui.cli that add subcommands, named as the command they add.
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

# The command words, each with the module that adds it.
COMMANDS: dict[str, str] = {
    **{name: name for name in COMMAND_MODULES if name != "lifecycle"},
    "query": "lifecycle",
    "stop": "lifecycle",
}

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_FAILED = 2


class UsageError(Exception):
    """A problem the user can fix by changing the command line; printed without traceback."""


# Reading with argparse is in its own module: a plain command line needs none of it.
__getattr__ = lazy_names.loader(
    __name__, dict.fromkeys(("build_parser", "parse_arguments"), "parsing")
)


def _keep_loaded() -> None:
    """Leave everything the process has loaded so far out of the garbage collector's
    passes, and turn the collector on.

    Modules, declarations and rules live as long as the process: the collector would walk
    through them at each pass and never free any. While they load, the collector is off
    (a pass would find nothing to free); frozen here, they are left out of every later
    pass. Only for the process's own command (``main()`` called without words): a caller
    in the same process keeps its collector as it was.
    """
    gc.freeze()
    gc.enable()


def _end_process(code: int) -> int:
    """End the process with ``code`` as soon as its output is out, without the
    interpreter's clearing up.

    At exit the interpreter looks for reference cycles among all its objects, then takes
    every module apart object by object: with the declarations and rules `rec-tui validate`
    loads, about a tenth of the command's time, for memory the system takes back with the
    process anyway. Only a command that leaves nothing for that clearing up (files closed,
    no thread, no exit handler) asks for this, with ``nothing_to_finalize`` in its parser's
    defaults, and only when it is the process's command (``main()`` called without words:
    a caller in the same process goes on). Output that cannot be written out (a closed
    pipe) is left to the interpreter's own exit, which reports it as for any command.
    """
    try:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            if stream is not None:
                stream.flush()
    except Exception:
        return code
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    from rec_tui.cli import language, plain

    words = list(sys.argv[1:] if argv is None else argv)
    # Help and usage errors are said while the words are read: choose the language first.
    language.apply_before_parsing(words)
    if argv is None:
        gc.disable()
    try:
        args: argparse.Namespace | SimpleNamespace | None = plain.read(words)
        if args is None:
            from rec_tui.cli import parsing

            with language.argparse_in_language():
                args = parsing.parse_arguments(words)
    finally:
        if argv is None:
            _keep_loaded()
    # A line of no command (no handler) holds the wizard's options.
    wizard = args if getattr(args, "handler", None) is None else None
    # The wizard also reads the remembered choice; a command only when the parser read
    # --lang otherwise than the first look at the words did (an abbreviated --la).
    if wizard is not None or getattr(args, "lang", None) != language.given_option(words):
        language.apply(args, wizard=wizard is not None)
    try:
        if wizard is not None:
            from rec_tui.cli import wizard_options

            return wizard_options.run_wizard(wizard)
        result: int = args.handler(args)
        # A write that cannot be done (a full disk) fails here, where it is reported, rather
        # than in the interpreter's last flush.
        sys.stdout.flush()
        if argv is None and getattr(args, "nothing_to_finalize", False):
            return _end_process(result)
        return result
    except UsageError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("rec-tui: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`rec-tui schema | head`): not an error worth a traceback.
        _discard_output()
        return EXIT_OK
    except OSError as error:
        # Output that cannot be written (a full disk, /dev/full) or a file the command could
        # not use without saying so itself: a message, never a traceback.
        reason = error.strerror or str(error)
        if error.filename is None:
            message = _("could not write the output: {reason}").format(reason=reason)
        else:
            message = _("could not use {path}: {reason}").format(path=error.filename, reason=reason)
        print(f"rec-tui: {message}", file=sys.stderr)
        if argv is None:
            _discard_output()
        return EXIT_FAILED


def _discard_output() -> None:
    """Point stdout at devnull, so the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
