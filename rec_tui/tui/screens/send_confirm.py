"""Asked before the first send of a session to a real Agora endpoint.

A customer's request opened in the wizard may carry their host and App ID; sending it
starts a recording on their project (and costs them money). So Enter alone never sends
from here: the focused button is Cancel, and sending takes ``y`` or Tab to "Send" first.
"""

from __future__ import annotations

from typing import ClassVar, Final
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from rec_tui.i18n import N_, _
from rec_tui.request.endpoints import is_agora_host, resolve
from rec_tui.tui.screens.confirm import ConfirmScreen

_APP_ID_SHOWN: Final = 8  # enough to recognise an App ID, short enough for a screenshot


def short_app_id(app_id: str) -> str:
    """The start of an App ID, to recognise it without showing all of it."""
    if not app_id:
        return _("(none set)")
    return app_id if len(app_id) <= _APP_ID_SHOWN else f"{app_id[:_APP_ID_SHOWN]}…"


class SendConfirmScreen(ConfirmScreen):
    """Dismisses with True only for an explicit "send"; Enter on the default (Cancel),
    Escape and ``n`` dismiss with False."""

    DEFAULT_CSS = """
    SendConfirmScreen { align: center middle; }
    SendConfirmScreen > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $error; background: $surface;
    }
    SendConfirmScreen #send-question { text-style: bold; }
    SendConfirmScreen #send-detail { margin: 1 0; }
    SendConfirmScreen #send-keys { color: $text-muted; margin-bottom: 1; }
    SendConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    SendConfirmScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "cancel", N_("Cancel")),
        Binding("y", "send", N_("Send")),
    ]

    def __init__(self, hosts: tuple[str, ...], app_id: str) -> None:
        super().__init__(
            _("Send to {host}, App ID {app_id}?").format(
                host=hosts[0], app_id=short_app_id(app_id)
            ),
            confirm=_("Send to {host}").format(host=hosts[0]),
        )
        self.hosts = hosts
        self.app_id = app_id

    @classmethod
    def for_endpoint(cls, endpoint: str, app_id: str) -> SendConfirmScreen:
        """The question for the draft's endpoint setting (``global``, ``region:…``, a URL).

        Raises ValueError for an endpoint that is not understood, as sending would.
        """
        hosts = tuple(urlsplit(url).netloc for url in resolve(endpoint).base_urls)
        return cls(hosts, app_id)

    def compose(self) -> ComposeResult:
        host, *failover = self.hosts
        if not is_agora_host(host):
            # A server given by URL: a local one, a proxy, a sandbox served elsewhere.
            detail = _(
                "{host} is not one of Agora's hosts. If it passes requests on to Agora (a "
                "proxy), a recording started through it runs and is billed to that project "
                "until it is stopped."
            )
        elif failover:
            detail = _(
                "This reaches a real Agora project: a recording started there runs and is "
                "billed to that project until it is stopped. If {host} does not answer, the "
                "request goes to {failover}."
            )
        else:
            detail = _(
                "This reaches a real Agora project: a recording started there runs and is "
                "billed to that project until it is stopped."
            )
        with Vertical():
            yield Static(self.question, id="send-question")
            yield Static(detail.format(host=host, failover=", ".join(failover)), id="send-detail")
            yield Static(_("y or Tab then Enter sends · Enter or Esc cancels"), id="send-keys")
            with Horizontal():
                yield Button(self.cancel_label, id="cancel", variant="primary")
                yield Button(self.confirm_label, id="confirm", variant="error")

    def action_send(self) -> None:
        self.dismiss(True)
