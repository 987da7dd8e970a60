"""``validate(mode, body)``: every problem of a ``start`` body, all at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rec_tui.i18n import _
from rec_tui.record import Record, replace
from rec_tui.request.unsendable import checkable
from rec_tui.spec.modes import MODES, Mode, is_mode
from rec_tui.spec.problems import ERROR, WARNING, Fix, Problem, sort_key
from rec_tui.spec.rules import Rule, all_rules, run
from rec_tui.spec.rules.context import Context, Session, SnapshotIntent
from rec_tui.spec.rules.quoting import listed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Checked(Record, frozen=True):
    """The problems of one body, without fixes, and what they were found with.

    Working out the fixes (:meth:`with_fixes`) starts from these problems instead of
    running every rule over the body again, and may be left for later: a view shows the
    problems at once and asks for the fixes when it has time.
    """

    problems: list[Problem]
    context: Context | None  # None: no rule ran (an unknown mode)

    def with_fixes(self) -> list[Problem]:
        """The problems, each mechanical fix that holds attached (a re-check per fix)."""
        try:
            return self.with_found(dict(self.fixes()))
        except Exception:  # a fixer's bug must not take the problems away: none get fixes
            return list(self.problems)

    def fixes(self) -> Iterator[tuple[int, Fix]]:
        """(index in :attr:`problems`, fix) for each fix that holds, each worked out only
        when asked for (``next()``), so a caller can spread the re-checks out."""
        if self.context is None:
            return iter(())
        # Imported here: a caller that shows no fixes (``rec-tui validate``) never loads them.
        from rec_tui.request.fixes.registry import checked_fixes

        return checked_fixes(self.context, self.problems)

    def with_found(self, found: Mapping[int, Fix]) -> list[Problem]:
        """The problems with the fixes ``found`` (by index) attached."""
        return [
            replace(problem, fix=found[index]) if index in found else problem
            for index, problem in enumerate(self.problems)
        ]


def validate(
    mode: Mode | str,
    body: Any,
    *,
    snapshot_intent: SnapshotIntent | None = None,
    session: Session | None = None,
    fixes: bool = True,
) -> list[Problem]:
    """Check ``body`` as the ``start`` body of a ``mode`` recording.

    Never raises, whatever value ``body`` is (lone surrogates and over-long integers
    included: see :mod:`rec_tui.request.unsendable`). Problems come errors first, then by
    path. ``snapshot_intent`` is the wizard's explicit snapshot choice (R88/R89);
    ``session`` carries acquire data and the clock for the session rules.
    """
    checked = check(mode, body, snapshot_intent=snapshot_intent, session=session)
    return checked.with_fixes() if fixes else checked.problems


def check(
    mode: Mode | str,
    body: Any,
    *,
    snapshot_intent: SnapshotIntent | None = None,
    session: Session | None = None,
) -> Checked:
    """:func:`validate` without the fixes, keeping what :meth:`Checked.with_fixes` needs."""
    if not is_mode(mode):
        problem = Problem(
            "path.mode.enum",
            "R1",
            ERROR,
            "",
            _("Recording mode must be individual, mix or web."),
            _("Got {mode}; choose one of {modes}.").format(
                mode=repr(mode), modes=listed(list(MODES))
            ),
        )
        return Checked([problem], None)
    problems, checked = checkable(body)
    # An unsendable value is reported once: what the rules say of its stand-in is noise.
    unsendable = {problem.path for problem in problems}
    context = Context(mode, checked, snapshot_intent, session or Session())
    for rule_ in all_rules():
        found = _run_guarded(rule_, context)
        if found:  # most rules find nothing: no filtering generator for them
            problems.extend(p for p in found if p.path not in unsendable)
    problems.sort(key=sort_key)
    return Checked(problems, context)


def _run_guarded(rule_: Rule, context: Context) -> list[Problem]:
    """The rule's problems; a rule that fails becomes a warning instead of a traceback.

    A last resort, so that one rule's bug never hides the other rules' findings: values
    the rules cannot handle are taken care of by :func:`checkable` before they run.
    """
    try:
        return run(rule_, context)
    except Exception as error:  # validate() never raises, whatever the body holds
        return [
            Problem(
                "validator.failed",
                rule_.id,
                WARNING,
                "",
                _(
                    "rec-tui could not finish checking rule {id} ({name}) on this body: "
                    "{error}. The other rules ran."
                ).format(id=rule_.id, name=rule_.name, error=type(error).__name__),
                _("Please report this body as a rec-tui bug."),
            )
        ]
