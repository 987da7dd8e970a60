"""The shortcuts a check takes for the values most bodies hold (it runs on every keystroke)
agree with the full judgement they skip: a value let through early is one the full check
would have let through too."""

from __future__ import annotations

import enum
import math

import pytest

from rec_tui.spec import catalogue
from rec_tui.spec.rules.checks import is_url
from rec_tui.spec.rules.context import is_number
from rec_tui.spec.rules.generic import _PLAIN_TYPES, _plainly_fits, _Walker
from tests.support.rules import changed, fired

REC = "clientRequest.recordingConfig"


class _Level(enum.IntEnum):
    ONE = 1


class _Text(str):
    pass


VALUES: list[object] = [
    "",
    "x",
    " ",
    _Text("sub"),
    0,
    -1,
    2**70,
    1.5,
    30.0,
    -0.0,
    math.nan,
    math.inf,
    -math.inf,
    True,
    False,
    None,
    _Level.ONE,
    [],
    [1],
    {},
    {"a": 1},
]


@pytest.mark.parametrize("kind", sorted(_PLAIN_TYPES))
@pytest.mark.parametrize("in_list", [False, True])
def test_a_value_plainly_fitting_its_kind_is_one_r17_accepts(kind: str, in_list: bool) -> None:
    walker = _Walker("mix")
    for declared in catalogue.ALL_FIELDS:
        for value in VALUES:
            if _plainly_fits(kind, value):
                problem = walker.kind_problem(declared, kind, value, "p", in_list=in_list)  # type: ignore[arg-type]
                assert problem is None, (declared.path, kind, value)


def test_plainly_fitting_leaves_out_what_r17_looks_at_closer() -> None:
    assert not _plainly_fits("string", "")  # "" is reported as unset
    assert not _plainly_fits("int", True)  # a boolean is no number
    assert not _plainly_fits("int", 30.0)  # reported as "read as 30"
    assert not _plainly_fits("float", math.nan)
    assert not _plainly_fits("object", None)


@pytest.mark.parametrize("value", VALUES)
def test_is_number_means_a_finite_json_number_whatever_its_python_type(value: object) -> None:
    expected = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and not (isinstance(value, float) and not math.isfinite(value))
    )
    assert is_number(value) is expected


@pytest.mark.parametrize(
    "listed",
    ["527842", "5278410", "５２７８４１", "527841 ", "+527841", "0", "", "0000"],
)
def test_a_list_entry_that_is_not_the_recorders_uid_is_not_reported(listed: str) -> None:
    body = changed("mix", {"uid": "527841", f"{REC}.subscribeAudioUids": [listed]})
    assert fired("mix", body, "body.uid.in_lists") == []


@pytest.mark.parametrize("listed", ["527841", "0527841", "000527841"])
def test_every_spelling_of_the_recorders_uid_in_a_list_is_reported(listed: str) -> None:
    body = changed("mix", {"uid": "527841", f"{REC}.subscribeAudioUids": ["1", listed]})
    paths = [p.path for p in fired("mix", body, "body.uid.in_lists")]
    assert paths == [f"{REC}.subscribeAudioUids[1]"]


def test_the_url_check_gives_the_same_verdict_when_asked_again() -> None:
    for text in ["https://example.com/a.jpg", "ftp://example.com/a.jpg", "https://", " http://h "]:
        first = is_url(text)
        assert is_url(text) is first
    assert is_url("HTTPS://example.com") and not is_url("https://") and not is_url(3)
