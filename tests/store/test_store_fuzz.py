"""Fuzzing preset loading and history reading (bounded): only clear errors, never a crash.

The inputs that once crashed (tests/data/store/: 700-level nesting, a datetime in a body,
references to other secrets, a history line with "elapsed_ms": "slow") are the seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rec_tui.cli.history import line_of
from rec_tui.store import history, presets
from rec_tui.store.secrets import MemoryStore

DATA = Path(__file__).resolve().parents[1] / "data" / "store"
SEED_PRESETS = sorted(DATA.glob("preset_*.toml"))
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

fragments = st.sampled_from(
    [
        "format = 1\n", 'mode = "mix"\n', "[body]\n", 'cname = "r"\n', 'uid = "1"\n',
        "[session]\n", 'endpoint = "global"\n', 'endpoint = "http://x"\n', "[body.a]\n",
        'token = "keyring:preset/fuzz/token"\n', 'token = "env:HOME"\n', "x = 1979-05-27\n",
        "y = inf\n", "z = [[[[1]]]]\n", "w = {a = {b = {c = 1}}}\n", "[[body.list]]\n",
        "n = 99999999999999999999\n", 'name = "fuzz"\n', "format = 9\n", "= broken\n",
    ]
)  # fmt: skip
preset_texts = st.lists(fragments | st.text(max_size=20), max_size=14).map("".join)


def _parse(text: str) -> None:
    try:
        preset = presets.parse(text, Path("fuzz.toml"), MemoryStore(), environ={})
    except presets.PresetError as error:
        assert error.message and "Traceback" not in error.message
        return
    json.dumps(preset.draft.body, allow_nan=False)  # whatever loads is a JSON request


@FUZZ
@given(preset_texts)
@example("format = 1\nmode = 'mix'\n[body]\nx = " + "[" * 5000 + "]" * 5000 + "\n")
@example("format = 1\nmode = 'mix'\n[body]\nn = " + "7" * 5000 + "\n")
def test_preset_parsing_gives_a_preset_or_a_preset_error(text: str) -> None:
    _parse(text)


def test_the_seed_presets_give_clear_errors() -> None:
    assert SEED_PRESETS
    for path in SEED_PRESETS:
        try:
            presets.load(path, MemoryStore(), environ={})
        except presets.PresetError as error:
            assert str(path) in error.message
        else:
            raise AssertionError(f"{path.name} loaded")


json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
)  # fmt: skip
record_values = st.dictionaries(
    st.sampled_from(["at", "call", "method", "url", "status", "elapsed_ms", "request_id",
                     "error", "attempt", "other"]),
    json_scalars | st.lists(json_scalars, max_size=3),
    max_size=9,
)  # fmt: skip
history_lines = st.lists(
    record_values.map(json.dumps) | st.text(max_size=40).map(lambda t: t.replace("\n", " ")),
    max_size=12,
)


@FUZZ
@given(history_lines)
@example(['{"elapsed_ms": 1' + "0" * 400 + "}", '{"elapsed_ms": "slow"}'])
def test_history_reading_keeps_or_counts_every_line_and_each_kept_one_prints(
    tmp_path: Path, lines: list[str]
) -> None:
    path = tmp_path / "history.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8",
                    errors="surrogateescape")  # fmt: skip
    found = history.read_recent(100, path)
    blank = b" \t\r\x0b\x0c"  # what counts as a blank line: ASCII whitespace only
    written = [line.encode("utf-8", "surrogateescape") for line in lines]
    assert len(found.records) + found.skipped == sum(1 for line in written if line.strip(blank))
    for record in found.records:
        assert line_of(record)


def test_the_seed_history_is_skipped_and_counted() -> None:
    found = history.read_recent(10, DATA / "history_malformed.jsonl")
    assert found.records == [] and found.skipped == 4
