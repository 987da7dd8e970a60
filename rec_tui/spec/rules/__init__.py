"""The cross-field validation rules of spec section 3, one small function each.

A rule is registered with :func:`rule` and receives a :class:`~.context.Context` (a read-only
view of the mode and body with typed accessors) and a :class:`Findings` bound to that rule,
on which it calls ``error``/``warning``. :mod:`.load` lists the rule modules; :func:`all_rules`
imports them on first use.
"""

from __future__ import annotations

from collections.abc import Callable

from rec_tui.record import Record
from rec_tui.spec.problems import ERROR, WARNING, Problem, Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Literal, TypeAlias

    from rec_tui.spec.rules.context import Call, Context

# How the spec's tables label a rule's severity.
SeverityLabel: TypeAlias = 'Literal["E", "W", "E/W", "retired"]'


class Findings:
    """Collects the problems of one rule run; the rule's id and name are filled in.

    A plain class rather than a record: one is made for every rule on every check (about
    130 per keystroke in the wizard), and nothing compares or copies them.
    """

    __slots__ = ("problems", "rule_id", "rule_name")

    def __init__(self, rule_id: str, rule_name: str) -> None:
        self.rule_id = rule_id
        self.rule_name = rule_name
        self.problems: list[Problem] = []

    def __repr__(self) -> str:
        return f"Findings({self.rule_id!r}, {self.rule_name!r}, {self.problems!r})"

    def error(self, path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rule_name, self.rule_id, ERROR, path, message, hint))

    def warning(self, path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rule_name, self.rule_id, WARNING, path, message, hint))

    def add(self, severity: Severity, path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rule_name, self.rule_id, severity, path, message, hint))


Check = Callable[["Context", Findings], None]


class Rule(Record, frozen=True):
    """A rule as listed in the spec: its number, dotted name and severity label."""

    id: str
    name: str
    severity: SeverityLabel
    summary: str
    check: Check
    # Session rules need acquire data or the clock and are skipped without it.
    session: bool = False
    # True when the rule judges its fields' declared ranges and choices itself, because the
    # declaration cannot say all of it (e.g. some listed values only warn); otherwise the
    # generic check judges the values of every field naming this rule as its value_rule.
    judges_values: bool = False
    # The request the rule judges; it runs only on a Context of that call.
    call: Call = "start"


REGISTRY: Final[dict[str, Rule]] = {}


def rule(
    rule_id: str,
    name: str,
    severity: SeverityLabel,
    summary: str,
    *,
    session: bool = False,
    judges_values: bool = False,
    call: Call = "start",
) -> Callable[[Check], Check]:
    """Register ``check`` as the implementation of spec rule ``rule_id`` / ``name``.

    ``check`` holds only what the field declarations cannot say: the values outside a
    declared range or choices of the fields naming this rule (``Field.value_rule``) are
    judged by the generic check before it runs, unless ``judges_values``.
    """

    def register(check: Check) -> Check:
        if name in REGISTRY:
            raise RuntimeError(f"rule registered twice: {name}")
        REGISTRY[name] = Rule(rule_id, name, severity, summary, check, session, judges_values, call)
        return check

    return register


def declared_rule(
    rule_id: str, name: str, severity: SeverityLabel, summary: str, *, call: Call = "start"
) -> None:
    """Register a spec rule that says no more than its fields' declared ranges or choices.

    The generic check does all its work; there is nothing to write by hand.
    """
    rule(rule_id, name, severity, summary, call=call)(_nothing_more)


def _nothing_more(context: Context, findings: Findings) -> None:
    """The hand-written part of a rule that a declaration says entirely."""


def run(rule_: Rule, context: Context) -> list[Problem]:
    """The problems ``rule_`` finds in ``context`` (none when it judges another call)."""
    if rule_.call != context.call:
        return []
    findings = Findings(rule_.id, rule_.name)
    if not rule_.judges_values:
        judge = _declared_values().get(rule_.name)
        if judge is not None:
            judge(context, findings)
    rule_.check(context, findings)
    return findings.problems


# Rule name → its generic check of declared values, for the rules some field names as its
# value_rule (imported once on first use: the values module needs this one).
_JUDGED: dict[str, Check] = {}


def _declared_values() -> dict[str, Check]:
    if not _JUDGED:
        from rec_tui.spec.rules.values import checks_by_rule

        _JUDGED.update(checks_by_rule())
    return _JUDGED


_LOADED = False


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, importing the rule modules on first use."""
    global _LOADED
    if not _LOADED:
        from rec_tui.spec.rules import load  # noqa: F401  (importing it registers the rules)

        _LOADED = True
    return tuple(REGISTRY.values())


def by_name(name: str) -> Rule | None:
    all_rules()
    return REGISTRY.get(name)
