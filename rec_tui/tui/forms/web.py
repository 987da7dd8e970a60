"""Step 7, Web & CDN (web): the web page recorder's settings and an optional CDN push.

Both are items of ``extensionServices`` found by ``serviceName``; an item is created when
its first value is typed, so the editors' paths follow wherever the item is in the list.
"""

from __future__ import annotations

from typing import Any, Final

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Switch

from rec_tui.i18n import N_, _
from rec_tui.request.draft import SERVICES_PATH, Draft
from rec_tui.request.services import new_service_item, service_index
from rec_tui.spec import catalogue
from rec_tui.spec.names import RTMP_PUBLISH as CDN_SERVICE
from rec_tui.spec.names import WEB_RECORDER as WEB_SERVICE
from rec_tui.tui.forms.base import Changed, StepForm
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.factory import editor_for
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.switch_state import SwitchState

_PARAM = f"{SERVICES_PATH}[].serviceParam"
WEB_KEYS: Final = (
    "url",
    "videoWidth",
    "videoHeight",
    "videoBitrate",
    "videoFps",
    "audioProfile",
    "mobile",
    "maxRecordingHour",
    "maxVideoDuration",
    "onhold",
    "readyTimeout",
)


class WebForm(StepForm):
    STEP = "web"
    INTRO = N_("Record a web page (web_recorder_service) and optionally push it to a CDN.")
    DEFAULT_CSS = """
    WebForm .toggle-row { height: auto; }
    WebForm .toggle-row Label { width: 26; padding: 0 1 0 0; text-align: right; }
    WebForm #cdn-on { border: none; height: 1; padding: 0; }
    /* A Vertical is 1fr tall: inside the scrolling form that clipped it to one line. */
    WebForm .cdn-fields { height: auto; }
    WebForm.-no-cdn .cdn-fields { display: none; }
    """

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self._service_of: dict[FieldEditor, tuple[str, str]] = {}

    def compose_fields(self) -> ComposeResult:
        for key in WEB_KEYS:
            yield self._service_editor(
                WEB_SERVICE, f"serviceParam.{key}", catalogue.field(f"{_PARAM}.{key}", WEB_SERVICE)
            )
        yield Label(_("CDN push (rtmp_publish_service)"), classes="section-title")
        with Horizontal(classes="toggle-row"):
            yield Label(_("Push to a CDN"))
            yield Switch(id="cdn-on")
            yield SwitchState(id="cdn-state")
        with Vertical(classes="cdn-fields"):
            yield self._service_editor(
                CDN_SERVICE,
                "serviceParam.outputs[0].rtmpUrl",
                catalogue.field(f"{_PARAM}.outputs[].rtmpUrl", CDN_SERVICE),
            )

    def _service_editor(self, service: str, tail: str, field: Any) -> FieldEditor:
        editor = editor_for(field, self._path(service, tail))
        self._service_of[editor] = (service, tail)
        return editor

    def _path(self, service: str, tail: str) -> str:
        index = service_index(self.draft.body, service)
        if index is None:
            items = self.draft.get(SERVICES_PATH)
            index = len(items) if isinstance(items, list) else 0
        return f"{SERVICES_PATH}[{index}].{tail}"

    def sync(self, origin: object | None = None, changed: Changed = None) -> None:
        moved = False
        for editor, (service, tail) in self._service_of.items():
            path = self._path(service, tail)
            moved = moved or path != editor.path
            editor.path = path
        # A service that moved in the list: its editors stand for other values now.
        super().sync(origin, None if moved else changed)

    def after_sync(self) -> None:
        cdn = service_index(self.draft.body, CDN_SERVICE) is not None
        set_class_if_changed(self, not cdn, "-no-cdn")
        self.query_one("#cdn-state", SwitchState).show(cdn)
        switch = self.query_one("#cdn-on", Switch)
        if switch.value != cdn:
            with switch.prevent(Switch.Changed):
                switch.value = cdn

    def _ensure(self, service: str) -> None:
        if service_index(self.draft.body, service) is None:
            items = self.draft.get(SERVICES_PATH)
            items = list(items) if isinstance(items, list) else []
            items.append(new_service_item(service))
            self.draft.set(SERVICES_PATH, items)

    def write(self, editor: FieldEditor, value: Any) -> None:
        service, tail = self._service_of.get(editor, (None, ""))
        if service is not None and value is not None:
            self._ensure(service)
            editor.path = self._path(service, tail)
        super().write(editor, value)

    @on(Switch.Changed, "#cdn-on")
    def _cdn(self, event: Switch.Changed) -> None:
        event.stop()
        index = service_index(self.draft.body, CDN_SERVICE)
        if event.value and index is None:
            # Where a CDN item switched off is held for this document (see below).
            items = self.draft.get(SERVICES_PATH)
            at = f"{SERVICES_PATH}[{len(items) if isinstance(items, list) else 0}]"
            self.draft.release(at, new_service_item(CDN_SERVICE), origin=self)
        elif not event.value and index is not None:
            # Held by the draft for this document: switching on again brings it back.
            self.draft.hold(f"{SERVICES_PATH}[{index}]", origin=self)
            self.notify(_("CDN push set aside; switch it on again to bring it back."))

    def focus_first(self) -> None:
        for editor in self.editors:
            editor.focus_input()
            return
