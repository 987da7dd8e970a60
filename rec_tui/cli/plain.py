"""A plain command line read without argparse: ``rec-tui validate FILE`` or ``rec-tui
preset list``, as scripts run them, and ``rec-tui --open FILE`` (the wizard's options).

Importing argparse (with gettext) and building a command's parser is about a tenth of what
``rec-tui validate FILE`` costs a script per call, for words that need no parser's help. A
command module may declare its plain forms (``PLAIN_FORMS``, each a :class:`PlainForm`):
the words after the command's name that choose the form (``list``), the options it takes
with a fixed list of values and, if it takes any, the one positional list of paths. A
command line made only of those is read here into the namespace argparse would give: the
command's name and the form's words first, then its options (``--format json`` or
``--format=json``, each value one of its list) and its paths, the paths in one run
(argparse's ``nargs="+"`` takes only the first run). Any other words (help, an abbreviated
option, a value not listed, ``--``, a word that begins with ``-``, no path, words before
the command) go to argparse, so usage, help and every error message are argparse's own.
A line with no command, made of the wizard's own options (``--open PATH``, ``--mode``,
``--step``, ``--sandbox``, ``--lang``; rec_tui/cli/wizard_options.py lists them), is read the
same way into the namespace that opens the wizard (no ``handler``).
tests/cli/test_cli_plain.py checks that both read each shape of plain line the same.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


class PlainForm:
    """What a command's plain command line may hold.

    ``words``: what follows the command's name to choose this form (``("list",)``, or
    nothing); ``options``: each option's name (``--format``) with the attribute it sets and
    the values it takes; ``positional``: the attribute of the paths (one or more), or None
    for a form that takes none;
    ``defaults``: the command's other attributes in the namespace argparse gives (its
    options' defaults and its parser's ``set_defaults``).
    """

    __slots__ = ("defaults", "options", "positional", "words")

    def __init__(
        self,
        words: tuple[str, ...],
        options: Mapping[str, tuple[str, tuple[str, ...]]],
        positional: str | None,
        defaults: Mapping[str, object],
    ) -> None:
        self.words = words
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
                if after_paths or self.positional is None:
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
        if self.positional is None:
            return values
        if not paths:
            return None
        values[self.positional] = paths
        return values


def read(words: Sequence[str]) -> SimpleNamespace | None:
    """The namespace of a plain command line (see the module), or None: argparse reads it."""
    from rec_tui.cli import COMMANDS, wizard_options

    if not words or COMMANDS.get(words[0]) != words[0]:
        return _read_wizard(words)
    __import__(f"rec_tui.cli.{words[0]}")
    forms: tuple[PlainForm, ...] = getattr(
        sys.modules[f"rec_tui.cli.{words[0]}"], "PLAIN_FORMS", ()
    )
    chosen = [form for form in forms if tuple(words[1 : 1 + len(form.words)]) == form.words]
    if not chosen:
        return None
    values = chosen[0].read(words[1 + len(chosen[0].words) :])
    if values is None:
        return None
    # The options of `rec-tui` itself, none given (a plain line starts with the command).
    return SimpleNamespace(**{**wizard_options.DEFAULTS, "lang": None, **values}, command=words[0])


def _read_wizard(words: Sequence[str]) -> SimpleNamespace | None:
    """The wizard's options from a command line made only of them, as argparse reads them
    (each given once or more, the last counting), or None: argparse reads it."""
    from rec_tui.cli import language, wizard_options

    options = {**wizard_options.PLAIN_OPTIONS, language.OPTION: ("lang", language.LANGUAGES)}
    values: dict[str, object] = {**wizard_options.DEFAULTS, "lang": None}
    index = 0
    while index < len(words):
        name, equals, value = words[index].partition("=")
        flag = wizard_options.PLAIN_FLAGS.get(name)
        if flag is not None and not equals:
            values[flag] = True
            index += 1
            continue
        if name not in options:
            return None  # a command, help, an abbreviation, a path: argparse's to read
        if not equals:
            # A value that begins with "-" is argparse's to judge (an option, or an error).
            if index + 1 == len(words) or words[index + 1].startswith("-"):
                return None
            value = words[index + 1]
        dest, choices = options[name]
        if choices is not None and value not in choices:
            return None
        values[dest] = value
        index += 1 if equals else 2
    return SimpleNamespace(**values)
