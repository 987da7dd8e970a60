"""The eight request examples of the seed (cloud_recording_start.zh.md).

They are kept under tests/data/seed_examples (one JSON file each, plus index.json with the
seed's section title and the mode the example is written for). tests/data/seed holds a
copy of the seed with its SHA-256 (SHA256SUMS): tests/spec/test_seed_examples.py checks the
examples against that copy always, and the copy against ../shared/seeds (beside the
checkout, as CI has it) whenever that is there, so a changed seed is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rec_tui.spec.modes import Mode

DATA = Path(__file__).resolve().parents[1] / "data" / "seed_examples"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "cloud_recording_start.zh.md"
SEED_COPY = DATA.parent / "seed" / SEED.name
SEED_SUMS = SEED_COPY.parent / "SHA256SUMS"


def _load() -> list[tuple[str, Mode, dict[str, Any]]]:
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    return [
        (entry["title"], entry["mode"], json.loads((DATA / entry["file"]).read_text("utf-8")))
        for entry in index
    ]


EXAMPLES = _load()
