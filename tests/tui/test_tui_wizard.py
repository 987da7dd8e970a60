"""Pilot tests of the wizard: each step edits the body, rules show and clear, navigation."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Button, Input, OptionList, RadioSet, Select, Static, Switch

from rec_tui.request.redact import MASK
from rec_tui.request.request_line import request_line
from rec_tui.spec.rules.context import FILES, REC, SNAP, STORAGE, TC
from rec_tui.tui.forms.web import SERVICES_PATH
from rec_tui.tui.screens.field_help import FieldHelpScreen
from rec_tui.tui.screens.keys_help import KeysHelpScreen
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.list_editor import ListEditor
from rec_tui.tui.widgets.object_list import ObjectListEditor
from rec_tui.tui.widgets.problems_pane import ProblemsPane
from tests.support.tui import SIZE, click, editor, make_app, preview_plain, seed_body, type_into

MIX = "1_mix_av.json"


def rules_of(app: Any) -> set[str]:
    return {p.rule for p in app.problems}


# --- session ----------------------------------------------------------------------------


async def test_session_fields_fill_the_body_and_the_url() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        await type_into(pilot, app, "cname", "demo")
        await type_into(pilot, app, "uid", "527841")
        await type_into(pilot, app, "clientRequest.token", "007eJxTsecret")
        await type_into(pilot, app, "session.appId", "appid123")
        assert app.draft.body["cname"] == "demo"
        assert app.draft.body["uid"] == "527841"
        assert app.draft.body["clientRequest"]["token"] == "007eJxTsecret"
        assert app.draft.app_id == "appid123"
        preview = preview_plain(app)
        assert "007eJxTsecret" not in preview and MASK in preview
        # The full URL is the Review step's; the preview's header stays one short line.
        assert "/v1/apps/appid123/cloud_recording/" in request_line(app.draft)
        request = str(app.query_one("#preview-request", Static).render())
        assert request == "POST …/mode/mix/start  (sandbox)"


async def test_emptying_a_field_removes_the_key() -> None:
    app = make_app(seed_body(MIX))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        await type_into(pilot, app, "clientRequest.token", "")
        assert "token" not in app.draft.body["clientRequest"]


async def test_required_field_problem_shows_next_to_it_and_clears() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        cname = editor(app, "cname")
        assert cname.has_class("-has-problem")
        assert "required" in str(cname.query_one(".field-problem", Static).render())
        await type_into(pilot, app, "cname", "demo")
        assert not cname.has_class("-has-problem")
        assert "body.cname.required" not in rules_of(app)


async def test_mode_switch_sets_values_aside_and_brings_them_back() -> None:
    app = make_app(seed_body(MIX))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        tc = app.draft.get(TC)
        radio = app.query_one("#mode", RadioSet)
        radio.focus()
        individual = next(b for b in radio.query("RadioButton") if b.name == "individual")
        await pilot.click(individual)
        await pilot.pause()
        assert app.draft.mode == "individual"
        assert app.draft.get(TC) is None
        messages = " ".join(n.message for n in app._notifications)
        assert "Set aside" in messages and "transcodingConfig" in messages
        mix = next(b for b in radio.query("RadioButton") if b.name == "mix")
        await pilot.click(mix)
        await pilot.pause()
        assert app.draft.mode == "mix"
        assert app.draft.get(TC) == tc
        assert "Brought back" in " ".join(n.message for n in app._notifications)


# --- steps and navigation ---------------------------------------------------------------


async def test_next_step_skips_steps_that_do_not_apply() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        visited = [app.current_step]
        for _ in range(6):
            await pilot.press("f3")
            await pilot.pause()
            visited.append(app.current_step)
        assert visited == ["session", "streams", "layout", "files", "storage", "review", "review"]
        await pilot.press("f2")
        await pilot.pause()
        assert app.current_step == "storage"


async def test_choosing_a_problem_focuses_its_field() -> None:
    body = seed_body(MIX)
    body["clientRequest"]["storageConfig"]["bucket"] = ""
    app = make_app(body)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        index = next(i for i, p in enumerate(app.problems) if p.path == f"{STORAGE}.bucket")
        problem_list = app.query_one("#problem-list", OptionList)
        problem_list.focus()
        problem_list.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "storage"
        bucket_input = editor(app, f"{STORAGE}.bucket").query_one(Input)
        assert app.focused is bucket_input


async def test_problem_in_a_tile_selects_the_tile_and_focuses_its_field() -> None:
    body = seed_body(MIX)
    body["clientRequest"]["recordingConfig"]["transcodingConfig"].update(
        mixedVideoLayout=3,
        layoutConfig=[
            {"uid": "1", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5},
            {"uid": "2", "x_axis": 0.5, "y_axis": 0.0, "width": 1.5, "height": 0.5},
        ],
    )
    app = make_app(body)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        target = next(p for p in app.problems if p.path.startswith(f"{TC}.layoutConfig[1]"))
        await app.focus_path(target.path)
        await pilot.pause()
        tiles = app.query_one(ObjectListEditor)
        assert app.current_step == "layout" and tiles.index == 1
        assert app.focused is not None
        focused_editor = next(a for a in app.focused.ancestors if hasattr(a, "path"))
        assert focused_editor.path.startswith(f"{TC}.layoutConfig[1]")


async def test_a_request_without_problems_says_problems_none_after_a_change_too() -> None:
    from tests.support.rules import CLEAN_BODIES

    app = make_app(CLEAN_BODIES["mix"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = app.query_one("#problems-title", Static)
        app.draft.set("cname", "")
        await pilot.pause()
        assert str(title.render()).startswith("Problems: 1 error")
        app.draft.set("cname", "demo")
        await pilot.pause()
        assert str(title.render()) == "Problems: none"  # not "Problems: No problems"


async def test_problems_pane_counts_and_preview_marks() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        title = str(app.query_one("#problems-title", Static).render())
        errors = sum(p.is_error for p in app.problems)
        assert f"{errors} errors" in title
        lines = preview_plain(app).splitlines()
        cname_line = next(line for line in lines if '"cname"' in line)
        assert cname_line.startswith("✗")
        assert len(app.query_one(ProblemsPane).problems) == len(app.problems)


# --- streams ----------------------------------------------------------------------------


async def test_uid_list_takes_a_paste_of_many_and_suggests_the_group() -> None:
    app = make_app(step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        path = f"{REC}.subscribeAudioUids"
        uid_list = editor(app, path)
        assert isinstance(uid_list, ListEditor)
        await type_into(pilot, app, path, "100,101 102")
        await pilot.press("enter")
        await pilot.pause()
        assert app.draft.get(path) == ["100", "101", "102"]
        suggestion = str(app.query_one("#group-suggestion", Static).render())
        assert "3 users listed" in suggestion and "suggested 1" in suggestion
        await click(pilot, app.query_one("#use-group", Button))
        assert app.draft.get(f"{REC}.subscribeUidGroup") == 1
        uid_list.query_one(OptionList).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert app.draft.get(path) == ["101", "102"]


@pytest.mark.parametrize(
    ("typed", "added"),
    [("dir_1", ["dir_1"]), ('["recordings", "class42"]', ["recordings", "class42"])],
)
async def test_a_list_takes_what_was_typed_when_the_focus_leaves_it(
    typed: str, added: list[str]
) -> None:
    path = "clientRequest.storageConfig.fileNamePrefix"
    app = make_app(step="storage")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_into(pilot, app, path, typed)
        await pilot.press("tab")  # no Enter: the folder name must not be lost unsaid
        await pilot.pause()
        assert app.draft.get(path) == added
        assert editor(app, path).query_one(Input).value == ""


async def test_the_group_suggestion_counts_users_as_rule_r57_does() -> None:
    audio, video = f"{REC}.subscribeAudioUids", f"{REC}.subscribeVideoUids"
    app = make_app({"cname": "c", "uid": "1"}, mode="individual", step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_into(pilot, app, audio, "0123")
        await pilot.press("enter")
        await type_into(pilot, app, video, "123")
        await pilot.press("enter")
        await pilot.pause()
        assert app.draft.get(audio) == ["0123"] and app.draft.get(video) == ["123"]
        suggestion = str(app.query_one("#group-suggestion", Static).render())
        assert "1 user listed" in suggestion and "suggested 0" in suggestion


async def test_the_tiles_table_stops_at_17_like_the_canvas() -> None:
    app = make_app(seed_body(MIX), step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tiles = app.query_one(ObjectListEditor)
        for _ in range(18):
            tiles.add_item()
        await pilot.pause()
        assert len(app.draft.get(f"{TC}.layoutConfig")) == 17
        assert any("at most 17" in str(n.message) for n in app._notifications)


async def test_all_streams_button_adds_the_wildcard() -> None:
    app = make_app(step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        path = f"{REC}.subscribeVideoUids"
        await click(pilot, editor(app, path).query_one(".all-streams", Button))
        assert app.draft.get(path) == ["#allstream#"]


async def test_decryption_secret_is_masked_in_the_input_and_preview() -> None:
    app = make_app(step="streams")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        await type_into(pilot, app, f"{REC}.secret", "supersecretkey")
        secret_input = editor(app, f"{REC}.secret").query_one(Input)
        assert secret_input.password
        assert "supersecretkey" not in preview_plain(app)
        assert app.draft.get(f"{REC}.secret") == "supersecretkey"


# --- transcoding & layout ----------------------------------------------------------------


async def test_enabling_transcoding_prefills_the_required_values() -> None:
    app = make_app(step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        await pilot.click("#transcoding-on")
        await pilot.pause()
        assert app.draft.get(TC) == {"width": 360, "height": 640, "fps": 15, "bitrate": 500}
        assert "tc.complete" not in rules_of(app)
        app.query_one("#profile", Select).value = 3
        await pilot.pause()
        assert app.draft.get(TC) == {"width": 1280, "height": 720, "fps": 15, "bitrate": 1130}


async def test_the_transcoding_switch_says_its_state_in_words_and_space_turns_it_on() -> None:
    app = make_app(step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        state = app.query_one("#transcoding-state", Static)
        assert str(state.render()) == "off: Space turns it on"
        assert app.focused is app.query_one("#transcoding-on")
        await pilot.press("space")
        await pilot.pause()
        assert app.draft.get(TC) is not None
        assert str(state.render()).startswith("on")


async def test_typing_into_absent_transcoding_prefills_the_rest() -> None:
    app = make_app(step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        app.query_one("#form-layout").remove_class("-no-transcoding")
        await type_into(pilot, app, f"{TC}.bitrate", "900")
        assert app.draft.get(TC) == {"width": 360, "height": 640, "fps": 15, "bitrate": 900}


async def test_tiles_add_edit_reorder_remove() -> None:
    app = make_app(seed_body(MIX), step="layout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        tiles = app.query_one(ObjectListEditor)
        tiles.add_item()
        tiles.add_item()
        await pilot.pause()
        layout = app.draft.get(f"{TC}.layoutConfig")
        # The canvas's policy: quarter-size tiles, cascaded.
        assert len(layout) == 2 and layout[1]["x_axis"] == 0.05 and layout[1]["width"] == 0.25
        await type_into(pilot, app, f"{TC}.layoutConfig[1].uid", "42")
        assert app.draft.get(f"{TC}.layoutConfig[1].uid") == "42"
        await click(pilot, tiles.query_one(".up", Button))
        assert app.draft.get(f"{TC}.layoutConfig[0].uid") == "42"
        await click(pilot, tiles.query_one(".remove", Button))
        assert [t.get("uid") for t in app.draft.get(f"{TC}.layoutConfig")] == [None]


# --- snapshots and files ----------------------------------------------------------------


async def test_snapshot_choice_adds_and_removes_objects_without_losing_them() -> None:
    body = seed_body("3_individual_snapshot_plus_recording.json")
    app = make_app(body, mode="individual", step="snapshots")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        files = app.draft.get(FILES)
        assert files is not None
        radio = app.query_one("#snapshot-choice", RadioSet)
        only = next(b for b in radio.query("RadioButton") if b.name == "only")
        await pilot.click(only)
        await pilot.pause()
        assert app.draft.get(FILES) is None and app.draft.get(SNAP) is not None
        assert app.draft.snapshot_intent == "only"
        plus = next(b for b in radio.query("RadioButton") if b.name == "plus_recording")
        await pilot.click(plus)
        await pilot.pause()
        assert app.draft.get(FILES) == files
        assert app.draft.snapshot_intent == "plus_recording"
        off = next(b for b in radio.query("RadioButton") if b.name == "off")
        await pilot.click(off)
        await pilot.pause()
        assert app.draft.get(SNAP) is None and app.draft.snapshot_intent is None


async def test_mp4_in_individual_mode_is_flagged_and_clears() -> None:
    app = make_app(
        seed_body("6_individual_audio_passthrough.json"), mode="individual", step="files"
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        select = editor(app, f"{FILES}.avFileType").query_one(Select)
        select.value = ("hls", "mp4")
        await pilot.pause()
        assert app.draft.get(f"{FILES}.avFileType") == ["hls", "mp4"]
        assert "file.mp4_mode" in rules_of(app)
        select.value = ("hls",)
        await pilot.pause()
        assert "file.mp4_mode" not in rules_of(app)


# --- storage ----------------------------------------------------------------------------


async def test_vendor_by_name_offers_that_vendors_regions() -> None:
    app = make_app(step="storage")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        vendor = editor(app, f"{STORAGE}.vendor").query_one(Select)
        # Named and numbered, as a customer's body writes it ("vendor": 1).
        vendors = [str(prompt) for prompt, _ in vendor._options]
        assert "Amazon S3 (1)" in vendors and "Qiniu Cloud (Kodo) (0) (historical)" in vendors
        vendor.value = 1
        await pilot.pause()
        region = editor(app, f"{STORAGE}.region").query_one(Select)
        labels = [str(prompt) for prompt, _ in region._options]
        assert any("US_EAST_1" in label for label in labels)
        region.value = 0
        await pilot.pause()
        assert app.draft.get(STORAGE) == {"vendor": 1, "region": 0}
        await type_into(pilot, app, f"{STORAGE}.secretKey", "verysecretvalue")
        assert "verysecretvalue" not in preview_plain(app)


# --- web --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_the_cdn_push_fields_are_reachable_by_scrolling(size: tuple[int, int]) -> None:
    app = make_app(mode="web", step="web")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.query_one("#cdn-on", Switch).value = True
        await pilot.pause()
        rtmp = next(e for e in app.query(FieldEditor) if e.path.endswith(".rtmpUrl"))
        field_input = rtmp.query_one(Input)
        field_input.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        block = app.query_one(".cdn-fields")
        assert block.region.height >= rtmp.outer_size.height
        form = app.query_one("#form-web").region
        assert field_input.region.height == 1  # one-row editors (issue 12)
        assert form.contains_region(field_input.region)


async def test_web_params_create_the_service_item_and_cdn_toggle() -> None:
    app = make_app(mode="web", step="web")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        url_path = f"{SERVICES_PATH}[0].serviceParam.url"
        await type_into(pilot, app, url_path, "https://example.com")
        items = app.draft.get(SERVICES_PATH)
        assert items[0]["serviceName"] == "web_recorder_service"
        assert items[0]["serviceParam"]["url"] == "https://example.com"
        app.query_one("#cdn-on", Switch).value = True
        await pilot.pause()
        assert app.draft.get(SERVICES_PATH)[1]["serviceName"] == "rtmp_publish_service"
        await type_into(
            pilot, app, f"{SERVICES_PATH}[1].serviceParam.outputs[0].rtmpUrl", "rtmp://cdn/live"
        )
        assert (
            app.draft.get(f"{SERVICES_PATH}[1].serviceParam.outputs[0].rtmpUrl")
            == "rtmp://cdn/live"
        )
        app.query_one("#cdn-on", Switch).value = False
        await pilot.pause()
        assert len(app.draft.get(SERVICES_PATH)) == 1


# --- review, help, size -----------------------------------------------------------------


async def test_review_says_what_will_happen_and_shows_the_body_once() -> None:
    app = make_app(seed_body(MIX), step="review", app_id="abc")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        plan = str(app.query_one("#review-plan", Static).render())
        assert "Endpoint: the built-in sandbox" in plan
        assert "App ID: abc" in plan and "Mode: mix" in plan
        assert "1. acquire" in plan and "2. start (mix)" in plan
        assert "maxIdleTime = 30 s" in plan
        assert app.query_one("#review-plugin") is not None
        # The preview pane shows the body at 120 columns: the review does not repeat it.
        assert not app.query_one("#review-body").is_on_screen
        assert (
            not app.query_one("#review-request").display
            or not app.query_one("#review-request").is_on_screen
        )
    app = make_app(seed_body(MIX), step="review", app_id="abc")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # At 80 columns the preview is hidden: the request and body are shown here instead.
        request = str(app.query_one("#review-request", Static).render())
        assert "POST" in request and "/v1/apps/abc/cloud_recording/resourceid/" in request
        assert f"Authorization: Basic {MASK}" in request
        assert app.query_one("#review-body").styles.display == "block"


async def test_f1_shows_field_help_with_seed_text_and_rules() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        editor(app, "cname").query_one(Input).focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, FieldHelpScreen)
        text = str(app.screen.query_one("#help-text", Static).render())
        assert "Channel name (cname)" in text
        assert "字符串长度不得超过 128 字节" in text
        assert "body.cname.required" in text
        assert "required in mix mode" in text
        await pilot.press("escape")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelpScreen)


async def test_too_small_terminal_shows_a_message() -> None:
    app = make_app()
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        message = app.query_one("#too-small", Static)
        assert message.display
        assert "Need 80×24, have 70×20" in str(message.render())
        assert not app.query_one("#main").display


async def test_narrow_terminal_hides_preview_until_asked() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the first check runs just after the first paint
        assert not app.query_one("#preview").display
        await pilot.press("f4")
        await pilot.pause()
        assert app.query_one("#preview").display
        assert not app.query_one("#centre").display


async def test_a_value_outside_the_choices_is_shown_not_hidden() -> None:
    body = seed_body("7_individual_postponed_audio_mix.json")
    app = make_app(body, mode="individual", step="advanced")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        select = editor(app, "clientRequest.transcodeOptions.audio.sampleRate").query_one(Select)
        assert select.value == "xxxx"
        labels = [str(label) for label, _ in select._options]
        assert any('"xxxx" (no such choice)' in label for label in labels)


async def test_command_palette_offers_every_action() -> None:
    from rec_tui.tui.controllers.commands import wizard_commands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in wizard_commands(app)]
        for wanted in (
            "Go to step: Storage",
            "Go to step: Review",
            "Switch mode to web",
            "Toggle preview (F4)",
            "Help on the focused field (F1)",
            "Show all keys (F10)",
            "Next step (F3)",
            "Save preset (Ctrl+S)",
            "Open preset (Ctrl+O)",
            "Import (F6)",
            "Export (Ctrl+E)",
            "Send: acquire and start (Ctrl+R)",
            "Undo (Ctrl+Z)",
        ):
            assert wanted in titles
        switch = next(c for c in wizard_commands(app) if c.title == "Switch mode to individual")
        switch.callback()
        await pilot.pause()
        assert app.draft.mode == "individual"
        go = next(c for c in wizard_commands(app) if c.title == "Go to step: Snapshots")
        go.callback()
        await pilot.pause()
        assert app.current_step == "snapshots"


async def test_the_palette_finds_a_wizard_command_by_typing() -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"toggle preview")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.has_class("-hide-preview")


async def test_secret_reveal_button_toggles_masking() -> None:
    app = make_app(seed_body(MIX))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        token = editor(app, "clientRequest.token")
        field_input = token.query_one(Input)
        reveal = token.query_one(".reveal", Static)
        assert field_input.password
        await click(pilot, reveal)
        assert not field_input.password
        assert str(reveal.render()) == "Hide"
        await pilot.pause(0.3)  # a second click at once would count as a double click
        await click(pilot, reveal)
        assert field_input.password
        assert str(reveal.render()) == "Show"
