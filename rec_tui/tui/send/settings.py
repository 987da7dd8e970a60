"""Where the request goes and how it is acquired: the draft's ``session.*`` values as widgets.

The widgets hold no value of their own: they write the draft with its methods and show it
again whenever it changes (except the widget being typed in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Final

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select

from rec_tui.i18n import N_, LazyText, _
from rec_tui.request.draft import ACQUIRE, APP_ID, ENDPOINT, SESSION
from rec_tui.request.endpoints import REGION_PREFIXES
from rec_tui.spec import catalogue

if TYPE_CHECKING:
    from rec_tui.request.draft import Change, Draft

# (label, value); the labels are said in the active language where the Select is made.
ENDPOINT_KINDS: Final = (
    (N_("Sandbox (built in, no account)"), "sandbox"),
    (N_("Agora global (api.agora.io first)"), "global"),
    (N_("Agora global (api.sd-rtn.com first, mainland China)"), "global-cn"),
    (N_("Agora regional host"), "region"),
    (N_("Custom base URL"), "custom"),
)
ACQUIRE_REGIONS: Final = (
    (N_("nearest (not sent)"), ""),
    *((str(c.value), str(c.value)) for c in catalogue.field(f"{ACQUIRE}.region").choices),
)


def said(options: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """``options`` with their labels in the active language."""
    return [(_(label), value) for label, value in options]


def split_endpoint(endpoint: str) -> tuple[str, str, str]:
    """A draft endpoint → (kind, region host prefix, custom URL) for the three widgets."""
    if endpoint in ("sandbox", "global", "global-cn"):
        return endpoint, REGION_PREFIXES[0], ""
    if endpoint.startswith("region:"):
        return "region", endpoint.removeprefix("region:"), ""
    if endpoint:
        return "custom", REGION_PREFIXES[0], endpoint
    return "sandbox", REGION_PREFIXES[0], ""


def covers(mine: str, changed: str) -> bool:
    """Whether a change at ``changed`` may change the value at ``mine``."""
    return (
        changed in ("", SESSION)
        or mine == changed
        or mine.startswith(f"{changed}.")
        or changed.startswith(f"{mine}.")
    )


def load(widget: Input | Select[Any], value: str, origin: object | None) -> None:
    """Show ``value`` unless the widget is the one being typed in, without an echo."""
    if widget is origin or widget.value == value:
        return
    with widget.prevent(Input.Changed, Select.Changed):
        widget.value = value


class SessionValues(Vertical):
    """Widgets for some ``session.*`` values of the draft, kept in step with it."""

    DEFAULT_CSS = """
    SessionValues { height: auto; }
    """
    # The draft paths these widgets show: only changes there reload them, so a value
    # still being reported by another widget is never overwritten.
    PATHS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, draft: Draft, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.draft = draft
        self._unsubscribe: Callable[[], None] | None = None

    def on_mount(self) -> None:
        self._unsubscribe = self.draft.subscribe(self._draft_changed)
        self.show(None)

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()

    def _draft_changed(self, change: Change) -> None:
        if change.everything:
            self.show(None)
        elif any(covers(mine, path) for mine in self.PATHS for path in change.paths):
            self.show(change.origin)

    def show(self, origin: object | None) -> None:
        """Show the draft's values (but in ``origin``, the widget being typed in)."""
        raise NotImplementedError

    def edits(self) -> list[tuple[str, Any]]:
        """The (path, value) pairs where the widgets say something else than the draft."""
        raise NotImplementedError

    def _edited(self, widget: Input | Select[Any]) -> None:
        edits = self.edits()
        if edits:
            self.draft.set_many(
                edits,
                description=LazyText(lambda: _("change the send settings")),
                origin=widget,
                coalesce=f"type:{widget.id}",
            )


class EndpointSettings(SessionValues):
    """Endpoint (kind, regional host or URL) and App ID."""

    PATHS = (ENDPOINT, APP_ID)

    class KindChosen(Message):
        """The endpoint kind shown changed (``sandbox``, ``global``, … ``custom``)."""

        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft, id="send-endpoint-settings")
        self._kind = ""

    def compose(self) -> ComposeResult:
        kind, region_host, url = split_endpoint(self.draft.endpoint)
        with Horizontal(classes="send-row"):
            yield Label(_("Endpoint"))
            yield Select(
                said(ENDPOINT_KINDS),
                value=kind,
                allow_blank=False,
                compact=True,
                id="send-endpoint",
            )
        with Horizontal(classes="send-row", id="send-where"):
            yield Select(
                [(prefix, prefix) for prefix in REGION_PREFIXES],
                value=region_host,
                allow_blank=False,
                compact=True,
                id="send-region-host",
            )
            yield Input(
                url,
                placeholder=_("https://… or http://127.0.0.1:PORT"),
                compact=True,
                id="send-url",
            )
        with Horizontal(classes="send-row"):
            yield Label(_("App ID"))
            yield Input(
                self.draft.app_id,
                placeholder=_("the channel's App ID"),
                compact=True,
                id="send-app-id",
            )

    def endpoint_setting(self) -> str:
        kind = self.query_one("#send-endpoint", Select).value
        if kind == "region":
            return f"region:{self.query_one('#send-region-host', Select).value}"
        if kind == "custom":
            return self.query_one("#send-url", Input).value.strip()
        return str(kind)

    def show(self, origin: object | None) -> None:
        draft = self.draft
        # A custom endpoint whose URL is still empty is "" in the draft: left as it is.
        if str(draft.get(ENDPOINT) or "") != self.endpoint_setting():
            kind, region_host, url = split_endpoint(draft.endpoint)
            load(self.query_one("#send-endpoint", Select), kind, origin)
            load(self.query_one("#send-region-host", Select), region_host, origin)
            load(self.query_one("#send-url", Input), url, origin)
        app_id = self.query_one("#send-app-id", Input)
        if app_id.value.strip() != draft.app_id:
            load(app_id, draft.app_id, origin)
        self._show_where()

    def _show_where(self) -> None:
        kind = str(self.query_one("#send-endpoint", Select).value)
        self.query_one("#send-region-host", Select).display = kind == "region"
        self.query_one("#send-url", Input).display = kind == "custom"
        self.query_one("#send-where").display = kind in ("region", "custom")
        if kind != self._kind:
            self._kind = kind
            self.post_message(self.KindChosen(kind))

    def edits(self) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if self.endpoint_setting() != str(self.draft.get(ENDPOINT) or ""):
            found.append((ENDPOINT, self.endpoint_setting()))
        app_id = self.query_one("#send-app-id", Input).value.strip()
        if app_id != self.draft.app_id:
            found.append((APP_ID, app_id))
        return found

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._show_where()
        self._edited(event.select)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.input)


class AcquireSettings(SessionValues):
    """The acquire options the user chose: resourceExpiredHour and region."""

    PATHS = (ACQUIRE,)

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft, id="send-acquire-settings")

    def compose(self) -> ComposeResult:
        options = self.draft.acquire_options
        with Horizontal(classes="send-row"):
            yield Label("resourceExpiredHour")
            yield Input(
                str(options.get("resourceExpiredHour", "")),
                placeholder="72",
                type="integer",
                compact=True,
                id="send-expired-hour",
            )
            yield Label(_("Region"))
            yield Select(
                said(ACQUIRE_REGIONS),
                value=str(options.get("region", "")),
                allow_blank=False,
                compact=True,
                id="send-acquire-region",
            )

    def acquire_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        hours = self.query_one("#send-expired-hour", Input).value.strip()
        if hours:
            options["resourceExpiredHour"] = int(hours) if hours.lstrip("-").isdigit() else hours
        region = self.query_one("#send-acquire-region", Select).value
        if isinstance(region, str) and region:
            options["region"] = region
        return options

    def show(self, origin: object | None) -> None:
        options = self.draft.acquire_options
        if options == self.acquire_options():
            return
        hours = options.get("resourceExpiredHour")
        load(
            self.query_one("#send-expired-hour", Input),
            "" if hours is None else str(hours),
            origin,
        )
        load(self.query_one("#send-acquire-region", Select), str(options.get("region", "")), origin)

    def edits(self) -> list[tuple[str, Any]]:
        options = self.acquire_options()
        return [(ACQUIRE, options or None)] if options != self.draft.acquire_options else []

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._edited(event.select)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.input)
