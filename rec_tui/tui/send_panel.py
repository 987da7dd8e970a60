"""The Send step: endpoint, App ID, credentials, acquire options, and the recording's calls.

Every call runs in the exclusive ``send`` worker through :class:`~rec_tui.agora.lifecycle.Lifecycle`
(so it is checked before it is sent) and answers with a :class:`SendPanel.Finished` message;
each HTTP exchange lands in the log pane, redacted. While one call runs, new ones are refused
rather than queued, so a running start is never cancelled by a second click — except that
Stop may end the wait for recording to begin once start has answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from rec_tui.agora.exchange import Exchange, Scrubber
from rec_tui.agora.lifecycle import Lifecycle, PollPlan, RecordingSession, acquire_scene_for
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.request.call_checks import layout_of
from rec_tui.request.draft import ACQUIRE, APP_ID, ENDPOINT
from rec_tui.request.endpoints import REGION_PREFIXES
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    Credentials,
    SecretStore,
    SecretStoreError,
)
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.running_list import RunningList

if TYPE_CHECKING:
    import httpx

    from rec_tui.agora.client import RecordingClient
    from rec_tui.request.draft import Change, Draft

ENDPOINT_KINDS: Final = (
    ("Sandbox (built in, no account)", "sandbox"),
    ("Agora global (api.agora.io first)", "global"),
    ("Agora global (api.sd-rtn.com first, mainland China)", "global-cn"),
    ("Agora regional host", "region"),
    ("Custom base URL", "custom"),
)
ACQUIRE_REGIONS: Final = (
    ("nearest (not sent)", ""),
    ("CN", "CN"),
    ("AP", "AP"),
    ("EU", "EU"),
    ("NA", "NA"),
)
SANDBOX_NOTE: Final = "The sandbox uses its own credentials (sandbox / sandbox-secret)."
NO_KEYRING_NOTE: Final = (
    f"No keyring on this machine: set {CUSTOMER_ID_ENV} and {CUSTOMER_SECRET_ENV} before "
    "starting rec-tui, or type the customer ID and secret here for this session only "
    "(kept in memory, never written to disk)."
)
KEYRING_NOTE: Final = "Type the customer ID and secret, then keep them in the keyring."


def uid_list(text: str) -> list[str]:
    """``"123, 456"`` → ``["123", "456"]``; blanks dropped."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def split_endpoint(endpoint: str) -> tuple[str, str, str]:
    """A draft endpoint → (kind, region host prefix, custom URL) for the three widgets."""
    if endpoint in ("sandbox", "global", "global-cn"):
        return endpoint, REGION_PREFIXES[0], ""
    if endpoint.startswith("region:"):
        return "region", endpoint.removeprefix("region:"), ""
    if endpoint:
        return "custom", REGION_PREFIXES[0], endpoint
    return "sandbox", REGION_PREFIXES[0], ""


class SendPanel(Vertical):
    """Mounted into the Review step; also usable alone (tests).

    The endpoint, App ID and acquire options are the draft's session values: the widgets
    write them with the draft's methods and show them again whenever the draft changes.
    """

    DEFAULT_CSS = """
    SendPanel { height: auto; margin: 1 0; }
    SendPanel .send-row { height: auto; margin: 0 0 1 0; }
    SendPanel Label { padding: 1 1 0 0; }
    SendPanel Input { width: 1fr; }
    SendPanel Select { width: 1fr; }
    SendPanel #send-expired-hour { width: 10; }
    SendPanel #send-acquire-region { width: 26; }
    SendPanel #send-scene { color: $text-muted; margin: 0 0 1 0; }
    SendPanel Button { margin: 0 1 0 0; }
    SendPanel #send-outcome { margin: 0 0 1 0; }
    SendPanel #send-outcome.-failed { color: $error; }
    SendPanel.-sandbox .credentials { display: none; }
    SendPanel #send-sandbox-note { display: none; color: $text-muted; }
    SendPanel #send-credentials-source { color: $text-muted; margin: 0 0 1 0; }
    SendPanel #send-reveal { min-width: 0; width: auto; margin: 1 1 0 0; }
    SendPanel.-sandbox #send-sandbox-note { display: block; }
    SendPanel.-web .rtc-update { display: none; }
    SendPanel .web-update { display: none; }
    SendPanel.-web .web-update { display: block; }
    """

    class Finished(Message):
        """A call (or a sequence such as acquire → start → poll) ended."""

        def __init__(self, action: str, ok: bool, text: str) -> None:
            super().__init__()
            self.action = action
            self.ok = ok
            self.text = text

    class Logged(Message):
        def __init__(self, exchange: Exchange) -> None:
            super().__init__()
            self.exchange = exchange

    def __init__(
        self,
        draft: Draft,
        *,
        secret_store: Callable[[], SecretStore] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        poll: PollPlan | None = None,
        limiter: RateLimiter | None = None,
        id: str | None = "send-panel",
    ) -> None:
        super().__init__(id=id)
        self.draft = draft
        # The wizard's one store; None: the panel opens its own (alone, in a test).
        self._secret_store = secret_store
        self._unsubscribe: Callable[[], None] | None = None
        self.transport = transport
        # None: the process-wide limiter of the customer ID (tests pass one on fake time).
        self.limiter = limiter
        self.clock = clock
        self.sleep = sleep
        self.poll = poll
        self.sessions: list[RecordingSession] = []
        self.busy = ""
        self._client: RecordingClient | None = None
        self._client_key: tuple[str, str, str, str] | None = None
        self._credentials: Credentials | None = None
        self._own_store: SecretStore | None = None
        self._credentials_shown = False

    @property
    def running(self) -> list[RecordingSession]:
        return [s for s in self.sessions if s.sid and not s.stopped]

    @property
    def current(self) -> RecordingSession | None:
        running = self.running
        return running[-1] if running else None

    # --- building -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        kind, region_host, url = split_endpoint(self.draft.endpoint)
        yield Static("Send", classes="section-title")
        with Horizontal(classes="send-row"):
            yield Label("Endpoint")
            yield Select(ENDPOINT_KINDS, value=kind, allow_blank=False, id="send-endpoint")
        with Horizontal(classes="send-row", id="send-where"):
            yield Select(
                [(prefix, prefix) for prefix in REGION_PREFIXES],
                value=region_host,
                allow_blank=False,
                id="send-region-host",
            )
            yield Input(url, placeholder="https://… or http://127.0.0.1:PORT", id="send-url")
        with Horizontal(classes="send-row"):
            yield Label("App ID")
            yield Input(self.draft.app_id, placeholder="the channel's App ID", id="send-app-id")
        yield Static(SANDBOX_NOTE, id="send-sandbox-note")
        with Horizontal(classes="send-row credentials"):
            yield Label("Customer ID")
            yield Input(placeholder="from the keyring", id="send-customer-id")
            yield Label("Secret")
            yield Input(placeholder="from the keyring", password=True, id="send-customer-secret")
            yield Button("Show", id="send-reveal", compact=True)
            yield Button("Keep in keyring", id="send-keep")
        yield Static("", id="send-credentials-source", classes="credentials")
        options = self.draft.acquire_options
        with Horizontal(classes="send-row"):
            yield Label("resourceExpiredHour")
            yield Input(
                str(options.get("resourceExpiredHour", "")),
                placeholder="72",
                type="integer",
                id="send-expired-hour",
            )
            yield Label("Region")
            yield Select(
                ACQUIRE_REGIONS,
                value=str(options.get("region", "")),
                allow_blank=False,
                id="send-acquire-region",
            )
        yield Static("", id="send-scene")
        with Horizontal(classes="send-row"):
            yield Button("Acquire and start (^R)", id="send-start", variant="primary")
            yield Button("Query", id="send-query")
            yield Button("Stop", id="send-stop", variant="warning")
            yield Button("Stop (async)", id="send-stop-async")
        yield Static("", id="send-outcome")
        yield RunningList(id="send-running")
        yield Static("Update the running recording", classes="section-title")
        with Horizontal(classes="send-row rtc-update"):
            yield Input(placeholder="subscribe audio uids: 123, 456", id="send-sub-audio")
            yield Input(placeholder="or unsubscribe audio uids", id="send-unsub-audio")
        with Horizontal(classes="send-row rtc-update"):
            yield Input(placeholder="subscribe video uids", id="send-sub-video")
            yield Input(placeholder="or unsubscribe video uids", id="send-unsub-video")
        with Horizontal(classes="send-row web-update"):
            yield Checkbox("On hold (pause the page recording)", id="send-onhold")
            yield Input(placeholder="CDN address rtmp(s)://…", id="send-cdn")
        with Horizontal(classes="send-row"):
            yield Button("Update", id="send-update")
            yield Button("Update layout (from the Layout step)", id="send-update-layout")
        yield ExchangeLog(id="send-log")

    def on_mount(self) -> None:
        self._unsubscribe = self.draft.subscribe(self._draft_changed)
        self.refresh_from_draft()
        self.set_interval(1.0, self._tick)

    def _draft_changed(self, change: Change) -> None:
        self.refresh_from_draft(None if change.everything else change.origin)

    def refresh_from_draft(self, origin: object | None = None) -> None:
        """Show the draft: the settings (but the widget being typed in), the mode's scene."""
        self._show_settings(origin)
        mode = self.draft.mode
        scene = acquire_scene_for(mode, self.draft.body)
        self.query_one("#send-scene", Static).update(
            f"acquire scene {scene}, set from the {mode} mode"
        )
        self.set_class(mode == "web", "-web")
        self.query_one("#send-update-layout", Button).display = mode == "mix"
        self._show_endpoint_widgets()

    def _show_endpoint_widgets(self) -> None:
        kind = self.query_one("#send-endpoint", Select).value
        self.query_one("#send-region-host", Select).display = kind == "region"
        self.query_one("#send-url", Input).display = kind == "custom"
        self.query_one("#send-where").display = kind in ("region", "custom")
        self.set_class(kind == "sandbox", "-sandbox")
        if kind != "sandbox" and not self._credentials_shown:
            self._credentials_shown = True
            self._show_stored_credentials()

    def _tick(self) -> None:
        self.query_one(RunningList).show(self.running, self.clock())

    def _show_settings(self, origin: object | None) -> None:
        """Put the draft's endpoint, App ID and acquire options into the widgets.

        A widget is only set when it says something else than the draft, so what the
        user is typing (or a custom endpoint whose URL is still empty) stays as it is.
        """
        draft = self.draft
        if str(draft.get(ENDPOINT) or "") != self.endpoint_setting():
            kind, region_host, url = split_endpoint(draft.endpoint)
            self._load(self.query_one("#send-endpoint", Select), kind, origin)
            self._load(self.query_one("#send-region-host", Select), region_host, origin)
            self._load(self.query_one("#send-url", Input), url, origin)
        app_id = self.query_one("#send-app-id", Input)
        if app_id.value.strip() != draft.app_id:
            self._load(app_id, draft.app_id, origin)
        options = draft.acquire_options
        if options != self.acquire_options():
            hours = options.get("resourceExpiredHour")
            self._load(
                self.query_one("#send-expired-hour", Input),
                "" if hours is None else str(hours),
                origin,
            )
            self._load(
                self.query_one("#send-acquire-region", Select),
                str(options.get("region", "")),
                origin,
            )

    @staticmethod
    def _load(widget: Input | Select[Any], value: str, origin: object | None) -> None:
        if widget is origin or widget.value == value:
            return
        with widget.prevent(Input.Changed, Select.Changed):
            widget.value = value

    # --- settings back into the draft ------------------------------------------------------

    def endpoint_setting(self) -> str:
        kind = self.query_one("#send-endpoint", Select).value
        if kind == "region":
            return f"region:{self.query_one('#send-region-host', Select).value}"
        if kind == "custom":
            return self.query_one("#send-url", Input).value.strip()
        return str(kind)

    def acquire_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        hours = self.query_one("#send-expired-hour", Input).value.strip()
        if hours:
            options["resourceExpiredHour"] = int(hours) if hours.lstrip("-").isdigit() else hours
        region = self.query_one("#send-acquire-region", Select).value
        if isinstance(region, str) and region:
            options["region"] = region
        return options

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._settings_changed(event.select)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id in ("send-url", "send-app-id", "send-expired-hour"):
            self._settings_changed(event.input)

    def _settings_changed(self, widget: Input | Select[Any]) -> None:
        self._show_endpoint_widgets()
        app_id = self.query_one("#send-app-id", Input).value.strip()
        edits: list[tuple[str, Any]] = []
        if self.endpoint_setting() != str(self.draft.get(ENDPOINT) or ""):
            edits.append((ENDPOINT, self.endpoint_setting()))
        if app_id != self.draft.app_id:
            edits.append((APP_ID, app_id))
        if self.acquire_options() != self.draft.acquire_options:
            edits.append((ACQUIRE, self.acquire_options() or None))
        if edits:
            # Only what differs: the other values are the draft's, never overwritten by
            # what another widget still shows.
            self.draft.set_many(
                edits,
                description="change the send settings",
                origin=widget,
                coalesce=f"type:{widget.id}",
            )

    # --- credentials -------------------------------------------------------------------------

    async def secret_store(self) -> SecretStore:
        """The wizard's one secret store (``app.files.store``).

        Asked for on the app's thread: the first use announces the keyring backend, and
        without a keyring gives the one-time notice. Reads and writes then go to a thread.
        """
        if self._secret_store is not None:
            return self._secret_store()
        if self._own_store is None:
            from rec_tui.store.secrets import open_store

            self._own_store = (await asyncio.to_thread(open_store)).store
        return self._own_store

    @work(exclusive=True, group="send-credentials")
    async def _show_stored_credentials(self) -> None:
        """Fill the empty credential fields from the environment or the store; say where from."""
        from rec_tui.store.secrets import customer_credentials

        note = self.query_one("#send-credentials-source", Static)
        try:
            store = await self.secret_store()
            found = await asyncio.to_thread(customer_credentials, store)
        except SecretStoreError as error:
            note.update(str(error))
            return
        keep = self.query_one("#send-keep", Button)
        keep.label = "Keep in keyring" if store.persistent else "Keep for this session"
        if found is None:
            note.update(KEYRING_NOTE if store.persistent else NO_KEYRING_NOTE)
            return
        for widget_id, value in (
            ("#send-customer-id", found.customer_id),
            ("#send-customer-secret", found.customer_secret),
        ):
            field = self.query_one(widget_id, Input)
            if not field.value:
                field.value = value
        note.update(self._source_note(found, store))

    @staticmethod
    def _source_note(found: Credentials, store: SecretStore) -> str:
        if found.source == "environment":
            return f"Customer ID and secret from {CUSTOMER_ID_ENV} and {CUSTOMER_SECRET_ENV}."
        if store.persistent:
            return f"Customer ID and secret from the OS keyring ({found.source})."
        return "Customer ID and secret typed earlier in this session (memory only, no keyring)."

    def known_secrets(self) -> set[str]:
        """The customer ID and secret typed here or last used (to scrub crash reports)."""
        found = self._credentials.secrets() if self._credentials is not None else set()
        for widget_id in ("#send-customer-id", "#send-customer-secret"):
            with contextlib.suppress(NoMatches):
                value = self.query_one(widget_id, Input).value
                if value:
                    found.add(value)
        return found

    async def _resolve_credentials(self) -> Credentials:
        if self.draft.endpoint == "sandbox":
            from rec_tui import sandbox

            return Credentials(sandbox.CUSTOMER_ID, sandbox.CUSTOMER_SECRET)
        typed_id = self.query_one("#send-customer-id", Input).value.strip()
        typed_secret = self.query_one("#send-customer-secret", Input).value
        if typed_id and typed_secret:
            return Credentials(typed_id, typed_secret, source="typed")
        from rec_tui.store.secrets import customer_credentials

        store = await self.secret_store()
        try:
            found = await asyncio.to_thread(customer_credentials, store)
        except SecretStoreError as error:
            raise LookupError(str(error)) from None
        if found is None:
            raise LookupError(
                "No customer ID and secret: type them above (and keep them in the keyring), "
                f"or set {CUSTOMER_ID_ENV} and {CUSTOMER_SECRET_ENV}."
            )
        self.query_one("#send-customer-id", Input).value = found.customer_id
        return found

    @work(group="send-keyring")
    async def _keep_in_keyring(self, customer_id: str, secret: str) -> None:
        from rec_tui.store.secrets import store_customer_credentials

        try:
            store = await self.secret_store()
            await asyncio.to_thread(
                store_customer_credentials, store, Credentials(customer_id, secret)
            )
        except SecretStoreError as error:
            self.post_message(self.Finished("keep", False, str(error)))
            return
        where = "the OS keyring" if store.persistent else "memory only, for this session"
        self.post_message(self.Finished("keep", True, f"Customer ID and secret kept in {where}."))

    def _toggle_reveal(self) -> None:
        secret = self.query_one("#send-customer-secret", Input)
        secret.password = not secret.password
        self.query_one("#send-reveal", Button).label = "Show" if secret.password else "Hide"

    # --- the client --------------------------------------------------------------------------

    async def _lifecycle(self) -> Lifecycle:
        from rec_tui.agora.client import RecordingClient
        from rec_tui.agora.connect import record_in_history
        from rec_tui.sandbox import transport_for

        credentials = await self._resolve_credentials()
        draft = self.draft
        app_id = draft.app_id or ("sandbox-app" if draft.endpoint == "sandbox" else "")
        if not app_id:
            raise LookupError("Type the App ID of the channel to record.")
        key = (draft.endpoint, app_id, credentials.customer_id, credentials.customer_secret)
        if self._client is None or key != self._client_key:
            if self._client is not None:
                await self._client.aclose()
            self._client = RecordingClient(
                app_id=app_id,
                credentials=credentials,
                endpoint=draft.endpoint,
                transport=self.transport or transport_for(draft.endpoint),
                sleep=self.sleep,
                limiter=self.limiter,
                listeners=(self._log_exchange, record_in_history),
            )
            self._client_key = key
        self._credentials = credentials
        return Lifecycle(self._client, clock=self.clock, sleep=self.sleep, poll=self.poll)

    def _log_exchange(self, exchange: Exchange) -> None:
        self.post_message(self.Logged(exchange))

    async def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._client is not None:
            await self._client.aclose()

    # --- actions -------------------------------------------------------------------------------

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "send-start": "start",
            "send-query": "query",
            "send-stop": "stop",
            "send-stop-async": "stop_async",
            "send-update": "update",
            "send-update-layout": "layout",
        }
        if event.button.id == "send-reveal":
            self._toggle_reveal()
        elif event.button.id == "send-keep":
            customer_id = self.query_one("#send-customer-id", Input).value.strip()
            secret = self.query_one("#send-customer-secret", Input).value
            if customer_id and secret:
                self._keep_in_keyring(customer_id, secret)
            else:
                self._show("keep", False, "Type both the customer ID and the secret first.")
        elif event.button.id in actions:
            self.request(actions[event.button.id])

    def request(self, action: str, payload: dict[str, Any] | None = None) -> bool:
        """Start ``action`` unless a call is running; False (and a note) when refused."""
        # Stopping may cut short the wait for recording to begin: the start itself is done.
        polling = self.busy == "start" and self.current is not None
        if self.busy and not (polling and action in ("stop", "stop_async")):
            self._show(action, False, f"Wait: {self.busy} is still running.")
            return False
        self.busy = action
        self._run(action, payload)
        return True

    def apply_layout(self, client_request: dict[str, Any]) -> bool:
        """Send ``client_request`` (layout fields) as updateLayout of the running recording."""
        return self.request("layout", client_request)

    @work(exclusive=True, group="send")
    async def _run(self, action: str, payload: dict[str, Any] | None) -> None:
        from rec_tui.agora.errors import RecordingError
        from rec_tui.agora.lifecycle import ChecksFailed, StartTimedOut

        body = self.draft.request_body()
        try:
            lifecycle = await self._lifecycle()
            text = await self._perform(lifecycle, action, payload)
            ok = True
        except (ChecksFailed, RecordingError, StartTimedOut, LookupError, ValueError) as error:
            text, ok = str(error), False
        except Exception as error:
            # Uncaught, Textual would end the app and print a traceback with its local
            # variables: the request headers and body, secrets included. Shown, scrubbed.
            text, ok = f"Unexpected failure ({type(error).__name__}): {error}", False
        scrubber = Scrubber(self._credentials or Credentials("", ""), body)
        self.post_message(self.Finished(action, ok, scrubber.text(text)))

    async def _perform(
        self, lifecycle: Lifecycle, action: str, payload: dict[str, Any] | None
    ) -> str:
        if action == "start":
            return await self._start(lifecycle)
        session = self.current
        if session is None:
            raise LookupError("No recording is running: use Acquire and start first.")
        if action == "query":
            await lifecycle.query(session)
            return f"status {session.status}; files: {session.file_list() or 'none yet'}"
        if action in ("stop", "stop_async"):
            reply = await lifecycle.stop(session, async_stop=action == "stop_async")
            response = reply.data.get("serverResponse") or {}
            uploading = response.get("uploadingStatus", "see the log")
            return f"Stopped ({uploading}); files: {session.file_list() or 'none'}"
        if action == "update":
            await lifecycle.update(session, self._update_request(session))
            return "Update accepted."
        if action == "layout":
            request = payload if payload is not None else layout_of(self.draft.body)
            await lifecycle.update_layout(session, request)
            return "Layout updated."
        raise ValueError(f"unknown action {action!r}")

    async def _start(self, lifecycle: Lifecycle) -> str:
        draft = self.draft
        session = await lifecycle.acquire_and_start(
            draft.mode, draft.request_body(), draft.acquire_options
        )
        self.sessions.append(session)
        self._tick()
        self._show("start", True, f"Started: sid {session.sid}. Waiting for recording to begin…")
        status = await lifecycle.wait_until_recording(session)
        return f"Recording (status {status}); sid {session.sid}."

    def _update_request(self, session: RecordingSession) -> dict[str, Any]:
        if session.mode == "web":
            request: dict[str, Any] = {
                "webRecordingConfig": {"onhold": self.query_one("#send-onhold", Checkbox).value}
            }
            cdn = self.query_one("#send-cdn", Input).value.strip()
            if cdn:
                request["rtmpPublishConfig"] = {"outputs": [{"rtmpUrl": cdn}]}
            return request
        lists: dict[str, dict[str, list[str]]] = {"audioUidList": {}, "videoUidList": {}}
        for widget_id, group, key in (
            ("send-sub-audio", "audioUidList", "subscribeAudioUids"),
            ("send-unsub-audio", "audioUidList", "unSubscribeAudioUids"),
            ("send-sub-video", "videoUidList", "subscribeVideoUids"),
            ("send-unsub-video", "videoUidList", "unSubscribeVideoUids"),
        ):
            uids = uid_list(self.query_one(f"#{widget_id}", Input).value)
            if uids:
                lists[group][key] = uids
        subscribe = {group: value for group, value in lists.items() if value}
        if not subscribe:
            raise ValueError("Type the uids to subscribe or unsubscribe first.")
        return {"streamSubscribe": subscribe}

    # --- answers ---------------------------------------------------------------------------

    def on_send_panel_logged(self, message: Logged) -> None:
        self.query_one(ExchangeLog).add(message.exchange)

    def on_send_panel_finished(self, message: Finished) -> None:
        if message.action == self.busy:
            self.busy = ""
        self._show(message.action, message.ok, message.text)
        self._tick()

    def _show(self, action: str, ok: bool, text: str) -> None:
        outcome = self.query_one("#send-outcome", Static)
        outcome.update(("✓ " if ok else "✗ ") + text)
        outcome.set_class(not ok, "-failed")

    async def stop_all(self) -> None:
        """Stop every running recording (used when quitting); failures are shown, not raised."""
        from rec_tui.agora.errors import RecordingError

        self.workers.cancel_group(self, "send")
        self.busy = ""
        if not self.running:
            return
        try:
            lifecycle = await self._lifecycle()
        except (LookupError, ValueError) as error:
            self._show("stop", False, str(error))
            return
        for session in list(self.running):
            try:
                await lifecycle.stop(session)
            except RecordingError as error:
                self._show("stop", False, str(error))
