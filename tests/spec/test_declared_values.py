"""Declared ranges and choices are judged by one generic check, under the spec's rule names."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from rec_tui.record import replace
from rec_tui.request.validate import validate
from rec_tui.spec import catalogue, rules
from rec_tui.spec.rules import by_name
from rec_tui.spec.rules import values as generic
from tests.support.rules import CLEAN_BODIES, changed

TC = "clientRequest.recordingConfig.transcodingConfig"
IDLE = "clientRequest.recordingConfig.maxIdleTime"


def test_every_ranged_field_names_an_existing_rule_that_lists_it() -> None:
    assert generic.unknown_value_rules() == []
    for declared in catalogue.FIELDS:
        if generic.has_declared_values(declared) and declared.value_rule:
            assert declared.value_rule in declared.rules, declared.path


def test_a_value_outside_a_declaration_carries_the_spec_rule_of_that_field() -> None:
    body = changed("mix", {f"{TC}.bitrate": 6501, IDLE: 4})
    found = {(p.rule_id, p.rule, p.path, p.severity) for p in validate("mix", body)}
    assert found == {
        ("R64", "tc.bitrate.range", f"{TC}.bitrate", "error"),
        ("R46", "rec.maxIdleTime", IDLE, "error"),
    }
    message = next(p.message for p in validate("mix", body) if p.rule_id == "R64")
    assert message == "bitrate must be a whole number from 1 to 6,500; got 6501."


def test_a_w_rule_reports_its_declared_choices_as_a_warning_with_the_choices() -> None:
    body = changed("mix", {f"{TC}.fps": 25})
    (problem,) = validate("mix", body)
    assert (problem.rule, problem.severity) == ("tc.fps.set", "warning")
    assert "one of 1, 7, 10, 15, 24, 30 or 60" in problem.message


def test_every_item_and_only_its_own_service_is_judged() -> None:
    body = copy.deepcopy(CLEAN_BODIES["web"])
    services = body["clientRequest"]["extensionServiceConfig"]["extensionServices"]
    services[0]["serviceParam"]["videoFps"] = 61
    # A service the catalogue does not know may use the same key as it likes.
    services.append({"serviceName": "other", "serviceParam": {"videoFps": 500}})
    fired = [p for p in validate("web", body) if p.rule == "web.fps"]
    assert [p.path for p in fired] == [
        "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.videoFps"
    ]


def test_wrong_types_and_empty_strings_are_left_to_their_own_rules() -> None:
    body = changed("mix", {f"{TC}.bitrate": "500"})
    assert {p.rule for p in validate("mix", body)} == {"body.types"}


@pytest.fixture
def unruled_idle_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """maxIdleTime as a new ranged field would be declared: a range, and no rule for it."""
    fields = tuple(replace(f, value_rule="") if f.path == IDLE else f for f in catalogue.FIELDS)
    monkeypatch.setattr(catalogue, "ALL_FIELDS", fields + catalogue.SESSION_FIELDS)
    monkeypatch.setattr(rules, "_JUDGED", {})  # the checks are built again from FIELDS
    generic._judged_by.cache_clear()
    yield
    generic._judged_by.cache_clear()


@pytest.mark.usefixtures("unruled_idle_time")
def test_a_new_ranged_field_is_validated_with_no_new_rule() -> None:
    body = changed("mix", {IDLE: 4})
    (problem,) = validate("mix", body)
    assert (problem.rule_id, problem.rule, problem.path) == ("R17b", "body.declared_values", IDLE)
    assert problem.message.startswith("maxIdleTime must be a whole number from 5 to 2,592,000")


def test_rules_that_judge_their_values_themselves_say_so() -> None:
    for name in ("storage.vendor.enum", "web.errorPolicy", "legacy.audio.strings"):
        rule_ = by_name(name)
        assert rule_ is not None and rule_.judges_values
