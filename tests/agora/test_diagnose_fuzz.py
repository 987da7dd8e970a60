"""diagnose never raises and always prints, whatever the ticket holds (hypothesis, bounded,
derandomized): the stored tickets and hostile inputs as is, spliced with random text, and
with their JSON values replaced by values of the wrong type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rec_tui.agora.diagnose import diagnose
from rec_tui.cli.diagnose import render_text
from tests.support.hostile import hostile_texts

FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TICKETS = {
    path.name: path.read_text("utf-8")
    for path in sorted((Path(__file__).parents[1] / "data" / "tickets").glob("*.txt"))
}
SEEDS = {**TICKETS, **hostile_texts()}
odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["details", "leaveCode", "sid", "status"]), st.integers()),
)
FIELDS = (
    "payload", "details", "leaveCode", "uid", "cname", "clientRequest", "recordingConfig",
    "token", "code", "sid", "resourceId", "serverResponse", "notifyMs", "eventType",
    "transcodingConfig", "subscribeAudioUids", "maxIdleTime", "fileList",
)  # fmt: skip


def shown(text: str) -> str:
    result = diagnose(text, now=1_772_400_000)
    out = "\n".join(render_text(result)) + json.dumps(result.as_json(), ensure_ascii=False)
    out.encode("utf-8", errors="strict")
    return out


def test_every_seed_as_is() -> None:
    for text in SEEDS.values():
        shown(text)


@FUZZ
@given(st.sampled_from(sorted(SEEDS)), st.text(max_size=60), st.integers(0, 10_000))
def test_seeds_spliced_with_random_text(name: str, noise: str, where: int) -> None:
    text = SEEDS[name]
    cut = where % (len(text) + 1)
    shown(text[:cut] + noise + text[cut:])


@FUZZ
@given(st.sampled_from(sorted(TICKETS)), st.sampled_from(FIELDS), odd_values)
def test_wrong_types_anywhere(name: str, field: str, value: Any) -> None:
    text = TICKETS[name]
    pattern = f'"{field}":'
    if pattern in text:
        start = text.index(pattern) + len(pattern)
        text = text[:start] + json.dumps(value) + "," + f'"was_{field}":' + text[start:]
    shown(text)
