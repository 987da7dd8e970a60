"""Benchmark: saving and opening a preset, and listing a folder of presets.

Run: ``.venv/bin/python tests/bench/bench_presets.py``. Uses a temporary REC_TUI_HOME and
an in-memory secret store (the keyring's own speed is not rec-tui's).

1. Save: ``presets.save`` (secret references, TOML, temp file + fsync + rename) against
   the baseline of writing the same body as JSON with a plain ``Path.write_text``.
2. Open: ``presets.load`` (TOML, type/key checks, secret resolution) against
   ``json.loads`` of the same body read from disk.
3. List: ``presets.list_presets`` over 200 presets (what the Ctrl+O dialog shows), against
   globbing and reading the same 200 files as bytes.

Figures are medians; the ratio against each baseline is printed. fsync makes save slower
than the baseline by design (a crash mid-save must leave the old preset intact).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROUNDS = 200
PRESETS_IN_FOLDER = 200


def _median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    home = tempfile.mkdtemp(prefix="rec-tui-bench-")
    os.environ["REC_TUI_HOME"] = home
    from rec_tui.request.draft import Draft
    from rec_tui.store import presets
    from rec_tui.store.paths import presets_dir
    from rec_tui.store.secrets import MemoryStore
    from tests.support.seed_examples import EXAMPLES

    mode, body = EXAMPLES[0][1], EXAMPLES[0][2]
    draft = Draft(mode=mode)
    draft.replace_body(body)
    store = MemoryStore(persistent=True)  # as a keyring: the file holds keyring: references
    plain = Path(home) / "plain.json"

    save = _median_ms(lambda: presets.save(draft, "bench", store, force=True))
    save_base = _median_ms(lambda: plain.write_text(json.dumps(body)))
    load = _median_ms(lambda: presets.load("bench", store))
    load_base = _median_ms(lambda: json.loads(plain.read_text()))

    for index in range(PRESETS_IN_FOLDER):
        presets.save(draft, f"p{index:03d}", store, description=f"preset {index}")
    folder = presets_dir()
    listing = _median_ms(presets.list_presets, rounds=20)
    listing_base = _median_ms(
        lambda: [path.read_bytes() for path in sorted(folder.glob("*.toml"))], rounds=20
    )

    print(f"save preset:      {save:7.3f} ms  (plain JSON write {save_base:.3f} ms, "
          f"×{save / save_base:.1f})")  # fmt: skip
    print(f"open preset:      {load:7.3f} ms  (json.loads of the file {load_base:.3f} ms, "
          f"×{load / load_base:.1f})")  # fmt: skip
    print(f"list {PRESETS_IN_FOLDER} presets: {listing:7.3f} ms  (reading the files "
          f"{listing_base:.3f} ms, ×{listing / listing_base:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
