"""``rec-tui bundle``: one zip for an escalation — the request, its problems, the exchanges."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rec_tui.cli import EXIT_FAILED, EXIT_OK, UsageError, language
from rec_tui.cli.options import RawHelpFormatter
from rec_tui.i18n import N_, _

if TYPE_CHECKING:
    from rec_tui.request.draft import Draft
    from rec_tui.store.secrets import SecretStore

DESCRIPTION = N_("""\
Write one zip to attach to an escalation: the request (a preset, or a file: JSON body,
curl command or ticket text) with every secret masked, the problems rec-tui's checks find
in it, the last N exchanges from rec-tui's history (redacted), the versions of rec-tui and
Python, and a README.txt saying what is inside. Without a preset or file the zip holds the
exchanges and versions only. The zip is readable by you only (mode 0600).
""")


# How many recent exchanges go in when --last is not given.
DEFAULT_LAST = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bundle",
        help=_("write a zip of the request, its problems and recent exchanges for an escalation"),
        description=_(DESCRIPTION),
        formatter_class=RawHelpFormatter,
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", metavar="NAME", help=_("a saved preset"))
    source.add_argument(
        "file", nargs="?", metavar="FILE", help=_("a JSON body, curl command or ticket text")
    )
    parser.add_argument(
        "--last",
        type=int,
        default=DEFAULT_LAST,
        metavar="N",
        help=_("how many recent exchanges from the history to include (default {count})").format(
            count=DEFAULT_LAST
        ),
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.zip", help=_("where to write the zip")
    )
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rec_tui.formats.bundle import BundleContents, bundle_members, write_bundle
    from rec_tui.store.files import StoreFileError
    from rec_tui.store.history import HistoryError, read_recent
    from rec_tui.store.secrets import SecretStoreError, open_store

    if args.last < 0:
        raise UsageError(_("--last needs a number of exchanges, 0 or more."))
    target = Path(args.output).expanduser()
    if target.suffix.lower() != ".zip":
        raise UsageError(
            _("{path}: the bundle is a zip; name it FILE.zip.").format(path=args.output)
        )
    if target.is_dir():
        raise UsageError(
            _("{path}: is a folder; give a file name ending in .zip.").format(path=args.output)
        )
    opened = open_store()
    named = args.preset or args.file
    draft = _draft(args.preset, args.file, opened.store) if named else None
    try:
        recent = read_recent(args.last)
    except HistoryError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        known = _stored_secrets(opened.store)
    except SecretStoreError as error:
        print(f"rec-tui: {error}", file=sys.stderr)
        return EXIT_FAILED
    contents = BundleContents(
        draft,
        # Named in the bundle's README, which is written in English.
        Path(named).name if args.file else f"preset {named!r}" if named else "",
        recent.records,
        recent.skipped,
        known,
        diagnosis=_diagnosis(args.file, draft, recent.records),
    )
    try:
        write_bundle(target, bundle_members(contents), contents.created_at)
    except StoreFileError as error:
        print(f"rec-tui: {error.message}", file=sys.stderr)
        return EXIT_FAILED
    print(_("Wrote {path} (secrets masked; see README.txt inside).").format(path=target))
    return EXIT_OK


def _diagnosis(
    file: str | None, draft: Draft | None, exchanges: list[dict[str, Any]]
) -> dict[str, Any]:
    """``rec-tui diagnose`` of what the bundle is about: the file as the customer sent it
    (or the preset's body) followed by the history's exchanges."""
    from rec_tui.agora.diagnose import diagnose
    from rec_tui.formats.jsonfile import JsonInputError, read_text

    parts: list[str] = []
    if file is not None:
        with contextlib.suppress(JsonInputError, OSError):
            parts.append(read_text(file))
    elif draft is not None:
        parts.append(json.dumps(draft.request_body(), ensure_ascii=False))
    parts.extend(json.dumps(record, ensure_ascii=False) for record in exchanges)
    return diagnose("\n".join(parts)).as_json()


def _draft(preset: str | None, file: str | None, store: SecretStore) -> Draft:
    """The named preset, or the file imported (a file may also name a preset's .toml)."""
    from rec_tui.formats.documents import OpenProblem, open_document
    from rec_tui.store import presets

    try:
        if preset is not None:
            loaded = presets.load(preset, store, allow_missing_secrets=True)
            draft, notices = loaded.draft, loaded.notices
        else:
            assert file is not None
            opened = open_document(file, store, allow_missing_secrets=True)
            draft, notices = opened.draft, opened.notices
    except presets.PresetError as error:
        raise UsageError(error.message) from None
    except OpenProblem as error:
        raise UsageError(str(error)) from None
    for notice in notices:
        print(f"rec-tui: {notice}", file=sys.stderr)
    return draft


def _stored_secrets(store: SecretStore) -> set[str]:
    """Every secret the keyring or the environment holds, to scrub from the bundle."""
    import os

    from rec_tui.store.secrets import BODY_SECRET_ENV, app_certificate, customer_credentials

    known = {os.environ[v] for v in BODY_SECRET_ENV.values() if os.environ.get(v)}
    credentials = customer_credentials(store)
    if credentials is not None:
        known |= credentials.secrets() | {credentials.customer_id}
    certificate = app_certificate(store)
    if certificate:
        known.add(certificate)
    return known
