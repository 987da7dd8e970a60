"""The Send step: endpoint, App ID, credentials, acquire options, and the recording's calls.

The settings (rec_tui/tui/send/settings.py) and the credentials (send/credentials.py) are
widgets of their own; this module makes the calls.

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
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Select, Static

from rec_tui.agora.diagnose.transcript import Sent
from rec_tui.agora.exchange import Exchange, Scrubber
from rec_tui.agora.lifecycle import Lifecycle, PollPlan, RecordingSession, acquire_scene_for
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.agora.status import describe_files, describe_status, describe_uploading
from rec_tui.i18n import _
from rec_tui.request.call_checks import layout_of
from rec_tui.store.secrets import (
    Credentials,
    SecretStore,
)
from rec_tui.tui.send.credentials import CredentialsForm
from rec_tui.tui.send.settings import AcquireSettings, EndpointSettings
from rec_tui.tui.widgets.exchange_log import ExchangeLog
from rec_tui.tui.widgets.running_list import RunningList

if TYPE_CHECKING:
    import httpx

    from rec_tui.agora.client import RecordingClient
    from rec_tui.request.draft import Change, Draft


CREDENTIAL_INPUTS = frozenset({"send-customer-id", "send-customer-secret"})


def uid_list(text: str) -> list[str]:
    """``"123, 456"`` → ``["123", "456"]``; blanks dropped."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _token_of(body: dict[str, Any]) -> str:
    request = body.get("clientRequest")
    token = request.get("token") if isinstance(request, dict) else None
    return token if isinstance(token, str) else ""


class SendPanel(Vertical):
    """Mounted into the Review step; also usable alone (tests).

    The endpoint, App ID and acquire options are the draft's session values: the widgets
    write them with the draft's methods and show them again whenever the draft changes.
    """

    DEFAULT_CSS = """
    SendPanel { height: auto; margin: 1 0; }
    SendPanel .send-row { height: auto; }
    SendPanel .send-actions { margin: 1 0 0 0; }
    SendPanel Label { padding: 0 1 0 0; }
    SendPanel Input { width: 1fr; }
    SendPanel Select { width: 1fr; }
    SendPanel #send-expired-hour { width: 10; }
    SendPanel #send-acquire-region { width: 26; }
    SendPanel #send-scene { color: $text-muted; margin: 0 0 1 0; }
    /* One-row buttons, as the forms' own: at 80×24 the answer line stays in view. */
    SendPanel Button { margin: 0 1 0 0; }
    /* Textual's 16-column minimum pushed "Update layout (from the Layout step)" past the
       pane's edge at 120×40. */
    SendPanel .send-row Button { min-width: 10; }
    SendPanel #send-outcome { margin: 0 0 1 0; }
    SendPanel #send-outcome.-failed { color: $error; }
    SendPanel #send-anyway { display: none; margin: 0 0 1 0; }
    SendPanel.-refused #send-anyway { display: block; }
    SendPanel.-sandbox .credentials { display: none; }
    SendPanel #send-sandbox-note { display: none; color: $text-muted; }
    SendPanel #send-credentials-source { color: $text-muted; margin: 0 0 1 0; }
    SendPanel #send-reveal { min-width: 0; width: auto; margin: 0 1 0 1; }
    SendPanel.-sandbox #send-sandbox-note { display: block; }
    SendPanel #send-scenario { display: none; color: $text-muted; margin: 0 0 1 0; }
    SendPanel.-sandbox #send-scenario { display: block; }
    /* Side by side, a column apart: the placeholders ran into each other. */
    SendPanel .rtc-update Input { margin: 0 1 0 0; }
    SendPanel.-web .rtc-update { display: none; }
    SendPanel .web-update { display: none; }
    SendPanel.-web .web-update { display: block; }
    """

    class Finished(Message):
        """A call (or a sequence such as acquire → start → poll) ended."""

        def __init__(self, action: str, ok: bool, text: str, *, refused: bool = False) -> None:
            super().__init__()
            self.action = action
            self.ok = ok
            self.text = text
            # Not sent because the checks found errors (it may be sent anyway).
            self.refused = refused

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
        confirm_send: Callable[[str, str], Awaitable[bool]] | None = None,
        id: str | None = "send-panel",
    ) -> None:
        super().__init__(id=id)
        # Asked (endpoint, App ID) before a start; False means do not send.
        self.confirm_send = confirm_send
        self.draft = draft
        # The wizard's one store; None: the credentials form opens its own (alone, in a test).
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
        # Every client made, closed when the panel goes: a recording keeps the client (and
        # so the endpoint and credentials) it was started with after the settings change.
        self._clients: list[RecordingClient] = []
        self._started_with: dict[str, Lifecycle] = {}
        self._client_key: tuple[str, str, str, str] | None = None
        self._credentials: Credentials | None = None
        # This session's exchanges (redacted, each start with the RTC token it carried):
        # the material the wizard diagnoses after each call.
        self.exchanges: list[Sent] = []
        self._sending_token = ""

    @property
    def running(self) -> list[RecordingSession]:
        return [s for s in self.sessions if s.sid and not s.stopped]

    @property
    def running_in_sandbox_only(self) -> bool:
        """Every running recording was started in the in-process sandbox (it ends with the
        wizard and is billed to nobody)."""
        started_with = [self._started_with.get(session.sid) for session in self.running]
        return all(
            lifecycle is not None and lifecycle.client.endpoint.sandbox
            for lifecycle in started_with
        )

    @property
    def current(self) -> RecordingSession | None:
        running = self.running
        return running[-1] if running else None

    # --- building -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(_("Send"), classes="section-title")
        yield EndpointSettings(self.draft)
        yield CredentialsForm(self._secret_store)
        yield AcquireSettings(self.draft)
        yield Static("", id="send-scene")
        yield Static("", id="send-scenario")
        with Horizontal(classes="send-row send-actions"):
            yield Button(
                _("Acquire and start (^R)"), id="send-start", variant="primary", compact=True
            )
            yield Button(_("Query"), id="send-query", compact=True)
        # Stop on a row of its own: beside the preview (53 columns at 120×40) and at 80×24
        # the four buttons in one row put "Stop (async)" past the right edge.
        with Horizontal(classes="send-row"):
            yield Button(_("Stop"), id="send-stop", variant="warning", compact=True)
            yield Button(_("Stop (async)"), id="send-stop-async", compact=True)
        yield Static("", id="send-outcome")
        # After a start refused for its errors: what the customer did, to see Agora's answer.
        yield Button(
            _("Send it anyway, errors and all"), id="send-anyway", variant="error", compact=True
        )
        yield RunningList(id="send-running")
        yield Static(_("Update the running recording"), classes="section-title")
        with Horizontal(classes="send-row rtc-update"):
            yield Input(
                placeholder=_("subscribe audio uids: 123, 456"), compact=True, id="send-sub-audio"
            )
            yield Input(
                placeholder=_("or unsubscribe audio uids"), compact=True, id="send-unsub-audio"
            )
        with Horizontal(classes="send-row rtc-update"):
            yield Input(placeholder=_("subscribe video uids"), compact=True, id="send-sub-video")
            yield Input(
                placeholder=_("or unsubscribe video uids"), compact=True, id="send-unsub-video"
            )
        with Horizontal(classes="send-row web-update"):
            yield Checkbox(_("On hold (pause the page recording)"), id="send-onhold")
            yield Input(placeholder=_("CDN address rtmp(s)://…"), compact=True, id="send-cdn")
        with Horizontal(classes="send-row"):
            yield Button(_("Update"), id="send-update", compact=True)
            yield Button(
                _("Update layout (from the Layout step)"), id="send-update-layout", compact=True
            )
        yield ExchangeLog(id="send-log")

    def on_mount(self) -> None:
        self._unsubscribe = self.draft.subscribe(self._draft_changed)
        self.refresh_from_draft()
        self.set_interval(1.0, self._tick)

    def _draft_changed(self, change: Change) -> None:
        self.refresh_from_draft()
        # A failure about the request or its settings is stale once they change.
        self._clear_failure()

    def _clear_failure(self) -> None:
        outcome = self.query_one("#send-outcome", Static)
        if outcome.has_class("-failed"):
            outcome.update("")
            outcome.remove_class("-failed")
        self.remove_class("-refused")

    def refresh_from_draft(self) -> None:
        """Show what depends on the draft's mode: the acquire scene, the widgets that apply."""
        mode = self.draft.mode
        scene = acquire_scene_for(mode, self.draft.body)
        self.query_one("#send-scene", Static).update(
            _("acquire scene {scene}, set from the {mode} mode").format(scene=scene, mode=mode)
        )
        self.set_class(mode == "web", "-web")
        self._show_scenario()
        self.query_one("#send-update-layout", Button).display = mode == "mix"

    def _show_scenario(self) -> None:
        """Which sandbox failure scenario this App ID, cname and uid would run into."""
        if not self.has_class("-sandbox"):
            return
        from rec_tui.sandbox.scenario_notes import scenario_note

        draft = self.draft
        note = scenario_note(draft.app_id, draft.mode, draft.body, self.clock())
        self.query_one("#send-scenario", Static).update(note)

    @on(EndpointSettings.KindChosen)
    def _kind_chosen(self, event: EndpointSettings.KindChosen) -> None:
        event.stop()
        self.set_class(event.kind == "sandbox", "-sandbox")
        self._show_scenario()
        self._clear_failure()
        if event.kind != "sandbox":
            self.query_one(CredentialsForm).needed()

    @on(CredentialsForm.Kept)
    def _kept(self, event: CredentialsForm.Kept) -> None:
        event.stop()
        self._show("keep", event.ok, event.text)

    def _tick(self) -> None:
        self.query_one(RunningList).show(self.running, self.clock())

    @on(Select.Changed)
    @on(Input.Changed)
    def _update_typed(self, event: Select.Changed | Input.Changed) -> None:
        event.stop()  # the update fields are for the running recording, not the draft
        if event.control.id in CREDENTIAL_INPUTS:
            self._clear_failure()  # "No customer ID and secret" is stale once one is typed

    # --- credentials -------------------------------------------------------------------------

    def known_secrets(self) -> set[str]:
        """The customer ID and secret typed here or last used (to scrub crash reports)."""
        found = self._credentials.secrets() if self._credentials is not None else set()
        with contextlib.suppress(NoMatches):
            found |= self.query_one(CredentialsForm).typed()
        return found

    # --- the client --------------------------------------------------------------------------

    async def _lifecycle(self) -> Lifecycle:
        from rec_tui.agora.connect import CannotConnect, connect, credentials_for, record_in_history
        from rec_tui.request.endpoints import resolve
        from rec_tui.sandbox import shared_transport

        draft = self.draft
        try:
            endpoint = resolve(draft.endpoint)
        except ValueError as error:
            raise LookupError(str(error)) from None
        if not draft.app_id and not endpoint.sandbox:
            raise LookupError(_("Type the App ID of the channel to record."))
        # The sandbox has its own published pair; anything else uses what the form found.
        credentials = (
            credentials_for(endpoint)
            if endpoint.sandbox
            else await self.query_one(CredentialsForm).resolve()
        )
        key = (draft.endpoint, draft.app_id, credentials.customer_id, credentials.customer_secret)
        if self._client is None or key != self._client_key:
            try:
                self._client = connect(
                    endpoint,
                    draft.app_id,
                    transport=self.transport,
                    sandbox_transport=shared_transport,
                    credentials=credentials,
                    listeners=(self._log_exchange, record_in_history),
                    sleep=self.sleep,
                    limiter=self.limiter,
                )
            except CannotConnect as error:
                self._client = None
                raise LookupError(error.message) from None
            self._clients.append(self._client)
            self._client_key = key
        self._credentials = credentials
        return Lifecycle(self._client, clock=self.clock, sleep=self.sleep, poll=self.poll)

    def _log_exchange(self, exchange: Exchange) -> None:
        token = self._sending_token if exchange.call == "start" else ""
        self.exchanges.append(Sent(exchange, self.clock(), token))
        self.post_message(self.Logged(exchange))

    async def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        for client in self._clients:
            await client.aclose()

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
        if event.button.id in actions:
            self.request(actions[event.button.id])
        elif event.button.id == "send-anyway":
            self.request("start", force=True)

    def request(
        self, action: str, payload: dict[str, Any] | None = None, *, force: bool = False
    ) -> bool:
        """Start ``action`` unless a call is running; False (and a note) when refused.
        ``force``: send even though the checks find errors (a customer's body as it was)."""
        # Stopping may cut short the wait for recording to begin: the start itself is done.
        polling = self.busy == "start" and self.current is not None
        if self.busy and not (polling and action in ("stop", "stop_async")):
            self._show(action, False, _("Wait: {call} is still running.").format(call=self.busy))
            return False
        self.busy = action
        self.remove_class("-refused")
        self._run(action, payload, force)
        return True

    def apply_layout(self, client_request: dict[str, Any]) -> bool:
        """Send ``client_request`` (layout fields) as updateLayout of the running recording."""
        return self.request("layout", client_request)

    @work(exclusive=True, group="send")
    async def _run(self, action: str, payload: dict[str, Any] | None, force: bool) -> None:
        from rec_tui.agora.errors import RecordingError
        from rec_tui.agora.lifecycle import ChecksFailed, StartTimedOut

        body = self.draft.request_body()
        self._sending_token = _token_of(body)
        refused = False
        try:
            lifecycle = self._lifecycle_for(action) or await self._lifecycle()
            if action == "start" and not await self._start_confirmed():
                cancelled = _("Not sent: sending was cancelled.")
                self.post_message(self.Finished(action, False, cancelled))
                return
            text = await self._perform(lifecycle, action, payload, force)
            ok = True
        except ChecksFailed as error:
            text, ok, refused = str(error), False, action == "start"
        except (RecordingError, StartTimedOut, LookupError, ValueError) as error:
            text, ok = str(error), False
        except Exception as error:
            # Uncaught, Textual would end the app and print a traceback with its local
            # variables: the request headers and body, secrets included. Shown, scrubbed.
            failure = _("Unexpected failure ({kind}): {error}")
            text, ok = failure.format(kind=type(error).__name__, error=error), False
        scrubber = Scrubber(self._credentials or Credentials("", ""), body)
        self.post_message(self.Finished(action, ok, scrubber.text(text), refused=refused))

    async def _start_confirmed(self) -> bool:
        if self.confirm_send is None:
            return True
        return await self.confirm_send(self.draft.endpoint, self.draft.app_id)

    async def _perform(
        self, lifecycle: Lifecycle, action: str, payload: dict[str, Any] | None, force: bool
    ) -> str:
        if action == "start":
            return await self._start(lifecycle, force)
        session = self.current
        if session is None:
            raise LookupError(_("No recording is running: use Acquire and start first."))
        if action == "query":
            await lifecycle.query(session)
            return _("status {status}; {files}").format(
                status=describe_status(session.status),
                files=describe_files(session.file_list(), stopped=False),
            )
        if action in ("stop", "stop_async"):
            reply = await lifecycle.stop(session, async_stop=action == "stop_async")
            response = reply.data.get("serverResponse") or {}
            if lifecycle.client.endpoint.sandbox:
                # "every file is in your storage" would read as proof the storage works.
                uploading = _("upload imitated by the sandbox (no storage was tried)")
            else:
                uploading = describe_uploading(response.get("uploadingStatus"))
            return _("Stopped: {uploading}; {files}").format(
                uploading=uploading, files=describe_files(session.file_list(), stopped=True)
            )
        if action == "update":
            await lifecycle.update(session, self._update_request(session))
            return _("Update accepted.")
        if action == "layout":
            request = payload if payload is not None else layout_of(self.draft.body)
            await lifecycle.update_layout(session, request)
            return _("Layout updated.")
        raise ValueError(f"unknown action {action!r}")

    def _lifecycle_for(self, action: str) -> Lifecycle | None:
        """The lifecycle the running recording was started with, for calls about it."""
        session = self.current
        if action == "start" or session is None or not session.sid:
            return None
        return self._started_with.get(session.sid)

    async def _start(self, lifecycle: Lifecycle, force: bool) -> str:
        draft = self.draft
        session = await lifecycle.acquire_and_start(
            draft.mode, draft.request_body(), draft.acquire_options, force=force
        )
        self.sessions.append(session)
        if session.sid:
            self._started_with[session.sid] = lifecycle
        self._tick()
        started = _("Started: sid {sid}. Waiting for recording to begin…")
        self._show("start", True, started.format(sid=session.sid))
        status = await lifecycle.wait_until_recording(session)
        return _("Recording: status {status}; sid {sid}.").format(
            status=describe_status(status), sid=session.sid
        )

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
            raise ValueError(_("Type the uids to subscribe or unsubscribe first."))
        return {"streamSubscribe": subscribe}

    # --- answers ---------------------------------------------------------------------------

    def on_send_panel_logged(self, message: Logged) -> None:
        self.query_one(ExchangeLog).add(message.exchange)

    def on_send_panel_finished(self, message: Finished) -> None:
        if message.action == self.busy:
            self.busy = ""
        self._show(message.action, message.ok, message.text)
        self.set_class(message.refused, "-refused")
        self._tick()

    def _show(self, action: str, ok: bool, text: str) -> None:
        outcome = self.query_one("#send-outcome", Static)
        outcome.update(("✓ " if ok else "✗ ") + text)
        outcome.set_class(not ok, "-failed")
        self.show_outcome()

    def show_outcome(self) -> None:
        """Scroll the answer line (and the buttons above it) into view: at 80×24 the
        panel's top is a screen away from it."""
        outcome = self.query_one("#send-outcome", Static)
        outcome.call_after_refresh(outcome.scroll_visible, animate=False)

    def focus_log(self) -> None:
        self.query_one(ExchangeLog).focus()

    def last_exchange_text(self) -> str:
        return self.query_one(ExchangeLog).last_text

    async def stop_all(self) -> None:
        """Stop every running recording (used when quitting); failures are shown, not raised."""
        from rec_tui.agora.errors import RecordingError

        self.workers.cancel_group(self, "send")
        self.busy = ""
        for session in list(self.running):
            try:
                # Each recording is stopped where it was started, whatever the settings now.
                lifecycle = self._started_with.get(session.sid) or await self._lifecycle()
                await lifecycle.stop(session)
            except (RecordingError, LookupError, ValueError) as error:
                self._show("stop", False, str(error))
