"""The core messages the wizard shows (imports, presets, the secret store, fixes, the diff)
in Chinese; what they do is the same in both languages: only the words change."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from rec_tui.formats import importers
from rec_tui.i18n import activate
from rec_tui.request.diff import diff_bodies
from rec_tui.request.endpoints import resolve
from rec_tui.request.fixes.edits import apply_fix
from rec_tui.request.validate import validate
from rec_tui.spec.modes import Mode
from rec_tui.store import presets
from rec_tui.store.history import HistoryError, read_recent
from rec_tui.store.secret_command import SecretCommand, configured
from rec_tui.store.secrets import MemoryStore, SecretStoreError
from tests.request.test_fixes import FIXABLE
from tests.support.rules import changed

CJK = re.compile(r"[\u4e00-\u9fff]")


def _fixes(mode: str, changes: dict[str, Any], rule: str, path: str) -> tuple[str, Any]:
    """The description of the fix offered for ``rule`` at ``path``, and the body it makes."""
    body = changed(mode, changes)
    problem = next(p for p in validate(mode, body) if p.rule == rule and p.path == path)
    assert problem.fix is not None
    return problem.fix.description, apply_fix(body, problem.fix)


@pytest.mark.parametrize(("mode", "changes", "rule", "path", "read", "expected"), FIXABLE)
def test_every_fix_is_described_in_chinese_and_does_the_same(
    mode: str,
    changes: dict[str, Any],
    rule: str,
    path: str,
    read: str,
    expected: Any,
    tmp_path: Path,
) -> None:
    english, english_body = _fixes(mode, changes, rule, path)
    activate("zh", tmp_path)
    chinese, chinese_body = _fixes(mode, changes, rule, path)
    assert CJK.search(chinese) and not CJK.search(english), (english, chinese)
    # The words change; the JSON a fix writes never does (values such as "hls" are data).
    assert chinese_body == english_body


def test_import_problems_and_notices_are_said_in_chinese(tmp_path: Path) -> None:
    curl = (
        "curl -X PUT 'https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/"
        'cloud_recording/resourceid/r1/mode/mix/start\' -u "$AGORA_ID:$AGORA_SECRET" '
        '-d \'{"cname": "demo", "uid": "527841", "clientRequest": {}}\''
    )
    english = importers.import_text(curl)
    activate("zh", tmp_path)
    chinese = importers.import_text(curl)
    assert chinese.body == english.body and chinese.mode == english.mode == "mix"
    assert len(chinese.notices) == len(english.notices)
    assert "该命令使用 PUT；start 应以 POST 发送。" in chinese.notices
    assert any("客户的接入地址：api.agora.io" in notice for notice in chinese.notices)
    with pytest.raises(importers.ImportProblem) as refused:
        importers.import_text('{"cname": "demo",\n "uid": }')
    assert refused.value.message.startswith("第 2 行第 9 列：JSON 请求体")


def test_preset_and_store_messages_are_said_in_chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)
    with pytest.raises(presets.PresetError) as bad_name:
        presets.check_name("../x")
    assert bad_name.value.message.startswith("'../x' 不能作为预设名称")
    with pytest.raises(presets.PresetError) as missing:
        presets.load("nowhere", MemoryStore())
    assert "预设文件不存在" in missing.value.message


def test_the_diff_says_its_lines_in_chinese(tmp_path: Path) -> None:
    body = changed("mix", {})
    mode: Mode = "mix"
    activate("zh", tmp_path)
    lines = diff_bodies(body, body, mode, mode).lines()
    assert lines[0] == "没有差异（mix 模式）。"
    # A changed field is named by its Chinese label (its JSON path stays as it is).
    idle = changed("mix", {"clientRequest.recordingConfig.maxIdleTime": 60})
    compared = diff_bodies(body, idle, mode, mode)
    said = "\n".join(compared.lines())
    assert "clientRequest.recordingConfig.maxIdleTime (空闲超时（秒）)" in said, said
    # And so does the wizard's comparison (F9).
    from rec_tui.tui.screens.diff_view import _name

    assert _name(compared.differences[0]) == "空闲超时（秒） · maxIdleTime"


def test_the_json_editor_says_where_the_text_is_wrong_in_chinese(tmp_path: Path) -> None:
    from rec_tui.request.json_text import JsonTextError, parse

    text = '{"cname": "demo" "uid": "1"}'
    with pytest.raises(JsonTextError) as english:
        parse(text)
    activate("zh", tmp_path)
    with pytest.raises(JsonTextError) as chinese:
        parse(text)
    assert chinese.value.position == english.value.position
    assert str(chinese.value) == "第 1 行第 18 列：此处之前、上一个值之后缺少逗号（,）。"


def test_endpoint_history_and_secrets_command_errors_are_said_in_chinese(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[secrets]\ncommand = ["pass", "show"]\n', encoding="utf-8")
    folder = tmp_path / "history-folder"
    folder.mkdir()

    def said() -> list[str]:
        messages = []
        with pytest.raises(ValueError) as endpoint:
            resolve("nowhere")
        messages.append(str(endpoint.value))
        with pytest.raises(HistoryError) as history:
            read_recent(5, folder)
        messages.append(history.value.message)
        with pytest.raises(SecretStoreError) as command:
            configured(config)
        messages.append(str(command.value))
        with pytest.raises(SecretStoreError) as failing:
            SecretCommand((str(tmp_path / "no-such-helper"), "{entry}")).get("storage/ak")
        messages.append(str(failing.value))
        return messages

    english = said()
    activate("zh")
    chinese = said()
    assert not any(CJK.search(message) for message in english)
    assert all(CJK.search(message) for message in chinese), chinese
    assert '无法识别接入地址 "nowhere"' in chinese[0]
    assert str(folder) in chinese[1] and str(config) in chinese[2]
    assert "'storage/ak'" in chinese[3] and "无法启动" in chinese[3]
