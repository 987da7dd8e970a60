"""Benchmark: validate() on a large and a small body, and `rec-tui validate` on 1,000 files.

Run: ``.venv/bin/python tests/bench/bench_validate.py``.

1. In process: the median time of ``validate(mode, body)`` for a large realistic mix body
   (custom layout with 17 tiles, four 32-entry subscription lists, per-user backgrounds,
   storage with extensionParams) and for a small one (the harness's clean mix body). The
   baseline, measured in the same run, is a JSON round trip of the same body
   (``json.loads(json.dumps(body))``), i.e. the least work any consumer of the body does.
   Target: under 1 ms for the large body, so validation can run on every keystroke.
2. Command line: ``rec-tui validate --mode mix`` on 1,000 files in one call, timed end to
   end in a subprocess (interpreter start-up included), with the bare interpreter's
   start-up as the baseline and the child's CPU time printed too (the wall time includes
   waiting for a CPU on a loaded machine). Target: under 2 s.
"""

from __future__ import annotations

import copy
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rec_tui.request.validate import validate  # noqa: E402
from tests.support.rules import clean  # noqa: E402

ROUNDS = 2_000
FILES = 1_000


def large_body() -> dict[str, Any]:
    body = clean("mix")
    rec = body["clientRequest"]["recordingConfig"]
    uids = [str(100 + n) for n in range(32)]
    rec["subscribeAudioUids"] = list(uids)
    rec["subscribeVideoUids"] = list(uids)
    rec["subscribeUidGroup"] = 4
    rec["audioProfile"] = 1
    rec["transcodingConfig"].update(
        {
            "width": 1280,
            "height": 720,
            "fps": 30,
            "bitrate": 2260,
            "mixedVideoLayout": 3,
            "backgroundColor": "#336699",
            "backgroundImage": "https://example.com/canvas.jpg",
            "defaultUserBackgroundImage": "https://example.com/user.jpg",
            "layoutConfig": [
                {
                    "uid": uids[n],
                    "x_axis": round((n % 5) * 0.2, 6),
                    "y_axis": round((n // 5) * 0.25, 6),
                    "width": 0.2,
                    "height": 0.25,
                    "alpha": 1.0,
                    "render_mode": n % 2,
                }
                for n in range(17)
            ],
            "backgroundConfig": [
                {"uid": uids[n], "image_url": f"https://example.com/{n}.jpg", "render_mode": 0}
                for n in range(17)
            ],
        }
    )
    storage = body["clientRequest"]["storageConfig"]
    storage.update({"vendor": 1, "region": 0})
    storage["extensionParams"] = {"sse": "kms", "tag": "recordings"}
    return body


def median_seconds(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    for _ in range(rounds // 10):
        action()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def in_process() -> None:
    for name, body in (("large", large_body()), ("small", clean("mix"))):
        problems = validate("mix", body)
        errors = [p for p in problems if p.is_error]
        validate_s = median_seconds(lambda body=body: validate("mix", body))  # type: ignore[misc]
        baseline_s = median_seconds(lambda body=body: json.loads(json.dumps(body)))  # type: ignore[misc]
        print(
            f"{name:5} body ({len(json.dumps(body)):5} bytes, {len(problems)} problems, "
            f"{len(errors)} errors): validate median {validate_s * 1e3:.3f} ms; "
            f"JSON round-trip baseline {baseline_s * 1e3:.3f} ms; "
            f"ratio {validate_s / baseline_s:.1f}x"
            + ("   [target < 1 ms: MET]" if validate_s < 1e-3 else "   [target < 1 ms: MISSED]")
            * (name == "large")
        )


def command_line() -> None:
    bodies = [large_body(), clean("mix")]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n in range(FILES):
            body = copy.deepcopy(bodies[n % 2])
            body["cname"] = f"room{n}"
            path = Path(folder) / f"body{n:04}.json"
            path.write_text(json.dumps(body), encoding="utf-8")
            paths.append(str(path))
        command = [sys.executable, "-m", "rec_tui", "validate", "--mode", "mix", *paths]
        empty = [sys.executable, "-c", "pass"]
        start = time.perf_counter()
        subprocess.run(empty, check=True)
        startup_s = time.perf_counter() - start
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed_s = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout else result.stderr
    verdict = "MET" if elapsed_s < 2 else "MISSED"
    print(
        f"rec-tui validate on {FILES} files: {elapsed_s:.2f} s (exit {result.returncode}; "
        f"{summary}); bare interpreter start-up baseline {startup_s:.2f} s; "
        f"ratio {elapsed_s / startup_s:.1f}x   [target < 2 s: {verdict}]"
    )
    # On a busy machine the wall time includes waiting for a CPU; the CPU time does not.
    print(f"  CPU time of that call: {cpu_s:.2f} s")


if __name__ == "__main__":
    in_process()
    command_line()
