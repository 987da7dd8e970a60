"""Start the wizard from the command line options and return its exit status."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from rec_tui.i18n import _
from rec_tui.request.draft import DEFAULT_ENDPOINT, ENDPOINT, Draft
from rec_tui.spec.modes import DEFAULT_MODE, Mode, is_mode

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from rec_tui.formats.documents import Opened
    from rec_tui.store.secrets import OpenedStore, SecretStore


class StoreOnFirstUse:
    """The secret store, opened (keyring imported and probed) when a secret is first read.

    ``--open`` of a body, a curl command or a preset without keyring references needs no
    secret, so it never waits for the keyring; a preset that refers to the keyring opens
    it at its first reference.
    """

    def __init__(self) -> None:
        self.opened: OpenedStore | None = None

    @property
    def store(self) -> SecretStore:
        if self.opened is None:
            from rec_tui.store.secrets import open_store

            self.opened = open_store()
        return self.opened.store

    @property
    def backend_name(self) -> str:
        return self.store.backend_name

    @property
    def persistent(self) -> bool:
        return self.store.persistent

    def get(self, entry: str) -> str | None:
        return self.store.get(entry)

    def set(self, entry: str, value: str) -> None:
        self.store.set(entry, value)

    def delete(self, entry: str) -> None:
        self.store.delete(entry)


def build_draft(
    args: argparse.Namespace | SimpleNamespace, secrets: StoreOnFirstUse | None = None
) -> tuple[Draft, list[tuple[str, str]]]:
    """The draft the options describe, and notices (message, severity) to show at start.

    ``secrets`` is the store a preset's keyring references are read from (opened only if
    one is read).
    """
    mode = args.mode if is_mode(getattr(args, "mode", None)) else DEFAULT_MODE
    draft = Draft(mode=mode)
    notices: list[tuple[str, str]] = []
    open_path = getattr(args, "open_path", None)
    if open_path:
        # A preset (name or .toml path) or any importable file: JSON body, curl, log text.
        from rec_tui.formats.documents import OpenProblem, open_document

        try:
            # Missing secrets are left out with a notice: the user can type them in.
            opened = open_document(
                open_path, secrets or StoreOnFirstUse(), allow_missing_secrets=True
            )
        except OpenProblem as error:
            said = _("{error} The wizard opened with an empty request.").format(error=error)
            notices.append((said, "error"))
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
            if is_mode(getattr(args, "mode", None)):
                follow_mode_option(opened, args.mode)
            notices.extend((notice, "warning") for notice in opened.notices)
            notices.append((_("Opened {path}.").format(path=open_path), "information"))
            args.opened_document = opened
    return draft, notices


def follow_mode_option(opened: Opened, mode: Mode) -> None:
    """``--mode`` named the mode: the notices say so instead of the mode the body suggests,
    and the wizard offers no switch away from it (the problems list still says what does
    not apply)."""
    guess = opened.mode_guess
    if guess is not None and guess.sentence() in opened.notices:
        said = (
            _("Mode: {mode}, as --mode asked; the body alone points to {guess} mode ({reason}).")
            if guess.mode != mode
            else _("Mode: {mode}, as --mode asked.")
        ).format(mode=mode, guess=guess.mode, reason=guess.reason)
        opened.notices[opened.notices.index(guess.sentence())] = said
    opened.mode_known = True


def launch(args: argparse.Namespace | SimpleNamespace) -> int:
    # args: as argparse reads the options, or as a plain command line gives them.
    # Start-up allocates a lot and frees little, so collections before the first paint only
    # cost time (~15 ms of it, measured by tests/bench/bench_tui.py). The app turns the
    # collector back on once the first frame is on the screen.
    gc.disable()
    try:
        from rec_tui.store import paths
        from rec_tui.tui.app import RecTuiApp
        from rec_tui.tui.stored_css import stored_stylesheet

        secrets = StoreOnFirstUse()
        draft, notices = build_draft(args, secrets)
        # What is loaded by now (Textual, the field catalogue) lives as long as the process:
        # frozen, it is left out of every later full collection instead of scanned again.
        gc.freeze()
        step = getattr(args, "step", None) or "session"
        app = RecTuiApp(draft, start_step=step, notices=notices)
        app.files.adopt(getattr(args, "opened_document", None), getattr(args, "open_path", None))
        if secrets.opened is not None:
            app.files.use_store(secrets.opened)  # opened for the preset: not probed twice
        app.stylesheet = stylesheet = stored_stylesheet(app.stylesheet, paths.cache_dir())
        app.run()
        stylesheet.stored.save()  # what this run parsed, parsed no more
    finally:
        # However the run ended (a failed start, a test's stand-in run), the collector is on
        # again and nothing stays frozen.
        gc.unfreeze()
        gc.enable()
    return app.return_code or 0
