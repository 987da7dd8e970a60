"""Step 3, Transcoding & layout (mix): output video, layout, tiles and backgrounds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static, Switch

from rec_tui.layout.marks import LAYOUT_CONFIG
from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import TC
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from rec_tui.tui.widgets.object_list import ObjectListEditor

# R60: with transcodingConfig these four must be set together.
CORE_KEYS: Final = ("width", "height", "fps", "bitrate")


@dataclass(frozen=True, slots=True)
class Profile:
    width: int
    height: int
    fps: int
    bitrate: int

    @property
    def label(self) -> str:
        return f"{self.width}×{self.height}, {self.fps} fps, {self.bitrate} kbps"


# Agora's video profile table (communication bitrates; use about twice for live broadcast).
PROFILES: Final[tuple[Profile, ...]] = (
    Profile(320, 240, 15, 200),
    Profile(640, 360, 15, 400),
    Profile(640, 480, 15, 500),
    Profile(1280, 720, 15, 1130),
    Profile(1920, 1080, 15, 2080),
)


def core_defaults() -> dict[str, Any]:
    """The declared defaults of width, height, fps and bitrate (what newer docs assume)."""
    return {key: catalogue.field(f"{TC}.{key}").default for key in CORE_KEYS}


def new_tile(tiles: list[dict[str, Any]]) -> dict[str, Any]:
    """A quarter-size tile in the next free cell of a 4×4 grid."""
    cell = len(tiles) % 16
    return {
        "x_axis": (cell % 4) * 0.25,
        "y_axis": (cell // 4) * 0.25,
        "width": 0.25,
        "height": 0.25,
        "alpha": 1.0,
        "render_mode": 0,
    }


class LayoutForm(StepForm):
    STEP = "layout"
    # The layout designer (layout canvas) is mounted into this container by its module.
    CANVAS_SLOT_ID: Final = "layout-canvas-slot"
    INTRO = "The mixed video: size, frame rate, bitrate, and where each user appears."
    DEFAULT_CSS = """
    LayoutForm .toggle-row, LayoutForm .profile-row { height: auto; }
    LayoutForm .toggle-row Label, LayoutForm .profile-row Label {
        width: 26; padding: 1 1 0 0; text-align: right;
    }
    LayoutForm #profile { width: 1fr; }
    LayoutForm.-no-transcoding .transcoding { display: none; }
    LayoutForm .transcoding { height: auto; }
    LayoutForm #layout-canvas-slot { height: auto; }
    LayoutForm LayoutCanvas { height: auto; }
    """

    # What switching transcoding off took out of the body, to bring back when switched on.
    _switched_off: dict[str, Any] | None = None

    def compose_fields(self) -> ComposeResult:
        with Horizontal(classes="toggle-row"):
            yield Label("Transcoding settings")
            yield Switch(id="transcoding-on")
        with Vertical(classes="transcoding"):
            with Horizontal(classes="profile-row"):
                yield Label("Resolution profile")
                yield Select(
                    [(p.label, index) for index, p in enumerate(PROFILES)],
                    prompt="pick to fill width, height, fps, bitrate",
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
            yield Vertical(LayoutCanvas(self.draft), id=self.CANVAS_SLOT_ID)
            yield Static("Custom layout tiles (mixedVideoLayout 3)", classes="section-title")
            yield ObjectListEditor(
                catalogue.field(LAYOUT_CONFIG),
                label="Tiles",
                new_item=new_tile,
                item_noun="tile",
            )
            yield Static("Per-user backgrounds", classes="section-title")
            yield ObjectListEditor(
                catalogue.field(f"{TC}.backgroundConfig"),
                label="Backgrounds",
                item_noun="background",
            )

    def after_sync(self) -> None:
        self.query_one(LayoutCanvas).refresh_from_draft()
        enabled = isinstance(self.draft.get(TC), dict)
        set_class_if_changed(self, not enabled, "-no-transcoding")
        switch = self.query_one("#transcoding-on", Switch)
        if switch.value != enabled:
            with switch.prevent(Switch.Changed):
                switch.value = enabled
        current = tuple(self.draft.get(f"{TC}.{key}") for key in CORE_KEYS)
        matching = next(
            (
                index
                for index, p in enumerate(PROFILES)
                if (p.width, p.height, p.fps, p.bitrate) == current
            ),
            Select.NULL,
        )
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
        stashed, self._switched_off = self._switched_off, None
        self.draft.set(TC, stashed if stashed is not None else core_defaults())

    @on(LayoutCanvas.Changed)
    def _canvas_changed(self, event: LayoutCanvas.Changed) -> None:
        event.stop()
        self.rec_app.draft_changed(origin=event.canvas)

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

    @on(Switch.Changed, "#transcoding-on")
    def _toggled(self, event: Switch.Changed) -> None:
        event.stop()
        if event.value and self.draft.get(TC) is None:
            self._enable()
        elif not event.value and self.draft.get(TC) is not None:
            # Turning it off keeps the values aside; turning it on again brings them back.
            self._switched_off = self.draft.get(TC)
            self.draft.set(TC, None)
            self.notify("Transcoding settings set aside; switch them on to bring them back.")
        self.rec_app.draft_changed(origin=self)

    @on(Select.Changed, "#profile")
    def _profile(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, int):
            return
        profile = PROFILES[event.value]
        if self.draft.get(TC) is None:
            self._enable()
        for key in CORE_KEYS:
            self.draft.set(f"{TC}.{key}", getattr(profile, key))
        self.rec_app.draft_changed(origin=self)

    def focus_first(self) -> None:
        self.query_one("#transcoding-on", Switch).focus()
