"""The schema export and the validator enforce the same patterns, both from the declarations.

For every declared field with a pattern (:attr:`Field.value_pattern`), each sample value is
put where the field stands in a clean body: the validator reports an error there exactly
when the exported JSON Schema refuses the value there.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rec_tui.request.schema import start_body_schema
from rec_tui.request.validate import validate
from rec_tui.spec import catalogue
from rec_tui.spec.field import UID_PATTERN, Field
from rec_tui.spec.modes import MODES, Mode
from rec_tui.spec.rules.checks import UidVerdict, check_uid
from tests.support.rules import clean

SAMPLES = (
    "#FF00aa", "#000000", "#FF00A", "#FF00AAA", "FF00AA", "#GG0000", "red",
    "abc", "A1b2", "directory1", "a_b", "a/b", "a-b", "caf\u00e9", "x" * 40,
    "1", "123", "0123", "4294967295", "4294967296", "0", "00", "-1", "1.0", " 1", "99999999999",
)  # fmt: skip

PATTERNED = [f for f in catalogue.FIELDS if f.value_pattern]


def concrete(path: str) -> list[str | int]:
    """A declared path as keys and indexes, every ``[]`` being the first item."""
    parts: list[str | int] = []
    for segment in path.split("."):
        parts.append(segment.removesuffix("[]"))
        if segment.endswith("[]"):
            parts.append(0)
    return parts


def placed(body: dict[str, Any], parts: list[str | int], value: str) -> dict[str, Any]:
    """``body`` with ``value`` at ``parts``, creating the objects and lists on the way."""
    node: Any = body
    for part, following in pairwise(parts):
        kind = list if isinstance(following, int) else dict
        if isinstance(part, int):
            if len(node) <= part:
                node.append(kind())
        elif not isinstance(node.get(part), kind):
            node[part] = kind()
        node = node[part]
    last = parts[-1]
    if isinstance(last, int) and len(node) <= last:
        node.append(value)
    else:
        node[last] = value
    return body


def where(declared: Field) -> tuple[Mode, list[str | int]]:
    mode = "mix" if "mix" in declared.modes else next(m for m in MODES if m in declared.modes)
    parts = concrete(declared.path)
    if declared.kind == "array":
        parts.append(0)
    return mode, parts


def refused_by_validator(mode: Mode, body: dict[str, Any], parts: list[str | int]) -> bool:
    at = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
    return any(p.is_error and p.path == at for p in validate(mode, body))


def refused_by_schema(mode: Mode, body: dict[str, Any], parts: list[str | int]) -> bool:
    validator = jsonschema.Draft202012Validator(start_body_schema(mode))
    return any(list(e.absolute_path) == parts for e in validator.iter_errors(body))


def test_the_issue_13_fields_declare_their_patterns() -> None:
    paths = {f.path for f in PATTERNED}
    assert {
        "clientRequest.recordingConfig.transcodingConfig.backgroundColor",
        "clientRequest.storageConfig.fileNamePrefix",
        "clientRequest.recordingConfig.transcodingConfig.maxResolutionUid",
        "uid",
    } <= paths


@pytest.mark.parametrize("declared", PATTERNED, ids=lambda f: f.path)
def test_schema_and_validator_refuse_the_same_values(declared: Field) -> None:
    mode, parts = where(declared)
    disagreements, refused = [], set()
    for sample in SAMPLES:
        body = placed(clean(mode), parts, sample)
        by_validator = refused_by_validator(mode, body, parts)
        by_schema = refused_by_schema(mode, body, parts)
        if by_validator != by_schema:
            disagreements.append((sample, by_validator, by_schema))
        if by_validator:
            refused.add(sample)
    assert disagreements == [], "(sample, validator refuses, schema refuses)"
    assert refused and refused != set(SAMPLES), "the samples must test the pattern both ways"


@pytest.mark.parametrize("declared", PATTERNED, ids=lambda f: f.path)
def test_the_schema_writes_the_declared_pattern(declared: Field) -> None:
    assert declared.value_pattern in repr(start_body_schema(None))


@given(st.from_regex(r"-?[0-9]{1,12}", fullmatch=True) | st.text(max_size=12))
def test_the_uid_pattern_is_the_uid_check(value: str) -> None:
    matches = re.fullmatch(UID_PATTERN, value) is not None
    assert matches == (check_uid(value) is not UidVerdict.BAD)


@pytest.mark.parametrize("value", ["1", "4294967295", "04294967295", "4294967296", "0", "000"])
def test_the_uid_pattern_at_its_bounds(value: str) -> None:
    matches = re.fullmatch(UID_PATTERN, value) is not None
    assert matches == (check_uid(value) is not UidVerdict.BAD)
