"""What the layout canvas shows — boxes to paint and lines of text — from the layout state.

No widget here: the canvas gathers its state into a :class:`CanvasView` and paints what
this module returns, so the wording and the marks can be read and tested on their own.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from rec_tui.layout import presets
from rec_tui.layout.edit import MAX_TILES
from rec_tui.layout.marks import LayoutMarks
from rec_tui.layout.source import CUSTOM_LAYOUT, LayoutSource
from rec_tui.layout.tile import RENDER_MODE_NAMES, Tile, round6
from rec_tui.tui.widgets.layout_paint import PALETTE, Box, Emphasis

CUSTOM_KEYS = (
    "arrows move",
    "⇧ resize",
    "^ finer",
    "[ ] select",
    "a add",
    "x remove",
    "u uid",
    ", . alpha",
    "r crop/fit",
    "t templates",
)
PRESET_KEYS = ("+/− users (1–17)", "c edit as custom", "t templates")
INVALID_KEYS = ("fix it in the form, or press t for a custom template",)
# Lines of text above the frame (what is drawn, the keys) and under it (numbers, marks).
STATE_LINES = 2
KEY_LINES = 2
# Keys are set apart as the footer sets them: "a add  x remove".
KEY_SEP = "  "
NUMBER_LINES = 2
STATUS_LINES = 3
MARK_LINES = 2
# Fully transparent tiles stay faintly visible, or the user could not find them again.
MIN_SHOWN_ALPHA = 0.15


def number(value: float) -> str:
    """A coordinate as the JSON shows it (6 decimals at most, no trailing zeros)."""
    return f"{round6(value):.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class CanvasView:
    source: LayoutSource
    tiles: list[Tile]
    selected: int | None
    marks: LayoutMarks = field(default_factory=LayoutMarks)
    users: int = 1  # how many users the preset preview places
    recording_sid: str | None = None  # a running mix recording that Ctrl+L updates
    apply_status: str | None = None  # what Ctrl+L did, until its cause goes

    @property
    def is_custom(self) -> bool:
        return self.source.layout == CUSTOM_LAYOUT

    @property
    def is_preset(self) -> bool:
        return self.source.layout in presets.PRESET_NAMES

    def preset_regions(self) -> list[presets.PresetRegion]:
        layout = self.source.layout
        if layout not in presets.PRESET_NAMES:
            return []
        return presets.arrangement(
            layout, self.users, has_large_user=self.source.max_resolution_uid is not None
        )

    # --- boxes ------------------------------------------------------------------------

    def boxes(self) -> list[Box]:
        if self.is_custom:
            return [self._tile_box(index, tile) for index, tile in enumerate(self.tiles)]
        return [self._preset_box(n, r) for n, r in enumerate(self.preset_regions())]

    def _preset_box(self, number_: int, preset: presets.PresetRegion) -> Box:
        title, detail = preset.label, "crop"
        if preset.large:
            uid = self.source.max_resolution_uid
            title = f"Large · uid {uid}" if uid else title
            detail = "fit" if uid else "no maxResolutionUid: background colour"
        return Box(
            preset.x,
            preset.y,
            preset.width,
            preset.height,
            title,
            detail,
            PALETTE[number_ % len(PALETTE)],
            alpha=0.35 if preset.user is None else 1.0,
        )

    def _tile_box(self, index: int, tile: Tile) -> Box:
        marks = self.marks
        emphasis: Emphasis = "normal"
        if index == self.selected:
            emphasis = "selected"
        elif marks.has_error(index) or marks.off_canvas(index):
            emphasis = "error"
        elif marks.of(index):
            emphasis = "warning"
        # Marks go where a narrow tile still shows them: OFF first, the uid flag by the uid.
        title = f"[{index}]"
        flags = " OFF" if marks.off_canvas(index) else ""
        who = f"uid {tile.uid}" if tile.uid is not None else "join order"
        title += f"{flags} {who}"
        # A narrow tile shows the uid alone: "[0] uid 10…" would make four tiles look alike.
        short = f"{flags.strip()} {tile.uid}".strip() if tile.uid is not None else title
        if marks.uid_problem(index):
            title += " (!)"
            short += " (!)"
        if marks.overlapping(index):
            title += " overlap"
        mode = RENDER_MODE_NAMES.get(tile.shown_render_mode, "?")
        alpha = min(max(tile.shown_alpha, MIN_SHOWN_ALPHA), 1.0)
        return Box(
            tile.x,
            tile.y,
            tile.width,
            tile.height,
            title,
            f"{mode} α{number(tile.shown_alpha)}",
            PALETTE[index % len(PALETTE)],
            alpha=alpha,
            emphasis=emphasis,
            short_title=short,
        )

    # --- text -------------------------------------------------------------------------

    def header_parts(self) -> tuple[list[str], tuple[str, ...]]:
        """What is drawn, and the keys: parts the canvas wraps between (never cuts)."""
        src = self.source
        size = f"{src.width}×{src.height}"
        parts = [f"● Ctrl+L applies to sid {self.recording_sid}"] if self.recording_sid else []
        if src.out_of_range:
            # First, so a narrow canvas still shows it: the frame is drawn as declared.
            parts.append(f"{size} ✗ {', '.join(src.out_of_range)}")
        if self.is_custom:
            tiles = f"{len(self.tiles)}/{MAX_TILES} tiles"
            return [*parts, "Custom layout (3)", size, tiles], CUSTOM_KEYS
        if self.is_preset:
            name = presets.PRESET_NAMES[src.layout or 0]
            users = f"{self.users} users as Agora places them"
            return [*parts, f"{name} layout ({src.layout}): {users}", size], PRESET_KEYS
        return [*parts, "mixedVideoLayout must be 0, 1, 2 or 3", size], INVALID_KEYS

    def footer_parts(self) -> tuple[list[str], list[str]]:
        """The selected tile's numbers, and the marks in words (each wrapped on its own)."""
        if not self.is_custom:
            if self.is_preset:
                return ["Numbers are join order; a user who leaves is replaced by the next."], []
            return [], []
        if self.selected is None:
            return ["No tiles: press a to add one or t for a template."], []
        tile = self.tiles[self.selected]
        who = f"uid {tile.uid}" if tile.uid is not None else "no uid (join order)"
        # Position and size as fractions of the frame, as layoutConfig holds them.
        numbers = [
            f"[{self.selected}] {who}",
            f"at {number(tile.x)}, {number(tile.y)}",
            f"size {number(tile.width)}×{number(tile.height)}",
            # One part, so a wrap never leaves "crop" alone on the next line.
            f"alpha {number(tile.shown_alpha)} · "
            f"{RENDER_MODE_NAMES.get(tile.shown_render_mode, '?')}",
        ]
        return numbers, self.marks_in_words()

    def marks_in_words(self) -> list[str]:
        """The canvas marks in words: the validator's tile findings, then overlaps."""
        marks = self.marks
        # The selected tile's findings first: they are what the user is looking at.
        ordered = sorted(marks.by_tile, key=lambda i: (i != self.selected, i))
        problems = [p for i in ordered for p in marks.by_tile[i]] + list(marks.layout)
        size = f"{self.source.width}×{self.source.height}"
        found = [f"✗ {size} drawn as declared: {note}" for note in self.source.out_of_range]
        found += [f"{'✗' if p.is_error else '⚠'} {p.message} ({p.rule_id})" for p in problems]
        found += [
            f"◆ tiles {a} and {b} overlap (notice: later tiles cover earlier)"
            for a, b in marks.overlaps
        ]
        return found or ["✓ no problems with the tiles"]

    def text_lines(self, width: int) -> CanvasText:
        """The lines above the frame and under it, wrapped to ``width``."""
        numbers, marks = self.footer_parts()
        state, keys = self.header_parts()
        status = [self.apply_status] if self.apply_status else []
        return CanvasText(
            wrap_parts(state, width, STATE_LINES)
            + wrap_parts(list(keys), width, KEY_LINES, KEY_SEP),
            wrap_parts(status, width, STATUS_LINES),
            wrap_parts(numbers, width, NUMBER_LINES) + wrap_parts(marks, width, MARK_LINES),
        )


@dataclass(frozen=True, slots=True)
class CanvasText:
    """The canvas's lines of text: above the frame; under it, what Ctrl+L did, then the
    selected tile and the marks."""

    header: list[str]
    status: list[str]
    footer: list[str]

    @property
    def rows(self) -> int:
        return len(self.header) + len(self.status) + len(self.footer)


def wrap_parts(parts: list[str], width: int, max_lines: int, sep: str = " · ") -> list[str]:
    """``parts`` joined by ``sep`` into lines of at most ``width``, breaking between parts
    (or between the words of a part longer than a line); past ``max_lines`` the last line
    ends with "…"."""
    width = max(width, 1)
    words: list[str] = []
    for part in parts:
        words.extend(textwrap.wrap(part, width) if len(part) > width else [part])
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(sep) + len(word) <= width:
            lines[-1] += sep + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        kept = lines[: max_lines - 1]
        last = lines[max_lines - 1]
        lines = [*kept, (last[: width - 1] if len(last) >= width else last) + "…"]
    return lines
