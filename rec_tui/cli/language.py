"""The ``--lang`` option every command line takes, and starting to speak the chosen language."""

from __future__ import annotations

import argparse
import os
import sys
from types import ModuleType

from rec_tui.i18n import ENGLISH, LANGUAGES, activate
from rec_tui.i18n.choice import LANGUAGE_ENV, chosen_language


def add_argument(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """``--lang`` on the ``rec-tui`` parser, or (``command``) also after a command's name,
    where it leaves a ``--lang`` given before the command in place when it is not given."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS if command else None,
        help=(
            f"language of messages and hints: zh (Simplified Chinese) or en (default: "
            f"${LANGUAGE_ENV}, else (wizard only) the language chosen in the wizard, else the "
            "locale)"
        ),
    )


def apply(args: argparse.Namespace, *, wizard: bool) -> None:
    """Speak the language the command line, environment, remembered choice or locale picks.

    Only the wizard reads the choice remembered in the config directory (it is made in the
    wizard): a headless command's words depend on its command line and environment alone,
    and finding the config directory would cost every command's start-up. English loads
    nothing; Chinese loads its catalogue (compiled once into the cache).
    """
    # Imported only when needed: a headless command in English never looks for directories.
    config_dir = _paths().config_dir() if wizard else None
    language = chosen_language(getattr(args, "lang", None), os.environ, config_dir)
    if language == ENGLISH:
        return
    try:
        activate(language, _paths().cache_dir())
    except OSError as error:
        # A broken installation: say so once, and keep working in English.
        print(
            f"rec-tui: cannot read the {language} translations ({error}); messages stay in "
            "English.",
            file=sys.stderr,
        )


def _paths() -> ModuleType:
    from rec_tui.store import paths

    return paths
