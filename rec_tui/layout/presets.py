"""Where Agora puts each user in the preset layouts (mixedVideoLayout 0, 1 and 2).

Followed: Agora's "Set video layout" page for Cloud Recording
(https://docs.agora.io/en/cloud-recording/develop/layout, source
``AgoraIO/Docs-Source: cloud-recording/develop/layout.md``), cited by the spec as D:layout:

* Floating (0): the first user fills the canvas; the others float on top in rows of four,
  starting at the bottom left, in join order, at most four rows (17 users). Each small
  region is 23.5 % of the canvas width and height; gaps between regions, the bottom margin
  and the left/right margins are 1.2 % of the canvas width (horizontally) and height
  (vertically).
* Best fit (1): a grid whose size depends on the number of users. For 17 users, regions
  of 20 % × 20 % across the middle with 10 % bands left and right, the 17th in the middle
  of the bottom row.
* Vertical (2): the ``maxResolutionUid`` user large on the left, the others small along
  the right edge in join order, at most two columns of eight. Small regions are 1/5 × 1/4
  of the canvas for up to 5 users, 1/7 × 1/6 for 6–7, 1/9 × 1/8 for 8–9 and 1/10 × 1/8 for
  more. Without ``maxResolutionUid`` (or when that user is absent) the large region shows
  the background colour.

Inferred, because the page shows these only as pictures (and they agree with the layout
code of Agora's on-premise recording demo): best fit uses 1×1 for 1 user, two side-by-side
halves for 2, a 2×2 grid for 3–4, 3×3 for 5–9 and 4×4 for 10–16, filled row by row from the
top left; in the vertical layout the large region is as wide as the canvas minus one small
column (minus two columns' width, 80 %, from 10 users), the small regions stack from the
top, the first column of eight is the inner one, and the page's repeated "6 to 7 users"
captions are read as 8–9 and 10–17 from the sizes they give. When no user is large, all
users are small and a 17th user has no region.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rec_tui.i18n import N_, _
from rec_tui.layout.tile import round6
from rec_tui.spec import catalogue

MAX_USERS: Final = catalogue.mix_max_users()
FLOATING, BEST_FIT, VERTICAL = 0, 1, 2
PRESET_NAMES: Final = {FLOATING: N_("Floating"), BEST_FIT: N_("Best fit"), VERTICAL: N_("Vertical")}

FLOAT_SIZE: Final = 0.235
FLOAT_GAP: Final = 0.012
FLOAT_PER_ROW: Final = 4


@dataclass(frozen=True, slots=True)
class PresetRegion:
    """One region of a preset layout; ``user`` is the join-order number (1-based).

    ``user`` is None for the vertical layout's large region when it shows no user.
    """

    x: float
    y: float
    width: float
    height: float
    user: int | None
    large: bool = False

    @property
    def label(self) -> str:
        if self.large:
            return (
                _("Large") if self.user is None else _("Large · user {user}").format(user=self.user)
            )
        return _("user {user}").format(user=self.user)


def _region(
    x: float, y: float, w: float, h: float, user: int | None, large: bool = False
) -> PresetRegion:
    return PresetRegion(round6(x), round6(y), round6(w), round6(h), user, large)


def floating(users: int) -> list[PresetRegion]:
    _check(users)
    regions = [_region(0, 0, 1, 1, 1)]
    pitch = FLOAT_SIZE + FLOAT_GAP
    for index in range(users - 1):
        row, column = divmod(index, FLOAT_PER_ROW)
        regions.append(
            _region(
                FLOAT_GAP + column * pitch, 1 - (row + 1) * pitch, FLOAT_SIZE, FLOAT_SIZE, index + 2
            )
        )
    return regions


def best_fit(users: int) -> list[PresetRegion]:
    _check(users)
    if users == 2:
        return [_region(0, 0, 0.5, 1, 1), _region(0.5, 0, 0.5, 1, 2)]
    if users == MAX_USERS:
        size, band = 0.2, 0.1
        regions = [
            _region(band + (i % 4) * size, (i // 4) * size, size, size, i + 1) for i in range(16)
        ]
        regions.append(_region((1 - size) / 2, 4 * size, size, size, MAX_USERS))
        return regions
    side = 1 if users == 1 else 2 if users <= 4 else 3 if users <= 9 else 4
    return [
        _region((i % side) / side, (i // side) / side, 1 / side, 1 / side, i + 1)
        for i in range(users)
    ]


def _vertical_column(users: int) -> tuple[int, float, float]:
    """(regions per column, small width, small height) for ``users`` in the layout."""
    if users <= 5:
        return 4, 1 / 5, 1 / 4
    if users <= 7:
        return 6, 1 / 7, 1 / 6
    if users <= 9:
        return 8, 1 / 9, 1 / 8
    return 8, 1 / 10, 1 / 8


def vertical(users: int, *, has_large_user: bool = True) -> list[PresetRegion]:
    """``has_large_user``: maxResolutionUid is set and is one of the ``users``."""
    _check(users)
    small_users = users - 1 if has_large_user else users
    per_column, width, height = _vertical_column(small_users + 1)
    columns = 1 if small_users <= per_column else 2
    large_width = 1 - columns * width
    regions = [_region(0, 0, large_width, 1, 1 if has_large_user else None, large=True)]
    first_small = 2 if has_large_user else 1
    for index in range(min(small_users, columns * per_column)):
        column, row = divmod(index, per_column)
        regions.append(
            _region(large_width + column * width, row * height, width, height, first_small + index)
        )
    return regions


def arrangement(layout: int, users: int, *, has_large_user: bool = True) -> list[PresetRegion]:
    """The regions of preset ``layout`` (0, 1 or 2) for ``users`` users (1–17)."""
    if layout == FLOATING:
        return floating(users)
    if layout == BEST_FIT:
        return best_fit(users)
    if layout == VERTICAL:
        return vertical(users, has_large_user=has_large_user)
    raise ValueError(f"preset layouts are 0, 1 and 2, not {layout}")


def _check(users: int) -> None:
    if not 1 <= users <= MAX_USERS:
        raise ValueError(f"preset layouts show 1 to {MAX_USERS} users, not {users}")
