"""When the wizard fails unexpectedly: say so briefly, keep a scrubbed report, save the work.

Textual's own crash screen prints a traceback with every frame's local variables — the
request body, the credentials. Instead the wizard shows one short line (scrubbed), writes
a report without local variables (scrubbed of every secret it knows) to the data
directory, and saves the draft without its secret values; the next start offers it back.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from rec_tui.i18n import LazyText, _
from rec_tui.request.redact import redact_text, secret_key, secret_values
from rec_tui.store.paths import data_dir

if TYPE_CHECKING:
    from rec_tui.tui.app import RecTuiApp

RECOVERY_FILE: Final = "recovery.json"


def recovery_path() -> Path:
    return data_dir() / RECOVERY_FILE


def without_secrets(value: Any) -> Any:
    """A copy of a JSON value with every secret-keyed value left out."""
    if isinstance(value, dict):
        return {k: without_secrets(v) for k, v in value.items() if not secret_key(k)}
    if isinstance(value, list):
        return [without_secrets(item) for item in value]
    return value


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


class CrashGuard:
    """Created by the app; :meth:`crashed` runs when an error reaches the top."""

    def __init__(self, app: RecTuiApp) -> None:
        self.app = app
        self.report_path: Path | None = None

    def secrets(self) -> set[str]:
        """Every secret value the wizard holds: in the body, set aside, typed, in the env."""
        from rec_tui.store.secrets import CUSTOMER_ID_ENV, CUSTOMER_SECRET_ENV

        draft = self.app.draft
        found = secret_values(draft.body) | secret_values(dict(draft.set_aside))
        found |= self.app.sending.known_secrets()
        found |= {
            os.environ[name]
            for name in (CUSTOMER_ID_ENV, CUSTOMER_SECRET_ENV)
            if os.environ.get(name)
        }
        return found

    def crashed(self, error: BaseException) -> str:
        """Write the report and the recovery file; the short message for the user."""
        secrets = self.secrets()
        summary = redact_text(f"{type(error).__name__}: {error}", secrets)
        saved = self._save_draft()
        try:
            self.report_path = self._write_report(error, secrets)
            where = (
                _(
                    "A report (secrets removed) is in {path}. Your unsaved work was saved "
                    "(without secrets): rec-tui offers it at the next start."
                )
                if saved
                else _("A report (secrets removed) is in {path}.")
            ).format(path=self.report_path)
        except OSError as problem:
            where = (
                _(
                    "The report could not be written ({reason}). Your unsaved work was saved "
                    "(without secrets): rec-tui offers it at the next start."
                )
                if saved
                else _("The report could not be written ({reason}).")
            ).format(reason=problem.strerror)
        stopped = _("rec-tui stopped after an unexpected error: {summary}").format(summary=summary)
        return f"{stopped}\n{where}"

    def _write_report(self, error: BaseException, secrets: set[str]) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = data_dir() / f"crash-{stamp}.txt"
        # format_exception shows code and messages, never local variables.
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        _write_private(path, redact_text(text, secrets))
        return path

    def _save_draft(self) -> bool:
        draft = self.app.draft
        record = {
            "mode": draft.mode,
            "body": without_secrets(draft.body),
            # Where requests go is not restored: a recovered draft goes to the sandbox.
            "appId": draft.app_id,
        }
        try:
            _write_private(recovery_path(), json.dumps(record, indent=2, ensure_ascii=False))
        except (OSError, TypeError, ValueError):
            return False
        return True

    # --- the next start -----------------------------------------------------------------

    def offer_recovery(self) -> None:
        """After the first paint: if the last run crashed with work, offer to bring it back."""
        path = recovery_path()
        if not path.is_file():
            return
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            body, mode = record["body"], record["mode"]
            app_id = str(record.get("appId") or "")
        except (OSError, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        from rec_tui.spec.modes import is_mode
        from rec_tui.tui.screens.confirm import ConfirmScreen

        if not isinstance(body, dict) or not is_mode(mode):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        opened = self.app.files.document_name
        if opened:
            # Started to work on something named (--open): recovering would replace it.
            # The draft stays for a start without one, and the user is told so.
            self.app.notify(
                _(
                    "The unsaved draft of the session that stopped unexpectedly is kept: "
                    "start rec-tui without --open to bring it back ({name} is open now)."
                ).format(name=opened),
                timeout=10,
            )
            return

        def answered(yes: bool | None) -> None:
            with contextlib.suppress(OSError):
                path.unlink()
            if not yes:
                return
            session = self.app.draft.session_values()
            session["appId"] = app_id
            self.app.draft.load(
                body, mode=mode, session=session, description=LazyText(lambda: _("recover"))
            )
            self.app.notify(
                _(
                    "Recovered the draft of the last session. Secrets were not kept: type "
                    "them again."
                ),
                timeout=10,
            )

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "rec-tui stopped unexpectedly last time. Bring back the unsaved draft "
                    "(secrets were not kept)?"
                ),
                confirm=_("Recover"),
                cancel=_("Discard"),
            ),
            answered,
        )
