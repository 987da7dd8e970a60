"""``rec-tui fix``: apply every mechanical fix to a JSON ``start`` body.

The fixed body goes to standard output and what changed to standard error, so the command
pipes (``rec-tui fix - < in.json > out.json``); ``--write`` rewrites the file in place.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rec_tui.cli import language
from rec_tui.cli.options import RawHelpFormatter, add_body_mode, add_output_format, chosen_mode
from rec_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from rec_tui.request.fixes.apply import AppliedFix
    from rec_tui.spec.problems import Problem

DESCRIPTION = N_("""\
Apply every fix that is mechanical (numbers where a UID string belongs, misspelled keys,
a missing subscribeUidGroup, out-of-range values, ...) to the start body in FILE (or - for
standard input). The fixed body is printed on standard output, exactly as in the input
apart from the fixes (key order, values and secrets are kept); what changed, and the
errors left, are printed on standard error.

Exit status: 0 no error remains (warnings allowed); 1 errors remain that have no
mechanical fix; 2 the input could not be read (file, line and column are named).
""")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fix",
        help=_("apply every mechanical fix to a start body (JSON file or -)"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    add_body_mode(
        parser, _("the recording mode the body is meant for (default: inferred from the body)")
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help=_("rewrite FILE in place (atomically, keeping its indentation) instead of printing"),
    )
    add_output_format(
        parser, _('text: the fixed body (default); json: {"body": ..., "changes": [...]}')
    )
    parser.add_argument("path", metavar="FILE", help=_("JSON file, or - for standard input"))
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


# --- the JSON text's own style ------------------------------------------------------------

_INDENT = re.compile(r"\n([ \t]+)\S")


@dataclass(frozen=True, slots=True)
class JsonStyle:
    """How a JSON text is laid out, so a rewrite looks like the file it replaces."""

    indent: str | None = "  "
    final_newline: bool = True
    ascii_only: bool = False
    tight: bool = False  # {"a":1,"b":2}, without spaces

    @classmethod
    def of(cls, text: str) -> JsonStyle:
        found = _INDENT.search(text)
        return cls(
            indent=found.group(1) if found else None,
            final_newline=text.endswith("\n"),
            ascii_only=text.isascii() and "\\u" in text,
            tight=found is None and '":' in text and '": ' not in text,
        )

    def dumps(self, body: Any) -> str:
        separators = (",", ": ") if self.indent is not None else (", ", ": ")
        if self.tight:
            separators = (",", ":")
        text = json.dumps(
            body, indent=self.indent, ensure_ascii=self.ascii_only, separators=separators
        )
        return text + ("\n" if self.final_newline else "")


# --- the command ---------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, UsageError
    from rec_tui.formats.jsonfile import JsonInputError, load_json_document, read_json_document
    from rec_tui.request.fixes.apply import apply_all

    if args.write and args.path == "-":
        raise UsageError(_("--write needs a FILE: standard input cannot be rewritten."))
    try:
        if args.path == "-":
            text = sys.stdin.read()
            body, duplicates = load_json_document(text, "-")
        else:
            body, duplicates = read_json_document(args.path)
            text = Path(args.path).read_text(encoding="utf-8")
    except JsonInputError as error:
        print(f"rec-tui fix: {error}", file=sys.stderr)
        return EXIT_FAILED
    name = _("standard input") if args.path == "-" else args.path
    for duplicate in duplicates:
        print(f"rec-tui fix: {duplicate.notice(name)}", file=sys.stderr)
    if duplicates and args.write:
        # The body read keeps only the last of each repeated key: writing it back would
        # lose the customer's other values without a word.
        said = _(
            "{name} was not rewritten: it would keep only the value written last of each "
            "repeated key and lose the others. Keep one of each, then run fix again."
        )
        print(f"rec-tui fix: {said.format(name=name)}", file=sys.stderr)
        return EXIT_FAILED
    mode = chosen_mode(args.body_mode, body, name)
    fixed, changes = apply_all(mode, body)
    from rec_tui.request.validate import validate

    left = [problem for problem in validate(mode, fixed) if problem.is_error]
    style = JsonStyle.of(text)
    if args.write and changes:
        _rewrite(Path(args.path), style.dumps(fixed))
    if args.output_format == "json":
        document = {
            "mode": mode,
            "body": fixed,
            "changes": [change.as_dict() for change in changes],
            "errors": [problem.as_dict() for problem in left],
        }
        print(json.dumps(document, ensure_ascii=False))
    elif not args.write:
        sys.stdout.write(style.dumps(fixed))
    sys.stderr.write(report(name, changes, left, written=args.write, repeated=bool(duplicates)))
    return EXIT_REFUSED if left else EXIT_OK


def _rewrite(target: Path, text: str) -> None:
    """Replace ``target`` atomically, keeping its permission bits."""
    from rec_tui.cli import UsageError
    from rec_tui.store.presets import PresetError, write_atomically

    permissions = target.stat().st_mode & 0o7777
    try:
        write_atomically(target, text)
        os.chmod(target, permissions)
    except (PresetError, OSError) as error:
        raise UsageError(str(error)) from None


def report(
    name: str,
    changes: list[AppliedFix],
    left: list[Problem],
    *,
    written: bool,
    repeated: bool = False,
) -> str:
    """What was fixed and what is left, for standard error; ``repeated``: the body printed
    has lost the earlier values of keys written twice."""
    lines: list[str] = []
    if not changes:
        lines.append(_("{name}: nothing to fix.").format(name=name))
    else:
        count = len(changes)
        if written:
            said = ngettext(
                "{name} rewritten: {count} fix applied",
                "{name} rewritten: {count} fixes applied",
                count,
            )
        else:
            said = ngettext("{name}: {count} fix applied", "{name}: {count} fixes applied", count)
        lines.append(said.format(name=name, count=count))
        for change in changes:
            lines.append(f"  {change.fix.description}  [{change.problem.rule}]")
            lines.extend(f"      {detail}" for detail in change.details)
    if left:
        lines.append(
            ngettext(
                "{count} error left without a fix:", "{count} errors left without a fix:", len(left)
            ).format(count=len(left))
        )
        for problem in left:
            lines.append(f"  {problem.path or _('(the body itself)')}  [{problem.rule}]")
            lines.append(f"      {problem.message}")
            if problem.hint:
                lines.append("      " + _("fix: {hint}").format(hint=problem.hint))
    if repeated and not written:
        lines.append(
            _(
                "The body printed keeps only the value written last of each repeated key "
                "(above): it is not the customer's body as written."
            )
        )
    return "\n".join(lines) + "\n"
