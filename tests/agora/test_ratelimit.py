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


def _at_most_rate_per_window(sent: list[float], rate: int = 10, window: float = 1.0) -> bool:
    """No window of ``window`` seconds holds more than ``rate`` of ``sent``."""
    ordered = sorted(sent)
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


def _send(limiter: RateLimiter, now: list[float]) -> float:
    """When ``limiter`` lets a request go, the clock ``now`` moving on while it waits."""
    while (wait := limiter.reserve()) > 0:
        now[0] += wait
    return now[0]


def test_limiters_sharing_a_state_file_never_put_11_sends_in_one_second(tmp_path: Path) -> None:
    # Two limiters on one file stand for two processes: they send turn about, the clock
    # moving on a little between turns.
    now = [100.0]
    state = tmp_path / "state.json"
    first, second = (RateLimiter(10, clock=lambda: now[0], shared=state) for _ in range(2))
    sent = []
    for turn in range(40):
        sent.append(_send(first if turn % 2 else second, now))
        now[0] += 0.03
    assert sent[9] - sent[0] < 0.3  # the first ten went at once
    assert _at_most_rate_per_window(sent)


def test_without_a_shared_file_two_limiters_would_exceed_the_rate() -> None:
    # What the shared file prevents: the check above fails for limiters of their own.
    now = [0.0]
    first, second = (RateLimiter(10, clock=lambda: now[0]) for _ in range(2))
    sent = [_send(first, now) for _ in range(10)] + [_send(second, now) for _ in range(10)]
    assert not _at_most_rate_per_window(sent)


# Each child sends 15 requests as the client does (waiting as the limiter says), after
# the go file appears so that both send at the same time, and prints the moments the
# limiter let each go (its own reading of the system-wide monotonic clock).
CHILD = """
import json, sys, time
from pathlib import Path
from rec_tui.agora.ratelimit import RateLimiter
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
readings = []
def clock():
    readings.append(time.monotonic())
    return readings[-1]
limiter = RateLimiter(10, clock=clock, shared=Path(sys.argv[1]))
sent = []
for _ in range(15):
    while (wait := limiter.reserve()) > 0:
        time.sleep(wait)
    sent.append(readings[-1])
print(json.dumps(sent))
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
    sent: list[float] = []
    for child in children:
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0
        sent.extend(json.loads(out))
    assert len(sent) == 30
    assert _at_most_rate_per_window(sent)


def test_an_unreadable_or_stale_state_file_is_started_afresh(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    ahead = json.dumps({"answered": [1e9] * 10, "awaiting": {"k": 1e9}})
    old = json.dumps({"answered": [-5.0] * 10, "awaiting": {"k": -500.0}})
    odd = json.dumps({"answered": [True, "x", None] * 10, "awaiting": [1]})
    for content in ("{cut short", '"text"', json.dumps([50.0] * 10), ahead, old, odd):
        state.write_text(content)
        limiter = RateLimiter(10, clock=lambda: 50.0, shared=state)
        assert limiter.reserve() == 0.0, content
        assert json.loads(state.read_text()) == {"answered": [50.0], "awaiting": {}}


def test_a_state_file_that_cannot_be_written_still_limits_the_process(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    now = [0.0]
    limiter = RateLimiter(10, clock=lambda: now[0], shared=tmp_path / "not-a-folder" / "s.json")
    sent = [_send(limiter, now) for _ in range(20)]
    assert sent[:10] == [0.0] * 10 and _at_most_rate_per_window(sent)


def test_the_shared_state_is_in_the_data_folder_and_never_names_the_customer_id() -> None:
    customer_id = "c0ffee" * 5
    limiter = limiter_for(customer_id)
    assert limiter.shared == state_file(customer_id)
    limiter.reserve()
    path = state_file(customer_id)
    assert path.is_relative_to(data_dir()) and path.exists()
    assert customer_id not in str(path) and customer_id not in path.read_text()
    assert path.stat().st_mode & 0o077 == 0


def test_a_send_awaiting_its_answer_holds_its_place_until_answered() -> None:
    now = [10.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.reserve("a") == 0.0 and limiter.reserve("b") == 0.0
    now[0] += 5.0  # long answers: both still count
    assert limiter.reserve() > 0.0
    limiter.answered("a")
    assert limiter.reserve() == pytest.approx(limiter.span)  # a window after a's answer
    now[0] += limiter.span
    assert limiter.reserve() == 0.0


def test_a_send_never_answered_stops_counting_in_the_end() -> None:
    # Its process ended before the answer came.
    now = [10.0]
    limiter = RateLimiter(1, clock=lambda: now[0])
    assert limiter.reserve("gone") == 0.0
    now[0] += 60.0
    assert limiter.reserve() > 0.0
    now[0] += 61.0
    assert limiter.reserve() == 0.0
