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


# What stop's uploadingStatus says (spec 1.4.6).
UPLOADING_MEANINGS: Final[dict[str, str]] = {
    "uploaded": "every file is in your storage",
    "backuped": (
        "some files went to Agora's backup cloud and will be moved to your storage automatically"
    ),
    "unknown": "the upload state is unknown",
}


def describe_uploading(value: object) -> str:
    """``"uploaded (every file is in your storage)"``; anything else is shown as it came."""
    if not isinstance(value, str):
        return "upload state not given (see the log)"
    meaning = UPLOADING_MEANINGS.get(value)
    return f"{value} ({meaning})" if meaning else f"{value} (not a documented upload state)"


def describe_files(files: object, *, stopped: bool) -> str:
    """The file list of a query or stop answer, in words (spec 1.4.4/1.4.6).

    I/M answers carry a list of files, or one M3U8 file name (mix, HLS only); web answers
    a list of ``{filename}``. An empty list while recording means no slice is finished yet;
    after stop it means nothing was recorded.
    """
    if isinstance(files, str) and files:
        return f"playlist {files}"
    names = (
        [
            str(item.get("fileName") or item.get("filename") or "?")
            for item in files or []
            if isinstance(item, dict)
        ]
        if isinstance(files, list)
        else []
    )
    if not names:
        if stopped:
            return "no files: nothing was recorded (no user sent the subscribed streams?)"
        return "no files yet: they are listed once the first slice is written"
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{len(names)} file{'s' if len(names) != 1 else ''}: {shown}"
