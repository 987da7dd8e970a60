"""Fuzzing (hypothesis, bounded): validate(), the importers and the JSON reader never raise
anything but their own clear errors, and what they say can always be printed.

Seeded with the hostile inputs of issue 16 (tests/data/hostile/): each is tried as is, and
spliced with random text. A few seconds in all: modest example counts, no deadline (the
machine is shared, so time per example says nothing).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rec_tui.formats import importers
from rec_tui.formats.importers.json_scan import json_values_in
from rec_tui.formats.jsonfile import JsonInputError, load_json_text
from rec_tui.request.validate import validate
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import MODES
from tests.support.hostile import hostile_texts
from tests.support.seed_examples import EXAMPLES

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEEDS = hostile_texts()

# Text with what breaks naive code: lone surrogates, quotes, braces, CJK, control chars.
characters = st.one_of(
    st.characters(),
    st.sampled_from(["\ud800", "\udfff", "{", "}", "[", "]", '"', "\\", "$", "é", "录", "\n"]),
)
texts = st.text(characters, max_size=40) | st.sampled_from(["\ud800", "room\udfff", "\udc80x"])
printable_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), texts
)
# Integers past 4,300 digits cannot even be written out (JSON text holds them as seeds).
leaves = printable_leaves | st.integers(4301, 4400).map(lambda digits: 10**digits)
keys = st.one_of(texts, st.sampled_from(["cname", "uid", "clientRequest", "token"]))


def json_values(leaf: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaf,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=20,
    )


json_like = json_values(leaves)
json_texts = json_values(printable_leaves).map(json.dumps)


@st.composite
def mutated_seed_bodies(draw: st.DrawFn) -> tuple[str, Any]:
    """A seed example with one value (or a new key) replaced by something hostile."""
    _title, mode, body = draw(st.sampled_from(EXAMPLES))
    body = json.loads(json.dumps(body))
    paths = [path for path, _ in jsonpath.walk(body) if path]
    # The envelope is read by most rules: give it as many chances as the rest together.
    path = draw(st.sampled_from(["cname", "uid", "clientRequest.token"]) | st.sampled_from(paths))
    jsonpath.set_value(body, path, draw(json_like))
    return draw(st.sampled_from([*MODES, mode, "composite"])), body


@st.composite
def spliced_seeds(draw: st.DrawFn) -> str:
    """A hostile seed, cut and joined with random text at random places."""
    seed = draw(st.sampled_from(sorted(SEEDS.values())))
    cut = draw(st.integers(0, len(seed)))
    keep = draw(st.integers(cut, len(seed)))
    return seed[:cut] + draw(texts) + seed[keep:]


def printable(text: str) -> None:
    text.encode("utf-8")  # raises on a lone surrogate: the terminal could not show it


def seeded(test: Any) -> Any:
    for text in SEEDS.values():
        test = example(text)(test)
    return test


def seeded_bodies(test: Any) -> Any:
    """The hostile JSON seeds that parse (surrogates), and a huge integer, in every mode."""
    bodies: list[Any] = [{"cname": "room", "uid": 10**5000}]
    for name, text in SEEDS.items():
        try:
            bodies.append(load_json_text(text, name))
        except JsonInputError:
            continue
    for body in bodies:
        for mode in MODES:
            test = example((mode, body))(test)
    return test


@FUZZ
@seeded_bodies
@given(st.one_of(mutated_seed_bodies(), st.tuples(st.sampled_from(MODES), json_like)))
def test_validate_never_raises_and_says_only_printable_things(case: tuple[str, Any]) -> None:
    mode, body = case
    for problem in validate(mode, body):
        printable(problem.path + problem.message + problem.hint)


@FUZZ
@seeded
@given(st.one_of(spliced_seeds(), texts, json_texts))
def test_import_gives_a_result_or_a_clear_problem(text: str) -> None:
    try:
        result = importers.import_text(text)
    except importers.ImportProblem as problem:
        printable(problem.message)
        return
    assert isinstance(result.body, dict) and result.mode in MODES
    for notice in result.notices:
        printable(notice)
    validate(result.mode, result.body)


@FUZZ
@seeded
@given(st.one_of(spliced_seeds(), texts))
def test_the_json_reader_parses_or_says_where(text: str) -> None:
    try:
        load_json_text(text, "fuzz.json")
    except JsonInputError as error:
        printable(error.message)


@FUZZ
@given(
    st.text(st.characters(exclude_characters='{}[]"\\'), max_size=60),
    mutated_seed_bodies(),
    st.text(st.characters(exclude_characters='{}[]"\\'), max_size=60),
)
def test_a_body_between_prose_is_always_found(
    before: str, case: tuple[str, Any], after: str
) -> None:
    _mode, body = case
    text = json.dumps(body, default=str, allow_nan=False) if _finite(body) else "{}"
    found = [value for _start, _end, value in json_values_in(before + text + after)]
    if text != "{}" and '"\\ud' not in text:
        assert json.loads(text) in found


def _finite(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return False
    return True
