"""A dialog in Chinese at 120×40 and 80×24: the two-cell characters wrap inside the
dialog's frame, nothing is cut, the buttons line up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from rec_tui.i18n import ENGLISH, activate
from rec_tui.tui.screens.preset_save import PresetSaveScreen


class SavingHost(App[None]):
    """The Save-as dialog without a keyring (its longest wording), alone on the screen."""

    def on_mount(self) -> None:
        self.push_screen(PresetSaveScreen("acme-mix-s3", "客户 A 的合流录制", keyring=False))


@pytest.fixture(autouse=True)
def chinese(tmp_path: Path) -> Iterator[None]:
    activate("zh", tmp_path)
    yield
    activate(ENGLISH)


async def _settle(pilot: Any) -> None:
    await pilot.pause()
    for field in pilot.app.screen.query("Input"):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_save_as_in_chinese(size: tuple[int, int], snap_compare: Any) -> None:
    assert snap_compare(SavingHost(), terminal_size=size, run_before=_settle)
