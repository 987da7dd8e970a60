"""``rec-tui diff``: compare two start bodies field by field."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rec_tui.cli import language
from rec_tui.cli.options import RawHelpFormatter, add_body_mode, add_output_format
from rec_tui.i18n import N_, _

DESCRIPTION = N_("""\
Compare two start bodies, A and B (JSON files, saved presets by name or .toml path, or -
for standard input), by JSON path: what was added, removed or changed, with the field's
name and the meaning of its value ("streamTypes: 0 audio only -> 2 audio and video"),
then which problems each side has. Moving keys around is not a difference. Secret values
are masked.

Exit status: 0 the bodies are the same; 1 they differ; 2 an input could not be read.
""")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help=_("compare two start bodies (files, presets or -) field by field"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    add_body_mode(
        parser, _("check both bodies in this mode (default: a preset's own mode, or inferred)")
    )
    add_output_format(parser, _("text for people (default) or one JSON object for scripts"))
    parser.add_argument("before", metavar="A", help=_("file, preset name, or - for stdin"))
    parser.add_argument("after", metavar="B", help=_("file, preset name, or - for stdin"))
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


class Unreadable(Exception):
    """An input that could not be read; the message names it and says why."""


def run(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, UsageError
    from rec_tui.cli.options import chosen_mode
    from rec_tui.request.diff import diff_bodies

    if args.before == "-" and args.after == "-":
        raise UsageError(_("standard input (-) can be read only once per call."))
    sides = []
    for source in (args.before, args.after):
        try:
            body, preset_mode = read_side(source)
        except Unreadable as error:
            print(f"rec-tui diff: {error}", file=sys.stderr)
            return EXIT_FAILED
        name = _("standard input") if source == "-" else source
        mode = chosen_mode(args.body_mode or preset_mode, body, name)
        sides.append((body, mode))
    (before, before_mode), (after, after_mode) = sides
    result = diff_bodies(before, after, before_mode, after_mode)
    if args.output_format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        print(f"--- A: {args.before}\n+++ B: {args.after}")
        print("\n".join(result.lines()))
    return EXIT_OK if result.equal else EXIT_REFUSED


def read_side(source: str) -> tuple[Any, str | None]:
    """The body in ``source`` and, for a preset, the mode it was saved with."""
    from rec_tui.formats.jsonfile import JsonInputError, display_name, read_json_document

    if source != "-" and _is_preset(source):
        return _read_preset(source)
    try:
        body, duplicates = read_json_document(source)
    except JsonInputError as error:
        raise Unreadable(str(error)) from None
    # The side compared keeps the last of each repeated key: say so, and where.
    for duplicate in duplicates:
        print(f"rec-tui diff: {duplicate.notice(display_name(source))}", file=sys.stderr)
    return body, None


def _is_preset(source: str) -> bool:
    from rec_tui.store import presets

    candidate = Path(source).expanduser()
    if candidate.suffix == presets.SUFFIX:
        return True
    if candidate.exists():
        return False
    try:
        presets.check_name(source)
    except presets.PresetError:
        return False
    return True


def _read_preset(source: str) -> tuple[Any, str | None]:
    """A preset's body with its secret references left as they are: the diff masks
    secrets anyway, so the keyring is never asked."""
    from rec_tui.store import presets
    from rec_tui.store.secrets import MemoryStore

    if not presets.resolve(source).exists() and not source.endswith(presets.SUFFIX):
        raise Unreadable(
            _(
                "{source} is neither a file nor a saved preset; "
                "`rec-tui preset list` shows the saved presets."
            ).format(source=repr(source))
        )
    try:
        preset = presets.load(source, MemoryStore(), resolve_secrets=False)
    except presets.PresetError as error:
        raise Unreadable(error.message) from None
    return preset.draft.body, preset.draft.mode
