"""``rec-tui send PRESET_OR_FILE``: acquire and start a recording (and optionally wait, stop)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rec_tui.cli import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    endpoint_options,
    endpoint_trust,
    language,
)
from rec_tui.i18n import _
from rec_tui.spec.modes import MODES

if TYPE_CHECKING:
    from collections.abc import Callable

    from rec_tui.agora.exchange import Scrubber
    from rec_tui.agora.lifecycle import Lifecycle, RecordingSession
    from rec_tui.request.draft import Draft


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "send",
        help=_("acquire and start a recording from a preset or a JSON start body"),
        description=_(
            "Acquire a resource ID and start a recording with the start body of a "
            "preset (name or .toml path) or a JSON file. The body is validated first and not "
            "sent while it has errors, unless --force. Credentials come from the keyring or "
            "AGORA_CUSTOMER_ID / AGORA_CUSTOMER_SECRET; the sandbox needs none. Exit status: 0 "
            "sent, 1 refused by Agora/the sandbox or by the checks, 2 could not be sent."
        ),
    )
    parser.add_argument(
        "source", metavar="PRESET_OR_FILE", help=_("preset name or path, or a JSON file")
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        help=_("recording mode (default: the preset's; for a JSON file, inferred from the body)"),
    )
    endpoint_options.add_arguments(
        parser, default_note=_("default: the preset's; any value works with the sandbox")
    )
    parser.add_argument(
        "--wait", action="store_true", help=_("poll query until recording begins (status 4 or 5)")
    )
    parser.add_argument(
        "--stop-after",
        type=float,
        metavar="SECONDS",
        help=_("stop the recording after this many seconds (0: at once) and list its files"),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("send even when the checks find errors")
    )
    endpoint_trust.add_argument(parser)
    language.add_argument(parser, command=True)
    parser.set_defaults(handler=run)


def load_draft(source: str, mode: str | None = None) -> Draft:
    """A preset (by name or .toml path) or a JSON start body, as a draft; a body's mode is
    ``mode`` when given, else inferred as ``validate`` infers it (and said)."""
    from rec_tui.request.draft import Draft

    path = Path(source)
    is_json = source == "-" or path.suffix.lower() == ".json"
    if is_json or (path.is_file() and path.suffix.lower() != ".toml"):
        from rec_tui.formats.jsonfile import JsonInputError, display_name, read_json_document

        try:
            body, duplicates = read_json_document(source)
        except JsonInputError as error:
            raise UsageError(error.message) from None
        # What is sent keeps the last of each repeated key: say so, and where.
        for duplicate in duplicates:
            print(f"rec-tui send: {duplicate.notice(display_name(source))}", file=sys.stderr)
        if not isinstance(body, dict):
            raise UsageError(
                _("{source}: expected a JSON object (the start body).").format(source=source)
            )
        from rec_tui.cli.options import chosen_mode

        draft = Draft(mode=chosen_mode(mode, body, source))
        draft.replace_body(body)
        return draft
    from rec_tui.store import presets
    from rec_tui.store.secrets import open_store

    try:
        return presets.load(source, open_store().store).draft
    except presets.PresetError as error:
        raise UsageError(error.message) from None


def run(args: argparse.Namespace) -> int:
    if args.stop_after is not None and args.stop_after < 0:
        raise UsageError(_("--stop-after needs a number of seconds, 0 or more."))
    draft = load_draft(args.source, args.mode)
    if args.mode:
        draft.set_mode(args.mode)
    endpoint = endpoint_options.endpoint_setting(args, default=draft.endpoint or "sandbox")
    chosen_here = bool(args.sandbox or args.region or args.endpoint)
    if not endpoint_trust.allowed(args, endpoint, chosen_here=chosen_here):
        return EXIT_REFUSED
    # Imported here: asyncio (and ssl with it) costs the wizard's start-up ~20 ms otherwise.
    import asyncio

    return asyncio.run(_send(args, draft, endpoint))


async def _send(args: argparse.Namespace, draft: Draft, endpoint: str) -> int:
    from rec_tui.agora.errors import RecordingError
    from rec_tui.agora.exchange import Scrubber
    from rec_tui.agora.lifecycle import ChecksFailed, Lifecycle, StartTimedOut

    client = endpoint_options.make_client(endpoint, args.app_id or draft.app_id)
    stop_later = _stop_command_maker(endpoint, client.app_id)
    scrubber = Scrubber(client.credentials, draft.body)
    lines: list[str] = []
    session: RecordingSession | None = None
    async with client:
        lifecycle = Lifecycle(client)
        try:
            session = await lifecycle.acquire_and_start(
                draft.mode, draft.request_body(), draft.acquire_options, force=args.force
            )
            _warn(scrubber, lifecycle)
            lines += [f"resourceId {session.resource_id}", f"sid {session.sid}"]
            if args.wait or args.stop_after is not None:
                # Said at once: the IDs are what it takes to stop it if this command dies.
                said = _("Started: sid {sid}").format(sid=session.sid)
                print(said, file=sys.stderr, flush=True)
            await _follow_up(args, lifecycle, session, lines)
        except (ChecksFailed, RecordingError, StartTimedOut) as error:
            _report_failure(args, scrubber, error, session, stop_later)
            return endpoint_options.failure_exit(error)
    assert session is not None  # every path that leaves it None has returned above
    if not session.stopped:
        lines.append(_("Still recording.") + " " + stop_later(session))
    endpoint_options.emit(args, scrubber, "\n".join(lines), session.summary())
    return EXIT_OK


async def _follow_up(
    args: argparse.Namespace, lifecycle: Lifecycle, session: RecordingSession, lines: list[str]
) -> None:
    """--wait and --stop-after; interrupted (Ctrl+C), the recording is stopped first."""
    import asyncio

    from rec_tui.agora.status import describe_status

    try:
        if args.wait:
            status = await lifecycle.wait_until_recording(session)
            lines.append(_("status {status}").format(status=describe_status(status)))
        if args.stop_after is not None:
            await _stop_after(lifecycle, session, args.stop_after, lines)
    except asyncio.CancelledError:
        # An unattended recording costs the customer money until maxIdleTime ends it.
        if not session.stopped:
            print(_("Interrupted: stopping the recording first…"), file=sys.stderr, flush=True)
            await lifecycle.stop(session)
            said = _("Stopped sid {sid}.").format(sid=session.sid)
            print(said, file=sys.stderr, flush=True)
        raise


async def _stop_after(
    lifecycle: Lifecycle, session: RecordingSession, seconds: float, lines: list[str]
) -> None:
    import asyncio

    await asyncio.sleep(seconds)
    reply = await lifecycle.stop(session)
    response = reply.data.get("serverResponse") or {}
    uploading = response.get("uploadingStatus", _("see files"))
    lines.append(_("stopped; uploadingStatus {status}").format(status=uploading))
    files = session.file_list()
    if files:
        names = files if isinstance(files, str) else ", ".join(_file_names(files))
        lines.append(_("files: {names}").format(names=names))


def _file_names(files: list[Any]) -> list[str]:
    names = []
    for entry in files:
        if isinstance(entry, dict):
            names.append(str(entry.get("fileName") or entry.get("filename") or entry))
    return names


def _stop_command_maker(endpoint: str, app_id: str) -> Callable[[RecordingSession], str]:
    """How to stop a session later: a command that works as printed, or why there is none."""

    def advice(session: RecordingSession) -> str:
        command = endpoint_options.follow_up_command(
            "stop", session.mode, session.resource_id, session.sid, app_id, endpoint
        )
        if command is None:
            return _(
                "It lives in the in-process sandbox, which forgets it when this command ends: "
                "there is nothing left to stop. To follow a sandbox recording with query and "
                "stop, run `rec-tui sandbox serve` and send with --endpoint URL (the URL it "
                "prints), or use --wait / --stop-after here."
            )
        return _("Stop it with: {command}").format(command=command)

    return advice


def _warn(scrubber: Scrubber, lifecycle: Lifecycle) -> None:
    for problem in lifecycle.warnings:
        if not problem.is_error:
            where = problem.path or _("(body)")
            text = f"⚠ {where}: {problem.message} [{problem.rule_id}]"
            print(scrubber.text(text), file=sys.stderr)


def _report_failure(
    args: argparse.Namespace,
    scrubber: Scrubber,
    error: Exception,
    session: RecordingSession | None,
    stop_later: Callable[[RecordingSession], str],
) -> None:
    from rec_tui.agora.errors import RecordingError
    from rec_tui.agora.lifecycle import ChecksFailed

    detail: dict[str, Any] = {"message": str(error)}
    if isinstance(error, RecordingError):
        detail = error.as_dict()
    elif isinstance(error, ChecksFailed):
        detail["problems"] = [p.as_dict() for p in error.problems]
    data: dict[str, Any] = {"error": detail}
    if session is not None and session.sid:
        data["session"] = session.summary()
    text = str(error)
    if isinstance(error, ChecksFailed):
        text += "\n" + _("Fix them, or add --force to send anyway.")
    if session is not None and session.sid and not session.stopped:
        text += "\n" + _("The recording may still be running.") + " " + stop_later(session)
    endpoint_options.emit_failure(args, scrubber, text, data)
