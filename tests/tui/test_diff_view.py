"""F9's comparison with the original, hosted alone and closed by keys."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Static

from rec_tui.request.draft import Draft, Original
from rec_tui.tui.screens.diff_view import DiffScreen
from tests.support.tui import seed_body

REC = "clientRequest.recordingConfig"
SECRET = "customer-secret-key-0001"


class DiffHost(App[None]):
    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(DiffScreen(self.draft), lambda _: setattr(self, "closed", True))


def _customer_draft() -> Draft:
    """The first seed as the customer sent it, then edited the way an engineer would."""
    body = seed_body("1_mix_av.json")
    body["clientRequest"]["storageConfig"]["secretKey"] = SECRET
    draft = Draft(
        mode="mix", body=body, original=Original(copy.deepcopy(body), "mix", "ticket.txt")
    )
    draft.set(f"{REC}.streamTypes", 0)
    draft.set("uid", 527841)  # now a number: an error only the current body has
    draft.set(f"{REC}.subscribeVideoUids", None)
    draft.set("clientRequest.storageConfig.secretKey", "another-secret-0002")
    return draft


def _plain(app: App[Any]) -> str:
    """What the screen's texts say, whatever they are drawn with (a table, styled text)."""
    console = Console(width=app.size.width, file=io.StringIO(), color_system=None)
    for widget in app.screen.query(Static):
        console.print(widget.content)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_the_comparison_names_fields_and_choices_and_ignores_key_order() -> None:
    draft = _customer_draft()
    # The same body with its keys in another order is no difference.
    assert draft.original is not None
    reordered = dict(reversed(list(draft.original.body.items())))
    same = DiffScreen(Draft(mode="mix", body=reordered, original=draft.original)).diff
    assert same is not None and same.differences == ()
    diff = DiffScreen(draft).diff
    assert diff is not None
    by_path = {entry.path: entry for entry in diff.differences}
    streams = by_path[f"{REC}.streamTypes"]
    assert (streams.kind, streams.before, streams.after) == (
        "changed",
        "2 audio and video",
        "0 audio only",
    )
    assert streams.label == "Streams to record"
    assert by_path[f"{REC}.subscribeVideoUids"].kind == "removed"
    assert by_path["uid"].after == "527841" and by_path["uid"].before == '"527841"'
    assert any(p.path == "uid" for p in diff.after.problems)
    assert not any(p.path == "uid" for p in diff.before.problems)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_view_shows_both_sides_without_any_secret(size: tuple[int, int]) -> None:
    app = DiffHost(_customer_draft())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DiffScreen)
        assert screen.side_by_side == (size[0] >= 110)
        text = _plain(app)
        assert "Streams to record · streamTypes" in text and "0 audio only" in text
        assert "ticket.txt" in text and "New since the original" in text
        assert SECRET not in text and "another-secret-0002" not in text


async def test_side_by_side_a_path_is_on_one_line_where_the_values_leave_room() -> None:
    app = DiffHost(_customer_draft())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = _plain(app)
    assert f"{REC}.subscribeVideoUids" in text and f"{REC}.streamTypes" in text


async def test_escape_closes_it() -> None:
    app = DiffHost(_customer_draft())
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.closed and not isinstance(app.screen, DiffScreen)


async def test_without_an_original_it_says_so() -> None:
    app = DiffHost(Draft())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "no original to compare with" in _plain(app)
        await pilot.press("f9")
        await pilot.pause()
        assert app.closed


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(DiffHost(_customer_draft()), terminal_size=size)
