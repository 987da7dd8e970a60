"""The wizard in Simplified Chinese: switched from the palette without restarting (draft,
undo history, step and focus stay; the choice is remembered), and F1 help in the chosen
language first with the other beneath."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.table import Table
from textual.widgets import Footer, Input, RadioButton, Static
from textual.widgets._footer import FooterKey

from rec_tui.i18n import CHINESE, ENGLISH, _, activate, active_language
from rec_tui.i18n.choice import remembered
from rec_tui.spec import catalogue
from rec_tui.store import paths
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.launch import build_draft
from rec_tui.tui.screens.field_help import FieldHelpScreen
from rec_tui.tui.widgets.keys_footer import KeysFooter
from rec_tui.tui.widgets.step_list import StepList
from tests.support.tui import SEEDS, SIZE, editor, make_app, seed_body, type_into

CNAME = catalogue.field("cname")
APP_ID = catalogue.field("session.appId")


def footer_words(app: RecTuiApp) -> list[str]:
    """The words of the keys in the footer of the screen on top (the wizard's, or Textual's
    own on a screen of its own such as the diff)."""
    wizard_footer = app.screen.query(KeysFooter)
    if wizard_footer:
        return [key.description for key in wizard_footer.first().keys]
    return [key.description for key in app.screen.query_one(Footer).query(FooterKey)]


def step_titles(app: RecTuiApp) -> list[str]:
    steps = app.query_one(StepList)
    return [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]


def label_of(app: RecTuiApp, path: str) -> str:
    return str(editor(app, path).query_one(".field-label", Static).render())


async def choose_from_palette(pilot: Any, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    # The switch runs in a worker: let it build the forms again.
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_palette_switches_the_language_keeping_draft_undo_step_and_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_into(pilot, app, "cname", "room1")
        assert app.draft.get("cname") == "room1"
        assert label_of(app, "cname").startswith("Channel name (cname)")
        assert "Help" in footer_words(app)

        await choose_from_palette(pilot, "language")

        assert active_language() == CHINESE
        assert remembered(paths.config_dir()) == CHINESE
        assert label_of(app, "cname").startswith("频道名（cname）")
        assert "会话" in step_titles(app)[0]
        assert "帮助" in footer_words(app)
        assert "Help" not in footer_words(app)
        # The same step and field, and the draft with its history.
        assert app.current_step == "session"
        focused = app.focused
        assert isinstance(focused, Input)
        assert focused in editor(app, "cname").query(Input)
        assert app.draft.get("cname") == "room1"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.draft.get("cname") != "room1"
        assert editor(app, "cname").query_one(Input).value != "room1"

        await choose_from_palette(pilot, "language")

        assert active_language() == ENGLISH
        assert remembered(paths.config_dir()) == ENGLISH
        assert label_of(app, "cname").startswith("Channel name (cname)")
        assert "Session" in step_titles(app)[0]
        assert "Help" in footer_words(app)


async def test_a_switch_on_another_step_stays_on_it_and_keeps_the_review_send_panel() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.show_step("review")
        await pilot.pause()
        panel = app.sending.panel
        assert panel is not None
        await app.show_step("storage")
        await pilot.pause()

        await choose_from_palette(pilot, "language")

        assert app.current_step == "storage"
        assert label_of(app, "clientRequest.storageConfig.bucket").startswith("存储桶")
        # The Review step was not built again: its Send panel (and what it runs) is kept.
        await app.show_step("review")
        await pilot.pause()
        assert app.sending.panel is panel and panel.is_attached
        intro = app.query_one("#form-review .step-intro", Static)
        assert "发送时将执行的操作" in str(intro.render())


async def help_text_for(path: str) -> str:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor(app, path).query_one(Input).focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, FieldHelpScreen)
        return str(app.screen.query_one("#help-text", Static).render())


async def test_f1_in_english_puts_english_first_and_the_seed_beneath() -> None:
    text = await help_text_for("cname")
    assert text.index(CNAME.help) < text.index("Seed (中文)") < text.index(CNAME.help_zh)
    assert "Type" in text and "类型" not in text


async def test_f1_in_chinese_puts_the_seed_first_and_english_beneath(tmp_path: Path) -> None:
    activate(CHINESE, tmp_path)
    text = await help_text_for("cname")
    assert text.startswith("频道名（cname）")
    # The seed's own wording is the field's Chinese text, not a translation.
    assert text.index(CNAME.help_zh) < text.index("English") < text.index(CNAME.help)
    assert "类型" in text and "mix 模式下必填" in text


async def test_f1_in_chinese_translates_a_field_the_seed_does_not_describe(
    tmp_path: Path,
) -> None:
    assert not APP_ID.help_zh
    activate(CHINESE, tmp_path)
    text = await help_text_for("session.appId")
    chinese = text.index("你的声网项目的 App ID")
    assert chinese < text.index("English") < text.index(APP_ID.help)


async def test_f1_in_english_shows_the_translation_of_a_field_the_seed_does_not_describe() -> None:
    text = await help_text_for("session.appId")
    assert text.index(APP_ID.help) < text.index("中文 (translated)") < text.index("你的声网项目")


async def test_in_chinese_the_palette_finds_commands_by_their_english_titles_too(
    tmp_path: Path,
) -> None:
    activate(CHINESE, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_from_palette(pilot, "go to step: storage")
        assert app.current_step == "storage"
        await choose_from_palette(pilot, "转到步骤：检查")
        assert app.current_step == "review"


async def test_keys_help_and_review_in_chinese(tmp_path: Path) -> None:
    activate(CHINESE, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.show_step("review")
        await pilot.pause()
        plan = str(app.query_one("#review-plan", Static).render())
        assert "接入地址：内置沙盒" in plan
        await pilot.press("f10")
        await pilot.pause()
        table = app.screen.query_one(Static).content
        assert isinstance(table, Table)
        rendered = "".join(segment.text for segment in app.console.render(table))
        assert "rec-tui 按键" in rendered
        assert "上一步" in rendered and "Previous step" not in rendered


async def test_the_mode_buttons_are_in_chinese_with_the_apis_words(tmp_path: Path) -> None:
    activate(CHINESE, tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        buttons = list(app.query_one("#mode").query(RadioButton))
        labels = {b.name: str(b.label) for b in buttons}
        assert labels == {
            "individual": "单流 individual",
            "mix": "合流 mix",
            "web": "页面 web",
        }
        for button in buttons:  # whole, not cut with "…"
            wanted = button.get_content_width(button.container_size, app.size)
            assert button.content_size.width >= wanted, button.label
        app.query_one("#mode").focus()
        await pilot.press("right")  # mix → web
        await pilot.pause()
        assert app.draft.mode == "web"
        # The notice names the mode by the word its button shows too.
        assert "现在编写的是 web 录制。" in [str(n.message) for n in app._notifications]


def test_in_chinese_every_field_label_fits_the_label_column(tmp_path: Path) -> None:
    """The label column is 26 cells, one of them padding; " *" marks a required field.
    A Chinese character takes two cells."""
    activate(CHINESE, tmp_path)
    too_wide = [
        _(declared.label)
        for declared in catalogue.ALL_FIELDS
        if cell_len(_(declared.label) + " *") > 25
    ]
    assert too_wide == []


def test_the_wizard_start_notices_are_in_chinese(tmp_path: Path) -> None:
    activate(CHINESE, tmp_path)
    opened = SEEDS / "6_individual_audio_passthrough.json"
    args = argparse.Namespace(mode="mix", open_path=str(opened), step=None, sandbox=False)
    _draft, notices = build_draft(args)
    said = [message for message, _severity in notices]
    assert said[0].startswith("模式：mix，按 --mode 指定；仅看请求体则更像 individual 模式")
    assert said[-1] == f"已打开 {opened}。"


async def test_keys_of_a_widget_made_later_are_described_in_the_language_spoken_now() -> None:
    app = make_app(seed_body("1_mix_av.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.show_step("layout")
        await pilot.pause()
        app.query_one("LayoutCanvas").focus()
        await pilot.pause()
        assert "Add tile" in footer_words(app)
        await choose_from_palette(pilot, "language")
        app.query_one("LayoutCanvas").focus()
        await pilot.pause()
        assert "添加画面" in footer_words(app)
        assert "Add tile" not in footer_words(app)


async def test_the_diff_screen_s_own_footer_speaks_the_language() -> None:
    activate(CHINESE)
    app = make_app(seed_body("1_mix_av.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert type(app.screen).__name__ == "DiffScreen"
        assert "关闭" in footer_words(app)
        assert "Close" not in footer_words(app)
