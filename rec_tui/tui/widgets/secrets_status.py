"""The line under the Steps pane that says where secrets are kept (issue 4's status line)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from rec_tui.i18n import N_, _

# True until a secret is first needed: only then is the keyring opened (probing it would
# cost the first screen a quarter of a second on a busy machine).
OPENING = N_("Secrets: keyring opened when a secret is first needed")


class SecretsStatus(Static):
    """``Secrets: OS keyring (…)`` or ``Secrets: memory only …``, once the store opens."""

    DEFAULT_CSS = """
    SecretsStatus {
        height: auto;
        max-height: 6;
        padding: 0 1;
        color: $text-muted;
        border-top: solid $primary-darken-2;
    }
    SecretsStatus.-memory-only { color: $warning; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(_(OPENING), **kwargs)
        self._opening = True

    def show(self, text: str, *, persistent: bool) -> None:
        self._opening = False
        self.update(text)
        self.set_class(not persistent, "-memory-only")

    def say_again(self) -> None:
        """The language changed: the line made here is said in it (the store's is its own)."""
        if self._opening:
            self.update(_(OPENING))
