"""What a recording's ``status`` number means (spec 1.4.3), for every screen that shows one."""

from __future__ import annotations

from typing import Final

from rec_tui.i18n import N_, _, ngettext

STATUS_NAMES: Final[dict[int, str]] = {
    0: N_("not started"),
    1: N_("initialised"),
    2: N_("components starting"),
    3: N_("some components ready"),
    4: N_("all components ready"),
    5: N_("recording in progress"),
    6: N_("stop requested"),
    7: N_("all components stopped"),
    8: N_("exited"),
    20: N_("exited abnormally"),
}
# Status 4 or 5 means the recording has started (spec 1.4.3).
STARTED_STATUSES: Final = frozenset({4, 5})
ENDED_STATUSES: Final = frozenset({6, 7, 8, 20})


def describe_status(status: int | None) -> str:
    """``"5 (recording in progress)"``; an undocumented number says so."""
    if status is None:
        return _("unknown")
    name = STATUS_NAMES.get(status)
    if name:
        return _("{status} ({name})").format(status=status, name=_(name))
    return _("{status} (not a documented status)").format(status=status)


# What stop's uploadingStatus says (spec 1.4.6).
UPLOADING_MEANINGS: Final[dict[str, str]] = {
    "uploaded": N_("every file is in your storage"),
    "backuped": N_(
        "some files went to Agora's backup cloud and will be moved to your storage automatically"
    ),
    "unknown": N_("the upload state is unknown"),
}


def describe_uploading(value: object) -> str:
    """``"uploaded (every file is in your storage)"``; anything else is shown as it came."""
    if not isinstance(value, str):
        return _("upload state not given (see the log)")
    meaning = UPLOADING_MEANINGS.get(value)
    if meaning:
        return _("{value} ({meaning})").format(value=value, meaning=_(meaning))
    return _("{value} (not a documented upload state)").format(value=value)


def describe_files(files: object, *, stopped: bool) -> str:
    """The file list of a query or stop answer, in words (spec 1.4.4/1.4.6).

    I/M answers carry a list of files, or one M3U8 file name (mix, HLS only); web answers
    a list of ``{filename}``. An empty list while recording means no slice is finished yet;
    after stop it means nothing was recorded.
    """
    if isinstance(files, str) and files:
        return _("playlist {name}").format(name=files)
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
            return _("no files: nothing was recorded (no user sent the subscribed streams?)")
        return _("no files yet: they are listed once the first slice is written")
    shown = _(", ").join(names[:3])
    if len(names) > 3:
        shown = _("{names} and {count} more").format(names=shown, count=len(names) - 3)
    return ngettext("{count} file: {names}", "{count} files: {names}", len(names)).format(
        count=len(names), names=shown
    )
