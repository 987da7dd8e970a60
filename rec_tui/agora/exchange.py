"""One request and its answer, redacted, as shown in the log pane and kept in the history."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from rec_tui.i18n import moment
from rec_tui.request.redact import redact_headers, redact_json, redact_text, secret_values

if TYPE_CHECKING:
    from rec_tui.store.secrets import Credentials


@dataclass(frozen=True, slots=True)
class Exchange:
    """A redacted record of one HTTP attempt (or of an attempt that got no answer)."""

    at: str
    call: str
    method: str
    url: str
    request_headers: dict[str, str]
    request_body: Any
    status: int | None
    response_body: Any
    request_id: str
    elapsed_ms: float
    attempt: int
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        # Shallow on purpose: the values are already fresh redacted copies, and the deep
        # copy of dataclasses.asdict was the largest cost of logging a call.
        return {field.name: getattr(self, field.name) for field in fields(self)}


def shown_time(at: object, *, time_of_day: bool = False) -> str:
    """An exchange's recorded time (``at``: ISO 8601, UTC) for people, in the active
    language: the date, time and zone, or with ``time_of_day`` the clock alone, as a log
    line shows it. A history line edited into something else is shown as written."""
    try:
        when = datetime.fromisoformat(str(at))
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)  # the client records UTC
        if time_of_day:
            return moment(when, utc=True, zone=False, date=False, precision="milliseconds")
        return moment(when, utc=True, precision="milliseconds")
    except (ValueError, OverflowError, OSError):
        return str(at)


class Scrubber:
    """Redacts bodies, headers and free text for one request, knowing its secrets."""

    def __init__(self, credentials: Credentials, body: Any = None) -> None:
        self._secrets = credentials.secrets() | secret_values(body)

    def add_secrets(self, values: Iterable[str]) -> None:
        self._secrets |= set(values)

    def text(self, text: str) -> str:
        return redact_text(text, self._secrets)

    def headers(self, headers: dict[str, str]) -> dict[str, str]:
        return {name: self.text(value) for name, value in redact_headers(headers).items()}

    def body(self, body: Any) -> Any:
        """A redacted copy of a JSON body; secret strings inside other values are scrubbed."""
        return redact_json(body, self._secrets)

    def answer(self, text: str) -> Any:
        """An answer's text as JSON when it is JSON (redacted), else the redacted text."""
        try:
            return self.body(json.loads(text))
        except ValueError:
            return self.text(text)
