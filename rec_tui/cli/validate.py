"""``rec-tui validate``: check JSON ``start`` bodies from files or standard input."""

from __future__ import annotations

import json
import sys

from rec_tui.cli import language
from rec_tui.cli.plain import PlainForm
from rec_tui.i18n import LANGUAGES, N_, _, ngettext
from rec_tui.record import Record, field
from rec_tui.spec.modes import MODES

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from rec_tui.formats.jsonfile import JsonInputError
    from rec_tui.request.duplicate_keys import DuplicateKey
    from rec_tui.request.mode_inference import ModeGuess
    from rec_tui.spec.problems import Problem

DESCRIPTION = N_("""\
Check each PATH (a JSON file holding a start body, or - for standard input) against every
rule that can be judged from the mode and the body. Without --mode, each body's mode is
inferred from what it holds (extensionServiceConfig: web; transcodingConfig: mix;
snapshotConfig: individual; …) and said on standard error, with the keys that decided.
With --mode, a body that fits another mode better gets a note naming that mode and why.

Exit status: 0 no errors (warnings allowed); 1 at least one input has an error; 2 the
command could not do its job (bad usage, an unreadable file, text that is not JSON). With
--format json, an input that could not be read is listed with "valid": false and an
"error" object (message, line, column) instead of problems.
""")


def register(subparsers: Any) -> None:
    from rec_tui.cli.options import RawHelpFormatter, add_body_mode, add_output_format

    parser = subparsers.add_parser(
        "validate",
        help=_("check start bodies (JSON files or -) and report every problem"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    add_body_mode(
        parser, _("the recording mode the bodies are meant for (default: inferred per body)")
    )
    add_output_format(parser, _("text for people (default) or one JSON array for scripts"))
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("JSON file, or - for stdin"))
    language.add_argument(parser, command=True)
    # Files are read inside `with`, the report goes to stdout: nothing to finalize at exit.
    parser.set_defaults(handler=run, nothing_to_finalize=True)


class Outcome(Record):
    """The result for one PATH: its problems, or why it could not be read."""

    source: str
    mode: str | None = None
    mode_reason: str = ""
    # With --mode: another mode this body fits better, and why (else None).
    better: ModeGuess | None = None
    problems: list[Problem] = field(default_factory=list)
    failure: JsonInputError | None = None

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def valid(self) -> bool:
        return self.failure is None and self.errors == 0


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, UsageError

    if args.paths.count("-") > 1:
        raise UsageError(_("standard input (-) can be read only once per call."))
    outcomes = [check(source, args.body_mode) for source in args.paths]
    if args.body_mode is None and args.output_format == "text":
        for outcome in outcomes:
            if outcome.failure is None:
                said = _("{name}: mode: {mode}, {reason} (--mode chooses another).")
                print(
                    "rec-tui validate: "
                    + said.format(
                        name=_name(outcome.source), mode=outcome.mode, reason=outcome.mode_reason
                    ),
                    file=sys.stderr,
                )
    if args.output_format == "json":
        print(json.dumps([as_json(o) for o in outcomes], ensure_ascii=False))
    else:
        sys.stdout.write(render_text(outcomes))
    if args.output_format == "json":
        # The text report already names unreadable inputs; JSON output keeps stdout
        # machine-readable, so a person still sees why the command failed.
        for outcome in outcomes:
            if outcome.failure is not None:
                print(f"rec-tui validate: {outcome.failure}", file=sys.stderr)
    if any(o.failure is not None for o in outcomes):
        return EXIT_FAILED
    return EXIT_OK if all(o.valid for o in outcomes) else EXIT_REFUSED


# The options as register() declares them (tests/cli/test_cli_plain.py compares both readings).
PLAIN_FORMS = (
    PlainForm(
        (),
        {
            "--mode": ("body_mode", MODES),
            "--format": ("output_format", ("text", "json")),
            language.OPTION: ("lang", LANGUAGES),
        },
        "paths",
        {"body_mode": None, "output_format": "text", "handler": run, "nothing_to_finalize": True},
    ),
)


def check(source: str, mode: str | None) -> Outcome:
    """Read and check one input; ``mode`` None infers it from the body.

    Without fixes: the report shows each problem's hint, never a worked-out fix, and
    working them out would be most of the command's time.
    """
    from rec_tui.formats.jsonfile import JsonInputError, read_json_document
    from rec_tui.request.mode_inference import better_mode, infer_mode
    from rec_tui.request.validate import validate
    from rec_tui.spec.modes import is_mode

    try:
        body, duplicates = read_json_document(source)
    except JsonInputError as error:
        return Outcome(source, mode, failure=error)
    if mode is None:
        guess = infer_mode(body)
        problems = _with(duplicates, validate(guess.mode, body, fixes=False))
        return Outcome(source, guess.mode, guess.reason, problems=problems)
    better = better_mode(body, mode) if is_mode(mode) else None
    problems = _with(duplicates, validate(mode, body, fixes=False))
    return Outcome(source, mode, _("given with --mode"), better, problems)


def _with(duplicates: list[DuplicateKey], problems: list[Problem]) -> list[Problem]:
    """The validator's problems and a warning for each key the file repeats, in the
    validator's order (errors first, then by path)."""
    if not duplicates:
        return problems
    from rec_tui.spec.problems import sort_key

    return sorted(problems + [duplicate.problem() for duplicate in duplicates], key=sort_key)


def as_json(outcome: Outcome) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": outcome.source,
        "mode": outcome.mode,
        "mode_reason": outcome.mode_reason,
        "better_mode": None
        if outcome.better is None
        else {"mode": outcome.better.mode, "reason": outcome.better.reason},
        "valid": outcome.valid,
        "problems": [problem.as_dict() for problem in outcome.problems],
    }
    if outcome.failure is not None:
        entry["error"] = {
            "message": outcome.failure.message,
            "line": outcome.failure.line,
            "column": outcome.failure.column,
        }
    return entry


def _name(source: str) -> str:
    from rec_tui.formats.jsonfile import display_name

    return display_name(source)


def _counts(errors: int, warnings: int) -> str:
    """``1 error, 2 warnings``."""
    return _("{errors}, {warnings}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def render_text(outcomes: list[Outcome]) -> str:
    """Grouped by input, errors first (validate() already sorts them), then a summary."""
    lines: list[str] = []
    for outcome in outcomes:
        name, mode = _name(outcome.source), outcome.mode
        if outcome.failure is not None:
            lines.append(_("{message} (not checked)").format(message=outcome.failure.message))
            continue
        if not outcome.problems:
            lines.append(_("{name}: OK ({mode} mode)").format(name=name, mode=mode))
            continue
        counts = _counts(outcome.errors, outcome.warnings)
        lines.append(
            _("{name}: {counts} ({mode} mode)").format(name=name, counts=counts, mode=mode)
        )
        if outcome.better is not None:
            note = _("note: this body fits {mode} mode better: {reason} (--mode {mode}).")
            lines.append("  " + note.format(mode=outcome.better.mode, reason=outcome.better.reason))
        for problem in outcome.problems:
            where = problem.path or _("(the body itself)")
            # The severity word stays as in --format json: scripts grep for it.
            lines.append(f"  {problem.severity:<7} {where}  [{problem.rule_id} {problem.rule}]")
            lines.append(f"          {problem.message}")
            if problem.hint:
                lines.append("          " + _("fix: {hint}").format(hint=problem.hint))
    lines.append(summary(outcomes))
    return "\n".join(lines) + "\n"


def summary(outcomes: list[Outcome]) -> str:
    unreadable = sum(1 for o in outcomes if o.failure is not None)
    invalid = sum(1 for o in outcomes if o.failure is None and not o.valid)
    valid = len(outcomes) - unreadable - invalid
    errors = sum(o.errors for o in outcomes)
    warnings = sum(o.warnings for o in outcomes)
    checked = ngettext(
        "{count} input checked: {valid} valid, {invalid} with errors",
        "{count} inputs checked: {valid} valid, {invalid} with errors",
        len(outcomes),
    ).format(count=len(outcomes), valid=valid, invalid=invalid)
    if unreadable:
        checked = _("{checked}, {unreadable} unreadable").format(
            checked=checked, unreadable=unreadable
        )
    return _("{checked}; {counts}.").format(checked=checked, counts=_counts(errors, warnings))
