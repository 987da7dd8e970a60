"""One tile of a custom layout and its exact conversion to and from ``layoutConfig``.

Coordinates are fractions of the output frame. Every value this module produces is
rounded to 6 decimals (the precision the API keeps, R72), so an edit such as
0.1 + 0.2 is stored as ``0.3`` and never as ``0.30000000000000004``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

from rec_tui.i18n import N_
from rec_tui.spec.rules.context import is_number

DECIMALS: Final = 6
DEFAULT_ALPHA: Final = 1.0
RENDER_CROP: Final = 0
RENDER_FIT: Final = 1
RENDER_MODE_NAMES: Final = {RENDER_CROP: N_("crop"), RENDER_FIT: N_("fit")}

_GEOMETRY_KEYS: Final = ("x_axis", "y_axis", "width", "height")


def round6(value: float) -> float:
    """The nearest 6-decimal value; ``round`` gives the double whose repr is that decimal."""
    rounded = round(float(value), DECIMALS)
    return 0.0 if rounded == 0 else rounded  # never -0.0


@dataclass(frozen=True, slots=True)
class Tile:
    """A region of the frame: left/top edge and size as 0–1 fractions of the frame.

    ``extra`` keeps keys of the JSON object this tile was read from that the designer does
    not edit, so a round trip never drops what a customer sent. A geometry value that was
    missing or not a number in the JSON reads as 0 and is listed in ``missing``; it is
    written back only once the user edits it, so the validator keeps reporting it (R69).
    """

    x: float
    y: float
    width: float
    height: float
    uid: str | None = None
    alpha: float | None = None
    render_mode: int | None = None
    extra: tuple[tuple[str, Any], ...] = ()
    missing: frozenset[str] = frozenset()

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def shown_alpha(self) -> float:
        return DEFAULT_ALPHA if self.alpha is None else self.alpha

    @property
    def shown_render_mode(self) -> int:
        return RENDER_CROP if self.render_mode is None else self.render_mode

    def moved_to(self, x: float, y: float) -> Tile:
        return replace(self, x=round6(x), y=round6(y), missing=self.missing - {"x_axis", "y_axis"})

    def resized_to(self, width: float, height: float) -> Tile:
        return replace(
            self,
            width=round6(width),
            height=round6(height),
            missing=self.missing - {"width", "height"},
        )

    # --- JSON -------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The ``layoutConfig`` entry, keys in the order the API documents them."""
        out: dict[str, Any] = {}
        if self.uid is not None:
            out["uid"] = self.uid
        for key, value in zip(
            _GEOMETRY_KEYS, (self.x, self.y, self.width, self.height), strict=True
        ):
            if key not in self.missing:
                out[key] = round6(value)
        if self.alpha is not None:
            out["alpha"] = round6(self.alpha)
        if self.render_mode is not None:
            out["render_mode"] = self.render_mode
        for key, value in self.extra:
            out.setdefault(key, value)  # an edited value replaces the unreadable one
        return out

    @classmethod
    def from_json(cls, entry: Any) -> Tile:
        """Read a ``layoutConfig`` entry; never raises, whatever the entry is."""
        if not isinstance(entry, dict):
            return cls(0.0, 0.0, 0.0, 0.0, missing=frozenset(_GEOMETRY_KEYS))
        geometry: list[float] = []
        missing: set[str] = set()
        for key in _GEOMETRY_KEYS:
            value: Any = entry.get(key)
            if is_number(value):
                geometry.append(float(value))
            else:
                geometry.append(0.0)
                missing.add(key)
        # Values of the wrong type stay in ``extra`` untouched, for the validator to report.
        known = set(_GEOMETRY_KEYS) - missing
        uid = entry.get("uid")
        if isinstance(uid, str):
            known.add("uid")
        alpha: Any = entry.get("alpha")
        if is_number(alpha):
            known.add("alpha")
        render_mode = entry.get("render_mode")
        if isinstance(render_mode, int) and not isinstance(render_mode, bool):
            known.add("render_mode")
        return cls(
            geometry[0],
            geometry[1],
            geometry[2],
            geometry[3],
            uid=uid if "uid" in known else None,
            alpha=float(alpha) if "alpha" in known else None,
            render_mode=render_mode if "render_mode" in known else None,
            extra=tuple((k, v) for k, v in entry.items() if k not in known),
            missing=frozenset(missing),
        )


def tiles_from_json(layout_config: Any) -> list[Tile]:
    """The tiles of a ``layoutConfig`` value; anything but a list reads as no tiles."""
    if not isinstance(layout_config, list):
        return []
    return [Tile.from_json(entry) for entry in layout_config]


def tiles_to_json(tiles: list[Tile] | tuple[Tile, ...]) -> list[dict[str, Any]]:
    return [tile.to_json() for tile in tiles]


def region(x: float, y: float, width: float, height: float, uid: str | None = None) -> Tile:
    """A tile with every coordinate rounded to 6 decimals (templates and presets use it)."""
    return Tile(round6(x), round6(y), round6(width), round6(height), uid=uid)
