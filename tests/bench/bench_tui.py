"""Benchmark the wizard as a person sees it: the complete first screen, memory, keystrokes.

Run: ``.venv/bin/python tests/bench/bench_tui.py [--runs N] [--keys N]``.

Everything is measured through a real terminal (tmux at 120×40, its screen polled every
millisecond or so through a control-mode client, see ``terminal.py``), against baselines
run in the same tmux server in the same run, interleaved so machine load hits all alike.

1. Start-up: ``rec-tui --open BODY --mode mix`` of a customer body with errors (a large
   mix body, 17 tiles, full lists, two values out of range) against the minimal Textual app
   (``minimal_app.py``: a line of text and a footer). Timed from asking tmux to start the
   program to the COMPLETE screen: for the wizard the problems counted ("Problems: 2 errors
   …"), the preview filled and the footer drawn; for the minimal app its text and footer.
   The first frame of any content is printed too, as a diagnostic. Each program is
   started once before the timed runs and quit by its keys (Ctrl+Q), as a person who has
   used it before starts it: the wizard keeps the CSS it parsed (``stored_css.py``). That
   first start is printed as a diagnostic too ("first start ever").
2. Peak memory (VmHWM) of each process, read once its complete screen is drawn.
3. Keystroke in a form field → the preview shows it: a tile's uid field at the
   Transcoding & layout step of the same body; "7" and Backspace alternately, each timed
   from sending the key to the screen showing the preview's changed line. Baselines: a raw
   echo (``raw_echo.py``: the terminal and this measurement alone) and a minimal Textual
   Input (its own echo of the key). The goal is the wizard's p95 at most
   16 ms (one frame at 60 Hz) over the raw echo's.

The layout canvas's arrow key → preview is measured by ``bench_layout.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.terminal import Tmux, ms, p95, peak_rss_kb  # noqa: E402

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
TILE_UID = "clientRequest.recordingConfig.transcodingConfig.layoutConfig[0].uid"
FOOTER_MARK = "^p palette"
PREVIEW_MARK = '"maxIdleTime": -5,'
FIX_MARK = "[F8 fix]"
# The problems' title once they are counted ("Problems: none" comes before the first check).
COUNTED = re.compile(r"Problems: \d+ (?:error|warning)")


def large_body() -> dict[str, Any]:
    """A large mix body as a customer sends it: 17 tiles, full lists, two errors."""
    from tests.support.tui import seed_body

    body = seed_body("1_mix_av.json")
    rec = body["clientRequest"]["recordingConfig"]
    uids = [str(1000 + n) for n in range(17)]
    rec["subscribeAudioUids"] = list(uids)
    rec["subscribeVideoUids"] = list(uids)
    rec["unSubscribeAudioUids"] = [str(5000 + n) for n in range(8)]
    rec["subscribeUidGroup"] = 3
    rec["maxIdleTime"] = -5
    rec["channelType"] = 7
    rec["transcodingConfig"].update(
        width=1280,
        height=720,
        fps=15,
        bitrate=1130,
        mixedVideoLayout=3,
        backgroundImage="https://example.com/canvas.jpg",
        layoutConfig=[
            {
                "uid": uid,
                "x_axis": (n % 4) * 0.25,
                "y_axis": (n // 4) * 0.2,
                "width": 0.25,
                "height": 0.2,
                "alpha": 1.0,
                "render_mode": n % 2,
            }
            for n, uid in enumerate(uids)
        ],
        backgroundConfig=[
            {"uid": uid, "image_url": f"https://example.com/{uid}.jpg"} for uid in uids[:8]
        ],
    )
    body["clientRequest"]["storageConfig"]["extensionParams"] = {
        "sse": "aes256",
        "tag": "demo",
        "endpoint": "https://storage.example.com",
    }
    return body


def write_body(directory: Path) -> Path:
    path = directory / "customer.json"
    path.write_text(json.dumps(large_body(), indent=2), encoding="utf-8")
    return path


def problems_line(body: dict[str, Any]) -> str:
    """What the wizard's problems title must say once the checks are shown."""
    from rec_tui.request.draft import Draft
    from rec_tui.tui.widgets.problems_pane import summary

    draft = Draft(mode="mix")
    draft.replace_body(body)
    return f"Problems: {summary(draft.validate(fixes=False))}"


def precompile(root: Path = ROOT) -> None:
    """Byte-compile rec_tui first, as pip does for an installed package.

    Textual in site-packages was compiled when it was installed; an editable install of
    rec-tui run with PYTHONDONTWRITEBYTECODE=1 (as on these machines) would otherwise be
    compiled from source on every start, which no installed copy ever is.
    """
    import compileall

    compileall.compile_dir(str(root / "rec_tui"), quiet=1)


def checkout_argv(checkout: Path) -> list[str]:
    """``rec-tui`` run from another copy of the code (``git archive COMMIT rec_tui``)."""
    entry = (
        f"import sys; sys.path.insert(0, {str(checkout)!r}); "
        "from rec_tui.cli import main; sys.exit(main())"
    )
    return [sys.executable, "-c", entry]


# --- start-up and memory ---------------------------------------------------------------------


def start(
    tmux: Tmux,
    argv: list[str],
    complete: Callable[[str], bool],
    then: Callable[[str], bool] | None = None,
) -> tuple[float, float, int, float | None]:
    """Seconds to the first frame and to the complete screen; peak RSS (kB) then; seconds
    to the screen ``then`` waits for after it (None without one)."""
    name = tmux.new_pane()
    started = tmux.spawn(name, argv)
    first, _ = tmux.wait_for(name, lambda screen: screen.strip() != "")
    done, _ = tmux.wait_for(name, complete)
    peak = peak_rss_kb(tmux.pid(name))
    later = tmux.wait_for(name, then)[0] - started if then is not None else None
    tmux.stop(name)
    return first - started, done - started, peak, later


def first_start(tmux: Tmux, argv: list[str], complete: Callable[[str], bool]) -> float:
    """Seconds to the complete screen of a start with nothing kept from an earlier one,
    which is then quit by its keys, as a person quits it (what it keeps is written then)."""
    name = tmux.new_pane()
    started = tmux.spawn(name, argv)
    done, _ = tmux.wait_for(name, complete)
    time.sleep(0.5)  # its after-first-frame work done
    tmux.keys(name, "C-q")
    time.sleep(1.0)
    with contextlib.suppress(RuntimeError):  # the session ended with the program
        tmux.stop(name)
    return done - started


def startup(runs: int, before: Path | None = None) -> None:
    precompile()
    with tempfile.TemporaryDirectory() as directory:
        body_file = write_body(Path(directory))
        problems = problems_line(large_body())
        opening = ["--open", str(body_file), "--mode", "mix"]

        def complete(screen: str) -> bool:
            # The preview's line of an out-of-range value: its top lines ("cname") are under
            # the "Opened …" notices until those time out, seconds later.
            return problems in screen and PREVIEW_MARK in screen and FOOTER_MARK in screen

        def complete_before(screen: str) -> bool:
            # An earlier version may count other problems (a rule added since): any count.
            counted = COUNTED.search(screen) is not None
            return counted and PREVIEW_MARK in screen and FOOTER_MARK in screen

        def fix_marks(screen: str) -> bool:
            # The fixes are worked out after the first frame, one re-check per turn.
            return FIX_MARK in screen

        programs: dict[str, tuple[list[str], Callable[[str], bool]]] = {
            "minimal Textual app": (
                [sys.executable, str(HERE / "minimal_app.py")],
                lambda s: "Hello from a minimal" in s and FOOTER_MARK in s,
            ),
            "rec-tui --open": ([str(BIN / "rec-tui"), *opening], complete),
        }
        if before is not None:
            precompile(before)
            programs["before: rec-tui --open"] = (
                [*checkout_argv(before), *opening],
                complete_before,
            )
        results: dict[str, list[tuple[float, float, int, float | None]]] = {
            name: [] for name in programs
        }
        tmux = Tmux()
        try:
            firsts = {
                name: first_start(tmux, argv, is_complete)
                for name, (argv, is_complete) in programs.items()
            }
            for _ in range(runs):  # interleaved
                for name, (argv, is_complete) in programs.items():
                    marks = fix_marks if name.endswith("rec-tui --open") else None
                    results[name].append(start(tmux, argv, is_complete, marks))
        finally:
            tmux.close()
    print(f"start-up in tmux 120x40, {runs} interleaved runs each (median), {load_average()}:")
    print(f"  complete screen = for rec-tui {problems!r}, the preview filled, the footer")
    _, base_done, base_peak = _medians(results["minimal Textual app"])
    for name, samples in results.items():
        first, done, peak = _medians(samples)
        quartiles = statistics.quantiles([s[1] * 1000 for s in samples], n=4)
        print(
            f"  {name:22} complete screen {done * 1000:6.0f} ms ({done / base_done:4.2f}x;"
            f" quartiles {quartiles[0]:.0f}-{quartiles[2]:.0f})"
            f"   first frame {first * 1000:6.0f} ms   peak memory {peak / 1024:6.1f} MiB"
            f" ({peak / base_peak:4.2f}x)"
        )
    print("  goals: complete screen <= 1.3x the minimal app; peak memory <= 1.3x")
    print("  diagnostic, the problems' [F8 fix] marks drawn (they follow the complete screen):")
    for name, samples in results.items():
        drawn = [s[3] for s in samples if s[3] is not None]
        if drawn:
            print(f"    {name:22} {statistics.median(drawn) * 1000:6.0f} ms")
    print("  diagnostic, first start ever (nothing kept from an earlier start; one run each):")
    for name, seconds in firsts.items():
        print(f"    {name:22} complete screen {seconds * 1000:6.0f} ms")


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) {five:.2f} (5 min)"


def _medians(samples: list[tuple[float, float, int, float | None]]) -> tuple[float, float, float]:
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
        statistics.median(s[2] for s in samples),
    )


# --- keystrokes ------------------------------------------------------------------------------


def shows(text: str, typed: bool) -> Callable[[str], bool]:
    """Done-check: the screen shows ``text`` with "7" typed after its 1000 (or without)."""
    longer = text.replace("1000", "10007")
    if typed:
        return lambda screen: longer in screen
    return lambda screen: longer not in screen and text in screen


def tile_uid_wizard(body_file: Path, before: Path | None = None) -> list[str]:
    """The wizard with a tile's uid field focused; ``before``: another checkout's code."""
    source = [] if before is None else ["env", f"REC_TUI_BENCH_SOURCE={before}"]
    child = [sys.executable, str(HERE / "wizard_child.py"), str(body_file), "mix", "layout"]
    return [*source, *child, TILE_UID]


def keystrokes(samples: int, before: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        body_file = write_body(Path(directory))
        cases: dict[str, tuple[list[str], str]] = {
            "raw echo (terminal alone)": (
                [sys.executable, str(HERE / "raw_echo.py"), "1000"],
                "value: 1000",
            ),
            "minimal Textual Input": (
                [sys.executable, str(HERE / "minimal_app.py"), "--input", "1000"],
                "1000",
            ),
            "rec-tui tile uid -> preview": (tile_uid_wizard(body_file), '"uid": "1000"'),
        }
        if before is not None:
            cases[f"before ({before.name})"] = (
                tile_uid_wizard(body_file, before),
                '"uid": "1000"',
            )
        tmux = Tmux()
        try:
            names = {case: tmux.new_pane() for case in cases}
            for case, (argv, ready) in cases.items():
                tmux.spawn(names[case], argv)
                tmux.wait_for(names[case], shows(ready, typed=False))
            time.sleep(1.0)  # the wizard's after-first-frame work (notices, footer) is done
            timings: dict[str, list[float]] = {case: [] for case in cases}
            for n in range(samples * 2):
                added = n % 2 == 0
                for case, (_, ready) in cases.items():
                    name = names[case]
                    done = shows(ready, typed=added)
                    sent = (
                        tmux.keys(name, "7", literal=True) if added else tmux.keys(name, "BSpace")
                    )
                    seen, _ = tmux.wait_for(name, done, timeout=10)
                    timings[case].append(seen - sent)
                    time.sleep(0.03)
        finally:
            tmux.close()
    print(f"keystroke -> shown, tmux 120x40, {samples * 2} keys each (7 / Backspace):")
    for case, values in timings.items():
        print(f"  {case:30} {ms(values)}")
    echo = timings["raw echo (terminal alone)"]
    wizard = timings["rec-tui tile uid -> preview"]
    print(
        f"  rec-tui over the raw echo:     median "
        f"{(statistics.median(wizard) - statistics.median(echo)) * 1000:7.1f} ms   "
        f"p95 {(p95(wizard) - p95(echo)) * 1000:7.1f} ms   (goal: p95 <= 16 ms over the echo)"
    )
    print(f"  load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="start-ups of each program")
    parser.add_argument("--keys", type=int, default=40, help="pairs of keys per case")
    parser.add_argument("--only", choices=("startup", "keys"), default=None)
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="a copy of rec_tui from an earlier commit (git archive COMMIT rec_tui | tar -x -C"
        " DIR), measured in the same interleaved runs (start-up and keystrokes)",
    )
    args = parser.parse_args()
    if args.only in (None, "keys"):
        keystrokes(args.keys, args.before)
    if args.only in (None, "startup"):
        startup(args.runs, args.before)


if __name__ == "__main__":
    main()
