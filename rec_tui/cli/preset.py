"""``rec-tui preset``: save, list, show, export and delete presets without the wizard."""

from __future__ import annotations

import json
import sys

from rec_tui.cli import language
from rec_tui.cli.plain import PlainForm
from rec_tui.i18n import LANGUAGES, N_, _, moment
from rec_tui.spec.modes import MODES

# typing is for type checkers only: `preset list` does not import it (start-up speed), nor
# argparse (a plain `preset list` line is read by cli.plain).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from rec_tui.request.draft import Draft
    from rec_tui.store.secrets import SecretStore

# rec_tui.formats.exporters.FORMATS, written out so that registering stays import-free.
EXPORT_FORMATS = ("json", "curl", "toml", "shell")

DESCRIPTION = N_("""\
Presets are TOML files in the rec-tui config directory (REC_TUI_HOME moves it). Secrets are
kept in the OS keyring (service "rec-tui") and the file holds only references to them.
Without a usable keyring, save writes env:REC_TUI_... references instead and says which
variables to set. A preset may refer only to its own keyring entries and to REC_TUI_...,
AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET.

Without a keyring, supply secrets through the environment: AGORA_CUSTOMER_ID and
AGORA_CUSTOMER_SECRET (these win over the keyring), and for a preset whose keyring entry
is missing REC_TUI_TOKEN, REC_TUI_STORAGE_ACCESS_KEY, REC_TUI_STORAGE_SECRET_KEY,
REC_TUI_STORAGE_STS_TOKEN, REC_TUI_DECRYPTION_SECRET, REC_TUI_DECRYPTION_SALT; or name a
secrets command in config.toml ([secrets] command = ["pass", "show", "rec-tui/{entry}"]).
Exports refer to the same variables unless --reveal: curl commands and shell scripts as
${REC_TUI_TOKEN} (and REC_TUI_RESOURCE_ID for the curl command's resource ID), a JSON body
as the text "${REC_TUI_TOKEN}" in place of the value, a TOML preset as env:REC_TUI_TOKEN.
The shell script acquires, then starts with the resourceId acquire answered (it needs curl
and python3). A preset that sends to the built-in sandbox exports commands for
`rec-tui sandbox serve --port 8765`, which must be running.

Exit status: 0 success; 1 the preset is not a valid start request (the command still did
its job, and the problems are listed); 2 the command could not do its job.
""")


def register(subparsers: Any) -> None:
    from rec_tui.cli.options import RawHelpFormatter, add_output_format

    parser = subparsers.add_parser(
        "preset",
        help=_("save, list, show, export or delete presets"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    # prog given: argparse would lay out the usage to find it (importing shutil for the
    # terminal's width).
    actions = parser.add_subparsers(
        dest="preset_action", metavar="ACTION", required=True, prog=parser.prog
    )

    save = actions.add_parser("save", help=_("save a JSON body or curl command as a preset"))
    save.add_argument("name", metavar="NAME")
    save.add_argument(
        "--from", dest="source", required=True, metavar="FILE",
        help=_("a JSON start body, a curl command, or a log with the body in it"),
    )  # fmt: skip
    save.add_argument(
        "--mode", dest="preset_mode", choices=MODES,
        help=_("the recording mode (taken from a curl URL when not given)"),
    )  # fmt: skip
    save.add_argument("--description", default="", help=_("one line saying what it is for"))
    save.add_argument("--force", action="store_true", help=_("overwrite a preset of that name"))
    save.add_argument(
        "--store-credentials", action="store_true",
        help=_("keep a customer ID and secret found in a curl command in the keyring "
        "(otherwise they are dropped)"),
    )  # fmt: skip
    language.add_argument(save, command=True)
    save.set_defaults(handler=run_save)

    listing = actions.add_parser("list", help=_("list the saved presets"))
    add_output_format(listing)
    language.add_argument(listing, command=True)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser(
        "show", help=_("print a preset's TOML (secret references as they are)")
    )
    show.add_argument("name", metavar="NAME")
    language.add_argument(show, command=True)
    show.set_defaults(handler=run_show)

    export = actions.add_parser(
        "export", help=_("print a preset as JSON, curl, TOML or a shell script (acquire, start)")
    )
    export.add_argument("name", metavar="NAME_OR_PATH")
    export.add_argument(
        "--format",
        dest="export_format",
        choices=EXPORT_FORMATS,
        required=True,
        help=_("what to print the preset as"),
    )
    export.add_argument(
        "--reveal", action="store_true",
        help=_("write the secrets themselves instead of ${REC_TUI_...} references"),
    )  # fmt: skip
    language.add_argument(export, command=True)
    export.set_defaults(handler=run_export)

    delete = actions.add_parser("delete", help=_("delete a preset and its keyring entries"))
    delete.add_argument("name", metavar="NAME")
    language.add_argument(delete, command=True)
    delete.set_defaults(handler=run_delete)


def _store() -> SecretStore:
    from rec_tui.store.secrets import open_store

    opened = open_store()
    if opened.notice:
        print(f"rec-tui: {opened.notice}", file=sys.stderr)
    return opened.store


def _report_problems(draft: Draft, label: str) -> int:
    """Print the draft's problems to stderr; EXIT_REFUSED when any is an error."""
    from rec_tui.cli import EXIT_OK, EXIT_REFUSED

    problems = draft.validate()
    errors = [problem for problem in problems if problem.is_error]
    for problem in problems:
        # The severity word stays as in validate's report: scripts grep for it.
        kind = "error" if problem.is_error else "warning"
        hint = f" ({problem.hint})" if problem.hint else ""
        print(f"{label}: {kind}: {problem.path}: {problem.message}{hint}", file=sys.stderr)
    return EXIT_REFUSED if errors else EXIT_OK


def run_save(args: argparse.Namespace) -> int:
    from rec_tui.cli import UsageError
    from rec_tui.formats import importers
    from rec_tui.formats.documents import draft_from_import
    from rec_tui.store import presets

    try:
        result = importers.import_file(args.source)
    except importers.ImportProblem as problem:
        raise UsageError(problem.message) from None
    # Without --mode, the mode the import found (from the URL, else inferred and said).
    if args.preset_mode and args.preset_mode != result.mode:
        result.notices.append(
            _("Saved as {mode} mode, as --mode says.").format(mode=args.preset_mode)
        )
        result.mode = args.preset_mode
    store = _store()
    importers.settle_credentials(result, store, agreed=args.store_credentials, session_lasts=False)
    draft = draft_from_import(result)
    try:
        preset = presets.save(
            draft, args.name, store, description=args.description, force=args.force
        )
    except presets.PresetError as error:
        raise UsageError(error.message) from None
    for notice in [*result.notices, *preset.notices]:
        print(f"rec-tui: {notice}", file=sys.stderr)
    print(_("Saved preset {name} ({path}).").format(name=repr(preset.name), path=preset.path))
    return _report_problems(draft, preset.name)


def run_list(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_OK
    from rec_tui.store import presets

    summaries = presets.list_presets()
    if args.output_format == "json":
        rows = [
            {
                "name": item.name,
                "mode": item.mode,
                "description": item.description,
                "modified": item.modified.isoformat(timespec="seconds"),
                "path": str(item.path),
                "error": item.error,
            }
            for item in summaries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not summaries:
        from rec_tui.store.paths import presets_dir

        print(_("No presets in {path}.").format(path=presets_dir()))
        return EXIT_OK
    width = max(len(item.name) for item in summaries)
    # In local time, the user's own clock; to the minute the file's time falls in.
    changes = column([moment(item.modified_at, precision="minutes") for item in summaries])
    lines = []
    for item, changed in zip(summaries, changes, strict=True):
        note = "  " + _("[cannot be read: {error}]").format(error=item.error) if item.error else ""
        lines.append(f"{item.name:<{width}}  {item.mode:<10}  {changed}  {item.description}{note}")
    # One write for the whole list: a print per preset took ~30 ms for 5,000.
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def column(texts: list[str]) -> list[str]:
    """``texts`` padded to one width in terminal cells (a Chinese character takes two)."""
    if all(text.isascii() for text in texts):
        width = max(map(len, texts))
        return [text.ljust(width) for text in texts]
    from rich.cells import cell_len  # not for English: its import costs `preset list` ~15 ms

    width = max(map(cell_len, texts))
    return [text + " " * (width - cell_len(text)) for text in texts]


# `preset list` as register() declares it (tests/cli/test_cli_plain.py compares both readings).
PLAIN_FORMS = (
    PlainForm(
        ("list",),
        {"--format": ("output_format", ("text", "json")), language.OPTION: ("lang", LANGUAGES)},
        None,
        {"preset_action": "list", "output_format": "text", "handler": run_list},
    ),
)


def run_show(args: argparse.Namespace) -> int:
    """Print the file as it is, once it has passed every check that opening it would make."""
    from rec_tui.cli import EXIT_OK, UsageError
    from rec_tui.store import presets
    from rec_tui.store.secrets import MemoryStore

    try:
        path = presets.resolve(args.name)
        if not path.exists() and not path.is_symlink():
            raise UsageError(
                _("There is no preset named {name}; `rec-tui preset list` shows them.").format(
                    name=repr(args.name)
                )
            )
        text = presets.read_preset_text(path)
        presets.parse(text, path, MemoryStore(), resolve_secrets=False)
    except presets.PresetError as error:
        raise UsageError(error.message) from None
    sys.stdout.write(text)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from rec_tui.cli import UsageError
    from rec_tui.formats import exporters
    from rec_tui.store import presets
    from rec_tui.store.secrets import MemoryStore, SecretStoreError, customer_credentials

    store = _store() if args.reveal else MemoryStore()
    try:
        preset = presets.load(args.name, store, resolve_secrets=args.reveal)
        credentials = customer_credentials(store) if args.reveal else None
    except presets.PresetError as error:
        raise UsageError(error.message) from None
    except SecretStoreError as error:
        raise UsageError(str(error)) from None
    for notice in preset.notices:
        print(f"rec-tui: {notice}", file=sys.stderr)
    try:
        text = exporters.export(
            preset.draft,
            args.export_format,
            reveal=args.reveal,
            credentials=credentials,
            name=preset.name,
            description=preset.description,
        )
        runs = args.export_format in ("curl", "shell")
        note = exporters.sandbox_note(preset.draft) if runs else None
    except ValueError as error:  # an endpoint that is not understood
        raise UsageError(f"{preset.name}: {error}") from None
    sys.stdout.write(text)
    if note:
        print(f"rec-tui: {note}", file=sys.stderr)
    return _report_problems(preset.draft, preset.name)


def run_delete(args: argparse.Namespace) -> int:
    from rec_tui.cli import EXIT_OK, UsageError
    from rec_tui.store import presets

    try:
        presets.delete(args.name, _store())
    except presets.PresetError as error:
        raise UsageError(error.message) from None
    print(_("Deleted preset {name}.").format(name=repr(args.name)))
    return EXIT_OK
