"""The wizard's dialogs, Send panel and layout designer in Simplified Chinese, driven by keys;
the same keys in English still show the English texts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import Button, OptionList, Static, TextArea

from rec_tui.i18n import activate
from rec_tui.request.draft import Draft
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.screens.export_dialog import ExportScreen
from rec_tui.tui.screens.preset_save import PresetSaveScreen
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas
from tests.support.keyring_service import no_keyring
from tests.support.layout_host import CanvasHost, mix_draft
from tests.tui.test_tui_send import outcome, sandboxed_app, settle

__all__ = ["no_keyring"]

CJK = re.compile(r"[\u4e00-\u9fff]")
SIZE = (120, 60)


@pytest.fixture
def chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)


def _texts(screen: Any) -> str:
    """Every label, static and button text on ``screen``."""
    shown = [str(widget.render()) for widget in screen.query("Static, Label")]
    shown += [str(button.label) for button in screen.query(Button)]
    return "\n".join(shown)


async def _open(keys: tuple[str, ...], screen_type: type[Any], *, edited: bool = False) -> str:
    """The texts of the dialog ``keys`` open in the wizard (after an edit when ``edited``)."""
    draft = Draft(mode="mix")
    draft.replace_body({"cname": "demo", "uid": "527841", "clientRequest": {}})
    app = RecTuiApp(draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if edited:
            app.draft.set("cname", "changed")
        await pilot.press(*keys)
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, screen_type):
                break
        assert isinstance(app.screen, screen_type)
        return _texts(app.screen)


@pytest.mark.usefixtures("chinese")
async def test_save_as_asks_in_chinese() -> None:
    text = await _open(("ctrl+s",), PresetSaveScreen)
    assert "预设另存为" in text
    assert "取消" in text and "保存" in text
    assert "Save preset as" not in text


async def test_save_as_asks_in_english_as_before() -> None:
    text = await _open(("ctrl+s",), PresetSaveScreen)
    assert "Save preset as" in text and "Cancel" in text
    assert not CJK.search(text)


@pytest.mark.usefixtures("chinese")
async def test_export_says_its_formats_and_secrets_note_in_chinese() -> None:
    text = await _open(("ctrl+e",), ExportScreen)
    for label in ("JSON 请求体", "curl 命令", "TOML 预设", "Shell 脚本", "保存到文件"):
        assert label in text
    assert "密钥以 ${REC_TUI_…} 引用表示。" in text


@pytest.mark.usefixtures("chinese")
async def test_the_send_panel_runs_against_the_sandbox_in_chinese() -> None:
    sandbox, app = sandboxed_app("mix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        panel = _texts(app.screen)
        assert "acquire 并 start（^R）" in panel and "更新正在进行的录制" in panel
        assert "沙盒使用自己的凭证" in panel
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert outcome(app).startswith("✓ 录制中：状态 "), outcome(app)
        running = str(app.query_one("#send-running", Static).render())
        assert "正在进行的录制（1 个）：" in running
        assert sandbox.service.running
        assert app.query_one(ExchangeLog).border_title == "请求与应答（密钥已遮盖）"


@pytest.mark.usefixtures("chinese")
async def test_the_layout_designer_speaks_chinese_and_fits_its_width() -> None:
    app = CanvasHost(mix_draft())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        canvas = app.query_one(LayoutCanvas)
        lines = [strip.text for strip in canvas._paint().strips]
        text = "\n".join(lines)
        assert "自定义布局（3）" in text and "3/17 个画面" in text
        assert "方向键 移动" in text
        assert "[0] uid 101" in text and "位置 0, 0" in text
        # Every row is exactly as wide as the canvas: Chinese takes two cells a character.
        assert {cell_len(line) for line in lines} == {canvas.size.width}
        await pilot.press("t")
        await pilot.pause()
        menu = _texts(app.screen)
        assert "以模板为起点创建自定义布局（3），它会替换当前的 3 个画面。" in menu
        templates = app.screen.query_one(OptionList)
        options = [str(templates.get_option_at_index(i).prompt) for i in range(2)]
        assert options == ["2×2 宫格", "3×3 宫格"]


async def test_the_layout_designer_in_english_as_before() -> None:
    app = CanvasHost(mix_draft())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = "\n".join(strip.text for strip in app.query_one(LayoutCanvas)._paint().strips)
        assert "Custom layout (3)" in text and "arrows move" in text
        assert not CJK.search(text)


@pytest.mark.usefixtures("chinese")
async def test_quitting_with_unsaved_changes_asks_in_chinese() -> None:
    text = await _open(("ctrl+q",), ConfirmScreen, edited=True)
    assert "有未保存的修改。要退出并丢弃这些修改吗？" in text
    assert "丢弃并退出" in text and "取消" in text


@pytest.mark.usefixtures("chinese")
async def test_the_curl_export_comments_and_sandbox_note_are_chinese() -> None:
    draft = Draft(mode="mix")
    draft.replace_body({"cname": "demo", "uid": "527841", "clientRequest": {}})
    app = RecTuiApp(draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("down")  # curl
        await pilot.pause()
        shown = screen.query_one("#export-text", TextArea).text.splitlines()
        assert shown[0] == "# 此请求发往 rec-tui 的内置沙盒，需先启动沙盒服务：请在另一个终端运行"
        assert next(line for line in shown if not line.startswith("#")).startswith("curl -X POST")
        message = str(screen.query_one("#export-message", Static).render())
        assert "rec-tui 之外的命令只有在沙盒服务运行时才能访问它" in message
