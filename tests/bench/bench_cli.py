"""Benchmark the headless commands as a user runs them: whole processes, against baselines.

Run: ``.venv/bin/python tests/bench/bench_cli.py [--before DIR]``. Every figure is a
median of runs interleaved with its baseline's (so the machine's load hits both alike),
measured from spawning the process to its exit, bytecode caches written first (as an
installed rec-tui has them). Validate and preset list are also given in CPU time (user +
system, what the process itself used), which other work on a shared machine moves less.
The load average is printed at the start and the end.

``--before DIR``: DIR holds another version of the code (``git archive COMMIT | tar -x -C
DIR``); validate and preset list are then also run from it, interleaved in the same rounds,
and reported as "before" (run with this venv's interpreter and packages).

1. ``rec-tui validate FILE`` (one seed body) against ``python -c pass``: the start-up a
   script pays per call. Target ≤ 3×.
2. ``rec-tui preset list`` with 5,000 presets against ``ls -l`` of the same folder (list
   it and read each file's status). Target ≤ 100 ms. The presets were saved one after another
   over the last days, each at its own time, the newest an hour before (as presets usually
   are), so the listing reads their headers from the cache the first
   listing wrote; the first listing itself (no cache) is printed as a diagnostic.
3. ``rec-tui history`` (the last 20) on a history of 100,000 lines against ``tail -n 20``
   of it, and the same command on 1,000 lines (the ratio shows whether the time grows with
   the file). Target: about the same on both.
4. ``rec-tui history --last 100000 --format json`` on the 100,000 lines: peak memory (the
   child's maximum resident set) against ``--last 20`` on the same file. Target: bounded,
   about the same.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent
REC_TUI = str(BIN / "rec-tui")
SEED = ROOT / "tests" / "data" / "seed_examples" / "1_mix_av.json"
ROUNDS = 15
PRESETS = 5_000
HISTORY_LINES = 100_000
# Runs rec-tui from the folder given first (another version of the code), as the
# console script does.
LAUNCH = (
    "import sys\n"
    "sys.path.insert(0, sys.argv.pop(1))\n"
    "from rec_tui.cli import main\n"
    "sys.exit(main())\n"
)


# Runs a command and prints its peak resident set (KiB). The peak of a child spawned by
# this (large) benchmark process would include this process's own: a fork shares its pages
# until exec, and the kernel counts them. Spawned from this small launcher instead.
PEAK = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


class Run:
    """One finished child process: wall time and CPU time (user + system, s) and, when
    asked, peak resident set (KiB)."""

    def __init__(self, argv: list[str], env: dict[str, str], *, peak: bool = False) -> None:
        command = [sys.executable, "-c", PEAK, *argv] if peak else argv
        used = _children_cpu()
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        self.seconds = time.perf_counter() - started
        self.cpu_seconds = _children_cpu() - used  # one child at a time: this one's
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr}")
        self.peak_kib = int(done.stdout) if peak else 0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(
    commands: dict[str, list[str]],
    env: dict[str, str],
    rounds: int = ROUNDS,
    *,
    peak: bool = False,
) -> dict[str, list[Run]]:
    for argv in commands.values():  # warm-up: bytecode caches, page cache
        Run(argv, env)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            runs[name].append(Run(argv, env, peak=peak))
    return runs


def median_ms(runs: list[Run]) -> float:
    return statistics.median(run.seconds for run in runs) * 1000


def median_cpu_ms(runs: list[Run]) -> float:
    return statistics.median(run.cpu_seconds for run in runs) * 1000


def median_kib(runs: list[Run]) -> float:
    return statistics.median(run.peak_kib for run in runs)


def report(label: str, value: float, unit: str, base_label: str, base: float) -> None:
    print(f"  {label:<44} {value:9.1f} {unit}")
    print(f"  {base_label:<44} {base:9.1f} {unit}   → {value / base:.2f}×")


def with_before(commands: dict[str, list[str]], before: Path | None) -> dict[str, list[str]]:
    """``commands``, and each rec-tui one again as "NAME before", run from ``before``."""
    if before is None:
        return commands
    launch = [sys.executable, "-c", LAUNCH, str(before)]
    again = {
        f"{name} before": [*launch, *argv[1:]]
        for name, argv in commands.items()
        if argv[0] == REC_TUI
    }
    return {**commands, **again}


def report_before(
    label: str, runs: dict[str, list[Run]], name: str, base: str, *, cpu: bool = False
) -> None:
    measure = median_cpu_ms if cpu else median_ms
    indent = label[: len(label) - len(label.lstrip())]
    if f"{name} before" in runs:
        report(f"{label}, before", measure(runs[f"{name} before"]), "ms",
               f"{indent}the same baseline", measure(runs[base]))  # fmt: skip


def bench_validate(env: dict[str, str], before: Path | None) -> None:
    commands = {
        "validate": [REC_TUI, "validate", str(SEED)],
        "pass": [sys.executable, "-c", "pass"],
    }
    runs = interleaved(with_before(commands, before), env)
    print("1. rec-tui validate of one file vs the bare interpreter (target ≤ 3×):")
    report("rec-tui validate FILE", median_ms(runs["validate"]), "ms",
           "python -c pass", median_ms(runs["pass"]))  # fmt: skip
    report_before("rec-tui validate FILE", runs, "validate", "pass")
    # CPU time is what the process itself used: less moved by other work on the machine.
    report("  in CPU time", median_cpu_ms(runs["validate"]), "ms",
           "  python -c pass", median_cpu_ms(runs["pass"]))  # fmt: skip
    report_before("  in CPU time", runs, "validate", "pass", cpu=True)


def write_presets(home: Path) -> Path:
    from rec_tui.request.draft import Draft
    from rec_tui.store import presets
    from rec_tui.store.secrets import MemoryStore
    from tests.support.seed_examples import EXAMPLES

    draft = Draft(mode=EXAMPLES[0][1])
    draft.replace_body(EXAMPLES[0][2])
    first = presets.save(draft, "p0000", MemoryStore(persistent=True), description="preset 0")
    assert first.path is not None
    text = first.path.read_text(encoding="utf-8")
    folder = first.path.parent
    for index in range(1, PRESETS):  # what saving writes, without 5,000 fsyncs
        name = f"p{index:04d}"
        (folder / f"{name}.toml").write_text(
            text.replace('"p0000"', f'"{name}"').replace("preset 0", f"preset {index}"), "utf-8"
        )
    # Saved one after another over the last days, each at its own time (a listing dates
    # each one; 5,000 files of one time would flatter a listing that dates each time once).
    an_hour_ago = time.time() - 3600
    for index, file in enumerate(sorted(folder.glob("*.toml"))):
        saved = an_hour_ago - index * 61.3
        os.utime(file, (saved, saved))
    return folder


def bench_preset_list(env: dict[str, str], folder: Path, before: Path | None) -> None:
    cache = Path(env["REC_TUI_HOME"]) / "cache"
    commands = {"list": [REC_TUI, "preset", "list"], "ls": ["ls", "-l", str(folder)]}
    runs = interleaved(with_before(commands, before), env)
    # The first listing: no cache yet (removed before each run, by a shell started alike).
    first = f"rm -rf {cache} && exec {REC_TUI} preset list"
    cold = interleaved({"first": ["sh", "-c", first], "sh": ["sh", "-c", "exec true"]}, env, 5)
    print(f"2. rec-tui preset list with {PRESETS:,} presets vs ls -l of the folder "
          "(target ≤ 100 ms):")  # fmt: skip
    report("rec-tui preset list", median_ms(runs["list"]), "ms",
           "ls -l", median_ms(runs["ls"]))  # fmt: skip
    report_before("rec-tui preset list", runs, "list", "ls")
    report("  in CPU time", median_cpu_ms(runs["list"]), "ms",
           "  ls -l", median_cpu_ms(runs["ls"]))  # fmt: skip
    report_before("  in CPU time", runs, "list", "ls", cpu=True)
    print(f"  {'first listing, no cache (diagnostic)':<44} "
          f"{median_ms(cold['first']) - median_ms(cold['sh']):9.1f} ms")  # fmt: skip


def write_history(path: Path, lines: int) -> None:
    record = {
        "at": "2026-12-01T10:00:00.000+00:00", "call": "query", "method": "GET",
        "url": "http://127.0.0.1:8765/v1/apps/demo/cloud_recording/resourceid/r/sid/s/mode/mix/query",
        "request_headers": {"Authorization": "Basic ••••••••"}, "status": 200,
        "elapsed_ms": 3.2, "request_id": "x", "attempt": 1, "error": None,
        "response_body": {"serverResponse": {"status": 5, "fileList": [{"fileName": "a.m3u8"}]}},
    }  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    path.write_text(line * lines, encoding="utf-8")


def bench_history(base_env: dict[str, str], homes: Path) -> None:
    envs = {}
    for lines in (1_000, HISTORY_LINES):
        home = homes / f"history-{lines}"
        write_history(home / "data" / "history.jsonl", lines)
        envs[lines] = {**base_env, "REC_TUI_HOME": str(home)}
    big = envs[HISTORY_LINES]
    history_file = Path(big["REC_TUI_HOME"]) / "data" / "history.jsonl"
    runs = interleaved(
        {
            "history": [REC_TUI, "history"],
            "tail": ["tail", "-n", "20", str(history_file)],
        },
        big,
    )
    small = interleaved({"history": [REC_TUI, "history"]}, envs[1_000])
    print(f"3. rec-tui history (last 20) on {HISTORY_LINES:,} lines vs tail -n 20 "
          "(target: about constant in the file's size):")  # fmt: skip
    report(f"rec-tui history, {HISTORY_LINES:,} lines", median_ms(runs["history"]), "ms",
           "tail -n 20", median_ms(runs["tail"]))  # fmt: skip
    report(f"rec-tui history, {HISTORY_LINES:,} lines", median_ms(runs["history"]), "ms",
           "rec-tui history, 1,000 lines", median_ms(small["history"]))  # fmt: skip

    memory = interleaved(
        {
            "all": [REC_TUI, "history", "--last", str(HISTORY_LINES), "--format", "json"],
            "twenty": [REC_TUI, "history", "--last", "20", "--format", "json"],
        },
        big,
        rounds=3,
        peak=True,
    )
    size_mib = history_file.stat().st_size / 2**20
    print(f"4. rec-tui history --last {HISTORY_LINES:,} --format json, peak memory "
          f"(file of {size_mib:.0f} MiB; target: bounded):")  # fmt: skip
    report("--last 100000", median_kib(memory["all"]) / 1024, "MiB",
           "--last 20", median_kib(memory["twenty"]) / 1024)  # fmt: skip
    print(f"  {'time for --last 100000 (diagnostic)':<44} {median_ms(memory['all']):9.1f} ms")


def load_average() -> str:
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--before", type=Path, help="a folder holding an earlier version")
    before = options.parse_args().before
    if before is not None and not (before / "rec_tui" / "cli" / "__init__.py").is_file():
        raise SystemExit(f"--before {before}: no rec_tui package there")
    print(f"load average at the start: {load_average()}")
    homes = Path(tempfile.mkdtemp(prefix="rec-tui-bench-cli-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["REC_TUI_HOME"] = str(homes / "presets")
    os.environ["REC_TUI_HOME"] = env["REC_TUI_HOME"]
    steps: list[Callable[[], None]] = [
        lambda: bench_validate(env, before),
        lambda: bench_preset_list(env, write_presets(homes / "presets"), before),
        lambda: bench_history(env, homes),
    ]
    try:
        for step in steps:
            step()
    finally:
        shutil.rmtree(homes, ignore_errors=True)
        print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
