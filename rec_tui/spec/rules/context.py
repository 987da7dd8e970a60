"""A read-only view of the body that rules query with typed accessors.

Accessors never raise: a value of the wrong type reads as None (the type rule R17 reports
it), so one bad field never hides problems elsewhere.
"""

from __future__ import annotations

import builtins
import math

from rec_tui.record import Record, field
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal, TypeAlias

SnapshotIntent: TypeAlias = 'Literal["only", "plus_recording"]'
# Which request a rule judges: the start body (most rules), or another call (spec 3.8).
Call: TypeAlias = 'Literal["start", "acquire", "update", "updateLayout", "control"]'

# Shorthands for the paths rules use most.
CR = "clientRequest"
REC = "clientRequest.recordingConfig"
TC = "clientRequest.recordingConfig.transcodingConfig"
STORAGE = "clientRequest.storageConfig"
FILES = "clientRequest.recordingFileConfig"
SNAP = "clientRequest.snapshotConfig"
EXT = "clientRequest.extensionServiceConfig"


class Session(Record, frozen=True):
    """What is known of the session beyond the body (for session and clock rules).

    ``acquire`` is the acquire request body this session sent or the user typed in;
    None means unknown, and the session rules are then skipped. ``app_id`` is the App ID
    of the URL (None: unknown), which the RTC token must have been built with.
    """

    acquire: dict[str, Any] | None = None
    app_id: str | None = None
    acquired_at: float | None = None
    started_at: float | None = None
    now: float | None = None
    at_send_time: bool = False


class CallState(Record, frozen=True):
    """What the update, updateLayout and control checks know beyond the request body:
    the session's start body, the layout it now shows, and whether an update is in flight."""

    start_body: Any = None
    current_layout: dict[str, Any] | None = None
    update_in_flight: bool = False


class Context(Record):
    mode: Mode
    body: Any
    snapshot_intent: SnapshotIntent | None = None
    session: Session = field(default_factory=Session)
    call: Call = "start"
    call_state: CallState = field(default_factory=CallState)

    # --- raw access -------------------------------------------------------------------

    def raw(self, path: str) -> Any:
        """The value at ``path``; None when missing or null."""
        return jsonpath.get(self.body, path)

    def has(self, path: str) -> bool:
        """True when the key is present with a value other than null."""
        return self.raw(path) is not None

    def is_set(self, path: str) -> bool:
        """Present, not null, and not the empty string (spec: "" counts as unset)."""
        value = self.raw(path)
        return value is not None and value != ""

    # --- typed access -----------------------------------------------------------------

    def int(self, path: str) -> int | None:
        """A whole number (``30`` or ``30.0``), never a boolean; None otherwise."""
        return as_int(self.raw(path))

    def number(self, path: str) -> float | None:
        value = self.raw(path)
        return value if is_number(value) else None

    def string(self, path: str) -> str | None:
        """A non-empty string; None otherwise."""
        value = self.raw(path)
        return value if isinstance(value, str) and value != "" else None

    def obj(self, path: str) -> dict[str, Any] | None:
        value = self.raw(path)
        return value if isinstance(value, dict) else None

    def list(self, path: str) -> list[Any] | None:
        value = self.raw(path)
        return value if isinstance(value, list) else None

    # --- domain shorthands ------------------------------------------------------------

    def stream_types(self) -> builtins.int | None:
        """streamTypes as every rule reads it: absent counts as 2; a bad type is None."""
        value = self.raw(f"{REC}.streamTypes")
        if value is None:
            return 2
        return as_int(value)


def is_number(value: object) -> bool:
    # The common cases first, by exact type (a bool is no plain int): rules ask this of
    # every number of the body on every check.
    if type(value) is int:
        return True
    if type(value) is float:
        return math.isfinite(value)
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and not (isinstance(value, float) and not math.isfinite(value))
    )


def as_int(value: object) -> int | None:
    """``30`` → 30, ``30.0`` → 30, anything else (``30.5``, ``True``, ``"30"``) → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None
