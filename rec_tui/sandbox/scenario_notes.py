"""In words: which of the sandbox's failure scenarios a request would run into.

The Send panel shows it under the endpoint, so an engineer replaying a customer's symptom
sees before sending that the App ID, channel or uid chosen will reproduce it (and that the
fix, once made, no longer does). The scenarios themselves are :mod:`.scenarios`.
"""

from __future__ import annotations

from typing import Any

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
        return "Sandbox: a web recording records a page, so no failure scenario applies."
    ending = scenarios.exit_of(app_id, mode, body, now)
    if ending is None:
        if scenarios.certificate_enabled(app_id):
            return (
                "Sandbox: this App ID has an App Certificate, and the token fits this cname "
                "and uid: the recorder joins and stays."
            )
        uids = " and ".join(scenarios.client_uids)
        return (
            "Sandbox: no failure scenario; the recording runs normally. To reproduce one: an "
            f"App ID starting with {CERTIFIED_PREFIX} has an App Certificate (a token is "
            f"needed), a cname starting with {EMPTY_CHANNEL_PREFIX} has nobody publishing, "
            f"uids {uids} are taken by clients."
        )
    if ending.reason == "left":
        return (
            f"Sandbox: this App ID has an App Certificate and the recorder cannot join "
            f"({ending.detail}): it leaves {LEAVE_SECONDS:g} s after start, and query then "
            'answers 404 "failed to find worker".'
        )
    if ending.reason == "kicked":
        return (
            f"Sandbox: {ending.detail}: the recorder is kicked {KICK_SECONDS:g} s after start; "
            "query then answers 404 and stop is refused."
        )
    return (
        f"Sandbox: {ending.detail}, so the recorder exits by itself; stop then answers 435 "
        "(no recorded files)."
    )
