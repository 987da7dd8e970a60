"""What an import gives (:class:`ImportResult`) and how it fails (:class:`ImportProblem`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from rec_tui.errors import RecTuiError
from rec_tui.i18n import _
from rec_tui.record import Record, field
from rec_tui.request.mode_inference import ModeGuess
from rec_tui.request.unsendable import replace_surrogates
from rec_tui.spec.modes import Mode

if TYPE_CHECKING:
    from rec_tui.spec.problems import Problem

    # Only the importers that find credentials (curl, log) make them, and import the store.
    from rec_tui.store.secrets import Credentials

Kind = Literal["json", "curl", "log", "ticket"]


class ImportProblem(RecTuiError):
    """Input that cannot be imported; the message says where (line, column) and why."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        if line is not None:
            message = _("line {line}, column {column}: {message}").format(
                line=line, column=column, message=message
            )
        super().__init__(replace_surrogates(message))
        self.line = line
        self.column = column


class ImportResult(Record):
    """The body and what the input said about the request.

    The customer's host, endpoint and App ID are information only: importing never
    changes where the draft sends (see :func:`rec_tui.formats.documents.draft_from_import`).
    ``customer_endpoint`` is that host as an endpoint setting (``global``, ``region:…`` or a
    base URL without user info), for an explicit "use the customer's endpoint" action.
    """

    body: dict[str, Any]
    kind: Kind
    # Set by every import: from the URL when it names one, else inferred from the body.
    mode: Mode | None = None
    mode_guess: ModeGuess | None = None
    # The Cloud Recording call the URL names (start, acquire, …) and its path.
    call: str | None = None
    call_path: str | None = None
    customer_host: str | None = None
    customer_endpoint: str | None = None
    customer_app_id: str | None = None
    resource_id: str | None = None
    sid: str | None = None
    credentials: Credentials | None = None
    # The clientRequest options of the acquire the input shows (a ticket's), declared ones
    # only; None when it shows no acquire.
    acquire_options: dict[str, Any] | None = None
    notices: list[str] = field(default_factory=list)
    # Each key the body's text writes twice, as validate reports it: the draft keeps them
    # among its problems while the customer's value stands (the text is gone once opened).
    repeated: list[Problem] = field(default_factory=list)

    def make_printable(self) -> None:
        """Notices and the customer's host and App ID may quote the input: keep them printable."""
        self.notices = [replace_surrogates(notice) for notice in self.notices]
        for name in ("customer_host", "customer_endpoint", "customer_app_id"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, replace_surrogates(value))

    def customer_summary(self) -> str | None:
        """``customer's endpoint: api.agora.io, App ID …``, or None when the input named neither."""
        host, app_id = self.customer_host, self.customer_app_id
        if host and app_id:
            return _("customer's endpoint: {host}, App ID {app_id}").format(
                host=host, app_id=app_id
            )
        if host:
            return _("customer's endpoint: {host}").format(host=host)
        if app_id:
            return _("customer's App ID {app_id}").format(app_id=app_id)
        return None
