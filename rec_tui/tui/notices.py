"""How long toasts stay and how many stack: they must never sit on the user's work.

Toasts come and go at the top right (app.tcss), for a few seconds. What needs action stays
where it applies instead: under the field, in a dialog's message line, in the Send panel.
"""

from __future__ import annotations

from typing import Final

# Seconds a toast stays, at most, by severity.
LONGEST: Final = {"information": 4.0, "warning": 6.0, "error": 8.0}
# Toasts shown at once; an older one gives way to a newer one.
MOST_SHOWN: Final = 2
SEVERITIES: Final = ("information", "warning", "error")


def shown_for(severity: str, asked: float | None) -> float:
    """The timeout to use: what the caller asked for, within a few seconds."""
    longest = LONGEST.get(severity, LONGEST["information"])
    return longest if asked is None else min(asked, longest)


def together(notices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Notices said at one moment (message, severity), as the toasts to show them in: each
    its own while they all fit, else one holding them all, as severe as the most severe of
    them — so that none gives way to the next before it is read (opening a ticket says its
    mode, the customer's endpoint, the credentials dropped, and that it opened)."""
    if len(notices) <= MOST_SHOWN:
        return notices
    severity = max((severity for _, severity in notices), key=_severity_rank)
    return [("\n".join(message for message, _ in notices), severity)]


def _severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0
