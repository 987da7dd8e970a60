"""The hostile inputs of issue 16 stored in tests/data/hostile/, for the tests and the fuzz."""

from __future__ import annotations

from pathlib import Path
from typing import Final

HOSTILE: Final = Path(__file__).resolve().parents[1] / "data" / "hostile"


def hostile_texts() -> dict[str, str]:
    """Every stored hostile input by file name (surrogates kept as JSON escapes)."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(HOSTILE.iterdir())
        if path.suffix in (".json", ".sh", ".txt")
    }
