"""Records (rec_tui.record) behave as the dataclasses they replace: construction, defaults,
equality and hashing, frozenness, repr, replace, copying and pickling."""

from __future__ import annotations

import copy
import pickle
from typing import Any, ClassVar

import pytest

from rec_tui.record import Record, field, replace


class Point(Record, frozen=True):
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    seen: list[str] = field(default_factory=list, compare=False)
    note: str = field(default="", compare=False)
    KIND: ClassVar[str] = "point"


class Counter(Record):
    name: str
    count: int = 0


class Labelled(Point, frozen=True):
    label: str = "p"


def test_fields_are_given_by_position_or_keyword_with_their_defaults() -> None:
    point = Point(1, tags=("a",))
    assert (point.x, point.y, point.tags, point.seen, point.note) == (1, 0, ("a",), [], "")
    assert Point.KIND == "point"
    assert Point(x=1).seen is not Point(x=1).seen  # a new list from the factory each time
    by_position = Point(3, 4, ("b",))  # all by position: the quicker way in, the same record
    assert by_position == Point(x=3, y=4, tags=("b",))
    assert (by_position.seen, by_position.note) == ([], "")
    assert by_position.seen is not Point(3).seen


def test_wrong_arguments_are_refused_as_by_a_dataclass() -> None:
    # Type checkers refuse these calls too (records are dataclasses to them).
    make: Any = Point
    cases: list[tuple[tuple[Any, ...], dict[str, Any], str]] = [
        ((), {}, "missing required argument: 'x'"),
        ((1,), {"x": 2}, "multiple values for argument 'x'"),
        ((1,), {"z": 2}, "unexpected keyword argument 'z'"),
        ((1, 2, (), [], "", 5), {}, "takes 5 positional arguments but 6 were given"),
    ]
    for args, values, said in cases:
        with pytest.raises(TypeError, match=said):
            make(*args, **values)


def test_equality_and_hash_cover_the_compared_fields_of_the_same_class() -> None:
    assert Point(1, 2, seen=["a"], note="a") == Point(1, 2, note="b")
    assert hash(Point(1, 2, note="a")) == hash(Point(1, 2, note="b"))
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != Labelled(1)  # another class is never equal, as with dataclasses
    assert Counter("a") == Counter("a")
    with pytest.raises(TypeError, match="unhashable"):
        hash(Counter("a"))


def test_a_frozen_record_refuses_assignment_and_another_takes_it() -> None:
    point = Point(1)
    with pytest.raises(AttributeError, match="cannot assign to field 'x'"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y
    counter = Counter("a")
    counter.count += 1
    assert counter.count == 1


def test_repr_match_args_and_inherited_fields() -> None:
    assert repr(Point(1, tags=("a",))) == "Point(x=1, y=0, tags=('a',), seen=[], note='')"
    assert Labelled.__match_args__ == ("x", "y", "tags", "seen", "note", "label")
    labelled = Labelled(1, label="q")
    assert (labelled.x, labelled.label) == (1, "q")
    with pytest.raises(AttributeError):
        labelled.label = "r"  # type: ignore[misc]
    match labelled:
        case Labelled(x, y):
            assert (x, y) == (1, 0)
        case _:
            pytest.fail("Labelled(x, y) did not match")


def test_replace_copy_and_pickle_give_equal_records() -> None:
    point = Point(1, tags=("a",), seen=["b"], note="n")
    moved = replace(point, y=5)
    assert (moved.x, moved.y, moved.tags, moved.seen, moved.note) == (1, 5, ("a",), ["b"], "n")
    assert point.y == 0
    for made in (copy.copy(point), copy.deepcopy(point), pickle.loads(pickle.dumps(point))):
        assert made == point and (made.seen, made.note) == (["b"], "n")
    assert copy.deepcopy(point).seen is not point.seen
