"""The headless commands besides validate speak Chinese under ``--lang zh`` or a Chinese
locale, with the same exit status and the same JSON keys as in English; Agora's own words
quoted as evidence stay as Agora sends them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from rich.cells import cell_len

from tests.support.cli_processes import run_cli

CJK = re.compile(r"[\u4e00-\u9fff]")


def _environment(home: Path, **language: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "REC_TUI"))}
    return {**env, "REC_TUI_HOME": str(home), **language}


def _keys(value: object) -> object:
    """The shape of a JSON value: its keys all the way down, without the sentences."""
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_keys(item) for item in value]
    return type(value).__name__


def test_explain_answers_in_chinese_with_the_same_exit_status(tmp_path: Path) -> None:
    english = run_cli("explain", "failed to find worker", env=_environment(tmp_path, LANG="C"))
    by_locale = run_cli(
        "explain", "failed to find worker", env=_environment(tmp_path, LANG="zh_CN.UTF-8")
    )
    by_option = run_cli(
        "explain", "--lang", "zh", "failed to find worker", env=_environment(tmp_path)
    )
    assert english.returncode == by_locale.returncode == by_option.returncode == 0
    assert by_locale.stdout == by_option.stdout
    lines = by_locale.stdout.splitlines()
    assert lines[0] == "声网错误码 404"
    assert "  HTTP 状态码：404" in lines
    assert "  可能的原因（按可能性从高到低）：" in lines
    # Agora's reason is quoted as Agora sends it; our explanation is Chinese.
    meaning = "`failed to find worker`：任务不存在（从未启动、已结束，或正在进行故障转移）。"
    assert f"  含义：       {meaning}" in lines
    assert english.stdout.splitlines()[0] == "Agora error code 404"
    assert not CJK.search(english.stdout)


def test_explain_unknown_and_computed_answers_in_chinese(tmp_path: Path) -> None:
    chinese_env = _environment(tmp_path, LANG="zh_CN.UTF-8")
    unknown = run_cli("explain", "4321", env=chinese_env)
    assert unknown.returncode == 1
    assert "'4321' 不是声网云端录制文档中列出的错误码。" in unknown.stdout
    assert "你是否要找：" in unknown.stdout
    leave = run_cli("explain", "leaveCode 6", env=chinese_env)
    assert leave.returncode == 0
    assert "recorder_leave leaveCode 6" in leave.stdout
    assert "录制端离开了频道：录制端进程被中断（SIGINT）；频道内没有其他人" in leave.stdout
    event = run_cli("explain", "eventType 41", env=chinese_env)
    assert event.stdout.startswith("回调事件 41 recorder_leave\n")


def test_explain_json_keeps_its_keys_and_answer_keys(tmp_path: Path) -> None:
    command = ("explain", "--format", "json", "HTTP/1.1 429", "params conflict")
    english = run_cli(*command, env=_environment(tmp_path, LANG="en_US.UTF-8"))
    chinese = run_cli(*command, "--lang", "zh", env=_environment(tmp_path))
    assert english.returncode == chinese.returncode == 0
    english_json, chinese_json = json.loads(english.stdout), json.loads(chinese.stdout)
    assert _keys(chinese_json) == _keys(english_json)
    assert [a["key"] for a in chinese_json["answers"]] == [
        a["key"] for a in english_json["answers"]
    ]
    titles = [answer["title"] for answer in chinese_json["answers"]]
    assert '声网 reason "params conflict"' in titles
    assert "HTTP 429 Too Many Requests（请求过多）" in titles


TICKETS = Path(__file__).resolve().parent.parent / "data" / "tickets"


def test_diagnose_findings_in_chinese_with_the_same_ids_and_exit_status(tmp_path: Path) -> None:
    ticket = str(TICKETS / "no_token_404.txt")
    english = run_cli("diagnose", ticket, env=_environment(tmp_path, LANG="en_US.UTF-8"))
    chinese = run_cli("diagnose", ticket, env=_environment(tmp_path, LANG="zh_CN.UTF-8"))
    assert english.returncode == chinese.returncode == 1
    out = chinese.stdout
    # Finding ids and severities stay the words scripts grep for.
    assert "1. [error] token-missing" in out and "2. [error] recorder-left" in out
    assert "start 请求体中没有 RTC Token" in out
    assert "第 3 行：start 请求体 clientRequest.token = （未设置）" in out
    # Agora's answer is quoted as it was sent.
    assert '第 8 行：{"code":404,"reason":"failed to find worker"}' in out
    assert "依据：" in out and "处理方法：" in out and "2 项发现，2 个错误。" in out
    assert not CJK.search(english.stdout)
    assert all(cell_len(line) <= 88 for line in out.splitlines() if not line.startswith("     第"))


def test_diagnose_json_has_the_same_keys_and_ids(tmp_path: Path) -> None:
    ticket = str(TICKETS / "expired_token.txt")
    command = ("diagnose", "--format", "json", ticket)
    english = run_cli(*command, env=_environment(tmp_path))
    chinese = run_cli("--lang", "zh", *command, env=_environment(tmp_path))
    assert english.returncode == chinese.returncode == 1
    english_json, chinese_json = json.loads(english.stdout), json.loads(chinese.stdout)
    assert _keys(chinese_json) == _keys(english_json)
    assert chinese_json["exchange"] == english_json["exchange"]
    findings = chinese_json["findings"]
    assert [(f["id"], f["severity"]) for f in findings] == [
        (f["id"], f["severity"]) for f in english_json["findings"]
    ]
    assert CJK.search(findings[0]["message"]) and CJK.search(findings[0]["fix"])
