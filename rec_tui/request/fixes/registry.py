"""Which rule's problems have a mechanical fix, and attaching the checked fix to each problem.

A fixer is registered for one or more rule names and works out a :class:`Fix` from the
problem and the body, or None when the right change is a person's choice. Every fix a
fixer proposes is tried on a copy of the body before it is offered: it must remove its
problem and add no error, so a fix never makes a request worse. The rule modules are not
touched: fixers are keyed by the rule names of :mod:`rec_tui.spec.rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from rec_tui.record import replace
from rec_tui.request.fixes.edits import FixDoesNotApply, apply_fix
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Fix, Problem, sort_key
from rec_tui.spec.rules import all_rules, run
from rec_tui.spec.rules.context import Context

Fixer = Callable[[Problem, Any, Mode], Fix | None]

# Checking a fix runs every rule once more. A body with dozens of fixable places (a pasted
# list of numeric UIDs) gets fixes for the first ones, and the rest once those are
# applied, so a keystroke never waits for dozens of checks.
MAX_CHECKED_PER_CALL: Final = 12

FIXERS: Final[dict[str, Fixer]] = {}


def fixer(*rule_names: str) -> Callable[[Fixer], Fixer]:
    """Register ``build`` as the fixer of the problems of ``rule_names``."""

    def register(build: Fixer) -> Fixer:
        for name in rule_names:
            if name in FIXERS:
                raise RuntimeError(f"fixer registered twice for {name}")
            FIXERS[name] = build
        return build

    return register


_LOADED = False


def fixers() -> dict[str, Fixer]:
    """Every registered fixer, importing the fixer modules on first use."""
    global _LOADED
    if not _LOADED:
        from rec_tui.request.fixes import convert, limits, settle  # noqa: F401  (they register)

        _LOADED = True
    return FIXERS


def attach_fixes(context: Context, problems: list[Problem]) -> list[Problem]:
    """``problems`` with ``fix`` set on each one that has a mechanical, checked fix.

    ``context`` is the one the problems were found with (mode, body, snapshot choice,
    session), so a proposed fix is checked against exactly the same rules. At most
    :data:`MAX_CHECKED_PER_CALL` fixes are checked (errors come first in ``problems``).
    """
    found = dict(checked_fixes(context, problems))
    if not found:
        return problems
    return [
        replace(problem, fix=found[index]) if index in found else problem
        for index, problem in enumerate(problems)
    ]


def checked_fixes(
    context: Context, problems: list[Problem], limit: int = MAX_CHECKED_PER_CALL
) -> Iterator[tuple[int, Fix]]:
    """(index in ``problems``, fix) for each problem whose proposed fix holds, in order,
    trying at most ``limit`` proposals. Lazy: ``next()`` checks only as far as needed."""
    if not isinstance(context.body, dict):
        return
    registered = fixers()
    errors_before = {(p.rule, p.path) for p in problems if p.is_error}
    tried = 0
    for index, problem in enumerate(problems):
        build = registered.get(problem.rule)
        if build is None:
            continue
        proposed = build(problem, context.body, context.mode)
        if proposed is None:
            continue
        if tried == limit:
            return
        tried += 1
        if _holds(proposed, problem, context, errors_before):
            yield index, proposed


def _holds(
    fix: Fix, problem: Problem, context: Context, errors_before: set[tuple[str, str]]
) -> bool:
    """The fix applies, removes ``problem`` and adds no error (by rule and path)."""
    try:
        fixed = apply_fix(context.body, fix)
    except FixDoesNotApply:
        return False
    after = problems_of(replace(context, body=fixed))
    if any(p.rule == problem.rule and p.path == problem.path for p in after):
        return False
    return all((p.rule, p.path) in errors_before for p in after if p.is_error)


def problems_of(context: Context) -> list[Problem]:
    """Every problem the rules find in ``context``, without fixes, errors first."""
    found: list[Problem] = []
    for rule_ in all_rules():
        found.extend(run(rule_, context))
    found.sort(key=sort_key)
    return found


def described_now(problem: Problem, body: Any, mode: Mode) -> str:
    """What ``problem``'s fix does, in the language active now: its fixer works it out
    again from the body it was offered on (an undo step shown after a language switch).
    The description it was offered with if the fixer no longer proposes it."""
    build = fixers().get(problem.rule)
    again = build(problem, body, mode) if build is not None else None
    if again is not None:
        return again.description
    return problem.fix.description if problem.fix is not None else ""
