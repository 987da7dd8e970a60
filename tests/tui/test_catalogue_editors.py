"""Every declared leaf field has an editor in the wizard, or says in its declaration why not."""

from __future__ import annotations

from rec_tui.request.draft import Draft
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import MODES
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.steps import STEPS
from rec_tui.tui.widgets.field_editor import FieldEditor
from tests.support.catalogue import leaves


async def _edited_fields() -> set[tuple[str, str | None]]:
    """(declared path, service) of every field some step form has an editor for."""
    edited: set[tuple[str, str | None]] = set()
    for mode in MODES:
        app = RecTuiApp(Draft(mode=mode))
        async with app.run_test(size=(120, 50)) as pilot:
            await pilot.pause()
            for step in STEPS:
                form = await app.show_step(step.name, focus=False)
                await pilot.pause()
                for editor in form.query(FieldEditor):
                    assert jsonpath.generic(editor.path) == editor.field.path or (
                        editor.field.service is not None
                    ), editor.path
                    edited.add((editor.field.path, editor.field.service))
    return edited


async def test_every_leaf_field_has_an_editor_or_says_why_not() -> None:
    edited = await _edited_fields()
    missing = [f.path for f in leaves() if not f.headless and (f.path, f.service) not in edited]
    assert missing == [], "declared fields without an editor (add one, or headless=reason)"
    stale = [f.path for f in leaves() if f.headless and (f.path, f.service) in edited]
    assert stale == [], "headless fields that do have an editor"
