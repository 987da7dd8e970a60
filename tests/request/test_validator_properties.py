"""Property tests: validate() never raises and every problem is well formed, whatever JSON.

Keys drawn here are not empty and avoid ".", "[" and "]": problem paths use the dotted
notation, in which such a key cannot be told apart from a path (the problem is still
reported; only the path check below could not resolve it).
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rec_tui.request.validate import validate
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import MODES
from rec_tui.spec.rules import by_name
from tests.support.rules import CLEAN_BODIES
from tests.support.seed_examples import EXAMPLES

keys = st.text(
    alphabet=st.characters(exclude_characters=".[]", exclude_categories=["Cs"]),
    min_size=1,
    max_size=12,
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "0", "527841", "0123", "#allstream#", "hls", "mp4", "https://x"])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=30,
)

REAL_BODIES = [body for body in CLEAN_BODIES.values()] + [body for _, _, body in EXAMPLES]


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) pair inside a JSON value."""
    found: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            found.extend(_slots(item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            found.extend(_slots(item))
    return found


@st.composite
def shaped_bodies(draw: st.DrawFn) -> Any:
    """A real body with random leaves replaced and random keys added."""
    body = copy.deepcopy(draw(st.sampled_from(REAL_BODIES)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        slots = _slots(body)
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        if draw(st.booleans()):
            container[key] = draw(json_values)
        elif isinstance(container[key], dict):
            container[key][draw(keys)] = draw(json_values)
    return body


def _check(mode: str, body: Any) -> None:
    problems = validate(mode, body)
    for problem in problems:
        assert by_name(problem.rule) is not None, problem
        assert problem.severity in ("error", "warning"), problem
        assert problem.message, problem
        assert _path_is_sound(body, problem.path), problem


def _path_is_sound(body: Any, path: str) -> bool:
    """The path exists in the body, or names a missing key of a parent that exists."""
    if path == "" or jsonpath.has(body, path):
        return True
    tokens = jsonpath.parse(path)
    if not tokens or isinstance(tokens[-1], int):
        return False
    parent = jsonpath.join(tokens[:-1])
    return parent == "" or jsonpath.has(body, parent)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.sampled_from(MODES), json_values)
def test_arbitrary_json_never_raises(mode: str, body: Any) -> None:
    _check(mode, body)


@SETTINGS
@given(st.sampled_from(MODES), shaped_bodies())
def test_real_shaped_bodies_with_random_leaves(mode: str, body: Any) -> None:
    _check(mode, body)


@SETTINGS
@given(st.sampled_from(MODES), st.dictionaries(keys, json_values, max_size=4))
def test_random_client_requests(mode: str, client_request: dict[str, Any]) -> None:
    body = copy.deepcopy(CLEAN_BODIES[mode])
    body["clientRequest"].update(client_request)
    _check(mode, body)


def test_huge_lists_and_deep_nesting() -> None:
    body = copy.deepcopy(CLEAN_BODIES["mix"])
    rec = body["clientRequest"]["recordingConfig"]
    rec["subscribeAudioUids"] = [str(n) for n in range(1, 100_001)]
    rec["transcodingConfig"]["layoutConfig"] = [{"x_axis": 0.1}] * 5_000
    deep: Any = "leaf"
    for _ in range(500):
        deep = {"k": [deep]}
    body["clientRequest"]["storageConfig"]["extensionParams"] = deep
    for mode in MODES:
        _check(mode, body)
