"""What a recording's ``status`` number means (spec 1.4.3), for every screen that shows one."""

from __future__ import annotations

from typing import Final

STATUS_NAMES: Final[dict[int, str]] = {
    0: "not started",
    1: "initialised",
    2: "components starting",
    3: "some components ready",
    4: "all components ready",
    5: "recording in progress",
    6: "stop requested",
    7: "all components stopped",
    8: "exited",
    20: "exited abnormally",
}
# Status 4 or 5 means the recording has started (spec 1.4.3).
STARTED_STATUSES: Final = frozenset({4, 5})
ENDED_STATUSES: Final = frozenset({6, 7, 8, 20})


def describe_status(status: int | None) -> str:
    """``"5 (recording in progress)"``; an undocumented number says so."""
    if status is None:
        return "unknown"
    name = STATUS_NAMES.get(status)
    return f"{status} ({name})" if name else f"{status} (not a documented status)"
