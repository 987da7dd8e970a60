"""The eight request examples of the seed (cloud_recording_start.zh.md).

They are kept under tests/data/seed_examples (one JSON file each, plus index.json with the
seed's section title and the mode the example is written for), so the suite does not
depend on ../shared; test_seed_examples_match_seed checks them against the seed when it
is there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "seed_examples"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "cloud_recording_start.zh.md"


def _load() -> list[tuple[str, str, dict[str, Any]]]:
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    return [
        (entry["title"], entry["mode"], json.loads((DATA / entry["file"]).read_text("utf-8")))
        for entry in index
    ]


EXAMPLES = _load()
