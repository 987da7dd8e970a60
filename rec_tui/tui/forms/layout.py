"""Step 3, Transcoding & layout (mix): output video, layout, tiles and backgrounds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static, Switch

from rec_tui.i18n import N_, LazyText, _
from rec_tui.layout.edit import new_tile as next_tile
from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.layout.video_profiles import CORE_KEYS, PROFILES, core_defaults, profile_index
from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import TC
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.factory import editor_for
from rec_tui.tui.widgets.field_editor import FieldEditor, covers
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.object_list import ObjectListEditor
from rec_tui.tui.widgets.switch_state import SwitchState


def new_tile(tiles: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The table's new tile: the canvas's (one policy), None once the layout is full."""
    tile = next_tile(len(tiles))
    return tile.to_json() if tile is not None else None


class LayoutForm(StepForm):
    STEP = "layout"
    # The layout designer (layout canvas) is mounted into this container by its module.
    CANVAS_SLOT_ID: Final = "layout-canvas-slot"
    INTRO = N_("The mixed video: size, frame rate, bitrate, and where each user appears.")
    DEFAULT_CSS = """
    LayoutForm .toggle-row, LayoutForm .profile-row { height: auto; }
    LayoutForm .toggle-row Label, LayoutForm .profile-row Label {
        width: 26; padding: 0 1 0 0; text-align: right;
    }
    LayoutForm #transcoding-on { border: none; height: 1; padding: 0; }
    LayoutForm #profile { width: 1fr; }
    LayoutForm.-no-transcoding .transcoding { display: none; }
    LayoutForm .transcoding { height: auto; }
    LayoutForm #layout-canvas-slot { height: auto; margin: 0 0 1 0; }
    LayoutForm LayoutCanvas { height: auto; }
    """

    def compose_fields(self) -> ComposeResult:
        with Horizontal(classes="toggle-row"):
            yield Label(_("Transcoding settings"))
            yield Switch(id="transcoding-on")
            yield SwitchState(id="transcoding-state")
        with Vertical(classes="transcoding"):
            # The designer first: on entry it is in view, the fields follow (issue 12).
            yield Vertical(LayoutCanvas(self.draft), id=self.CANVAS_SLOT_ID)
            with Horizontal(classes="profile-row"):
                yield Label(_("Resolution profile"))
                yield Select(
                    [(p.label, index) for index, p in enumerate(PROFILES)],
                    prompt=_("pick to fill width, height, fps, bitrate"),
                    compact=True,
                    id="profile",
                )
            yield from self.editors_for(f"{TC}.{key}" for key in CORE_KEYS)
            yield from self.editors_for(
                f"{TC}.{key}"
                for key in (
                    "mixedVideoLayout",
                    "maxResolutionUid",
                    "backgroundColor",
                    "backgroundImage",
                    "defaultUserBackgroundImage",
                )
            )
            yield Static(_("Custom layout tiles (mixedVideoLayout 3)"), classes="section-title")
            yield ObjectListEditor(
                catalogue.field(LAYOUT_CONFIG),
                make_editor=editor_for,
                label=_("Tiles"),
                new_item=new_tile,
                add_label=_("Add tile"),
                no_more=N_("No more tiles: at most {limit} fit here."),
                item_title=N_("Tile [{index}] ({count} in the list)"),
            )
            yield Static(_("Per-user backgrounds"), classes="section-title")
            yield ObjectListEditor(
                catalogue.field(f"{TC}.backgroundConfig"),
                make_editor=editor_for,
                label=_("Backgrounds"),
                add_label=_("Add background"),
                no_more=N_("No more backgrounds: at most {limit} fit here."),
                item_title=N_("Background [{index}] ({count} in the list)"),
            )

    def after_sync(self) -> None:
        self.query_one(LayoutCanvas).refresh_from_draft()
        enabled = isinstance(self.draft.get(TC), dict)
        set_class_if_changed(self, not enabled, "-no-transcoding")

        self.query_one("#transcoding-state", SwitchState).show(enabled)
        switch = self.query_one("#transcoding-on", Switch)
        if switch.value != enabled:
            with switch.prevent(Switch.Changed):
                switch.value = enabled
        current = tuple(self.draft.get(f"{TC}.{key}") for key in CORE_KEYS)
        found = profile_index(current)
        matching = Select.NULL if found is None else found
        select = self.query_one("#profile", Select)
        if select.value != matching:
            with select.prevent(Select.Changed):
                select.value = matching

    def write(self, editor: FieldEditor, value: Any) -> None:
        # R60: the first value typed into an absent transcodingConfig brings the other
        # required values with it, pre-filled with their defaults.
        if value is not None and self.draft.get(TC) is None:
            self._enable()
        super().write(editor, value)

    def _enable(self) -> None:
        # What switching off held for this document comes back; else the defaults.
        self.draft.release(TC, core_defaults(), origin=self)

    def _tiles(self) -> ObjectListEditor:
        return next(e for e in self.query(ObjectListEditor) if e.path == LAYOUT_CONFIG)

    @on(LayoutCanvas.Selected)
    def _canvas_selected(self, event: LayoutCanvas.Selected) -> None:
        event.stop()
        self._tiles().select(event.index)

    @on(ObjectListEditor.ItemSelected)
    def _table_selected(self, event: ObjectListEditor.ItemSelected) -> None:
        event.stop()
        if event.editor.path == LAYOUT_CONFIG:
            self.query_one(LayoutCanvas).show_selected(event.index)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A field hidden with the transcoding settings (the app's first focus goes to the
        # canvas): the keys go to the switch that brings them back instead.
        hidden = self.has_class("-no-transcoding") and any(
            node.has_class("transcoding") for node in event.widget.ancestors
        )
        if hidden:
            self.query_one("#transcoding-on", Switch).focus()

    @on(Switch.Changed, "#transcoding-on")
    def _toggled(self, event: Switch.Changed) -> None:
        event.stop()
        if event.value and self.draft.get(TC) is None:
            self._enable()
        elif not event.value and self.draft.get(TC) is not None:
            # Held by the draft for this document; turning it on again brings them back.
            self.draft.hold(TC, origin=self)
            self.notify(_("Transcoding settings set aside; switch them on to bring them back."))

    @on(Select.Changed, "#profile")
    def _profile(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, int):
            return
        profile = PROFILES[event.value]
        said = LazyText(lambda: _("use the {profile} profile").format(profile=profile.label))
        with self.draft.batch(said, origin=self):
            if self.draft.get(TC) is None:
                self._enable()
            for key, value in zip(CORE_KEYS, profile.values(), strict=True):
                self.draft.set(f"{TC}.{key}", value)

    def focus_changed(self, paths: Iterable[str]) -> bool:
        # Undoing a tile's move on the canvas: the canvas shows it, and the arrows the user
        # was pressing must keep working there, not move to the tiles' table.
        canvas = self.query_one(LayoutCanvas)
        if canvas.has_focus and all(
            any(covers(mine, path) for mine in canvas.EDITS) for path in paths
        ):
            return True
        return super().focus_changed(paths)

    def focus_first(self) -> None:
        # The designer when there is a layout to design; else the switch that makes one.
        if isinstance(self.draft.get(TC), dict):
            self.query_one(LayoutCanvas).focus()
        else:
            self.query_one("#transcoding-on", Switch).focus()
