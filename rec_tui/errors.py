"""The one base of the core's errors.

Every error the core raises for a person to read (a preset that cannot be loaded, input
that cannot be imported, a failed call, a keyring that refused) derives from
:class:`RecTuiError`, so the wizard and the command line can catch them all in one place
and show ``.message``: what is wrong, where, and what to do. Anything else is a bug.
"""

from __future__ import annotations


class RecTuiError(Exception):
    """An error whose message is written for a support engineer."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
