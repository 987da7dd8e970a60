"""Benchmark: diagnosing 1 MB tickets is linear in their size.

Run: ``.venv/bin/python tests/bench/bench_diagnose.py``.

Each made-up ticket of tests/data/tickets is repeated to 250 KB, 500 KB and 1 MB (a
linear diagnosis takes about twice as long for twice the text), plus a ticket of bare
lines (a URL, a status line, a server text) that makes thousands of calls. Target: each
1 MB ticket in a few CPU seconds. Figures are CPU seconds of this process.
"""

from __future__ import annotations

import time
from pathlib import Path

from rec_tui.agora.diagnose import diagnose

TICKETS = Path(__file__).resolve().parents[1] / "data" / "tickets"
BARE = (
    "POST https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/"
    "resourceid/R/mode/mix/start\nHTTP/1.1 200 OK\nfailed to find worker\n"
)

# Thousands of started recordings and no stop: each start's later calls are looked at.
STARTED = (
    "POST https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/"
    'resourceid/R/mode/mix/start\n{"cname":"c","uid":"1","clientRequest":{}}\n'
    '{"resourceId":"R","sid":"S","cname":"c","uid":"1"}\n'
)


def main() -> None:
    units = {path.stem: path.read_text("utf-8") for path in sorted(TICKETS.glob("*.txt"))}
    units["bare lines"] = BARE
    units["starts never stopped"] = STARTED
    print(f"{'ticket':<24} {'250 KB':>8} {'500 KB':>8} {'1 MB':>8}  (CPU seconds)")
    for name, unit in units.items():
        figures = []
        for size in (250_000, 500_000, 1_000_000):
            text = unit * max(1, size // len(unit))
            started = time.process_time()
            diagnose(text)
            figures.append(time.process_time() - started)
        print(f"{name:<24} " + " ".join(f"{figure:8.2f}" for figure in figures))


if __name__ == "__main__":
    main()
