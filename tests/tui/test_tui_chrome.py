"""The wizard's chrome: the secrets status line, the footer, the preview's request line."""

from __future__ import annotations

import io
import textwrap
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Label, Static

from rec_tui.store import secrets
from rec_tui.store.secrets import KeyringStore, OpenedStore
from rec_tui.tui.screens.keys_help import KeysHelpScreen
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.keys_footer import KeysFooter
from rec_tui.tui.widgets.preview import JsonView, Preview
from rec_tui.tui.widgets.secrets_status import OPENING, SecretsStatus
from tests.support.keyring_service import no_keyring
from tests.support.tui import SIZE, make_app, seed_body

__all__ = ["no_keyring"]  # a fixture, used by name


def status_text(app: Any) -> str:
    return str(app.query_one(SecretsStatus).render())


@pytest.mark.usefixtures("no_keyring")
async def test_the_status_line_says_secrets_stay_in_memory_without_a_keyring() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Not probed for the first screen: the line says when it will be.
        assert status_text(app) == OPENING
        assert app.files._opened_store is None
        await pilot.press("ctrl+s")  # saving a preset needs the secret store
        await pilot.pause()
        assert status_text(app) == "Secrets: memory only, not saved (no usable keyring)"
        assert app.screen_stack[0].query_one(SecretsStatus).has_class("-memory-only")


class _AnsweringBackend:
    name = "SecretService Keyring"

    def get_password(self, service: str, entry: str) -> str | None:
        return None


async def test_the_status_line_names_the_keyring_backend_once_it_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = OpenedStore(KeyringStore(_AnsweringBackend()), None)
    monkeypatch.setattr(secrets, "open_store", lambda: opened)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert status_text(app) == OPENING
        await pilot.press("ctrl+o")  # opening a preset reads its secrets from the store
        await pilot.pause()
        assert status_text(app) == "Secrets: OS keyring (SecretService Keyring)"
        assert not app.query_one(SecretsStatus).has_class("-memory-only")
        assert app.files.status_line == status_text(app)


# --- the footer ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_shows_the_essential_keys_uncut(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        *shown, palette = footer.drawn
        assert palette.shown.key == "ctrl+p" and palette.whole and palette.end < size[0]
        assert {k.shown.description for k in shown} >= {
            "Help",
            "Prev",
            "Next",
            "Keys",
            "Save",
            "Open",
            "Send",
            "Quit",
        }
        for key in shown:
            assert key.whole and key.end <= palette.start, f"{key.shown.description} is cut off"


async def test_keys_left_out_of_the_footer_are_in_the_keys_help() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = {k.description for k in app.query_one(KeysFooter).keys}
        assert "Import" not in footer and "Preview" not in footer
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one(Static).content)
        text = console.export_text()
        for key, action in (("F6", "Import"), ("F4", "Preview"), ("Ctrl+E", "Export")):
            assert key in text and action in text
        assert "Previous step" in text


async def test_the_keys_help_says_what_the_marks_on_fields_and_problems_mean() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cname = next(editor for editor in app.query(FieldEditor) if editor.path == "cname")
        label = str(cname.query_one(Label).render())
        await pilot.press("f10")
        await pilot.pause()
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#keys-marks", Static).content)
        text = console.export_text()
    assert label.endswith(" *")
    assert "* " in text and "required in this mode" in text and "◦ " in text
    assert "[F8 fix]" in text and "F8" in text


# --- the preview's header and scrolling ------------------------------------------------


async def test_the_preview_header_is_one_compact_request_line() -> None:
    app = make_app(seed_body("1_mix_av.json"), app_id="d0f3b9ff0b9f4a35a9e9d6e8b8c1a2f4")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.query_one("#preview-request", Static)
        assert str(header.render()) == "POST …/mode/mix/start  (sandbox)"
        assert header.region.height == 1
        app.draft.set("session.endpoint", "global")
        await pilot.pause()
        assert str(header.render()) == "POST …/mode/mix/start  (api.agora.io)"


def _visible_lines(app: Any) -> range:
    view = app.query_one("#preview-body", JsonView)
    top = int(view.scroll_offset.y)
    return range(top, top + view.scrollable_content_region.height)


async def test_switching_step_scrolls_the_preview_to_that_part_of_the_body() -> None:
    app = make_app(seed_body("1_mix_av.json"))
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        preview = app.query_one(Preview)
        storage = preview.line_of_section(("clientRequest.storageConfig",))
        assert storage not in _visible_lines(app)  # the body is longer than the pane
        await app.show_step("storage")
        await pilot.pause()
        assert storage in _visible_lines(app)
        await app.show_step("session")
        await pilot.pause()
        assert 0 in _visible_lines(app)


async def test_the_preview_follows_the_field_focused_and_the_value_changed() -> None:
    app = make_app(seed_body("1_mix_av.json"))
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        preview = app.query_one(Preview)
        view = app.query_one("#preview-body", JsonView)
        cname = preview.line_of_section(("cname",))
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert cname not in _visible_lines(app)
        for _ in range(10):
            focused = app.focused
            if focused and any(getattr(n, "path", None) == "cname" for n in focused.ancestors):
                break
            await pilot.press("tab")
        await pilot.pause()
        assert cname in _visible_lines(app)
        # A change made elsewhere (a tile moved on the canvas) brings its line into view.
        bucket = "clientRequest.storageConfig.bucket"
        line = preview.line_of_section((bucket,))
        assert line not in _visible_lines(app)
        app.draft.set(bucket, "moved-here")
        await pilot.pause()
        assert line in _visible_lines(app)
        # A line in view already stays where it is.
        top = view.scroll_offset.y
        app.draft.set(bucket, "moved-again")
        await pilot.pause()
        assert view.scroll_offset.y == top


async def test_opening_at_a_step_scrolls_the_preview_to_that_part() -> None:
    app = make_app(seed_body("1_mix_av.json"), step="storage")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        storage = app.query_one(Preview).line_of_section(("clientRequest.storageConfig",))
        assert storage > 20 and storage in _visible_lines(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_whole_status_line_fits(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = OpenedStore(KeyringStore(_AnsweringBackend()), None)
    monkeypatch.setattr(secrets, "open_store", lambda: opened)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for _ in ("before the keyring is opened", "once it is"):
            await pilot.pause()
            status = app.query_one(SecretsStatus)
            region = status.content_region
            wrapped = textwrap.wrap(status_text(app), region.width)
            assert len(wrapped) <= region.height, f"{wrapped} in {region}"
            app.files.store  # noqa: B018 -- the first use opens the store
