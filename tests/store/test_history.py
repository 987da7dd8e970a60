"""Reading the history: unreadable lines are skipped and counted, never a traceback."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

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


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_a_history_that_is_not_a_regular_file_is_an_error_not_a_hang(
    make: Callable[[Path], None],
) -> None:
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    with pytest.raises(history.HistoryError, match="not a regular file"):
        history.read_recent(5)


def test_no_file_is_an_empty_history() -> None:
    assert history.read_recent(5) == history.Recent([], 0)


def test_appending_makes_the_missing_folder_also_when_it_is_removed_later() -> None:
    import shutil

    history.append({**GOOD, "request_id": "first"})
    shutil.rmtree(history_file().parent)  # someone cleans up the data folder meanwhile
    history.append({**GOOD, "request_id": "second"})
    assert [record["request_id"] for record in history.recent(5)] == ["second"]


def test_a_lone_surrogate_in_an_exchange_is_written_and_reads_back() -> None:
    history.append({"call": "start", "reason": "bad \ud800 answer"})
    assert history.recent(1)[0]["reason"] == "bad \ud800 answer"


def _naive_recent(lines: list[bytes], last: int) -> history.Recent:
    """What reading the whole file from the start gives: the reference for the backward read."""
    readable: list[tuple[int, dict[str, object]]] = []
    unreadable: list[int] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        record = None if len(line) >= history.MAX_LINE_BYTES else history._record(line)
        if record is None:
            unreadable.append(index)
        else:
            readable.append((index, record))
    kept = readable[-last:]
    oldest = kept[0][0] if len(kept) == last else -1
    return history.Recent([r for _, r in kept], sum(1 for i in unreadable if i > oldest))


@pytest.mark.parametrize("block", [1, 7, 64, 4096])
def test_the_last_records_read_backwards_are_those_read_from_the_start(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "_BLOCK", block)
    monkeypatch.setattr(history, "MAX_LINE_BYTES", 300)
    lines = [
        json.dumps({**GOOD, "request_id": f"r{n}", "error": "e" * (n * 7 % 50)}) for n in range(9)
    ]
    lines[2:2] = [json.dumps({**GOOD, "error": "x" * 400}), "", "{cut"]  # too long, blank, bad
    lines[7:7] = ["[1]", "   ", json.dumps({**GOOD, "status": "200"})]
    lines.append("{no newline at the end")
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    encoded = [line.encode() for line in lines]
    for last in range(1, 13):
        assert history.read_recent(last) == _naive_recent(encoded, last), last


def test_unreadable_lines_older_than_the_records_listed_are_not_counted() -> None:
    _write(["{cut", json.dumps({**GOOD, "request_id": "r1"}), "[1]", json.dumps(GOOD)])
    found = history.read_recent(1)
    assert [record["request_id"] for record in found.records] == ["r1"]
    assert found.skipped == 0
    assert history.read_recent(2).skipped == 1  # "[1]" lies between r1 and r1's successor


class _CountingStream(io.BufferedReader):
    read_bytes = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        _CountingStream.read_bytes += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        _CountingStream.read_bytes += len(data)
        return data


def test_the_last_records_are_read_from_the_end_of_a_long_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = json.dumps(GOOD)
    path = _write([line] * 100_000)
    opened = history._open

    def counting(target: Path) -> BinaryIO | None:
        stream = opened(target)
        assert stream is not None
        return _CountingStream(io.FileIO(os.dup(stream.fileno())))

    monkeypatch.setattr(history, "_open", counting)
    assert len(history.read_recent(20).records) == 20
    size = path.stat().st_size
    assert size > 10_000_000
    # Only the last block or so, read backwards then forwards: nowhere near the whole file.
    assert _CountingStream.read_bytes <= 2 * history._BLOCK + 20 * (len(line) + 1)
