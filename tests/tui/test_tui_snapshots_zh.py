"""Snapshot tests in Simplified Chinese (as ``--lang zh``): three steps at 120×40 and 80×24.

Chinese characters take two cells: these pictures show that nothing is cut or misaligned.
Regenerate with ``--snapshot-update`` and look at each SVG (rendered to PNG) before
accepting it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rec_tui.i18n import CHINESE, ENGLISH, activate
from tests.support.tui_scenes import scene_app, settle


@pytest.fixture(autouse=True)
def in_chinese(tmp_path: Path) -> Iterator[None]:
    activate(CHINESE, tmp_path)
    yield
    activate(ENGLISH)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("step", ["session", "streams", "layout"])
def test_step_in_chinese(step: str, size: tuple[int, int], snap_compare: Any) -> None:
    assert snap_compare(scene_app(step), terminal_size=size, run_before=settle)
