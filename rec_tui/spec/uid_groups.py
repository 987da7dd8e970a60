"""subscribeUidGroup: how many users each group covers, and which group fits a list of UIDs.

Shared by rule R55/R57 and the Streams form's suggestion, so both count users the same way:
"0123" and "123" are one user (the server reads both as 123); ``#allstream#`` makes the
number unknown.
"""

from __future__ import annotations

from collections.abc import Iterable

from rec_tui.spec.fields_recording import UID_GROUPS
from rec_tui.spec.names import ALL_STREAMS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

# subscribeUidGroup value → the most users it covers.
GROUP_CAPACITY: Final[dict[int, int]] = {
    group: high for group, (_low, high) in enumerate(UID_GROUPS)
}


def uid_key(uid: str) -> str:
    """The UID as the server counts it: leading zeros do not make another user."""
    return uid.lstrip("0") or uid


def distinct_uids(lists: Iterable[Any]) -> set[str] | None:
    """The distinct UIDs of the subscribe lists given; None when ``#allstream#`` is listed."""
    uids: set[str] = set()
    for entries in lists:
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if entry == ALL_STREAMS:
                return None
            if isinstance(entry, str):
                uids.add(uid_key(entry))
    return uids


def smallest_group(users: int) -> int | None:
    """The smallest subscribeUidGroup covering ``users`` users, or None when none does."""
    for group, capacity in GROUP_CAPACITY.items():
        if users <= capacity:
            return group
    return None
