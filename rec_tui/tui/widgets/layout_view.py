"""What the layout canvas shows — boxes to paint and lines of text — from the layout state.

No widget here: the canvas gathers its state into a :class:`CanvasView` and paints what
this module returns, so the wording and the marks can be read and tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.cells import cell_len, chop_cells

from rec_tui.i18n import N_, _, ngettext
from rec_tui.layout import presets
from rec_tui.layout.edit import MAX_TILES
from rec_tui.layout.marks import LayoutMarks
from rec_tui.layout.source import CUSTOM_LAYOUT, LayoutSource
from rec_tui.layout.tile import RENDER_CROP, RENDER_FIT, RENDER_MODE_NAMES, Tile, round6
from rec_tui.tui.widgets.layout_paint import PALETTE, Box, Emphasis

# Declared here, said in the active language where the canvas is drawn (header_parts).
CUSTOM_KEYS = (
    N_("arrows move"),
    N_("⇧ resize"),
    N_("^ finer"),
    N_("[ ] select"),
    N_("a add"),
    N_("x remove"),
    N_("u uid"),
    N_(", . alpha"),
    N_("r crop/fit"),
    N_("t templates"),
)
PRESET_KEYS = (N_("+/− users (1–17)"), N_("c edit as custom"), N_("t templates"))
INVALID_KEYS = (N_("fix it in the form, or press t for a custom template"),)
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
        title, detail = preset.label, render_mode_name(RENDER_CROP)
        if preset.large:
            uid = self.source.max_resolution_uid
            title = _("Large · uid {uid}").format(uid=uid) if uid else title
            detail = (
                render_mode_name(RENDER_FIT) if uid else _("no maxResolutionUid: background colour")
            )
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
        flags = " " + _("OFF") if marks.off_canvas(index) else ""
        who = f"uid {tile.uid}" if tile.uid is not None else _("join order")
        title += f"{flags} {who}"
        # A narrow tile shows the uid alone: "[0] uid 10…" would make four tiles look alike.
        short = f"{flags.strip()} {tile.uid}".strip() if tile.uid is not None else title
        if marks.uid_problem(index):
            title += " (!)"
            short += " (!)"
        if marks.overlapping(index):
            title += " " + _("overlap")
        mode = render_mode_name(tile.shown_render_mode)
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
        parts = (
            ["● " + _("Ctrl+L applies to sid {sid}").format(sid=self.recording_sid)]
            if self.recording_sid
            else []
        )
        if src.out_of_range:
            # First, so a narrow canvas still shows it: the frame is drawn as declared.
            parts.append(f"{size} ✗ {', '.join(src.out_of_range)}")
        if self.is_custom:
            tiles = _("{count}/{most} tiles").format(count=len(self.tiles), most=MAX_TILES)
            return [*parts, _("Custom layout (3)"), size, tiles], said(CUSTOM_KEYS)
        if self.is_preset:
            name = _(presets.PRESET_NAMES[src.layout or 0])
            users = ngettext(
                "{count} user as Agora places them",
                "{count} users as Agora places them",
                self.users,
            ).format(count=self.users)
            preset = _("{name} layout ({number}): {users}").format(
                name=name, number=src.layout, users=users
            )
            return [*parts, preset, size], said(PRESET_KEYS)
        return [*parts, _("mixedVideoLayout must be 0, 1, 2 or 3"), size], said(INVALID_KEYS)

    def footer_parts(self) -> tuple[list[str], list[str]]:
        """The selected tile's numbers, and the marks in words (each wrapped on its own)."""
        if not self.is_custom:
            if self.is_preset:
                return [_("Numbers are join order; a user who leaves is replaced by the next.")], []
            return [], []
        if self.selected is None:
            return [_("No tiles: press a to add one or t for a template.")], []
        tile = self.tiles[self.selected]
        who = f"uid {tile.uid}" if tile.uid is not None else _("no uid (join order)")
        # Position and size as fractions of the frame, as layoutConfig holds them.
        numbers = [
            f"[{self.selected}] {who}",
            _("at {x}, {y}").format(x=number(tile.x), y=number(tile.y)),
            _("size {width}×{height}").format(width=number(tile.width), height=number(tile.height)),
            # One part, so a wrap never leaves "crop" alone on the next line.
            _("alpha {alpha} · {render_mode}").format(
                alpha=number(tile.shown_alpha), render_mode=render_mode_name(tile.shown_render_mode)
            ),
        ]
        return numbers, self.marks_in_words()

    def marks_in_words(self) -> list[str]:
        """The canvas marks in words: the validator's tile findings, then overlaps."""
        marks = self.marks
        # The selected tile's findings first: they are what the user is looking at.
        ordered = sorted(marks.by_tile, key=lambda i: (i != self.selected, i))
        problems = [p for i in ordered for p in marks.by_tile[i]] + list(marks.layout)
        size = f"{self.source.width}×{self.source.height}"
        drawn = _("{size} drawn as declared: {note}")
        found = [f"✗ {drawn.format(size=size, note=note)}" for note in self.source.out_of_range]
        found += [f"{'✗' if p.is_error else '⚠'} {p.message} ({p.rule_id})" for p in problems]
        overlap = _("tiles {a} and {b} overlap (notice: later tiles cover earlier)")
        found += [f"◆ {overlap.format(a=a, b=b)}" for a, b in marks.overlaps]
        return found or ["✓ " + _("no problems with the tiles")]

    def text_lines(self, width: int) -> CanvasText:
        """The lines above the frame and under it, wrapped to ``width``."""
        numbers, marks = self.footer_parts()
        state, keys = self.header_parts()
        status = [self.apply_status] if self.apply_status else []
        number_lines = wrap_parts(numbers, width, NUMBER_LINES)
        mark_lines = wrap_parts(marks, width, MARK_LINES)
        if self.is_custom and self.selected is not None:
            # Moving a tile changes the widths of its numbers ("at 0, 0" / "at 0.05, 0") and
            # makes and ends overlaps: text that took one more line after one key and one
            # fewer after the next would resize the canvas, move the fields under it and lay
            # the whole screen out again on every arrow key. Their rows are kept instead.
            number_lines += [""] * (NUMBER_LINES - len(number_lines))
            mark_lines += [""] * (MARK_LINES - len(mark_lines))
        return CanvasText(
            wrap_parts(state, width, STATE_LINES)
            + wrap_parts(list(keys), width, KEY_LINES, KEY_SEP),
            wrap_parts(status, width, STATUS_LINES),
            number_lines + mark_lines,
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
        words.extend(wrap_cells(part, width) if cell_len(part) > width else [part])
    lines: list[str] = []
    for word in words:
        if lines and cell_len(lines[-1]) + cell_len(sep) + cell_len(word) <= width:
            lines[-1] += sep + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        kept = lines[: max_lines - 1]
        last = lines[max_lines - 1]
        lines = [*kept, (cut_cells(last, width - 1) if cell_len(last) >= width else last) + "…"]
    return lines


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, broken at spaces where it has
    them and anywhere in a run wider than a line (Chinese has no spaces, and each of its
    characters takes two cells)."""
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+", text):
        pieces = chop_cells(word, width) if cell_len(word) > width else [word]
        for piece in pieces:
            if line and cell_len(line) + 1 + cell_len(piece) <= width:
                line += " " + piece
            else:
                if line:
                    lines.append(line)
                line = piece
    if line:
        lines.append(line)
    return lines


def cut_cells(text: str, width: int) -> str:
    """The start of ``text`` that fits in ``width`` cells."""
    return chop_cells(text, max(width, 1))[0] if text else text


def said(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Key hints declared with N_(), in the active language."""
    return tuple(_(key) for key in keys)


def render_mode_name(mode: int) -> str:
    """crop / fit in the active language."""
    name = RENDER_MODE_NAMES.get(mode)
    return _(name) if name else "?"
