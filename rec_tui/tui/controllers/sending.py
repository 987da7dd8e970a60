"""The wizard's sending: the Send panel in the Review step, Ctrl+R, and quitting safely.

Created by the app next to ``FilesController``; it mounts :class:`SendPanel` into the Review
step's ``#review-plugin`` container when that step is built, offers palette commands, and
guards quitting while a recording runs (an unattended recording costs the customer money).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from rec_tui.i18n import _

if TYPE_CHECKING:
    from rec_tui.tui.app import RecTuiApp
    from rec_tui.tui.forms.base import StepForm
    from rec_tui.tui.send_panel import SendPanel
    from rec_tui.tui.widgets.layout_apply import ApplyStatus, ApplyTarget


REVIEW_STEP: Final = "review"
LAYOUT_STEP: Final = "layout"


class SendingController:
    def __init__(self, app: RecTuiApp, **panel_options: Any) -> None:
        self.app = app
        # Options for the panel (tests pass a sandbox transport and fake time).
        self.panel_options = panel_options
        self.panel: SendPanel | None = None
        # (host, App ID) pairs the user agreed to send to in this session.
        self._confirmed: set[tuple[str, str]] = set()
        app.on_step_built(REVIEW_STEP, self._mount_panel)
        app.on_step_built(LAYOUT_STEP, self._show_recording)
        app.on_step_built(LAYOUT_STEP, self._show_layout_status)
        # What the layout designer's Ctrl+L did, shown on its canvas until the cause goes.
        self.layout_status: ApplyStatus | None = None
        self._unwatch_draft: Callable[[], None] | None = None

    def _mount_panel(self, form: StepForm) -> None:
        from rec_tui.tui.forms.review import ReviewForm
        from rec_tui.tui.send_panel import SendPanel

        if self.panel is None:
            # The panel shares the wizard's one secret store (opened once, announced once).
            self.panel = SendPanel(
                self.app.draft,
                secret_store=lambda: self.app.files.store,
                confirm_send=self.confirm_send,
                **self.panel_options,
            )
            form.query_one(f"#{ReviewForm.PLUGIN_ID}").mount(self.panel)

    async def confirm_send(self, endpoint: str, app_id: str) -> bool:
        """Before a start: the first send of this session to a real Agora endpoint (and
        App ID) asks first, naming them; the sandbox never asks.

        Run from the Send panel's worker, so waiting for the answer blocks nothing else.
        """
        from rec_tui.request.endpoints import resolve
        from rec_tui.tui.screens.send_confirm import SendConfirmScreen

        try:
            target = resolve(endpoint)
        except ValueError:
            return True  # the client refuses it with the reason, before anything is sent
        if target.sandbox or (target.primary, app_id) in self._confirmed:
            return True
        confirmed = await self.app.push_screen_wait(
            SendConfirmScreen.for_endpoint(endpoint, app_id)
        )
        if confirmed:
            self._confirmed.add((target.primary, app_id))
        return bool(confirmed)

    def send(self) -> None:
        """Ctrl+R: go to the Review step and acquire and start."""
        self.call("start")

    def call(self, action: str) -> None:
        """Run a Send panel call (start, query, update, layout, stop) from a key or the
        palette: the Review step opens with the panel's answer line in view."""

        async def go() -> None:
            await self.app.show_step(REVIEW_STEP, focus=False)
            if self.panel is not None:
                # After the panel's first refresh: a panel built by this key has then
                # composed its credential fields, which a real endpoint reads.
                self.panel.call_after_refresh(self.panel.request, action)
                self.panel.call_after_refresh(self.panel.show_outcome)

        self.app.run_worker(go(), group="send-shortcut")

    def focus_log(self) -> None:
        """Put the keys on the Exchanges log (arrows, Page Up/Down, Home/End scroll it)."""

        async def go() -> None:
            await self.app.show_step(REVIEW_STEP, focus=False)
            if self.panel is not None:
                self.panel.call_after_refresh(self.panel.focus_log)

        self.app.run_worker(go(), group="send-shortcut")

    def copy_exchange(self) -> None:
        """The last HTTP exchange (already redacted), as text, to the clipboard."""
        text = self.panel.last_exchange_text() if self.panel is not None else ""
        if not text:
            self.app.notify(_("No exchange yet: send something first (Ctrl+R)."), timeout=4)
            return
        self.app.copy_to_clipboard(text)
        self.app.notify(_("Copied the last exchange (secrets masked)."), timeout=3)

    # --- the layout designer's Ctrl+L ----------------------------------------------------

    def apply_layout(self, request: dict[str, Any]) -> None:
        """Send ``request`` as updateLayout of the running mix recording, checked first.

        What happens is said on the canvas, under the frame, until its cause goes.
        """
        from rec_tui.tui.widgets import layout_apply
        from rec_tui.tui.widgets.layout_apply import ApplyStatus

        target = layout_apply.find_target(self.panel)
        if isinstance(target, str):
            self._say_layout(ApplyStatus("no-target", target))
            return
        status = _refused(target, request)
        if status is None:
            panel = target.panel
            if panel.busy or not panel.apply_layout(request):
                status = ApplyStatus("busy", _(layout_apply.BUSY).format(busy=panel.busy))
            else:
                sent = _("updateLayout sent to sid {sid}…").format(sid=target.session.sid)
                status = ApplyStatus("sending", sent)
        self._say_layout(status)

    def _say_layout(self, status: ApplyStatus | None) -> None:
        """Show ``status`` on the canvas; while the layout's edits can change it, watch them."""
        self.layout_status = status
        watch = status is not None and status.kind in ("refused", "answered")
        if watch and self._unwatch_draft is None:
            self._unwatch_draft = self.app.draft.subscribe(self._layout_edited)
        elif not watch and self._unwatch_draft is not None:
            self._unwatch_draft()
            self._unwatch_draft = None
        self._show_layout_status()

    def _layout_edited(self, _change: Any) -> None:
        """A refusal goes (or changes) as the layout is mended; an answer goes once the
        layout is no longer the one that was sent."""
        status = self.layout_status
        if status is None or status.kind == "answered":
            self._say_layout(None)
            return
        from rec_tui.tui.widgets.layout_apply import layout_request

        target = layout_apply_target(self.panel)
        request = layout_request(self.app.draft.body)
        self._say_layout(None if target is None else _refused(target, request))

    def _show_layout_status(self, *_: Any) -> None:
        for canvas in self.app.query("LayoutCanvas"):
            canvas.show_apply_status(self.layout_status)  # type: ignore[attr-defined]

    def call_finished(self, action: str, ok: bool, text: str) -> None:
        """A Send panel call ended: the canvas shows the running recording and, for
        updateLayout, the answer (the full exchange is in the Send panel's log); the
        session's exchanges are diagnosed again."""
        from rec_tui.tui.widgets.layout_apply import ApplyStatus

        self._show_recording()
        self.diagnose_exchanges()
        status = self.layout_status
        if action == "layout":
            self._say_layout(ApplyStatus("answered", f"updateLayout: {text}", error=not ok))
        elif status is not None and status.kind == "busy":
            self._say_layout(None)  # the call it waited for is over

    def diagnose_exchanges(self) -> None:
        """Run ``diagnose`` on the latest recording's exchanges (from its acquire on): its
        findings go above the problems (a 404 after start: the recorder left, and why)."""
        panel = self.panel
        if panel is None or not panel.exchanges:
            return
        from rec_tui.agora.diagnose import diagnose
        from rec_tui.agora.diagnose.transcript import latest_recording, transcript

        material = transcript(latest_recording(panel.exchanges))
        diagnosis = diagnose(material, now=panel.clock())
        self.app.diagnosis.show_replay(diagnosis, _("the latest recording's exchanges"))
        panel.show_outcome()  # findings resize the panes: the answer is brought back in view

    def _show_recording(self, *_: Any) -> None:
        target = layout_apply_target(self.panel)
        sid = None if target is None else target.session.sid
        # By type name: the canvas module is only imported with the layout step.
        for canvas in self.app.query("LayoutCanvas"):
            canvas.show_recording(sid)  # type: ignore[attr-defined]
        status = self.layout_status
        if status is not None and (status.kind == "no-target") != (target is None):
            # "No recording" once one runs; an answer about one that has ended.
            self._say_layout(None)

    def known_secrets(self) -> set[str]:
        """The credentials typed into or used by the Send panel (to scrub crash reports)."""
        return self.panel.known_secrets() if self.panel is not None else set()

    @property
    def running(self) -> int:
        return len(self.panel.running) if self.panel is not None else 0

    def before_quit(self, then: Callable[[], None]) -> None:
        """Run ``then`` (the normal quit), asking first to stop running recordings."""
        if not self.running:
            then()
            return
        from rec_tui.tui.screens.stop_before_quit import QuitChoice, StopBeforeQuitScreen

        def answered(choice: QuitChoice | None) -> None:
            if choice == "leave":
                then()
            elif choice == "stop":
                self.app.run_worker(self._stop_then(then), group="send-quit")

        assert self.panel is not None  # something runs
        question = StopBeforeQuitScreen(
            self.running, sandbox_only=self.panel.running_in_sandbox_only
        )
        self.app.push_screen(question, answered)

    async def _stop_then(self, then: Callable[[], None]) -> None:
        assert self.panel is not None
        await self.panel.stop_all()
        if self.panel.running:
            self.app.notify(
                _("Some recordings could not be stopped; see the Send step."), severity="error"
            )
            return
        then()


def layout_apply_target(panel: SendPanel | None) -> ApplyTarget | None:
    """The running mix recording Ctrl+L would update, or None."""
    from rec_tui.tui.widgets.layout_apply import find_target

    target = find_target(panel)
    return None if isinstance(target, str) else target


def _refused(target: ApplyTarget, request: dict[str, Any]) -> ApplyStatus | None:
    """Why ``request`` may not go to ``target``: its errors, in words; None when it may."""
    from rec_tui.tui.widgets import layout_apply

    refusal = layout_apply.refusal(layout_apply.check(target, request))
    return None if refusal is None else layout_apply.ApplyStatus("refused", refusal, error=True)
