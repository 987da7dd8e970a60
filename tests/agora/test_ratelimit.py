"""The rate limiter: bursts under the limit go at once; never more than 10 sends in any
second, across the processes of one user sharing the state file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rec_tui.agora.ratelimit import RateLimiter, limiter_for, state_file
from rec_tui.store.paths import data_dir


def _at_most_rate_per_window(slots: list[float], rate: int = 10, window: float = 1.0) -> bool:
    """No window of ``window`` seconds holds more than ``rate`` of ``slots``."""
    ordered = sorted(slots)
    return all(ordered[i + rate] - ordered[i] >= window for i in range(len(ordered) - rate))


@pytest.mark.parametrize("burst", [1, 3, 9, 10])
def test_a_burst_up_to_the_rate_goes_at_once(burst: int, tmp_path: Path) -> None:
    limiter = RateLimiter(10, clock=lambda: 7.0, shared=tmp_path / "state.json")
    assert [limiter.reserve() for _ in range(burst)] == [0.0] * burst


def test_the_request_after_a_full_burst_waits_for_the_oldest_to_be_a_window_old() -> None:
    limiter = RateLimiter(10, clock=lambda: 7.0)
    for _ in range(10):
        limiter.reserve()
    assert limiter.reserve() == pytest.approx(limiter.span)
    assert limiter.span >= 1.0


def test_limiters_sharing_a_state_file_never_put_11_sends_in_one_second(tmp_path: Path) -> None:
    # Two limiters on one file stand for two processes: they book turn about, as the
    # clock moves on slower than either sends.
    now = [100.0]
    state = tmp_path / "state.json"
    first, second = (RateLimiter(10, clock=lambda: now[0], shared=state) for _ in range(2))
    slots = []
    for turn in range(40):
        limiter = first if turn % 2 else second
        slots.append(now[0] + limiter.reserve())
        now[0] += 0.03
    assert slots[:10] == sorted(slots[:10]) and slots[9] - slots[0] < 0.3  # the burst went
    assert _at_most_rate_per_window(slots)


def test_without_a_shared_file_two_limiters_would_exceed_the_rate() -> None:
    # What the shared file prevents: the check above fails for limiters of their own.
    first, second = RateLimiter(10, clock=lambda: 0.0), RateLimiter(10, clock=lambda: 0.0)
    slots = [first.reserve() for _ in range(10)] + [second.reserve() for _ in range(10)]
    assert not _at_most_rate_per_window(slots)


# Each child books 15 slots with the real (system-wide) monotonic clock, after waiting for
# the go file so that both book at the same time, and prints them.
CHILD = """
import json, os, sys, time
from pathlib import Path
from rec_tui.agora.ratelimit import RateLimiter
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
limiter = RateLimiter(10, shared=Path(sys.argv[1]))
print(json.dumps([time.monotonic() + limiter.reserve() for _ in range(15)]))
"""


def test_two_processes_sharing_the_state_never_put_11_sends_in_one_second(
    tmp_path: Path,
) -> None:
    state, go = tmp_path / "state.json", tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(state), str(go)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    go.touch()
    slots: list[float] = []
    for child in children:
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0
        slots.extend(json.loads(out))
    assert len(slots) == 30
    assert _at_most_rate_per_window(slots)


def test_an_unreadable_or_stale_state_file_is_started_afresh(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    for content in ("{cut short", '"text"', json.dumps([1e9] * 10), json.dumps([-5.0] * 10)):
        state.write_text(content)
        limiter = RateLimiter(10, clock=lambda: 50.0, shared=state)
        assert limiter.reserve() == 0.0, content
        assert json.loads(state.read_text()) == [50.0]


def test_a_state_file_that_cannot_be_written_still_limits_the_process(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    limiter = RateLimiter(10, clock=lambda: 0.0, shared=tmp_path / "not-a-folder" / "s.json")
    slots = [limiter.reserve() for _ in range(20)]
    assert slots[:10] == [0.0] * 10 and _at_most_rate_per_window(slots)


def test_the_shared_state_is_in_the_data_folder_and_never_names_the_customer_id() -> None:
    customer_id = "c0ffee" * 5
    limiter = limiter_for(customer_id)
    assert limiter.shared == state_file(customer_id)
    limiter.reserve()
    path = state_file(customer_id)
    assert path.is_relative_to(data_dir()) and path.exists()
    assert customer_id not in str(path) and customer_id not in path.read_text()
    assert path.stat().st_mode & 0o077 == 0
