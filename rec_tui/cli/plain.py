"""A plain command line read without argparse: ``rec-tui validate FILE``, as scripts run it.

Importing argparse (with gettext) and building a command's parser is about a tenth of what
``rec-tui validate FILE`` costs a script per call, for words that need no parser's help. A
command module may declare its :class:`PlainForm`: the options it takes with a fixed list
of values and the one positional list of paths. A command line made only of those is read
here into the namespace argparse would give: the command's name first, then its options
(``--format json`` or ``--format=json``, each value one of its list) and its paths, the
paths in one run (argparse's ``nargs="+"`` takes only the first run). Any other words
(help, an abbreviated option, a value not listed, ``--``, a word that begins with ``-``,
no path, words before the command) go to argparse, so usage, help and every error
message are argparse's own. tests/cli/test_cli_plain.py checks that both read each shape
of plain line the same.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


class PlainForm:
    """What a command's plain command line may hold.

    ``options``: each option's name (``--format``) with the attribute it sets and the
    values it takes; ``positional``: the attribute of the paths (one or more);
    ``defaults``: the command's other attributes in the namespace argparse gives (its
    options' defaults and its parser's ``set_defaults``).
    """

    __slots__ = ("defaults", "options", "positional")

    def __init__(
        self,
        options: Mapping[str, tuple[str, tuple[str, ...]]],
        positional: str,
        defaults: Mapping[str, object],
    ) -> None:
        self.options = options
        self.positional = positional
        self.defaults = defaults

    def read(self, words: Sequence[str]) -> dict[str, object] | None:
        """The command's attributes read from its ``words`` (after its name), or None
        when they are not all plain."""
        values = dict(self.defaults)
        paths: list[str] = []
        after_paths = False
        index = 0
        while index < len(words):
            word = words[index]
            if word == "-" or not word.startswith("-"):  # "-" is standard input
                if after_paths:
                    return None  # argparse refuses paths after options after paths
                paths.append(word)
                index += 1
                continue
            name, equals, value = word.partition("=")
            if name not in self.options:
                return None
            if not equals:
                if index + 1 == len(words):
                    return None
                value = words[index + 1]
            dest, choices = self.options[name]
            if value not in choices:
                return None
            values[dest] = value
            after_paths = bool(paths)
            index += 1 if equals else 2
        if not paths:
            return None
        values[self.positional] = paths
        return values


def read(words: Sequence[str]) -> SimpleNamespace | None:
    """The namespace of a plain command line (see the module), or None: argparse reads it."""
    from rec_tui.cli import COMMANDS, wizard_options

    if not words or COMMANDS.get(words[0]) != words[0]:
        return None
    __import__(f"rec_tui.cli.{words[0]}")
    form = getattr(sys.modules[f"rec_tui.cli.{words[0]}"], "PLAIN_FORM", None)
    if not isinstance(form, PlainForm):
        return None
    values = form.read(words[1:])
    if values is None:
        return None
    # The options of `rec-tui` itself, none given (a plain line starts with the command).
    return SimpleNamespace(**{**wizard_options.DEFAULTS, "lang": None, **values}, command=words[0])
