"""Catalogue-wide guards: each fact about a field is declared once and everything agrees."""

from __future__ import annotations

import json
from typing import Any

from rec_tui.request.redact import MASK, redact_body, secret_places
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.rules import all_rules
from rec_tui.spec.rules.values import unknown_value_rules
from rec_tui.tui.steps import STEPS
from tests.support.catalogue import has_children


def test_every_rule_a_field_names_exists() -> None:
    registered = {r.name for r in all_rules()}
    named = {(f.path, name) for f in catalogue.ALL_FIELDS for name in f.rules}
    assert {(path, name) for path, name in named if name not in registered} == set()
    assert unknown_value_rules() == []


def test_every_secret_is_redacted_where_it_is_declared() -> None:
    for declared in catalogue.secret_fields():
        body: dict[str, Any] = {}
        path = declared.path.replace("[]", "[0]")
        jsonpath.set_value(body, path, "a-secret-value")
        assert jsonpath.get(redact_body(body), path) == MASK, declared.path
        assert [(p, k) for p, k, _ in secret_places(body)] == [(path, declared.key)]
        assert "a-secret-value" not in json.dumps(redact_body(body))


def test_secret_fields_and_only_they_name_an_environment_variable() -> None:
    for declared in catalogue.ALL_FIELDS:
        assert bool(declared.env) == declared.secret, declared.path


def test_every_step_owns_only_declared_fields() -> None:
    for step in STEPS:
        for prefix in step.owns:
            assert catalogue.lookup(prefix) is not None, (step.name, prefix)


def test_headless_is_said_with_a_reason_and_only_on_leaves() -> None:
    for declared in catalogue.ALL_FIELDS:
        if declared.headless:
            assert len(declared.headless) > 20, declared.path
            assert not has_children(declared), declared.path


def test_session_fields_are_found_but_are_not_body_fields() -> None:
    assert catalogue.field("session.acquire.region").label == "Acquire region"
    assert all(f.path.startswith("session.") for f in catalogue.SESSION_FIELDS)
    assert not any(f.path.startswith("session") for f in catalogue.FIELDS)
    assert "session" not in {f.key for f in catalogue.children("")}
