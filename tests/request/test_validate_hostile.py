"""validate() never raises: lone surrogates, over-long integers, deep nesting, a failing rule."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from rec_tui.record import replace
from rec_tui.request.fixes import registry as fixes_registry
from rec_tui.request.validate import validate
from rec_tui.spec.modes import MODES
from rec_tui.spec.rules import REGISTRY, Findings
from rec_tui.spec.rules.context import Context
from tests.support.rules import clean
from tests.support.seed_examples import EXAMPLES

HUGE = 10**5000


def by_rule(problems: list[Any], rule: str) -> list[Any]:
    return [problem for problem in problems if problem.rule == rule]


@pytest.mark.parametrize("mode", MODES)
def test_a_lone_surrogate_in_cname_is_one_clear_error(mode: str) -> None:
    body = clean(mode)
    body["cname"] = "room\ud800"
    problems = validate(mode, body)
    (problem,) = by_rule(problems, "body.text.unicode")
    assert (problem.path, problem.severity, problem.rule_id) == ("cname", "error", "JSON")
    assert "cannot be encoded as UTF-8" in problem.message
    # Every message can be printed and sent: the surrogate never reaches one.
    for found in problems:
        (found.message + found.hint + found.path).encode("utf-8")
    assert body["cname"] == "room\ud800"  # the caller's body is left as it was


def test_surrogates_in_keys_and_lists_are_reported_where_they_stand() -> None:
    body = clean("mix")
    body["\udc00odd"] = 1
    body["clientRequest"]["recordingConfig"]["subscribeAudioUids"] = ["1", "\ud83d"]
    paths = {p.path for p in by_rule(validate("mix", body), "body.text.unicode")}
    assert paths == {"\ufffdodd", "clientRequest.recordingConfig.subscribeAudioUids[1]"}


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_number_replaced_by_a_huge_integer_never_raises(
    title: str, mode: str, body: dict[str, Any]
) -> None:
    def huge(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: huge(item) for key, item in value.items()}
        if isinstance(value, list):
            return [huge(item) for item in value]
        if isinstance(value, int) and not isinstance(value, bool):
            return -HUGE if value < 0 else HUGE
        return value

    body = huge(copy.deepcopy(body))
    body["uid"] = HUGE
    problems = validate(mode, body)
    digits = by_rule(problems, "body.number.digits")
    assert "uid" in {p.path for p in digits}
    assert all("more than 4300 digits" in p.message for p in digits)
    assert not by_rule(problems, "validator.failed")


def test_deep_nesting_in_a_python_body_never_raises() -> None:
    deep: Any = "x"
    for _ in range(5000):
        deep = {"a": deep}
    body = clean("mix")
    body["clientRequest"]["extra"] = deep
    validate("mix", body)  # returns, whatever it finds


def test_a_rule_that_fails_becomes_a_warning_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(ctx: Context, out: Findings) -> None:
        raise KeyError("tok-SECRET-VALUE")

    name = "body.cname.required"
    monkeypatch.setitem(REGISTRY, name, replace(REGISTRY[name], check=broken))
    problems = validate("mix", {"uid": 5})
    (failed,) = by_rule(problems, "validator.failed")
    assert failed.severity == "warning" and failed.rule_id == "R9"
    assert "KeyError" in failed.message and "tok-SECRET-VALUE" not in failed.message
    assert by_rule(problems, "body.uid.type")  # another rule's finding is still there


def test_a_fixer_that_fails_leaves_the_problems_without_fixes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(context: Context, problems: list[Any]) -> list[Any]:
        raise RuntimeError("fixer bug")

    expected = [(p.rule, p.path) for p in validate("mix", {"uid": 5})]
    monkeypatch.setattr(fixes_registry, "attach_fixes", broken)
    problems = validate("mix", {"uid": 5})
    assert [(p.rule, p.path) for p in problems] == expected
