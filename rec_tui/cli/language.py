"""The ``--lang`` option every command line takes, and starting to speak the chosen language."""

from __future__ import annotations

import os
import sys
from types import ModuleType, SimpleNamespace

from rec_tui.i18n import ENGLISH, LANGUAGES, _, activate, active_language
from rec_tui.i18n.choice import LANGUAGE_ENV, chosen_language

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from contextlib import AbstractContextManager

OPTION = "--lang"


def add_argument(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """``--lang`` on the ``rec-tui`` parser, or (``command``) also after a command's name,
    where it leaves a ``--lang`` given before the command in place when it is not given."""
    import argparse  # loaded already: the parser is argparse's

    parser.add_argument(
        OPTION,
        choices=LANGUAGES,
        default=argparse.SUPPRESS if command else None,
        help=_(
            "language of messages and hints: zh (Simplified Chinese) or en (default: "
            "${variable}, else (wizard only) the language chosen in the wizard, else the "
            "locale)"
        ).format(variable=LANGUAGE_ENV),
    )


def given_option(words: Sequence[str]) -> str | None:
    """The last ``--lang`` value among the command-line ``words`` (a command's own
    ``--lang`` comes after the one before it and wins, as it does for the parser)."""
    found = None
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == OPTION and index + 1 < len(words):
            found = words[index + 1]
        elif word.startswith(OPTION + "="):
            found = word.partition("=")[2]
    return found


def apply_before_parsing(words: Sequence[str]) -> None:
    """Speak the language the words and the environment pick before any parser is built,
    so that help, usage and argparse's errors are said in it (the wizard's remembered
    choice is read once the words are known to open the wizard)."""
    apply(SimpleNamespace(lang=given_option(words)), wizard=False)


def argparse_in_language() -> AbstractContextManager[None]:
    """argparse's own words (``usage:``, ``options``, its errors) in the active language
    while the command line is read. In English too: argparse's own gettext looks for a
    catalogue on disk for every word it says (importing locale to read the environment),
    which was a noticeable part of a headless command's start-up; rec-tui's says English
    words as written."""
    from rec_tui.cli import argparse_words

    return argparse_words.routed()


def apply(args: argparse.Namespace | SimpleNamespace, *, wizard: bool) -> None:
    """Speak the language the command line, environment, remembered choice or locale picks.

    Only the wizard reads the choice remembered in the config directory (it is made in the
    wizard): a headless command's words depend on its command line and environment alone,
    and finding the config directory would cost every command's start-up. English loads
    nothing; Chinese loads its catalogue (compiled once into the cache).
    """
    # Imported only when needed: a headless command in English never looks for directories.
    config_dir = _paths().config_dir() if wizard else None
    language = chosen_language(getattr(args, "lang", None), os.environ, config_dir)
    if language == active_language():
        return
    if language == ENGLISH:
        activate(ENGLISH)
        return
    try:
        activate(language, _paths().cache_dir())
    except OSError as error:
        # A broken installation: say so once, and keep working in English (the one message
        # here that is never translated: the translations are what could not be read).
        print(
            f"rec-tui: cannot read the {language} translations ({error}); messages stay in "
            "English.",
            file=sys.stderr,
        )


def _paths() -> ModuleType:
    from rec_tui.store import paths

    return paths
