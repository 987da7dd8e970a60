"""Ctrl+Z / Ctrl+Y undo and redo the draft's changes, and the forms show the result."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, RadioButton

from rec_tui.request.draft import Draft
from rec_tui.spec.rules.context import FILES, SNAP
from rec_tui.tui.app import RecTuiApp
from tests.support.tui import SIZE, editor, make_app, seed_body


def _fresh_app(body: dict[str, Any]) -> RecTuiApp:
    """A wizard whose draft has no history yet (nothing to undo).

    Its clock stands still, so keystrokes join into one step however slowly the machine
    delivers them (in use, those less than a second apart do).
    """
    return RecTuiApp(Draft(body=body, clock=lambda: 0.0))


async def _append_to(pilot: Any, app: RecTuiApp, path: str, text: str) -> None:
    field = editor(app, path).query_one(Input)
    field.focus()
    await pilot.pause()
    await pilot.press("end", *text)
    await pilot.pause()


async def _press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def _notices(app: RecTuiApp) -> str:
    return "\n".join(str(notice.message) for notice in app._notifications)


def _pressed(app: RecTuiApp, radio_set_id: str) -> str | None:
    return next(
        (b.name for b in app.query_one(f"#{radio_set_id}").query(RadioButton) if b.value), None
    )


async def test_typing_a_word_is_undone_and_redone_as_one_step() -> None:
    app = _fresh_app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _append_to(pilot, app, "cname", "-after")
        assert app.draft.get("cname") == "before-after"
        field = editor(app, "cname").query_one(Input)
        assert field.has_focus

        await _press(pilot, "ctrl+z")  # the focused Input has no undo of its own
        assert app.draft.get("cname") == "before"
        assert field.value == "before"
        assert "Undone: edit Channel name" in _notices(app)

        await _press(pilot, "ctrl+y")
        assert app.draft.get("cname") == "before-after"
        assert field.value == "before-after"
        assert "Redone: edit Channel name" in _notices(app)


async def test_a_mode_switch_is_undone_and_the_session_form_shows_the_mode() -> None:
    app = make_app(seed_body("1_mix_av.json"), mode="mix")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.draft.request_body()
        app.query_one("#mode").focus()
        await _press(pilot, "right", "enter")  # mix → web
        assert app.draft.mode == "web"
        assert _pressed(app, "mode") == "web"

        await _press(pilot, "ctrl+z")
        assert app.draft.mode == "mix"
        assert app.draft.body == body
        assert _pressed(app, "mode") == "mix"
        assert "Undone: switch to web mode" in _notices(app)


async def test_a_snapshot_choice_is_undone_with_what_it_took_out() -> None:
    body = seed_body("3_individual_snapshot_plus_recording.json")
    app = make_app(body, mode="individual", step="snapshots")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        snapshots, files = app.draft.get(SNAP), app.draft.get(FILES)
        assert snapshots is not None and files is not None
        app.query_one("#snapshot-choice").focus()
        await pilot.pause()
        await _press(pilot, "up", "enter")  # plus recording → only
        assert _pressed(app, "snapshot-choice") == "only"
        assert app.draft.get(FILES) is None

        await _press(pilot, "ctrl+z")
        assert app.draft.get(SNAP) == snapshots
        assert app.draft.get(FILES) == files
        assert _pressed(app, "snapshot-choice") == "plus_recording"


async def test_undo_with_nothing_to_undo_says_so_and_changes_nothing() -> None:
    app = _fresh_app({"cname": "room", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        revision = app.draft.revision
        await _press(pilot, "ctrl+z")
        assert app.draft.revision == revision
        assert "Nothing to undo." in _notices(app)


async def test_the_palette_offers_undo_and_redo() -> None:
    from rec_tui.tui.controllers.commands import wizard_commands

    app = _fresh_app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _append_to(pilot, app, "cname", "-after")
        commands = {c.title: c for c in wizard_commands(app)}
        commands["Undo (Ctrl+Z)"].callback()
        await pilot.pause()
        assert app.draft.get("cname") == "before"
        commands["Redo (Ctrl+Y)"].callback()
        await pilot.pause()
        assert app.draft.get("cname") == "before-after"


async def test_an_undo_says_its_description_in_the_language_switched_to_since() -> None:
    from tests.tui.test_tui_chinese import choose_from_palette

    app = _fresh_app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _append_to(pilot, app, "cname", "-after")  # edited in English
        app.query_one("#mode").focus()
        await _press(pilot, "right", "enter")  # mix → web, said by the draft itself
        await choose_from_palette(pilot, "language")  # now Chinese
        app.clear_notifications()

        await _press(pilot, "ctrl+z")
        await _press(pilot, "ctrl+z")
        assert "已撤销：切换到 web 模式。" in _notices(app)
        assert "已撤销：编辑频道名（cname）。" in _notices(app)
        assert "Undone" not in _notices(app)
        await _press(pilot, "ctrl+y")
        assert "已重做：编辑频道名（cname）。" in _notices(app)

        await _append_to(pilot, app, "uid", "2")  # edited in Chinese
        await choose_from_palette(pilot, "language")  # back to English
        app.clear_notifications()
        await _press(pilot, "ctrl+z")
        assert _notices(app) == "Undone: edit Recorder UID."


async def test_an_undone_fix_is_described_in_the_language_switched_to_since() -> None:
    from tests.tui.test_editing_keys import _app as customer_app
    from tests.tui.test_tui_chinese import choose_from_palette

    app = customer_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _press(pilot, "f5")  # the problems list, first problem highlighted
        chosen = app.selected_problem()
        assert chosen is not None and chosen.fix is not None
        await _press(pilot, "f8")  # offered and applied in English
        assert chosen.fix.description.startswith("Write ")
        await choose_from_palette(pilot, "language")  # now Chinese
        app.clear_notifications()
        await _press(pilot, "ctrl+z")
        assert _notices(app).startswith("已撤销：修复：")
        assert "Write" not in _notices(app)


async def test_undo_and_redo_put_the_focus_on_the_field_they_changed() -> None:
    app = _fresh_app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _append_to(pilot, app, "cname", "-after")
        cname = editor(app, "cname").query_one(Input)
        uid = editor(app, "uid").query_one(Input)
        await _press(pilot, "tab")  # on to the next field
        assert app.focused is uid

        await _press(pilot, "ctrl+z")
        assert app.focused is cname and cname.value == "before"
        assert "Undone: edit Channel name" in _notices(app)

        uid.focus()
        await _press(pilot, "ctrl+y")
        assert app.focused is cname and cname.value == "before-after"


async def test_undoing_a_change_on_another_step_leaves_the_focus_where_it_is() -> None:
    app = _fresh_app({"cname": "before", "uid": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _append_to(pilot, app, "cname", "-after")
        await _press(pilot, "f3")  # the next step, its first field focused
        focused = app.focused
        assert app.current_step != "session" and focused is not None

        await _press(pilot, "ctrl+z")
        assert app.draft.get("cname") == "before"
        assert app.focused is focused
        assert "Undone: edit Channel name" in _notices(app)


async def test_undoing_a_tiles_move_on_the_canvas_keeps_the_canvas_focused() -> None:
    from rec_tui.layout.marks import LAYOUT_CONFIG
    from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
    from tests.support.layout_host import MIX_BODY

    app = make_app(MIX_BODY, step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        canvas = app.query_one(LayoutCanvas)
        canvas.focus()
        tiles = app.draft.get(LAYOUT_CONFIG)
        await _press(pilot, "right")
        assert app.draft.get(LAYOUT_CONFIG) != tiles

        await _press(pilot, "ctrl+z")
        assert app.draft.get(LAYOUT_CONFIG) == tiles
        assert app.focused is canvas  # the arrows go on moving tiles
