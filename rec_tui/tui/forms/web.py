"""Step 7, Web & CDN (web): the web page recorder's settings and an optional CDN push.

Both are items of ``extensionServices`` found by ``serviceName``; an item is created when
its first value is typed, so the editors' paths follow wherever the item is in the list.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Switch

from rec_tui.request.draft import SERVICES_PATH
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.names import RTMP_PUBLISH as CDN_SERVICE
from rec_tui.spec.names import WEB_RECORDER as WEB_SERVICE
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.css_classes import set_class_if_changed
from rec_tui.tui.widgets.factory import editor_for
from rec_tui.tui.widgets.field_editor import FieldEditor

_PARAM = f"{SERVICES_PATH}[].serviceParam"
# The seed's examples: the page recorder aborts on error, the CDN push carries on without it.
NEW_ITEMS: Final[dict[str, dict[str, Any]]] = {
    WEB_SERVICE: {
        "serviceName": WEB_SERVICE,
        "errorHandlePolicy": "error_abort",
        "serviceParam": {},
    },
    CDN_SERVICE: {
        "serviceName": CDN_SERVICE,
        "errorHandlePolicy": "error_ignore",
        "serviceParam": {"outputs": [{}]},
    },
}
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


def service_index(body: dict[str, Any], service: str) -> int | None:
    items = jsonpath.get(body, SERVICES_PATH)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("serviceName") == service:
                return index
    return None


class WebForm(StepForm):
    STEP = "web"
    INTRO = "Record a web page (web_recorder_service) and optionally push it to a CDN."
    DEFAULT_CSS = """
    WebForm .toggle-row { height: auto; }
    WebForm .toggle-row Label { width: 24; padding: 1 1 0 0; text-align: right; }
    /* A Vertical is 1fr tall: inside the scrolling form that clipped it to one line. */
    WebForm .cdn-fields { height: auto; }
    WebForm.-no-cdn .cdn-fields { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._service_of: dict[FieldEditor, tuple[str, str]] = {}

    def compose_fields(self) -> ComposeResult:
        for key in WEB_KEYS:
            yield self._service_editor(
                WEB_SERVICE, f"serviceParam.{key}", catalogue.field(f"{_PARAM}.{key}", WEB_SERVICE)
            )
        yield Label("CDN push (rtmp_publish_service)", classes="section-title")
        with Horizontal(classes="toggle-row"):
            yield Label("Push to a CDN")
            yield Switch(id="cdn-on")
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

    def sync(self, origin: object | None = None) -> None:
        for editor, (service, tail) in self._service_of.items():
            editor.path = self._path(service, tail)
        super().sync(origin)

    def after_sync(self) -> None:
        cdn = service_index(self.draft.body, CDN_SERVICE) is not None
        set_class_if_changed(self, not cdn, "-no-cdn")
        switch = self.query_one("#cdn-on", Switch)
        if switch.value != cdn:
            with switch.prevent(Switch.Changed):
                switch.value = cdn

    def _ensure(self, service: str) -> None:
        if service_index(self.draft.body, service) is None:
            items = self.draft.get(SERVICES_PATH)
            items = list(items) if isinstance(items, list) else []
            items.append(copy.deepcopy(NEW_ITEMS[service]))
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
            self._ensure(CDN_SERVICE)
        elif not event.value and index is not None:
            self._kept_cdn = self.draft.get(f"{SERVICES_PATH}[{index}]")
            self.draft.set(f"{SERVICES_PATH}[{index}]", None)
            self.notify("CDN push set aside; switch it on again to bring it back.")
        if event.value and self._kept_cdn is not None:
            index = service_index(self.draft.body, CDN_SERVICE)
            self.draft.set(f"{SERVICES_PATH}[{index}]", self._kept_cdn)
            self._kept_cdn = None
        self.rec_app.draft_changed(origin=self)

    _kept_cdn: Any = None

    def focus_first(self) -> None:
        for editor in self.editors:
            editor.focus_input()
            return
