"""``rec-tui validate`` under a Chinese locale says its messages in Chinese; everything a
script reads (exit status, JSON keys, rule names, paths, severities) stays the same."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tests.support.cli_processes import run_cli

CJK = re.compile(r"[\u4e00-\u9fff]")
# No cname, uid as a number, a channelType outside its choices: envelope and value rules.
BODY = {"uid": 527841, "clientRequest": {"recordingConfig": {"channelType": 5}}}


def _environment(home: Path, **language: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "REC_TUI"))}
    return {**env, "REC_TUI_HOME": str(home), **language}


def _body(tmp_path: Path) -> str:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(BODY))
    return str(path)


def test_a_chinese_locale_prints_chinese_messages_with_the_same_exit_status(
    tmp_path: Path,
) -> None:
    body = _body(tmp_path)
    english = run_cli("validate", "--mode", "mix", body, env=_environment(tmp_path, LANG="C.UTF-8"))
    chinese = run_cli(
        "validate", "--mode", "mix", body, env=_environment(tmp_path, LANG="zh_CN.UTF-8")
    )
    assert english.returncode == chinese.returncode == 1
    assert "Channel name (cname) is required." in english.stdout
    assert "必须填写频道名（cname）。" in chinese.stdout
    assert 'uid 必须以字符串形式发送，例如 "527841"。' in chinese.stdout
    assert "channelType 必须为 0 或 1 之一；实际为 5。" in chinese.stdout
    assert not CJK.search(english.stdout)
    assert chinese.stderr == english.stderr == ""


def test_json_output_differs_only_in_message_and_hint(tmp_path: Path) -> None:
    body = _body(tmp_path)
    command = ("validate", "--mode", "mix", "--format", "json", body)
    english = run_cli(*command, env=_environment(tmp_path, REC_TUI_LANG="en"))
    chinese = run_cli(*command, "--lang", "zh", env=_environment(tmp_path, REC_TUI_LANG="en"))
    assert english.returncode == chinese.returncode == 1
    english_report, chinese_report = json.loads(english.stdout), json.loads(chinese.stdout)

    def language_free(report: list[dict[str, object]]) -> object:
        """The report without its sentences: messages, hints and the mode's reason."""
        return [
            {
                **{k: v for k, v in entry.items() if k != "mode_reason"},
                "problems": [
                    {k: v for k, v in problem.items() if k not in ("message", "hint")}
                    for problem in entry["problems"]  # type: ignore[attr-defined]
                ],
            }
            for entry in report
        ]

    assert language_free(chinese_report) == language_free(english_report)
    problems = chinese_report[0]["problems"]
    said = {p["rule"]: p["message"] for p in problems}
    assert said["body.cname.required"] == "必须填写频道名（cname）。"
    assert [set(p) for p in problems] == [set(p) for p in english_report[0]["problems"]]
    assert chinese_report[0]["mode_reason"] == "由 --mode 指定"


def test_the_report_and_its_errors_are_chinese_with_the_same_exit_status(tmp_path: Path) -> None:
    body, missing = _body(tmp_path), str(tmp_path / "missing.json")
    chinese_env = _environment(tmp_path, LANG="zh_CN.UTF-8")
    english_env = _environment(tmp_path, LANG="en_US.UTF-8")
    chinese = run_cli("validate", body, missing, env=chinese_env)
    english = run_cli("validate", body, missing, env=english_env)
    assert chinese.returncode == english.returncode == 2
    assert "missing.json：文件不存在。（未检查）" in chinese.stdout
    assert "共检查 2 个输入：0 个有效，1 个有错误，1 个无法读取；" in chinese.stdout
    assert "（mix 模式）" in chinese.stdout and "修改：" in chinese.stdout
    assert "2 inputs checked: 0 valid, 1 with errors, 1 unreadable;" in english.stdout
    # Which mode was inferred, and why, on standard error.
    assert "（可用 --mode 指定其他模式）。" in chinese.stderr
    pasted = tmp_path / "ticket.txt"
    pasted.write_text("curl -X POST https://api.agora.io/v1/apps/x/cloud_recording/acquire")
    not_json = run_cli("validate", str(pasted), env=chinese_env)
    assert not_json.returncode == 2
    assert "不是有效的 JSON" in not_json.stdout and "rec-tui diagnose FILE" in not_json.stdout
