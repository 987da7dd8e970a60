"""The layout-related values of a ``start`` body, read leniently for drawing.

The canvas must draw whatever the user has typed so far, so nothing here raises: a missing
or unusable value falls back to the documented default, and the validator reports it. A
frame size outside its declared range is still drawn as declared (it is what the customer
sent) and named in ``out_of_range``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from rec_tui.i18n import _, grouped
from rec_tui.layout.presets import MAX_USERS
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.rules.checks import UidVerdict, check_uid
from rec_tui.spec.rules.context import REC, TC, as_int
from rec_tui.spec.rules.declared import bounds

DEFAULT_BACKGROUND: Final[str] = catalogue.default(f"{TC}.backgroundColor")
DEFAULT_LAYOUT: Final[int] = catalogue.default(f"{TC}.mixedVideoLayout")
CUSTOM_LAYOUT: Final = 3
# With no subscribe list (everyone) the number of users is unknown; four shows the idea.
DEFAULT_USERS: Final = 4
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class LayoutSource:
    width: int
    height: int
    background: str
    layout: int | None  # None: mixedVideoLayout is not a whole number
    max_resolution_uid: str | None
    layout_config: Any
    subscribed_video_users: int | None
    # "width over the 1,920 limit": declared sizes drawn although a rule refuses them.
    out_of_range: tuple[str, ...] = ()

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def default_users(self) -> int:
        count = self.subscribed_video_users or DEFAULT_USERS
        return max(1, min(MAX_USERS, count))


def _dimension(key: str, value: Any) -> int:
    """A drawable canvas dimension: any positive whole number, else the default."""
    number = as_int(value)
    if number is None or number <= 0:
        return int(catalogue.default(f"{TC}.{key}"))
    return number


def _out_of_range(key: str, number: int) -> str | None:
    """How a drawn dimension breaks its declared range, in words (None: it does not)."""
    declared = bounds(f"{TC}.{key}")
    if number > declared.maximum:
        return _("{key} over the {limit} limit").format(
            key=key, limit=grouped(int(declared.maximum))
        )
    if number < declared.minimum:
        return _("{key} under the {minimum} minimum").format(
            key=key, minimum=grouped(int(declared.minimum))
        )
    return None


def subscribed_video_users(body: Any) -> int | None:
    """Distinct uids in subscribeVideoUids; None when unknown (absent or ``#allstream#``)."""
    uids = jsonpath.get(body, f"{REC}.subscribeVideoUids")
    if not isinstance(uids, list):
        return None
    distinct = {u for u in uids if check_uid(u) is not UidVerdict.BAD}
    return len(distinct) or None


def read(body: Any) -> LayoutSource:
    def tc(key: str) -> Any:
        return jsonpath.get(body, f"{TC}.{key}")

    background = tc("backgroundColor")
    layout = tc("mixedVideoLayout")
    max_res = tc("maxResolutionUid")
    width, height = _dimension("width", tc("width")), _dimension("height", tc("height"))
    notes = (_out_of_range("width", width), _out_of_range("height", height))
    return LayoutSource(
        width=width,
        height=height,
        background=background
        if isinstance(background, str) and _COLOUR.match(background)
        else DEFAULT_BACKGROUND,
        layout=DEFAULT_LAYOUT if layout is None else as_int(layout),
        max_resolution_uid=max_res if isinstance(max_res, str) and max_res else None,
        layout_config=tc("layoutConfig"),
        subscribed_video_users=subscribed_video_users(body),
        out_of_range=tuple(note for note in notes if note),
    )
