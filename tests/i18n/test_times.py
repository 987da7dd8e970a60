"""Times are written the way the chosen language writes them: Chinese by CLDR's patterns
(Babel, loaded only for Chinese), English as before; UTC stays UTC and local stays local;
`--format json` keeps ISO 8601."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len

from rec_tui.agora.exchange import shown_time
from rec_tui.cli import main
from rec_tui.formats.bundle import BundleContents, bundle_members
from rec_tui.i18n import CHINESE, activate, english, moment
from rec_tui.store import history
from tests.i18n.test_headless_in_chinese import _environment
from tests.spec.test_rules_token import NOW, token, token_problems
from tests.support.cli_processes import run_cli

WHEN = datetime(2026, 12, 3, 6, 5, 4, 567000, tzinfo=UTC)
# A zone eight hours east of UTC without needing tzdata (POSIX: the offset's sign is reversed).
EAST_8 = "CST-8"


def test_english_moments_are_as_before() -> None:
    assert moment(WHEN, utc=True) == "2026-12-03 06:05:04 UTC"
    assert moment(WHEN.timestamp(), utc=True) == "2026-12-03 06:05:04 UTC"
    assert moment(WHEN, utc=True, precision="milliseconds") == "2026-12-03 06:05:04.567 UTC"
    assert moment(WHEN, utc=True, precision="minutes") == "2026-12-03 06:05 UTC"
    clock = moment(WHEN, utc=True, zone=False, date=False, precision="milliseconds")
    assert clock == "06:05:04.567"
    local = WHEN.astimezone()
    assert moment(WHEN, precision="minutes") == local.strftime("%Y-%m-%d %H:%M")


def test_chinese_moments_follow_cldr(tmp_path: Path) -> None:
    activate(CHINESE, tmp_path)
    assert moment(WHEN, utc=True) == "2026年12月3日 UTC 06:05:04"
    assert moment(WHEN, utc=True, precision="milliseconds") == "2026年12月3日 UTC 06:05:04.567"
    clock = moment(WHEN, utc=True, zone=False, date=False, precision="milliseconds")
    assert clock == "06:05:04.567"
    local = WHEN.astimezone()
    expected = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    assert moment(WHEN, precision="minutes") == expected
    # Milliseconds that round up carry into the second.
    assert moment(59.9996, utc=True, precision="milliseconds").endswith("00:01:00.000")
    with english():
        assert moment(WHEN, utc=True) == "2026-12-03 06:05:04 UTC"


def test_the_token_expiry_rule_writes_its_times_in_chinese(tmp_path: Path) -> None:
    expired = token(issued_at=NOW - 7200, expire=3600)
    [(_severity, _path, english_message)] = token_problems(expired)
    activate(CHINESE, tmp_path)
    [(_severity, _path, chinese_message)] = token_problems(expired)
    assert "2023-11-14 21:13:20 UTC" in english_message
    assert "2023年11月14日 UTC 21:13:20" in chinese_message


def _history_record(at: str) -> dict[str, object]:
    return {"at": at, "call": "start", "method": "POST", "url": "https://x", "status": 200,
            "elapsed_ms": 40.0, "request_id": "r1"}  # fmt: skip


def test_history_lines_write_the_time_in_the_language_and_json_keeps_iso(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history.append(_history_record("2026-12-03T06:05:04.567+00:00"))
    history.append(_history_record("not a time"))  # edited by hand: shown as written
    assert main(["history"]) == 0
    english_lines = capsys.readouterr().out.splitlines()
    assert english_lines[0].startswith("2026-12-03 06:05:04.567 UTC  start ")
    assert english_lines[1].startswith("not a time  start ")
    assert main(["--lang", "zh", "history"]) == 0
    chinese_lines = capsys.readouterr().out.splitlines()
    assert chinese_lines[0].startswith("2026年12月3日 UTC 06:05:04.567  start ")
    assert main(["--lang", "zh", "history", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["at"] == "2026-12-03T06:05:04.567+00:00"


def test_an_exchange_s_log_time_is_its_utc_clock(tmp_path: Path) -> None:
    assert shown_time("2026-12-03T06:05:04.567+00:00", time_of_day=True) == "06:05:04.567"
    assert shown_time("2026-12-03T14:05:04.567+08:00", time_of_day=True) == "06:05:04.567"
    activate(CHINESE, tmp_path)
    assert shown_time("2026-12-03T06:05:04.567+00:00") == "2026年12月3日 UTC 06:05:04.567"


def test_the_bundle_readme_says_when_it_was_made_in_the_language(tmp_path: Path) -> None:
    contents = BundleContents(None, "", created_at=WHEN)
    assert "Made 2026-12-03 06:05:04 UTC by rec-tui" in bundle_members(contents)["README.txt"]
    activate(CHINESE, tmp_path)
    assert "于 2026年12月3日 UTC 06:05:04 生成。" in bundle_members(contents)["README.txt"]


def _save_presets(home: Path, times: dict[str, datetime]) -> None:
    body = home / "body.json"
    body.write_text(json.dumps({"cname": "room", "uid": "527841", "clientRequest": {}}))
    for name, when in times.items():
        saved = run_cli("preset", "save", name, "--from", str(body), "--mode", "mix",
                        "--description", f"{name} 客户", env=_environment(home))  # fmt: skip
        assert saved.returncode in (0, 1), saved.stderr  # 1: saved, with its problems listed
        [path] = home.rglob(f"{name}.toml")
        os.utime(path, (when.timestamp(), when.timestamp()))


def test_preset_list_in_chinese_writes_local_dates_aligned_and_json_stays_iso(
    tmp_path: Path,
) -> None:
    _save_presets(
        tmp_path,
        {
            "early": datetime(2026, 1, 4, 16, 30, tzinfo=UTC),  # 1月5日 00:30 at UTC+8
            "late": datetime(2026, 12, 13, 1, 2, tzinfo=UTC),  # 12月13日 09:02 at UTC+8
        },
    )
    env = _environment(tmp_path, TZ=EAST_8)
    chinese = run_cli("preset", "list", "--lang", "zh", env=env).stdout.splitlines()
    english_lines = run_cli("preset", "list", env=env).stdout.splitlines()
    assert english_lines[0].startswith("early  mix         2026-01-05 00:30  ")
    assert english_lines[1].startswith("late   mix         2026-12-13 09:02  ")
    assert chinese[0].startswith("early  mix         2026年1月5日 00:30")
    assert chinese[1].startswith("late   mix         2026年12月13日 09:02")
    # The description column starts on the same terminal cell in every row.
    starts = [cell_len(line[: line.index("客户") - len(name) - 1]) for line, name in
              zip(chinese, ("early", "late"), strict=True)]  # fmt: skip
    assert starts[0] == starts[1] == cell_len("late   mix         2026年12月13日 09:02  ")
    rows = json.loads(run_cli("preset", "list", "--format", "json", "--lang", "zh", env=env).stdout)
    assert {row["name"]: row["modified"] for row in rows} == {
        "early": "2026-01-04T16:30:00+00:00",
        "late": "2026-12-13T01:02:00+00:00",
    }


def test_only_chinese_loads_babel_for_times() -> None:
    """English says its times with the standard library (start-up speed)."""
    code = "import sys; from rec_tui.i18n import moment; moment(0.0); print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
