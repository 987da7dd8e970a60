"""After an edit, the step's form loads again only the editors of the values it touched;
every other way the draft changes still reaches every editor."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from textual.widgets import Input, Select

from rec_tui.request.applicability import SERVICES_PATH
from rec_tui.spec.rules.context import STORAGE
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.forms.base import touched
from rec_tui.tui.widgets.field_editor import FieldEditor
from tests.support.layout_host import MIX_BODY
from tests.support.tui import SIZE, editor, focus_at_the_end, make_app

TC = "clientRequest.recordingConfig.transcodingConfig"
TILES = f"{TC}.layoutConfig"
URL = "https://example.com/room"


@pytest.mark.parametrize(
    ("path", "changed", "expected"),
    [
        ("a.b", ("a.b",), True),
        ("a.b", ("a.b.c",), True),  # a value inside it
        ("a.b", ("a",), True),  # the object around it
        ("a.b", ("",), True),  # the whole body
        ("a.list", ("a.list[2]",), True),
        ("a.list[2].x", ("a.list",), True),
        ("a.list[2].x", ("z", "a.list[2]"), True),
        ("a.b", ("a.bc",), False),
        ("a.b", ("a.c",), False),
        ("a.list[1].x", ("a.list[2]",), False),
        ("a.list[1].x", ("a.list[1].y",), False),
    ],
)
def test_which_editors_a_change_touches(
    path: str, changed: tuple[str, ...], expected: bool
) -> None:
    assert touched(path, changed) is expected


def _record_loads(app: RecTuiApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loaded: list[str] = []
    for each in app.query(FieldEditor):

        def load(value: Any, each: FieldEditor = each, original: Any = each.load) -> None:
            loaded.append(each.path)
            original(value)

        monkeypatch.setattr(each, "load", load)
    return loaded


async def test_a_key_in_a_tile_s_uid_loads_only_the_tile_list_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        loaded = _record_loads(app, monkeypatch)
        focus_at_the_end(app, f"{TILES}[0].uid")
        await pilot.press("7")
        await pilot.pause()
        assert app.draft.get(f"{TILES}[0].uid") == "1017"
        # The tile list shows the uid in its table; the step's other editors (canvas size,
        # background, the other tiles' values) were not loaded again.
        assert TILES in loaded
        assert all(path.startswith(TILES) for path in loaded), loaded


async def _shown_by_editor(pilot: Any, app: RecTuiApp, path: str) -> str:
    """What the field of ``path`` shows once in view (off screen it catches up then)."""
    field = editor(app, path).query_one(Input)
    field.focus()
    await pilot.pause()
    return field.value


async def test_a_value_changed_from_outside_the_form_is_shown_by_its_editor() -> None:
    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focus_at_the_end(app, f"{TILES}[0].uid")
        # As a fix, the palette or the canvas change values: through the draft.
        app.draft.set(f"{TC}.bitrate", 2000)
        app.draft.set(f"{TILES}[0].x_axis", 0.1)
        await pilot.pause()
        assert await _shown_by_editor(pilot, app, f"{TC}.bitrate") == "2000"
        assert await _shown_by_editor(pilot, app, f"{TILES}[0].x_axis") == "0.1"
        app.draft.replace_body(copy.deepcopy(MIX_BODY))
        await pilot.pause()
        assert await _shown_by_editor(pilot, app, f"{TC}.bitrate") == "1130"
        assert await _shown_by_editor(pilot, app, f"{TILES}[0].x_axis") == "0.0"


async def test_another_vendor_still_shows_the_region_the_draft_keeps() -> None:
    app = make_app(step="storage")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.draft.set(f"{STORAGE}.vendor", 1)
        app.draft.set(f"{STORAGE}.region", 0)
        await pilot.pause()
        # The region list is made again for the new vendor; the region is not edited.
        app.draft.set(f"{STORAGE}.vendor", 2)
        await pilot.pause()
        assert app.draft.get(f"{STORAGE}.region") == 0
        assert editor(app, f"{STORAGE}.region").query_one(Select).value == 0


async def test_a_web_service_found_at_another_place_shows_its_values() -> None:
    body = {
        "cname": "demo",
        "uid": "527841",
        "clientRequest": {
            "extensionServiceConfig": {
                "extensionServices": [
                    {"serviceName": "web_recorder_servic", "serviceParam": {"url": URL}}
                ]
            }
        },
    }
    app = make_app(body, mode="web", step="web")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # A misspelt service is not the web recorder: its fields stand for a new item.
        assert await _shown_by_editor(pilot, app, f"{SERVICES_PATH}[1].serviceParam.url") == ""
        app.draft.set(f"{SERVICES_PATH}[0].serviceName", "web_recorder_service")
        await pilot.pause()
        assert await _shown_by_editor(pilot, app, f"{SERVICES_PATH}[0].serviceParam.url") == URL
