"""Start the wizard from the command line options and return its exit status."""

from __future__ import annotations

import argparse
from typing import Any

from rec_tui.draft import Draft
from rec_tui.modes import DEFAULT_MODE, is_mode


class OpenError(Exception):
    """A start body could not be read; the message says where and how to fix it."""


def read_start_body(path: str) -> dict[str, Any]:
    """Read a JSON ``start`` body; errors name the file, line and column."""
    from rec_tui.jsonfile import JsonInputError, read_json_file

    try:
        value = read_json_file(path)
    except JsonInputError as error:
        raise OpenError(f"{error.message} Fix the file and open it again.") from None
    if not isinstance(value, dict):
        raise OpenError(
            f"{path}: the top level is a JSON {_json_type(value)}, but a start body is an "
            'object ({"cname": …, "uid": …, "clientRequest": {…}}).'
        )
    return value


def _json_type(value: object) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def build_draft(args: argparse.Namespace) -> tuple[Draft, list[tuple[str, str]]]:
    """The draft the options describe, and notices (message, severity) to show at start."""
    mode = args.mode if is_mode(getattr(args, "mode", None)) else DEFAULT_MODE
    draft = Draft(mode=mode)
    draft.endpoint = "sandbox" if getattr(args, "sandbox", False) else draft.endpoint
    notices: list[tuple[str, str]] = []
    open_path = getattr(args, "open_path", None)
    if open_path:
        try:
            draft.replace_body(read_start_body(open_path))
        except OpenError as error:
            notices.append((f"{error} The wizard opened with an empty request.", "error"))
        else:
            notices.append((f"Opened {open_path}.", "information"))
    return draft, notices


def launch(args: argparse.Namespace) -> int:
    from rec_tui.tui.app import RecTuiApp

    draft, notices = build_draft(args)
    app = RecTuiApp(draft, start_step=getattr(args, "step", None) or "session", notices=notices)
    app.run()
    return app.return_code or 0
