"""Benchmark: importing 1 MB pastes is linear in their size, whatever they hold.

Run: ``.venv/bin/python tests/bench/bench_import.py``.

Each paste is imported at 250 KB, 500 KB and 1 MB; a linear importer takes about twice as
long for twice the text (the old scan, which tried a JSON decoder at every ``{``, took 11 s
at 200 KB and over a minute at 1 MB for ``{"a":`` repeated). Target: each 1 MB paste in
well under a second. Pastes that hold no start body are refused with a message, which is
timed the same way (the scan is the same). Figures are CPU seconds of this process, which
stay comparable on a machine shared with other work.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from rec_tui.formats import importers

BODY = json.dumps({"cname": "room", "uid": "527841", "clientRequest": {"token": "t"}})


def _fill(unit: str, size: int) -> str:
    return unit * (size // len(unit))


PASTES: dict[str, Callable[[int], str]] = {
    'unclosed {"a": repeated': lambda n: _fill('{"a":', n) + BODY,
    "{ repeated": lambda n: _fill("{", n) + "\n" + BODY,
    "[ repeated": lambda n: _fill("[", n) + "\n" + BODY,
    "{x} repeated (invalid objects)": lambda n: _fill("{x} ", n) + BODY,
    "{} repeated (empty objects)": lambda n: _fill("{} ", n) + BODY,
    "prose with a body at the end": lambda n: _fill("the customer says it fails. ", n) + BODY,
    "log lines with bodies": lambda n: _fill(f"2026-01-01 INFO start body={BODY}\n", n),
    "deep valid nesting per line": lambda n: (
        _fill('{"a":' * 150 + "1" + "}" * 150 + "\n", n) + BODY
    ),
    '{"a": 1 x} repeated (late errors)': lambda n: _fill('{"a": 1 x} ', n) + BODY,
    "nested objects failing at the end": lambda n: _fill('{"a": ', n // 2) + "x" + BODY,
    "a ticket of curl commands": lambda n: _fill(
        f"try:\ncurl https://api.agora.io/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start"
        f" -u id:secret -d '{BODY}'\n",
        n,
    ),
    "prose lines starting with curl": lambda n: _fill("curl doesn't work {here}\n", n) + BODY,
    'unterminated string after {"': lambda n: '{"' + _fill("x", n) + "\n" + BODY,
}


def _time(text: str) -> tuple[float, str]:
    started = time.process_time()
    try:
        importers.import_text(text)
        outcome = "imported"
    except importers.ImportProblem as problem:
        outcome = f"refused: {problem.message[:50]}"
    return time.process_time() - started, outcome


def main() -> None:
    sizes = (250_000, 500_000, 1_000_000)
    print(f"{'paste':<36}" + "".join(f"{s // 1000:>8} KB" for s in sizes) + "  outcome")
    for name, make in PASTES.items():
        cells, outcome = [], ""
        for size in sizes:
            seconds, outcome = _time(make(size))
            cells.append(f"{seconds:>9.3f}s")
        print(f"{name:<36}" + "".join(cells) + f"  {outcome}")


if __name__ == "__main__":
    main()
