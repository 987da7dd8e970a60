"""Guards: every registered rule is exercised by some test, and the harness bodies are clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec.modes import MODES
from rec_tui.spec.rules import all_rules
from tests.support.rules import CLEAN_BODIES

TESTS = Path(__file__).resolve().parents[1]


def _named(text: str, word: str) -> bool:
    return f'"{word}"' in text or f"'{word}'" in text


def test_every_registered_rule_is_named_in_a_test_file() -> None:
    """A test names a rule by its name ("sub.group.required") or, as the session-rule
    tests do, by its quoted number ("R55")."""
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in TESTS.rglob("test_*.py")
        if path.name != Path(__file__).name
    )
    missing = sorted(
        f"{rule_.id} {rule_.name}"
        for rule_ in all_rules()
        if not (_named(text, rule_.name) or _named(text, rule_.id))
    )
    assert missing == [], "rules without a test naming them: " + ", ".join(missing)


def test_rule_names_and_ids_are_unique() -> None:
    rules = all_rules()
    assert len({r.name for r in rules}) == len(rules)
    assert len({r.id for r in rules}) == len(rules)


@pytest.mark.parametrize("mode", MODES)
def test_clean_harness_body_has_no_problems_in_its_mode(mode: str) -> None:
    assert validate(mode, CLEAN_BODIES[mode]) == []
