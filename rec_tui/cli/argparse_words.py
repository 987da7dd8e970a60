"""argparse's own words — its headings, its help for ``-h`` and its usage errors — in
the language rec-tui speaks.

argparse says them through module-level ``gettext`` calls and ships no translations of its
own. Its messages are listed here, as argparse writes them, so that they are extracted
into rec-tui's catalogue; :func:`routed` has argparse look them up there while a command
line is read (and puts argparse back as it was afterwards).
"""

from __future__ import annotations

import argparse

from rec_tui.i18n import N_, _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from contextlib import AbstractContextManager

# The messages of argparse (Python 3.11) a user of rec-tui can meet (none of its options
# takes a fixed number of values, so argparse's counted message is not among them).
MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def routed() -> AbstractContextManager[None]:
    """argparse's gettext calls answered by rec-tui's catalogue inside the block."""
    return _Routed()


class _Routed:
    # A class rather than contextlib's decorator: contextlib is no import of a headless
    # command's start-up.
    def __enter__(self) -> None:
        self._said = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        argparse._ = _  # type: ignore[attr-defined]
        argparse.ngettext = ngettext  # type: ignore[attr-defined]

    def __exit__(self, *raised: object) -> None:
        argparse._, argparse.ngettext = self._said  # type: ignore[attr-defined]
