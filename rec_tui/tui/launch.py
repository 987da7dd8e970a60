"""Start the wizard from the command line options and return its exit status."""

from __future__ import annotations

import argparse
import gc

from rec_tui.request.draft import DEFAULT_ENDPOINT, ENDPOINT, Draft
from rec_tui.spec.modes import DEFAULT_MODE, is_mode


def build_draft(args: argparse.Namespace) -> tuple[Draft, list[tuple[str, str]]]:
    """The draft the options describe, and notices (message, severity) to show at start."""
    mode = args.mode if is_mode(getattr(args, "mode", None)) else DEFAULT_MODE
    draft = Draft(mode=mode)
    notices: list[tuple[str, str]] = []
    open_path = getattr(args, "open_path", None)
    if open_path:
        # A preset (name or .toml path) or any importable file: JSON body, curl, log text.
        from rec_tui.formats.documents import OpenProblem, open_document

        try:
            # Missing secrets are left out with a notice: the user can type them in.
            opened = open_document(open_path, allow_missing_secrets=True)
        except OpenProblem as error:
            notices.append((f"{error} The wizard opened with an empty request.", "error"))
        else:
            draft = opened.draft
            if getattr(args, "sandbox", False):
                draft.set(ENDPOINT, DEFAULT_ENDPOINT)
            if is_mode(getattr(args, "mode", None)) and opened.mode_known:
                draft.set_mode(args.mode)  # sets aside what the new mode cannot use
            elif is_mode(getattr(args, "mode", None)):
                # A bare body: --mode says what it was written for.
                draft.load(
                    draft.body,
                    mode=args.mode,
                    session=draft.session_values(),
                    original=draft.original,
                )
            notices.extend((notice, "warning") for notice in opened.notices)
            notices.append((f"Opened {open_path}.", "information"))
            args.opened_document = opened
    return draft, notices


def launch(args: argparse.Namespace) -> int:
    # Start-up allocates a lot and frees little, so collections before the first paint only
    # cost time (~15 ms of it, measured by tests/bench/bench_tui.py). The app turns the
    # collector back on once the first frame is on the screen.
    gc.disable()
    try:
        from rec_tui.tui.app import RecTuiApp

        draft, notices = build_draft(args)
        # What is loaded by now (Textual, the field catalogue) lives as long as the process:
        # frozen, it is left out of every later full collection instead of scanned again.
        gc.freeze()
        step = getattr(args, "step", None) or "session"
        app = RecTuiApp(draft, start_step=step, notices=notices)
        app.files.adopt(getattr(args, "opened_document", None), getattr(args, "open_path", None))
        app.run()
    finally:
        # However the run ended (a failed start, a test's stand-in run), the collector is on
        # again and nothing stays frozen.
        gc.unfreeze()
        gc.enable()
    return app.return_code or 0
