"""The wizard writes times the way the chosen language does: the Open preset dialog's
"Last change" column in Chinese, whole and aligned at 80×24 and 120×40; the Send panel's
exchange log by the clock in UTC."""

from __future__ import annotations

import copy
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from rec_tui.agora.exchange import Exchange
from rec_tui.i18n import CHINESE, activate
from rec_tui.request.draft import Draft
from rec_tui.store import presets
from rec_tui.store.secrets import MemoryStore
from rec_tui.tui.screens.preset_open import PresetOpenScreen
from rec_tui.tui.widgets.exchange_log import exchange_text
from tests.support.keyring_service import no_keyring
from tests.tui.test_tui_presets import BODY, MODE, _app, _key

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

CHANGED = {
    "early": datetime(2026, 1, 4, 16, 30, tzinfo=UTC),
    "late": datetime(2026, 12, 13, 1, 2, tzinfo=UTC),
}


def _in_chinese(when: datetime) -> str:
    """``when`` in local time as Chinese writes a date and a clock (CLDR's medium date)."""
    local = when.astimezone()
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _save_presets() -> None:
    for name, when in CHANGED.items():
        draft = Draft(mode=MODE)
        draft.replace_body(copy.deepcopy(BODY))
        saved = presets.save(draft, name, MemoryStore(persistent=True), description="客户 A")
        assert saved.path is not None
        os.utime(saved.path, (when.timestamp(), when.timestamp()))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_open_dialog_writes_last_change_in_chinese_whole_and_aligned(
    size: tuple[int, int], tmp_path: Path
) -> None:
    _save_presets()
    activate(CHINESE, tmp_path)
    app = _app()
    async with app.run_test(size=size) as pilot:
        await _key(pilot, "ctrl+o")
        assert isinstance(app.screen, PresetOpenScreen)
        table = app.screen.query_one(DataTable)
        shown = {table.get_row_at(row)[0]: table.get_row_at(row)[3] for row in range(2)}
        assert shown == {name: _in_chinese(when) for name, when in CHANGED.items()}
        lines = [table.render_line(y).text for y in range(3)]  # the header and two rows
        starts = set()
        for line, name in zip(lines[1:], ("early", "late"), strict=True):
            changed = shown[name]
            assert changed in line, f"cut at {size}: {line!r}"
            starts.add(cell_len(line[: line.index(changed)]))
        assert len(starts) == 1
        header = lines[0]
        assert cell_len(header[: header.index("最后修改")]) in starts


async def test_the_open_dialog_in_english_is_as_before() -> None:
    _save_presets()
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _key(pilot, "ctrl+o")
        table = app.screen.query_one(DataTable)
        local = CHANGED["late"].astimezone()
        assert table.get_row_at(1)[3] == local.strftime("%Y-%m-%d %H:%M")


def test_the_exchange_log_shows_the_utc_clock_of_each_exchange(tmp_path: Path) -> None:
    at = "2026-12-03T14:05:04.567+08:00"  # 06:05:04.567 UTC
    exchange = Exchange(at, "start", "POST", "https://x", {}, None, 200, None, "r1", 12.0, 1)
    assert exchange_text(exchange).plain.startswith("06:05:04.567  start HTTP 200")
    activate(CHINESE, tmp_path)
    assert exchange_text(exchange).plain.startswith("06:05:04.567  start HTTP 200")
