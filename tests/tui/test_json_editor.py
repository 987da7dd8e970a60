"""The JSON editor, hosted alone in a small app and driven by keys."""

from __future__ import annotations

import copy
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot

from rec_tui.request.draft import APP_ID, Draft
from rec_tui.request.redact import MASK
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.widgets.json_editor import JsonEditor

SECRET_TOKEN = "007eJxTYDQ-the-real-token"
SECRET_KEY = "SK-customer-secret-0001"
SECRET_KEY_PATH = "clientRequest.storageConfig.secretKey"
BODY: dict[str, Any] = {
    "cname": "demo",
    "uid": 527841,
    "clientRequest": {
        "token": SECRET_TOKEN,
        "recordingConfig": {"channelType": 0, "subscribeAudioUids": ["101", "102"]},
        "recordingFileConfig": {"avFileType": ["hls"]},
        "storageConfig": {
            "vendor": 2,
            "region": 3,
            "bucket": "recordings",
            "accessKey": "AK-customer-0001",
            "secretKey": SECRET_KEY,
        },
    },
}


class EditorHost(App[None]):
    """The editor filling the screen; F7 asks it whether it may close, like the wizard."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f7", "leave", "Leave the editor")]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        self.left: list[bool] = []

    def compose(self) -> ComposeResult:
        yield JsonEditor(self.draft, id="editor")

    def on_mount(self) -> None:
        self.editor.text_area.focus()

    @property
    def editor(self) -> JsonEditor:
        return self.query_one(JsonEditor)

    @work
    async def action_leave(self) -> None:
        self.left.append(await self.editor.can_leave())


def _draft(body: dict[str, Any] | None = None) -> Draft:
    return Draft(mode="mix", body=copy.deepcopy(body or BODY), app_id="app-1")


async def _until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition`` holds (the check waits for a typing pause)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the editor never got there")


def _row_of(editor: JsonEditor, needle: str) -> int:
    return next(n for n, line in enumerate(editor.text.splitlines()) if needle in line)


async def _go_to(pilot: Pilot[Any], editor: JsonEditor, path: str) -> None:
    editor.goto_path(path)
    await pilot.pause()


async def test_the_body_is_shown_with_secrets_masked_and_problems_marked() -> None:
    app = EditorHost(_draft())
    async with app.run_test() as pilot:
        await pilot.pause()
        editor = app.editor
        assert SECRET_TOKEN not in editor.text and SECRET_KEY not in editor.text
        assert editor.text.count(MASK) == 3
        # "uid" is a number where a UID string is required: an error on its line.
        assert editor.text_area.marks[_row_of(editor, '"uid"')] == "✗"
        assert "Valid JSON" in editor.status and "error" in editor.status


async def test_typing_valid_json_becomes_the_body_and_clears_the_mark() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "uid")
        uid_row = _row_of(editor, '"uid"')
        await pilot.press('"', "end", "left", '"')
        await _until(pilot, lambda: draft.get("uid") == "527841")
        assert uid_row not in editor.text_area.marks
        # The masked secrets were left alone: the draft keeps them.
        assert draft.get("clientRequest.token") == SECRET_TOKEN
        assert draft.get("clientRequest.storageConfig.secretKey") == SECRET_KEY


async def test_invalid_text_is_kept_and_says_where_while_the_draft_keeps_the_last_body() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("end", "backspace")  # the comma after "demo"
        await _until(pilot, lambda: editor.error is not None)
        row = _row_of(editor, '"uid"')
        assert f"line {row + 1}, column 3" in editor.status
        assert "comma" in editor.status and "keeps the last valid body" in editor.status
        assert editor.text_area.marks == {row: "✗"}
        assert draft.body == BODY
        assert '"cname": "demo"\n' in editor.text
        await pilot.press(",")
        await _until(pilot, lambda: editor.error is None)
        assert "Valid JSON" in editor.status


async def test_a_problem_found_by_path_puts_the_cursor_on_its_value() -> None:
    app = EditorHost(_draft())
    async with app.run_test() as pilot:
        editor = app.editor
        assert editor.goto_path("clientRequest.storageConfig.bucket")
        await pilot.pause()
        row, column = editor.text_area.cursor_location
        line = editor.text.splitlines()[row]
        assert line[column:].startswith('"recordings"')


async def test_the_status_spells_out_the_problems_of_the_cursors_line() -> None:
    app = EditorHost(_draft())
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        assert "must be sent as a string" not in editor.status
        await pilot.press("down")
        await pilot.pause()
        assert "✗ uid: uid must be sent as a string" in editor.status


async def test_editing_a_masked_secret_replaces_it_and_never_writes_the_bullets() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "clientRequest.storageConfig.secretKey")
        await pilot.press("shift+end", "backspace", *'"NEW-SECRET"')
        await _until(
            pilot, lambda: draft.get("clientRequest.storageConfig.secretKey") != SECRET_KEY
        )
        assert draft.get("clientRequest.storageConfig.secretKey") == "NEW-SECRET"
        # Deleting some of the bullets of another secret is refused, not sent.
        await _go_to(pilot, editor, "clientRequest.token")
        await pilot.press("right", "delete", "delete")
        await _until(pilot, lambda: editor.error is not None)
        assert "bullets" in editor.status
        assert draft.get("clientRequest.token") == SECRET_TOKEN


async def test_a_secret_typed_in_clear_is_masked_when_the_text_is_left() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "clientRequest.token")
        await pilot.press("shift+end", "backspace", *'"typed-in-clear",')
        await _until(pilot, lambda: draft.get("clientRequest.token") == "typed-in-clear")
        app.set_focus(None)
        await pilot.pause()
        assert "typed-in-clear" not in editor.text
        assert draft.get("clientRequest.token") == "typed-in-clear"


async def test_a_change_made_elsewhere_reloads_the_text_on_the_same_line() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "clientRequest.storageConfig.bucket")
        row = editor.text_area.cursor_location[0]
        draft.set("cname", "from-a-form")  # what a form does
        await pilot.pause()
        assert '"cname": "from-a-form"' in editor.text
        assert editor.text_area.cursor_location[0] == row
        # A change outside the body (the App ID) leaves the person's layout alone.
        await pilot.press("end", "space", "space")
        await _until(pilot, lambda: editor.text.count("  \n") == 1)
        draft.set(APP_ID, "other-app")
        await pilot.pause()
        assert editor.text.count("  \n") == 1


async def test_text_that_does_not_parse_survives_a_change_made_elsewhere() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("x")
        await _until(pilot, lambda: editor.error is not None)
        typed = editor.text
        draft.set(APP_ID, "x")
        draft.set("uid", "1")
        await pilot.pause()
        assert editor.text == typed
        assert "changed elsewhere" in editor.status


async def test_undo_and_redo_go_through_the_draft() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("right", *"abc")
        await _until(pilot, lambda: draft.get("cname") == "abcdemo")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert draft.get("cname") == "demo" and '"cname": "demo"' in editor.text
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert draft.get("cname") == "abcdemo" and '"cname": "abcdemo"' in editor.text


async def test_undo_with_unparseable_text_drops_only_the_typing_since_it_last_parsed() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("right", "x")
        await _until(pilot, lambda: draft.get("cname") == "xdemo")
        await pilot.press("end", "x")
        await pilot.press("ctrl+z")  # before the pause: the broken text is checked first
        await pilot.pause()
        assert editor.error is None and '"cname": "xdemo"' in editor.text
        assert draft.get("cname") == "xdemo"


async def test_leaving_with_unparseable_text_asks_keep_editing_by_default() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("x", "f7")  # F7 is the wizard's, not TextArea's "select all"
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("enter")
        await _until(pilot, lambda: app.left == [False])
        assert "x" in editor.text and editor.error is not None
        await pilot.press("f7")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("tab", "enter")
        await _until(pilot, lambda: app.left == [False, True])
        assert editor.error is None and '"cname": "demo"' in editor.text
        assert draft.body == BODY


async def test_leaving_valid_text_needs_no_question() -> None:
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        editor = app.editor
        await _go_to(pilot, editor, "cname")
        await pilot.press("right", "z", "f7")  # before the typing pause: checked on leaving
        await _until(pilot, lambda: app.left == [True])
        assert draft.get("cname") == "zdemo"


def _editor_script(tmp_path: Path, body: str) -> Path:
    """An $EDITOR that records what it was given (and its mode), then edits the file."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, pathlib, stat, sys\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        f"seen = pathlib.Path({str(tmp_path / 'seen')!r})\n"
        "seen.write_text(path.read_text(encoding='utf-8'), encoding='utf-8')\n"
        f"(seen.parent / 'mode').write_text(oct(stat.S_IMODE(path.stat().st_mode)))\n"
        f"(seen.parent / 'path').write_text(str(path))\n"
        "text = path.read_text(encoding='utf-8')\n"
        f"path.write_text({body}, encoding='utf-8')\n",
        encoding="utf-8",
    )
    script.chmod(0o700)
    return script


async def test_ctrl_x_hands_the_masked_body_to_the_editor_and_takes_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _editor_script(tmp_path, "text.replace('\"demo\"', '\"edited\"')")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+x")
        await _until(pilot, lambda: draft.get("cname") == "edited")
        seen = (tmp_path / "seen").read_text(encoding="utf-8")
        assert SECRET_TOKEN not in seen and SECRET_KEY not in seen and MASK in seen
        assert (tmp_path / "mode").read_text() == "0o600"
        assert not Path((tmp_path / "path").read_text()).exists()
        # The masks came back as the secrets they stand for.
        assert draft.get("clientRequest.token") == SECRET_TOKEN
        assert '"cname": "edited"' in app.editor.text


async def test_visual_wins_over_editor_and_broken_json_from_it_is_kept_with_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _editor_script(tmp_path, "text.replace('\"demo\",', '\"demo\"')")
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+x")
        await _until(pilot, lambda: app.editor.error is not None)
        assert "comma" in app.editor.status
        assert '"cname": "demo"\n' in app.editor.text
        assert draft.body == BODY


async def test_without_an_editor_setting_it_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = EditorHost(_draft())
    async with app.run_test() as pilot:
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert any("$EDITOR" in str(n.message) for n in app._notifications)


async def test_an_editor_that_fails_leaves_the_body_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = tmp_path / "failing-editor"
    failing.write_text("#!/bin/sh\necho '{}' > \"$1\"\nexit 3\n", encoding="utf-8")
    failing.chmod(stat.S_IRWXU)
    monkeypatch.setenv("VISUAL", str(failing))
    draft = _draft()
    app = EditorHost(draft)
    async with app.run_test() as pilot:
        text = app.editor.text
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert app.editor.text == text and draft.body == BODY
        assert any("status 3" in str(n.message) for n in app._notifications)


async def _on_a_problem(pilot: Pilot[Any]) -> None:
    assert isinstance(pilot.app, EditorHost)
    await _go_to(pilot, pilot.app.editor, "uid")


async def _broken(pilot: Pilot[Any]) -> None:
    assert isinstance(pilot.app, EditorHost)
    editor = pilot.app.editor
    await _go_to(pilot, editor, "cname")
    await pilot.press("end", "backspace")
    await _until(pilot, lambda: editor.error is not None)


async def _leaving_broken(pilot: Pilot[Any]) -> None:
    await _broken(pilot)
    await pilot.press("f7")
    await _until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))


SCENES = {"gutter_marks": _on_a_problem, "invalid": _broken, "leaving": _leaving_broken}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", list(SCENES))
def test_snapshot(snap_compare: Any, scene: str, size: tuple[int, int]) -> None:
    assert snap_compare(EditorHost(_draft()), terminal_size=size, run_before=SCENES[scene])
