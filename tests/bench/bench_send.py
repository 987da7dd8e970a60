"""Benchmark sending as a user runs it: whole processes against the sandbox served apart.

Run: ``.venv/bin/python tests/bench/bench_send.py``. ``rec-tui sandbox serve`` runs in a
process of its own (with its 10 requests/s limit), as it does for a user.

1. ``rec-tui send BODY --stop-after 0`` (acquire, start, stop: three calls) against a plain
   httpx script making the same three calls, both whole processes, interleaved, median of
   several runs a second and more apart (so neither meets the sandbox's limit). Target:
   the three calls go at once (no spacing), near the plain script.
2. 30 ``rec-tui query`` processes started at once against the same recording: how many
   were answered HTTP 429, and the most requests sent in any one second (from the history
   they share). Target: no 429, never more than 10 in a second.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

REC_TUI = str(Path(sys.executable).parent / "rec-tui")
ROUNDS = 9
QUERIES = 30

# The same three calls as `rec-tui send --stop-after 0`, with nothing else.
PLAIN_HTTPX = """
import json, sys
import httpx
base, body = sys.argv[1] + "/v1/apps/demo/cloud_recording", json.load(open(sys.argv[2]))
kind = {"Content-Type": "application/json;charset=utf-8"}  # exactly what Agora wants
with httpx.Client(auth=("sandbox", "sandbox-secret"), headers=kind, timeout=10) as client:
    who = {"cname": body["cname"], "uid": body["uid"]}
    acquire = {**who, "clientRequest": {"scene": 0}}
    acquired = client.post(base + "/acquire", content=json.dumps(acquire))
    rid = acquired.json()["resourceId"]
    started = client.post(f"{base}/resourceid/{rid}/mode/mix/start", content=json.dumps(body))
    sid = started.json()["sid"]
    stopped = client.post(f"{base}/resourceid/{rid}/sid/{sid}/mode/mix/stop",
                          content=json.dumps({**who, "clientRequest": {}}))
    codes = [acquired.status_code, started.status_code, stopped.status_code]
    sys.exit(0 if codes == [200, 200, 200] else 1)
"""


def serve(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [REC_TUI, "sandbox", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert server.stdout is not None
    first = server.stdout.readline()
    if not first.startswith("Sandbox listening on "):
        server.terminate()
        raise SystemExit(f"the sandbox did not start: {first!r}")
    return server, first.rsplit(" ", 1)[-1].strip()


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
    return time.perf_counter() - started, done


def bench_send(url: str, body: Path, env: dict[str, str]) -> None:
    send = [REC_TUI, "send", str(body), "--endpoint", url, "--app-id", "demo",
            "--stop-after", "0", "--yes"]  # fmt: skip
    plain = [sys.executable, "-c", PLAIN_HTTPX, url, str(body)]
    samples: dict[str, list[float]] = {"send": [], "plain": []}
    for round_ in range(ROUNDS + 1):  # the first round warms up
        for name, argv in (("send", send), ("plain", plain)):
            seconds, done = timed(argv, env)
            if done.returncode != 0:
                raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr}")
            if round_:
                samples[name].append(seconds)
            time.sleep(1.1)  # a new second: neither meets the sandbox's 10/s limit
    send_ms = statistics.median(samples["send"]) * 1000
    plain_ms = statistics.median(samples["plain"]) * 1000
    print("1. rec-tui send --stop-after 0 (acquire, start, stop) against `sandbox serve`:")
    print(f"  {'rec-tui send --stop-after 0':<40} {send_ms:8.1f} ms")
    print(f"  {'plain httpx script, same calls':<40} {plain_ms:8.1f} ms   → "
          f"{send_ms / plain_ms:.2f}×")  # fmt: skip


def most_in_one_second(moments: list[float]) -> int:
    ordered = sorted(moments)
    best = start = 0
    for end, moment in enumerate(ordered):
        while moment - ordered[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def bench_queries(url: str, body: Path, env: dict[str, str], home: Path) -> None:
    started = subprocess.run(
        [REC_TUI, "send", str(body), "--endpoint", url, "--app-id", "demo", "--yes",
         "--format", "json"],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    ids = json.loads(started.stdout)
    history = home / "data" / "history.jsonl"
    history.unlink()
    time.sleep(1.1)
    query = [REC_TUI, "query", "--mode", "mix", "--resource-id", ids["resourceId"],
             "--sid", ids["sid"], "--endpoint", url, "--app-id", "demo"]  # fmt: skip
    began = time.perf_counter()
    children = [
        subprocess.Popen(query, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        for _ in range(QUERIES)
    ]
    codes = [child.wait(timeout=120) for child in children]
    elapsed = time.perf_counter() - began
    records = [json.loads(line) for line in history.read_text("utf-8").splitlines()]
    answered_429 = sum(1 for record in records if record.get("status") == 429)
    sent = [datetime.fromisoformat(record["at"]).timestamp() for record in records]
    print(f"2. {QUERIES} rec-tui query processes started at once (target: no 429, ≤ 10 in any s):")
    print(f"  answered 429: {answered_429}; requests sent: {len(records)}; "
          f"most sent in any second: {most_in_one_second(sent)}")  # fmt: skip
    print(f"  exit codes: {sorted(set(codes))}; all done in {elapsed:.1f} s (diagnostic)")


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="rec-tui-bench-send-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        REC_TUI_HOME=str(home), AGORA_CUSTOMER_ID="sandbox", AGORA_CUSTOMER_SECRET="sandbox-secret"
    )
    from tests.support.rules import clean

    body = home / "body.json"
    body.write_text(json.dumps(clean("mix")), encoding="utf-8")
    server, url = serve(env)
    try:
        bench_send(url, body, env)
        bench_queries(url, body, env, home)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
