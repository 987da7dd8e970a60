"""Reading an input file holds only what the file has, never the 10 MB limit up front."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

from rec_tui.formats.jsonfile import MAX_BYTES, read_at_most, read_text


def test_reading_a_small_file_does_not_set_aside_the_whole_limit(tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"cname": "room", "uid": "1", "pad": "x" * 5000}), "utf-8")
    tracemalloc.start()
    try:
        text = read_text(str(body))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert json.loads(text)["cname"] == "room"
    # file.read(MAX_BYTES + 1) would have reserved 10 MB for these 5 kB.
    assert peak < MAX_BYTES // 20


def test_a_file_larger_than_its_size_said_is_still_read_to_the_limit() -> None:
    data = bytes(range(256)) * 5000  # 1.28 MB
    # The size seen before reading was 10 bytes: the file grew since.
    assert read_at_most(io.BytesIO(data), len(data) + 1, expected=10) == data
    assert read_at_most(io.BytesIO(data), 1000, expected=10) == data[:1000]
    assert read_at_most(io.BytesIO(b""), 1000, expected=0) == b""
