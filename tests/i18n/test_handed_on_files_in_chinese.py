"""The files a user hands on (shell and curl exports, an escalation bundle's README, a
preset's header comment, the JSON Schema) speak the language rec-tui speaks; what a
program reads in them (commands, URLs, bodies, member names, keys, values, schema keywords)
is the same in both languages. And the core's texts the whole-package scan found."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rec_tui.formats import exporters
from rec_tui.formats.bundle import BundleContents, bundle_members
from rec_tui.i18n import activate
from rec_tui.request.draft import Draft
from rec_tui.request.endpoints import resolve
from rec_tui.request.json_text import JsonTextError, parse
from rec_tui.request.request_line import request_line
from rec_tui.request.schema import start_body_schema
from rec_tui.sandbox.recorder_token import certificate_for, recorder_token
from rec_tui.spec import catalogue
from rec_tui.store import presets
from rec_tui.store.secrets import MemoryStore
from rec_tui.tokens import TokenError, check_token
from rec_tui.tui.forms.storage import region_options
from tests.formats.test_exports import BODY, MODE, needs_bash, run_with_fake_curl
from tests.support.cli_processes import run_cli

CJK = re.compile(r"[\u4e00-\u9fff]")


def _draft(endpoint: str = "global") -> Draft:
    draft = Draft(mode=MODE)
    draft.replace_body(copy.deepcopy(BODY))
    draft.set("session.endpoint", endpoint)
    draft.set("session.appId", "0123456789abcdef0123456789abcdef")
    return draft


def _in_both(tmp_path: Path, make: Any) -> tuple[Any, Any]:
    english = make()
    activate("zh", tmp_path)
    return english, make()


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("# ")]


def test_the_curl_export_comments_in_chinese_and_sends_the_same(tmp_path: Path) -> None:
    for endpoint in ("global", "sandbox"):
        english, chinese = _in_both(tmp_path, lambda e=endpoint: exporters.export_curl(_draft(e)))
        assert _commands(chinese) == _commands(english)
        # The sentences are Chinese (not "#   <variable>  App ID" or "#   <command to run>").
        said = [line for line in _comments(chinese) if not line.startswith("#   ")]
        assert said and all(CJK.search(line) for line in said)
        assert not any(CJK.search(line) for line in _comments(english))
        activate("en")
    # The lines naming a variable keep its name; only what it holds is said in Chinese.
    activate("zh", tmp_path)
    text = exporters.export_curl(_draft())
    assert "#   REC_TUI_TOKEN               RTC Token（clientRequest.token）" in text
    assert "#   REC_TUI_STORAGE_ACCESS_KEY  Access key（访问密钥）（clientRequest." in text


def _calls(folder: Path) -> list[list[str]]:
    calls = [line.split("\0") for line in (folder / "calls").read_text().splitlines()]
    return [call[: call.index("-o")] + call[call.index("-o") + 2 :] for call in calls]


@needs_bash
def test_the_script_speaks_chinese_and_sends_the_same_calls(tmp_path: Path) -> None:
    english_folder, chinese_folder = tmp_path / "en", tmp_path / "zh"
    english_folder.mkdir()
    chinese_folder.mkdir()
    english, chinese = _in_both(tmp_path, lambda: exporters.export_shell(_draft()))
    assert "# 请先设置以下环境变量：" in chinese
    english_run = run_with_fake_curl(english, english_folder)
    chinese_run = run_with_fake_curl(chinese, chinese_folder)
    assert english_run.returncode == chinese_run.returncode == 0, chinese_run.stderr
    assert "录制已开始：resourceId RID-77，sid SID-88" in chinese_run.stdout
    assert "用 GET 请求 query：https://api.agora.io/v1/apps/" in chinese_run.stdout
    assert "Recording started: resourceId RID-77, sid SID-88" in english_run.stdout
    # The same calls, byte for byte (but for the answer's temporary file).
    assert _calls(chinese_folder) == _calls(english_folder)


@needs_bash
def test_the_script_refuses_an_unset_variable_in_chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)
    script = exporters.export_shell(_draft())
    env = {"PATH": os.environ["PATH"], "AGORA_CUSTOMER_ID": "cid"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert (
        "rec-tui script: 未设置 AGORA_CUSTOMER_SECRET（声网客户密钥）：请设置后重新运行此脚本。"
        in done.stderr
    )


def test_the_sandbox_note_is_said_in_chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)
    note = exporters.sandbox_note(_draft("sandbox"))
    assert note is not None and CJK.search(note) and "rec-tui sandbox serve --port 8765" in note


def _bundle() -> dict[str, str]:
    contents = BundleContents(
        _draft(),
        "customer.json",
        exchanges=[{"call": "start", "status": 200}] * 2,
        skipped_exchanges=1,
        diagnosis={"findings": [{"id": "recorder-left"}]},
        created_at=datetime(2026, 12, 3, 6, 0, tzinfo=UTC),
    )
    return bundle_members(contents)


def _named(problems: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    return [(p["rule"], p["severity"], p["path"]) for p in problems]


def test_the_bundle_readme_follows_the_language_and_nothing_else_does(tmp_path: Path) -> None:
    english, chinese = _in_both(tmp_path, _bundle)
    readme = chinese.pop("README.txt")
    assert english.pop("README.txt").startswith("rec-tui escalation bundle\n")
    # The problems name the same rules, severities and paths; their messages and hints
    # are the validator's, in the language it speaks (the seed body's placeholders, R132).
    in_english, in_chinese = (
        _named(json.loads(found.pop("problems.json"))) for found in (english, chinese)
    )
    assert in_chinese == in_english != []
    assert chinese == english  # the request, exchanges, diagnosis and versions
    assert readme.startswith("rec-tui 升级工单材料包\n由 rec-tui ")
    assert "均已替换为 ••••••••" in readme and "包含的文件：" in readme
    assert "2 次交互" in readme and "另有 1 行无法读取的历史记录未包含" in readme
    assert "1 项发现" in readme
    # Every member is named as it is in the zip, at the start of its lines.
    for name in english:
        assert re.search(rf"^  {re.escape(name)} +\S", readme, re.MULTILINE), name


def test_a_preset_saved_in_chinese_loads_as_the_english_one(tmp_path: Path) -> None:
    store = MemoryStore()
    draft = _draft()
    english_folder, chinese_folder = tmp_path / "en", tmp_path / "zh"
    presets.save(draft, "room", store, description="客户 A", directory=english_folder)
    activate("zh", tmp_path)
    presets.save(draft, "room", store, description="客户 A", directory=chinese_folder)
    english = (english_folder / "room.toml").read_text(encoding="utf-8")
    chinese = (chinese_folder / "room.toml").read_text(encoding="utf-8")
    first, rest = chinese.split("\n", 1)
    assert first.startswith("# rec-tui 预设。") and rest == english.split("\n", 1)[1]
    assert english.startswith("# rec-tui preset. Secrets are references")
    bodies: list[Any] = []
    for folder in (english_folder, chinese_folder):
        loaded = presets.load("room", store, resolve_secrets=False, directory=folder)
        assert (loaded.draft.mode, loaded.draft.app_id, loaded.description) == (
            draft.mode,
            draft.app_id,
            "客户 A",
        )
        bodies.append(loaded.draft.body)
        assert [(e.name, e.description, e.error) for e in presets.list_presets(folder)] == [
            ("room", "客户 A", None)
        ]
    assert bodies[0] == bodies[1]


def _without_descriptions(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_descriptions(v) for k, v in value.items() if k != "description"}
    if isinstance(value, list):
        return [_without_descriptions(item) for item in value]
    return value


def _property(schema: dict[str, Any], path: str) -> dict[str, Any]:
    for key in path.split("."):
        schema = schema["properties"][key]
    return schema


@pytest.mark.parametrize("mode", [None, "individual", "mix", "web"])
def test_schema_descriptions_follow_the_language_and_nothing_else(
    mode: Any, tmp_path: Path
) -> None:
    english, chinese = _in_both(tmp_path, lambda: start_body_schema(mode))
    assert _without_descriptions(chinese) == _without_descriptions(english)
    # The seed's own Chinese for a field it describes; the catalogue's for one it does not.
    cname = catalogue.field("cname")
    assert chinese["properties"]["cname"]["description"] == cname.help_zh
    assert english["properties"]["cname"]["description"] == cname.help
    assert CJK.search(chinese["description"]) and not CJK.search(english["description"])


def test_a_field_without_the_seeds_chinese_gets_the_catalogues(tmp_path: Path) -> None:
    english, chinese = _in_both(tmp_path, lambda: start_body_schema("mix"))
    declared = next(
        field
        for field in catalogue.for_mode("mix")
        if not (field.help_zh or field.source or field.requirement_note)
    )
    path = declared.path
    assert _property(english, path)["description"] == declared.help
    said = _property(chinese, path)["description"]
    assert CJK.search(said) and said != declared.help


def _environment(home: Path, **language: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "REC_TUI"))}
    return {**env, "REC_TUI_HOME": str(home), **language}


def test_rec_tui_schema_prints_chinese_descriptions_the_same_schema_otherwise(
    tmp_path: Path,
) -> None:
    english = run_cli("schema", "--mode", "mix", env=_environment(tmp_path, LANG="C.UTF-8"))
    by_locale = run_cli("schema", "--mode", "mix", env=_environment(tmp_path, LANG="zh_CN.UTF-8"))
    by_option = run_cli("schema", "--mode", "mix", "--lang", "zh", env=_environment(tmp_path))
    assert english.returncode == by_locale.returncode == by_option.returncode == 0
    assert by_locale.stdout == by_option.stdout
    chinese, schema = json.loads(by_locale.stdout), json.loads(english.stdout)
    assert schema == start_body_schema("mix")  # English: as before any language existed
    assert _without_descriptions(chinese) == _without_descriptions(schema)
    assert CJK.search(chinese["properties"]["uid"]["description"])


def test_the_recorder_token_and_an_unknown_region_are_said_in_chinese(tmp_path: Path) -> None:
    activate("zh", tmp_path)
    draft = Draft(mode="mix")
    certificate = certificate_for("sandbox", "0123456789abcdef0123456789abcdef", None)
    assert certificate is not None and certificate.source == "沙盒为此 App ID 提供的证书"
    with pytest.raises(TokenError, match="请先填写 App ID"):
        recorder_token(draft, certificate)
    with pytest.raises(ValueError, match="未知的区域域名 'xx'"):
        resolve("region:xx")
    draft.set("session.endpoint", "region:xx")
    assert request_line(draft).startswith(
        "POST（接入地址有误：未知的区域域名 'xx'；请使用以下之一："
    )


def test_core_texts_the_scan_found_are_said_in_chinese(tmp_path: Path) -> None:
    english_error = _duplicate_key_error()
    assert english_error.message == '"cname" is written twice in this object: keep one of them.'
    activate("zh", tmp_path)
    assert _duplicate_key_error().message == '此对象中 "cname" 出现了两次：请只保留一个。'
    (finding,) = check_token("007not-a-token", "0123456789abcdef0123456789abcdef", "demo", "1")
    assert finding.id == "token-malformed" and finding.message.startswith("无法读取 RTC Token：")
    assert MemoryStore().backend_name == "内存（仅限本次会话）"
    assert ("区域 0（唯一取值） (0)", 0) in region_options(5)  # Microsoft Azure: region 0 only


def _duplicate_key_error() -> JsonTextError:
    with pytest.raises(JsonTextError) as raised:
        parse('{"cname": "a", "cname": "b"}')
    return raised.value


def test_the_mode_an_import_found_is_said_in_chinese(tmp_path: Path) -> None:
    from rec_tui.request.mode_inference import infer_mode

    activate("zh", tmp_path)
    guess = infer_mode(
        {}, "https://api.agora.io/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start"
    )
    assert guess.sentence() == "模式：mix，根据 URL。"
    assert guess.describe() == "模式：mix，根据 URL"
