"""The layout canvas: see and shape the mixed video of a mix recording.

It draws the draft's ``transcodingConfig`` — the frame at its true aspect ratio, the
background colour, and either Agora's arrangement for the preset layouts (0, 1, 2) or the
custom ``layoutConfig`` tiles (3) — and edits ``layoutConfig`` in the draft. The draft is
the one model: every canvas edit is written to it at once (its observers — forms, the
preview — follow), and every draft change made elsewhere is drawn on the next refresh
(call :meth:`refresh_from_draft`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar, Final

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from rec_tui.i18n import N_, LazyText, _
from rec_tui.layout import presets, source
from rec_tui.layout.edit import MAX_TILES, STEP, LayoutEditor
from rec_tui.layout.marks import LAYOUT_CONFIG, LayoutMarks, compute
from rec_tui.layout.templates import template
from rec_tui.layout.tile import (
    Tile,
    region,
    tiles_from_json,
    tiles_to_json,
)
from rec_tui.request.draft import Draft
from rec_tui.spec.rules.context import TC
from rec_tui.tui.widgets import layout_apply
from rec_tui.tui.widgets.layout_dialogs import TemplateMenu, UidPrompt
from rec_tui.tui.widgets.layout_paint import CELL_ASPECT, FrameCells, paint
from rec_tui.tui.widgets.layout_view import CanvasView
from rec_tui.tui.widgets.on_screen import WhenShown

# The fewest rows the frame is drawn in (its border and three inside).
MIN_FRAME_ROWS: Final = 5
MIXED_LAYOUT: Final = f"{TC}.mixedVideoLayout"
_NEEDS_CUSTOM: Final = N_(
    "Tiles can be edited in the custom layout (3) only: press t for a "
    "template, or c to start from this preset's arrangement."
)


@dataclass(frozen=True, slots=True)
class _Painted:
    key: tuple[object, ...]
    strips: list[Strip]
    frame: FrameCells
    header_rows: int  # text lines above the frame
    text_rows: int  # text lines above and under it


class LayoutCanvas(Widget, can_focus=True):
    """Draws and edits the composite layout of the draft's transcodingConfig."""

    DEFAULT_CSS = """
    LayoutCanvas { height: 1fr; min-height: 9; width: 1fr; color: $foreground; }
    LayoutCanvas:focus { background-tint: $accent 4%; }
    LayoutCanvas > .layout-canvas--error { color: $error; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"layout-canvas--error"}
    # The values the canvas writes to the draft.
    EDITS: ClassVar[tuple[str, ...]] = (LAYOUT_CONFIG, MIXED_LAYOUT)
    # Ctrl is the fine modifier: terminals send Ctrl+arrow and Ctrl+Shift+arrow as keys of
    # their own, whereas Alt+arrow arrives as Escape followed by a plain arrow.
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(f"{prefix}{key}", f"{action}({dx}, {dy}, {fine})", show=False)
            for prefix, action, fine in (
                ("", "move", False),
                ("ctrl+", "move", True),
                ("shift+", "resize", False),
                ("ctrl+shift+", "resize", True),
            )
            for key, dx, dy in (("left", -1, 0), ("right", 1, 0), ("up", 0, -1), ("down", 0, 1))
        ),
        # Footer: at 80 columns the app's own keys fill it, so the canvas shows none; from
        # WIDE_FOOTER columns on, FOOTER_WHEN_WIDE are shown too. Every key is in the
        # canvas's help line and the F10 keys help.
        *(
            # key, action, the footer's word for it, and what it does (the F10 keys help)
            Binding(key, action, description, show=False, tooltip=does)
            for key, action, description, does in (
                (
                    "right_square_bracket",
                    "select_next(1)",
                    N_("Next tile"),
                    N_("select the next tile"),
                ),
                (
                    "left_square_bracket",
                    "select_next(-1)",
                    N_("Previous tile"),
                    N_("select the previous tile"),
                ),
                ("a", "add", N_("Add tile"), N_("add a tile")),
                ("x,delete", "remove", N_("Remove tile"), N_("remove the selected tile")),
                ("u", "uid", N_("uid"), N_("set the selected tile's uid")),
                ("comma", "alpha(-1)", N_("Alpha −"), N_("lower its alpha")),
                ("full_stop", "alpha(1)", N_("Alpha +"), N_("raise its alpha")),
                ("r", "render_mode", N_("Crop/fit"), N_("crop or fit its video")),
                ("t", "templates", N_("Templates"), N_("lay the tiles out from a template")),
                (
                    "c",
                    "customise",
                    N_("Preset → custom"),
                    N_("turn a preset layout into custom tiles"),
                ),
                (
                    "ctrl+l",
                    "apply_layout",
                    N_("Apply layout"),
                    N_("apply the layout to the running mix recording"),
                ),
                (
                    "plus,equals_sign",
                    "users(1)",
                    N_("Users +"),
                    N_("one user more in a preset layout's preview"),
                ),
                (
                    "minus",
                    "users(-1)",
                    N_("Users −"),
                    N_("one user fewer in a preset layout's preview"),
                ),
            )
        ),
        *(Binding(str(n), f"select({n})", show=False) for n in range(10)),
    ]

    # Listed first by F10 while the canvas has the focus (screens/keys_help.py): the keys
    # bound in groups above; each other key is listed from its binding's tooltip.
    KEYS_HELP: ClassVar[tuple[tuple[str, str], ...]] = (
        ("← → ↑ ↓", N_("move the selected tile")),
        ("Ctrl+arrows", N_("move it in finer steps")),
        ("Shift+arrows", N_("resize it")),
        ("Ctrl+Shift+arrows", N_("resize it in finer steps")),
        ("0–9", N_("select the tile of that number")),
    )

    # The app's keys and the palette take 76 columns; these three need 37 more.
    WIDE_FOOTER: ClassVar[int] = 114
    FOOTER_WHEN_WIDE: ClassVar[frozenset[str]] = frozenset({"select_next(1)", "add", "remove"})

    class ApplyLayout(Message):
        """Ctrl+L: send ``request`` (the layout fields) to the running mix recording."""

        def __init__(self, canvas: LayoutCanvas, request: dict[str, Any]) -> None:
            super().__init__()
            self.canvas = canvas
            self.request = request

    class Selected(Message):
        """The user selected another tile on the canvas (``index`` in layoutConfig)."""

        def __init__(self, canvas: LayoutCanvas, index: int) -> None:
            super().__init__()
            self.canvas = canvas
            self.index = index

    def __init__(
        self,
        draft: Draft,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.draft = draft
        self.editor = LayoutEditor()
        self.users: int | None = None  # preset preview: None follows the subscribe list
        self.strip_count = 4
        self._seen_revision = -1
        self._source = source.read({})
        self._marks = LayoutMarks()
        self._tiles_version = 0
        self._painted: _Painted | None = None
        self._drag: tuple[float, float] | None = None
        self._footer_wide = False
        self._told_selected: int | None = None
        # The running mix recording Ctrl+L updates, as the Send controller tells it.
        self.recording_sid: str | None = None
        # What Ctrl+L did (shown under the frame), as the Send controller tells it.
        self.apply_status: layout_apply.ApplyStatus | None = None
        # Scrolled out of sight (typing in a tile's fields below it), it is redrawn when
        # it comes back into view, not on every key (rec_tui/tui/widgets/on_screen.py).
        self._redraw_when_shown = WhenShown(self)

    # --- reading the draft ------------------------------------------------------------

    def refresh_from_draft(self) -> None:
        """Redraw after a change made outside the canvas (forms, import, preset)."""
        self._redraw_when_shown.run(self._redraw)

    def _redraw(self) -> None:
        self._sync()
        self._repaint_changed_rows()

    def _repaint_changed_rows(self) -> None:
        """Draw again only the rows the change altered (a moved tile's), not the canvas's
        twenty or so: each row repainted is rendered again with every widget behind it."""
        before = self._painted
        if before is None or not self.size:
            self.refresh()
            return
        after = self._paint()
        if after is before:
            return  # nothing the canvas shows changed
        if len(after.strips) != len(before.strips) or after.text_rows != before.text_rows:
            self.refresh()
            return
        width = self.size.width
        changed = [
            Region(0, row, width, 1)
            for row, (old, new) in enumerate(zip(before.strips, after.strips, strict=True))
            if old != new
        ]
        if changed:
            self.refresh(*changed)

    def _sync(self) -> None:
        if self.draft.revision == self._seen_revision:
            return
        self._seen_revision = self.draft.revision
        self._source = source.read(self.draft.body)
        if self._drag is None:
            self.editor.load(tiles_from_json(self._source.layout_config))
            self._remark(self._source.layout_config)

    def _remark(self, layout_config: object) -> None:
        self._marks = compute(self.editor.tiles, layout_config)
        self._tiles_version += 1

    @property
    def is_custom(self) -> bool:
        self._sync()
        return self._source.layout == source.CUSTOM_LAYOUT

    @property
    def marks(self) -> LayoutMarks:
        self._sync()
        return self._marks

    @property
    def preset_users(self) -> int:
        self._sync()
        return self.users if self.users is not None else self._source.default_users

    # --- writing the draft ------------------------------------------------------------

    def _commit(self, coalesce: str | None = None) -> None:
        """Write the tiles to the draft and tell the app, so every view follows
        (``coalesce``: quick repeats of one kind of edit to one tile are one undo step)."""
        config = tiles_to_json(self.editor.tiles)
        self.draft.set(
            LAYOUT_CONFIG,
            config or None,
            origin=self,
            description=LazyText(lambda: _("edit the tiles")),
            coalesce=coalesce,
        )
        self._sync()
        self._tell_selected()
        self._repaint_changed_rows()

    def _tell_selected(self) -> None:
        """Let the form follow the canvas selection (the tiles table highlights it too)."""
        selected = self.editor.selected
        if selected is not None and selected != self._told_selected:
            self._told_selected = selected
            self.post_message(self.Selected(self, selected))

    def show_selected(self, index: int) -> None:
        """Select tile ``index`` because another view did (not told back to the form)."""
        if self.editor.select(index):
            self._told_selected = index
            self.refresh()

    def _edit(self, changed: bool, repeated: str | None = None) -> None:
        # Keys pressed again and again on one tile (``repeated``: "move", "resize",
        # "alpha") add up to one edit, undone at once; anything else is a step of its own.
        if changed:
            joined = None if repeated is None else f"canvas-{repeated}:{self.editor.selected}"
            self._commit(coalesce=joined)

    def _custom_only(self) -> bool:
        if self.is_custom:
            return True
        self.notify(_(_NEEDS_CUSTOM), severity="warning")
        return False

    def _set_tiles(self, tiles: list[Tile]) -> None:
        # One undo step for the layout choice and its tiles.
        with self.draft.batch(LazyText(lambda: _("lay out the tiles")), origin=self):
            if not self.is_custom:
                self.draft.set(MIXED_LAYOUT, source.CUSTOM_LAYOUT, origin=self)
            self.editor.load(tiles)
            self.editor.selected = 0 if tiles else None
            self._commit()
        self._sync()
        self.refresh()

    # --- actions ----------------------------------------------------------------------

    def action_move(self, dx: int, dy: int, fine: bool) -> None:
        if self._custom_only():
            self._edit(self.editor.move(dx, dy, fine=fine), "move")

    def action_resize(self, dw: int, dh: int, fine: bool) -> None:
        if self._custom_only():
            self._edit(self.editor.resize(dw, dh, fine=fine), "resize")

    def action_select_next(self, delta: int) -> None:
        if self._custom_only():
            self.editor.select_next(delta)
            self._tell_selected()
            self.refresh()

    def action_select(self, number: int) -> None:
        if self._custom_only() and self.editor.select(number):
            self._tell_selected()
            self.refresh()

    def action_add(self) -> None:
        if not self._custom_only():
            return
        if not self.editor.add():
            most = _("A layout holds at most {count} tiles (R68).").format(count=MAX_TILES)
            self.notify(most, severity="warning")
            return
        self._commit()

    def action_remove(self) -> None:
        if self._custom_only():
            self._edit(self.editor.remove())

    def action_alpha(self, steps: int) -> None:
        if self._custom_only():
            self._edit(self.editor.change_alpha(steps), "alpha")

    def action_render_mode(self) -> None:
        if self._custom_only():
            self._edit(self.editor.toggle_render_mode())

    def action_uid(self) -> None:
        if not self._custom_only() or self.editor.current is None:
            return
        index = self.editor.selected or 0

        def assign(uid: str | None) -> None:
            if uid is not None and self.editor.select(index):
                self._edit(self.editor.set_uid(uid))

        self.app.push_screen(UidPrompt(index, self.editor.current.uid), assign)

    def action_templates(self) -> None:
        def apply(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.apply_template(*choice)

        # Tiles left in layoutConfig count even under a preset layout (which ignores them).
        tile_count = len(self.editor.tiles)
        self.app.push_screen(TemplateMenu(tile_count, self.strip_count), apply)

    def apply_template(self, key: str, count: int = 1) -> None:
        chosen = template(key)
        if chosen.sized:
            self.strip_count = count
        self._set_tiles(chosen.build(count))

    def action_customise(self) -> None:
        """Start a custom layout from the preset arrangement now shown."""
        if self.is_custom or self._source.layout not in presets.PRESET_NAMES:
            return
        if self.editor.tiles:
            # Never overwrite tiles silently; the template menu says what it replaces.
            self.notify(
                _(
                    "layoutConfig already holds {count} tile(s), which preset layouts ignore. "
                    "Set Layout to Custom (3) in the form to edit them, or remove them there first."
                ).format(count=len(self.editor.tiles)),
                severity="warning",
                timeout=10,
            )
            return
        tiles = [
            region(
                r.x, r.y, r.width, r.height, self._source.max_resolution_uid if r.large else None
            )
            for r in self.view().preset_regions()
            if r.user is not None
        ]
        self._set_tiles(tiles)

    def action_users(self, delta: int) -> None:
        if self.is_custom:
            return
        self.users = max(1, min(presets.MAX_USERS, self.preset_users + delta))
        self.refresh()

    def action_apply_layout(self) -> None:
        """Ctrl+L: ask for the whole layout to be sent to the running mix recording."""
        self.post_message(self.ApplyLayout(self, layout_apply.layout_request(self.draft.body)))

    def show_apply_status(self, status: layout_apply.ApplyStatus | None) -> None:
        """Show what Ctrl+L did (None: nothing to say) until the Send controller clears it."""
        if status != self.apply_status:
            self.apply_status = status
            self.refresh(layout=True)

    def show_recording(self, sid: str | None) -> None:
        """Say which running mix recording Ctrl+L updates (None: there is none)."""
        if sid != self.recording_sid:
            self.recording_sid = sid
            self.refresh()

    # --- mouse ------------------------------------------------------------------------

    def _frame(self) -> FrameCells | None:
        return self._painted.frame if self._painted else None

    def _frame_row(self, row: int) -> int:
        """A row of the widget counted from the top of the frame."""
        return row - (self._painted.header_rows if self._painted else 0)

    def tile_at(self, column: int, row: int) -> int | None:
        """The topmost tile under a cell of the widget (later tiles are drawn on top)."""
        frame = self._frame()
        if frame is None or not self.is_custom:
            return None
        fx, fy = frame.to_fraction(column, self._frame_row(row))
        for index in range(len(self.editor.tiles) - 1, -1, -1):
            tile = self.editor.tiles[index]
            if tile.x <= fx < tile.right and tile.y <= fy < tile.bottom:
                return index
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self.tile_at(event.x, event.y)
        frame = self._frame()
        if index is None or frame is None:
            return
        self.editor.select(index)
        self._tell_selected()
        fx, fy = frame.to_fraction(event.x, self._frame_row(event.y))
        tile = self.editor.tiles[index]
        self._drag = (fx - tile.x, fy - tile.y)
        self.capture_mouse()
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        frame = self._frame()
        if self._drag is None or frame is None:
            return
        fx, fy = frame.to_fraction(event.x, self._frame_row(event.y))
        # Snap to the keyboard step so dragged values stay short and reproducible.
        x = round((fx - self._drag[0]) / STEP) * STEP
        y = round((fy - self._drag[1]) / STEP) * STEP
        if self.editor.move_to(x, y):
            self._remark(tiles_to_json(self.editor.tiles))
            self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is None:
            return
        self._drag = None
        self.release_mouse()
        self._commit()

    # --- drawing ----------------------------------------------------------------------

    def view(self) -> CanvasView:
        """Everything the canvas shows, gathered from the draft and the editor."""
        self._sync()
        return CanvasView(
            self._source,
            self.editor.tiles,
            self.editor.selected,
            self._marks,
            self.preset_users,
            self.recording_sid,
            self.apply_status.line() if self.apply_status is not None else None,
        )

    def _paint(self) -> _Painted:
        view = self.view()
        width, height = self.size
        key = (
            view.recording_sid,
            view.apply_status,
            self._seen_revision,
            self._tiles_version,
            self.editor.selected,
            width,
            height,
            self.preset_users,
            self.has_focus,
        )
        if self._painted is not None and self._painted.key == key:
            return self._painted
        base = self.rich_style
        text = view.text_lines(width)
        frame_rows = max(height - text.rows, 3)
        strips, frame = paint(
            width, frame_rows, self._source.aspect, self._source.background, view.boxes(), base
        )
        status_style = base + (
            self.get_component_rich_style("layout-canvas--error")
            if (self.apply_status is not None and self.apply_status.error)
            else Style(bold=True)
        )
        strips = [
            *(_text_strip(line, width, base + Style(bold=True)) for line in text.header),
            *strips,
            *(_text_strip(line, width, status_style) for line in text.status),
            *(_text_strip(line, width, base) for line in text.footer),
        ]
        before = self._painted
        self._painted = _Painted(key, strips, frame, len(text.header), text.rows)
        if before is not None and before.text_rows != self._painted.text_rows:
            # A mark that wraps to one more line takes a row of its own, not one of the frame.
            self.refresh(layout=True)
        return self._painted

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """With ``height: auto``: just tall enough for the frame at this width.

        The frame is capped at 40% of the screen so the fields after the canvas stay in
        view; the lines of text above and under it come on top.
        """
        self._sync()
        text_rows = self.view().text_lines(width).rows
        frame_rows = round(max(width - 2, 1) / (self._source.aspect * CELL_ASPECT)) + 2
        frame_rows = max(MIN_FRAME_ROWS, min(frame_rows, viewport.height * 2 // 5 - 3))
        return text_rows + frame_rows

    def render_line(self, y: int) -> Strip:
        strips = self._paint().strips
        if 0 <= y < len(strips):
            return strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def on_resize(self, _event: events.Resize) -> None:
        self._fit_footer(self.app.size.width)
        self.refresh()

    def _fit_footer(self, terminal_width: int) -> None:
        """Show the main canvas keys in the footer only when the terminal has room."""
        wide = terminal_width >= self.WIDE_FOOTER
        if wide == self._footer_wide:
            return
        self._footer_wide = wide
        keys = self._bindings.key_to_bindings
        for key, bindings in keys.items():
            keys[key] = [
                replace(binding, show=wide) if binding.action in self.FOOTER_WHEN_WIDE else binding
                for binding in bindings
            ]
        self.refresh_bindings()

    def on_focus(self) -> None:
        # Inside a scrolling form the canvas may be below the fold when tabbed to.
        self._redraw_when_shown.flush()
        self.scroll_visible(animate=False)
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _text_strip(text: str, width: int, style: Style) -> Strip:
    # Cells, not characters: a Chinese character takes two.
    if cell_len(text) > width:
        text = set_cell_size(text, max(width - 1, 0)) + "…"
    return Strip([Segment(set_cell_size(text, width), style)], width)
