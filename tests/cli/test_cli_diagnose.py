"""rec-tui diagnose FILE|-: text and JSON output, exit statuses, unreadable input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from rec_tui.cli import main

TICKETS = Path(__file__).parents[1] / "data" / "tickets"


def test_a_ticket_with_a_proven_cause_exits_1_with_the_cause_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["diagnose", str(TICKETS / "no_token_404.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0] == "Exchange read: start → unknown call."
    assert out.index("1. [error] token-missing") < out.index("2. [error] recorder-left")
    assert "Y3VzdG9tZXI6" not in out
    assert "wJalrSecretExample" not in out


def test_json_output_has_findings_and_exchange(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diagnose", str(TICKETS / "wrong_channel_zh.txt"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert set(data) == {"findings", "exchange"}
    first = data["findings"][0]
    assert set(first) >= {"id", "severity", "message", "evidence", "fix"}
    assert first["id"] == "token-channel-mismatch"
    assert [row["call"] for row in data["exchange"]] == ["start", "query"]


def test_a_healthy_ticket_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", str(TICKETS / "healthy.txt")]) == 0
    assert "No findings" in capsys.readouterr().out


def test_warnings_only_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", str(TICKETS / "placeholder_portrait.txt")]) == 0


def test_standard_input_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (TICKETS / "rate_limited.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["diagnose", "-"]) == 1
    assert "rate-limited" in capsys.readouterr().out


def test_a_missing_file_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", str(TICKETS / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt: no such file." in err


def test_an_empty_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert main(["diagnose", str(empty)]) == 2
    assert "is empty" in capsys.readouterr().err


def test_a_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_text_that_is_not_utf8_exits_2_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ticket = tmp_path / "gbk.txt"
    ticket.write_bytes("查询录制 404".encode("gbk"))
    assert main(["diagnose", str(ticket)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_callback_events_are_named_in_the_exchange_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diagnose", str(TICKETS / "callback_idle.txt")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Exchange read: callback event 41."


def test_an_upload_error_in_the_callback_is_named_before_the_empty_file_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["diagnose", str(TICKETS / "upload_failed.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0] == ("Exchange read: acquire → start → callback event 1 → stop.")
    assert out.index("1. [error] upload-failed") < out.index("2. [error] empty-file-list")
    assert "Check storageConfig in start" in out
    assert "AKIAEXAMPLEKEY1" not in out and "wJalrSecretExample" not in out


def test_files_in_agoras_backup_cloud_are_a_warning_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["diagnose", str(TICKETS / "upload_backuped.txt"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(f["id"], f["severity"]) for f in data["findings"]] == [("upload-backuped", "warning")]
