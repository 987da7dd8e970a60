"""Reading the history: unreadable lines are skipped and counted, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rec_tui.store import history
from rec_tui.store.paths import history_file

GOOD = {
    "at": "2026-01-01T00:00:00Z",
    "call": "acquire",
    "method": "POST",
    "url": "https://sandbox.rec-tui.invalid/v1/apps/a/cloud_recording/acquire",
    "status": 200,
    "elapsed_ms": 12.5,
    "request_id": "r1",
    "attempt": 1,
    "error": "",
}


def _write(lines: list[str]) -> Path:
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


BAD_LINES = [
    json.dumps({**GOOD, "elapsed_ms": "slow"}),
    json.dumps({**GOOD, "status": "200"}),
    json.dumps({**GOOD, "status": True}),
    json.dumps({**GOOD, "call": ["acquire"]}),
    '{"at": "2026',  # cut short by a crash
    "[1, 2, 3]",
    "[" * 100_000 + "]" * 100_000,
    '{"n": ' + "9" * 5000 + "}",
    "\udcff not json",
]


def test_unreadable_lines_are_skipped_and_counted() -> None:
    path = _write([json.dumps(GOOD), *BAD_LINES[:6], json.dumps({**GOOD, "request_id": "r2"})])
    with path.open("a", encoding="utf-8", errors="surrogateescape") as stream:
        for line in BAD_LINES[6:]:
            stream.write(line + "\n")
    found = history.read_recent(10)
    assert [record["request_id"] for record in found.records] == ["r1", "r2"]
    assert found.skipped == len(BAD_LINES)


def test_the_last_n_are_kept_and_blank_lines_are_not_counted() -> None:
    _write([json.dumps({**GOOD, "request_id": f"r{n}"}) for n in range(5)] + ["", "  "])
    found = history.read_recent(2)
    assert [record["request_id"] for record in found.records] == ["r3", "r4"]
    assert found.skipped == 0


def test_a_line_over_the_limit_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "MAX_LINE_BYTES", 1000)
    _write([json.dumps({**GOOD, "error": "x" * 5000}), json.dumps(GOOD)])
    found = history.read_recent(5)
    assert len(found.records) == 1 and found.skipped == 1


def test_a_history_that_is_not_a_regular_file_is_an_error_not_a_hang() -> None:
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    with pytest.raises(history.HistoryError, match="not a regular file"):
        history.read_recent(5)


def test_no_file_is_an_empty_history() -> None:
    assert history.read_recent(5) == history.Recent([], 0)


def test_a_lone_surrogate_in_an_exchange_is_written_and_reads_back() -> None:
    history.append({"call": "start", "reason": "bad \ud800 answer"})
    assert history.recent(1)[0]["reason"] == "bad \ud800 answer"
