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


VECTORS = json.loads((TICKETS.parent / "tokens" / "agora_vectors.json").read_text("utf-8"))


def test_token_decode_in_chinese(tmp_path: Path) -> None:
    token = VECTORS["access_token2"][0]["token"]
    english = run_cli("token", "decode", token, env=_environment(tmp_path, LANG="C.UTF-8"))
    chinese = run_cli("token", "decode", token, env=_environment(tmp_path, LANG="zh_CN.UTF-8"))
    assert english.returncode == chinese.returncode == 0
    # Times are written as Chinese writes them (CLDR), in UTC as in English.
    assert "  签发：    1970年1月13日 UTC 20:38:31\n" in chinese.stdout
    assert "  过期：    1970年1月13日 UTC 20:48:31（已过期）" in chinese.stdout
    assert f"    频道：    {VECTORS['channel']}" in chinese.stdout
    # Agora's privilege names stay as Agora writes them.
    assert "    joinChannel: 1970年1月13日 UTC 20:48:31（已过期）" in chinese.stdout
    assert "  Issued:   1970-01-13 20:38:31 UTC\n" in english.stdout
    assert "  Expires:  1970-01-13 20:48:31 UTC (expired)" in english.stdout
    assert token not in chinese.stdout
    broken = run_cli("token", "decode", "--lang", "zh", "008abc", env=_environment(tmp_path))
    assert broken.returncode == 2
    assert "rec-tui: 无法读取 Token：rec-tui 无法读取版本为 008 的 Token" in broken.stderr


def test_preset_list_in_chinese(tmp_path: Path) -> None:
    env = _environment(tmp_path, LANG="zh_CN.UTF-8")
    empty = run_cli("preset", "list", env=env)
    assert empty.returncode == 0 and "中没有预设。" in empty.stdout
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"cname": "room", "uid": "527841", "clientRequest": {}}))
    saved = run_cli("preset", "save", "demo", "--from", str(body), "--mode", "mix", env=env)
    assert "已保存预设 'demo'" in saved.stdout, saved.stderr
    listed = run_cli("preset", "list", "--lang", "zh", env=_environment(tmp_path))
    english = run_cli("preset", "list", env=_environment(tmp_path))
    assert listed.returncode == english.returncode == 0
    # Names and modes stay; the date is written as Chinese writes it (tests/i18n/test_times).
    assert listed.stdout.startswith("demo  mix ") and "日 " in listed.stdout
    assert english.stdout.startswith("demo  mix ") and "日 " not in english.stdout
    as_json = run_cli("preset", "list", "--format", "json", "--lang", "zh", env=env)
    assert [set(row) for row in json.loads(as_json.stdout)] == [
        {"name", "mode", "description", "modified", "path", "error"}
    ]


def test_send_to_the_sandbox_in_chinese(tmp_path: Path) -> None:
    from tests.support.sending import clean_body

    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["transcodingConfig"]["backgroundColor"] = "red"
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body))
    command = ("send", str(path), "--sandbox")
    english = run_cli(*command, env=_environment(tmp_path, LANG="en_US.UTF-8"))
    chinese = run_cli(*command, env=_environment(tmp_path, LANG="zh_CN.UTF-8"))
    assert english.returncode == chinese.returncode == 1
    assert "start 未发送：请求有错误。" in chinese.stderr
    assert "请修正，或加上 --force 强制发送。" in chinese.stderr
    # Forced, the sandbox refuses it as Agora would: its reason stays in English, our
    # explanation of the code is Chinese; the JSON keys are the same.
    forced = (*command, "--force", "--format", "json")
    english = run_cli(*forced, env=_environment(tmp_path, LANG="en_US.UTF-8"))
    chinese = run_cli(*forced, "--lang", "zh", env=_environment(tmp_path))
    assert english.returncode == chinese.returncode == 1
    english_error = json.loads(english.stdout)["error"]
    chinese_error = json.loads(chinese.stdout)["error"]
    assert set(chinese_error) == set(english_error)
    assert chinese_error["reason"] == english_error["reason"] and chinese_error["code"] == 2
    assert chinese_error["meaning"].startswith("参数无效")
    missing = str(tmp_path / "missing.json")
    sent = run_cli("send", missing, "--sandbox", env=chinese_env(tmp_path))
    assert sent.returncode == 2 and CJK.search(sent.stderr)


def test_send_wait_says_the_status_in_chinese(tmp_path: Path) -> None:
    from tests.support.sending import clean_body

    path = tmp_path / "body.json"
    path.write_text(json.dumps(clean_body("mix")))
    command = ("send", str(path), "--sandbox", "--wait", "--stop-after", "0")
    english = run_cli(*command, env=_environment(tmp_path, LANG="en_US.UTF-8"))
    chinese = run_cli(*command, env=chinese_env(tmp_path))
    assert english.returncode == chinese.returncode == 0
    assert "\nstatus 4 (all components ready)\n" in english.stdout
    assert "\n状态 4（所有组件已就绪）\n" in chinese.stdout


def chinese_env(home: Path) -> dict[str, str]:
    return _environment(home, LANG="zh_CN.UTF-8")


def test_help_is_chinese_with_argparse_own_headings(tmp_path: Path) -> None:
    for language in ({"LANG": "zh_CN.UTF-8"}, {"REC_TUI_LANG": "zh"}):
        shown = run_cli("diagnose", "--help", env=_environment(tmp_path, **language))
        assert shown.returncode == 0
        assert shown.stdout.startswith("用法：rec-tui diagnose")
        assert "位置参数" in shown.stdout and "选项" in shown.stdout
        assert "显示此帮助信息并退出" in shown.stdout
        assert "读取客户粘贴的任何内容" in shown.stdout
    top = run_cli("--lang", "zh", "--help", env=_environment(tmp_path, COLUMNS="80"))
    assert "编写、检查并发送声网云端录制请求。" in top.stdout
    assert "解释声网错误码、服务器文本、HTTP 状态码或回调事件" in top.stdout
    english = run_cli("diagnose", "--help", env=_environment(tmp_path, LANG="C"))
    assert english.stdout.startswith("usage: rec-tui diagnose") and not CJK.search(english.stdout)
    # A usage mistake is said in Chinese, with the same exit status.
    wrong = run_cli("validate", "--mode", "bogus", "x.json", env=chinese_env(tmp_path))
    assert wrong.returncode == 2
    assert "rec-tui validate：错误：参数 --mode：无效的选项值：'bogus'" in wrong.stderr


def test_help_fits_the_terminal_in_cells(tmp_path: Path) -> None:
    for width in (80, 120):
        env = _environment(tmp_path, LANG="zh_CN.UTF-8", COLUMNS=str(width))
        for command in (("send",), ("token", "build"), ("query",), ("explain",)):
            shown = run_cli(*command, "--help", env=env)
            options = shown.stdout.split("\n选项:\n", 1)[1]
            assert all(cell_len(line) <= width for line in options.splitlines()), command
