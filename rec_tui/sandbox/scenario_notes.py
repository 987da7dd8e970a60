"""In words: which of the sandbox's failure scenarios a request would run into.

The Send panel shows it under the endpoint, so an engineer replaying a customer's symptom
sees before sending that the App ID, channel or uid chosen will reproduce it (and that the
fix, once made, no longer does). The scenarios themselves are :mod:`.scenarios`.
"""

from __future__ import annotations

from typing import Any

from rec_tui.i18n import _
from rec_tui.sandbox.scenarios import (
    CERTIFIED_PREFIX,
    EMPTY_CHANNEL_PREFIX,
    KICK_SECONDS,
    LEAVE_SECONDS,
    Scenarios,
)
from rec_tui.spec.modes import Mode


def scenario_note(app_id: str, mode: Mode, body: dict[str, Any], now: float) -> str:
    """What the sandbox will do with a recording started now from ``body``."""
    scenarios = Scenarios()
    if mode == "web":
        return _("Sandbox: a web recording records a page, so no failure scenario applies.")
    ending = scenarios.exit_of(app_id, mode, body, now)
    if ending is None:
        if scenarios.certificate_enabled(app_id):
            return _(
                "Sandbox: this App ID has an App Certificate, and the token fits this "
                "cname and uid: the recorder joins and stays."
            )
        *others, last = scenarios.client_uids
        uids = (
            _("{uids} and {last}").format(uids=" and ".join(others), last=last) if others else last
        )
        return _(
            "Sandbox: no failure scenario; the recording runs normally. To "
            "reproduce one: an App ID starting with {certified_prefix} has an App "
            "Certificate (a token is needed), a cname starting with "
            "{empty_channel_prefix} has nobody publishing, uids {uids} are taken "
            "by clients."
        ).format(
            certified_prefix=CERTIFIED_PREFIX, empty_channel_prefix=EMPTY_CHANNEL_PREFIX, uids=uids
        )
    if ending.reason == "left":
        return _(
            "Sandbox: this App ID has an App Certificate and the recorder cannot "
            "join ({detail}): it leaves {leave_seconds:g} s after start, and query "
            'then answers 404 "failed to find worker".'
        ).format(detail=ending.detail, leave_seconds=LEAVE_SECONDS)
    if ending.reason == "kicked":
        return _(
            "Sandbox: {detail}: the recorder is kicked {kick_seconds:g} s after "
            "start; query then answers 404 and stop is refused."
        ).format(detail=ending.detail, kick_seconds=KICK_SECONDS)
    return _(
        "Sandbox: {detail}, so the recorder exits by itself; stop then answers "
        "435 (no recorded files)."
    ).format(detail=ending.detail)
