"""The wizard: Steps | current step's form over Problems | Request preview.

How the parts are wired:

* ``app.draft`` is the one :class:`~rec_tui.request.draft.Draft` everything edits. Forms and
  widgets only call its methods; the app subscribes to it and, on each announced
  :class:`~rec_tui.request.draft.Change`, re-validates and refreshes the preview, the problems,
  the step list, the title and the form on screen (the widget that made the change, its
  ``origin``, is not reloaded, so typing is never disturbed).
* ``app.problems`` is the latest validation result.
* Widgets post small messages declared beside them; the app handles them or hands them to one
  controller per concern (rec_tui/tui/controllers/): ``app.files`` (presets, import, export,
  the title), ``app.sending`` (the Send panel, Ctrl+R, the quit guard); the command palette
  lists every action through :class:`~rec_tui.tui.controllers.commands.WizardCommands`.
* The Review step has an empty container ``#review-plugin`` (``ReviewForm.PLUGIN_ID``) for the
  Send panel; ``app.on_step_built(name, cb)`` runs ``cb(form)`` when a step's form is built
  (or at once if it already is).
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.events import DescendantFocus, Resize, ScreenResume
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static

from rec_tui.i18n import N_, Language, _
from rec_tui.request.draft import Change, Draft, ModeSwitch
from rec_tui.request.request_line import compact_request_line
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Problem
from rec_tui.tui.compositor import ColumnsCompositor
from rec_tui.tui.controllers.diagnosis import DiagnosisController
from rec_tui.tui.controllers.editing import EditingController
from rec_tui.tui.controllers.files import FilesController
from rec_tui.tui.controllers.sending import SendingController
from rec_tui.tui.crash import CrashGuard
from rec_tui.tui.forms.base import Changed, StepForm
from rec_tui.tui.frames import PacedScreen
from rec_tui.tui.key_words import SpokenScreen
from rec_tui.tui.notices import MOST_SHOWN, shown_for, together
from rec_tui.tui.steps import neighbour, step, step_for_path
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.keys_footer import KeysFooter
from rec_tui.tui.widgets.preview import Preview
from rec_tui.tui.widgets.problems_pane import ProblemsPane
from rec_tui.tui.widgets.secrets_status import SecretsStatus
from rec_tui.tui.widgets.step_list import StepList

if TYPE_CHECKING:
    from textual.command import Provider

    from rec_tui.request.validate import Checked
    from rec_tui.spec.problems import Fix
    from rec_tui.tui.screens.preset_open import PresetOpenScreen
    from rec_tui.tui.send_panel import SendPanel
    from rec_tui.tui.widgets.layout_canvas import LayoutCanvas

MIN_WIDTH, MIN_HEIGHT = 80, 24
# Below this width the preview is hidden until asked for (F4), and then replaces the form.
NARROW_WIDTH = 110
# Net allocations of tracked objects between young collections once the wizard runs
# (Python's default is 700). Over the keystroke benchmark's 200 keys the default made 19
# young collections and a full one of ~54 ms, a key's worth of pause; with this, none in
# those keys. What the first screen built is frozen: the young ones hold what typing left.
YOUNG_COLLECTION_AFTER = 20_000

FORM_CLASSES: dict[str, str] = {
    "session": "rec_tui.tui.forms.session:SessionForm",
    "streams": "rec_tui.tui.forms.streams:StreamsForm",
    "layout": "rec_tui.tui.forms.layout:LayoutForm",
    "snapshots": "rec_tui.tui.forms.snapshots:SnapshotsForm",
    "files": "rec_tui.tui.forms.files:FilesForm",
    "storage": "rec_tui.tui.forms.storage:StorageForm",
    "web": "rec_tui.tui.forms.web:WebForm",
    "advanced": "rec_tui.tui.forms.advanced:AdvancedForm",
    "review": "rec_tui.tui.forms.review:ReviewForm",
}


class WizardScreen(PacedScreen, SpokenScreen):
    """The wizard's main screen (its frames paced by rec_tui/tui/frames.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed = False
        # A keystroke's changes (its field, the preview's line) drawn apart, not together
        # with every widget between them (rec_tui/tui/compositor.py).
        self._compositor = ColumnsCompositor()

    def _on_screen_resume(self, event: ScreenResume) -> None:
        # Textual restyles every widget each time a screen comes to the front. The first
        # time, each was styled as it mounted a moment before; all that changed since is
        # the focus, placed by AUTO_FOCUS (here, as Textual would below). Textual restyles
        # the focused widget itself, so only the widgets a :focus-within rule styles (the
        # focused field's label) are left: restyling everything cost ~14 ms before the
        # first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self._update_auto_focus()
            within = [node for node in self.walk_children() if node._has_focus_within]
            self.app.stylesheet.update_nodes(within, animate=False)
        super()._on_screen_resume(event)


def _same_notice(shown: Notification, new: Notification) -> bool:
    return (shown.message, shown.title, shown.severity) == (new.message, new.title, new.severity)


def wizard_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from rec_tui.tui.controllers.commands import WizardCommands

    return WizardCommands


def field_commands() -> type[Provider]:
    """The palette's field finder, imported when the palette first opens."""
    from rec_tui.tui.controllers.commands import FieldCommands

    return FieldCommands


def form_class(name: str) -> type[StepForm]:
    module, _, attribute = FORM_CLASSES[name].partition(":")
    cls: type[StepForm] = getattr(importlib.import_module(module), attribute)
    return cls


class RecTuiApp(App[int]):
    TITLE = "rec-tui"
    # Absolute, so subclasses defined elsewhere (tests, benchmarks) find it too.
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    # The first field of the first step (of the Review step, its summary); never the
    # scroll containers around it.
    AUTO_FOCUS = (
        "#forms RadioSet, #forms Input, #forms Select, #forms LayoutCanvas, #forms #review-plan"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows what fits at 80 columns; the rest (show=False) is listed by F10
        # and offered by the Ctrl+P palette, and those of FOOTER_WHEN_ROOM are in the
        # footer too where it has room for them.
        Binding("f1", "help", N_("Help")),
        Binding("f2", "previous_step", N_("Prev"), tooltip=N_("Previous step")),
        Binding("f3", "next_step", N_("Next"), tooltip=N_("Next step")),
        Binding("f4", "toggle_preview", N_("Preview"), show=False),
        Binding("f5", "focus_problems", N_("Problems"), show=False),
        Binding("f10", "show_keys", N_("Keys")),
        Binding("ctrl+s", "save_preset", N_("Save")),
        Binding("ctrl+o", "open_preset", N_("Open")),
        # Ctrl+I is Tab to a terminal (and to Textual's key aliases): import is F6.
        Binding("f6", "import_request", N_("Import"), show=False),
        # Priority: a form's field (Textual's Input) takes Ctrl+E as "end of line" first.
        Binding("ctrl+e", "export_request", N_("Export"), show=False, priority=True),
        Binding("ctrl+r", "send", N_("Send")),
        Binding("ctrl+g", "send_call('query')", N_("Query"), show=False),
        Binding("ctrl+t", "send_call('stop')", N_("Stop recording"), show=False),
        Binding("f7", "toggle_json", N_("JSON"), show=False),
        Binding("f8", "apply_fix", N_("Fix"), show=False),
        Binding("f9", "show_diff", N_("Diff"), show=False),
        # Ctrl+C copies a selection; Ctrl+B copies the whole Body.
        Binding("ctrl+b", "copy_body", N_("Copy body"), show=False),
        # Not priority: a focused TextArea (import, JSON editor) keeps its own undo; Inputs
        # have none, so in the forms these undo the draft.
        Binding("ctrl+z", "undo", N_("Undo"), show=False),
        Binding("ctrl+y", "redo", N_("Redo"), show=False),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True),
    ]
    # Keys the footer shows as well where it has room for them (a wide terminal), the
    # first ones first: what to do about the problems, then the other views of the request.
    FOOTER_WHEN_ROOM: ClassVar[tuple[str, ...]] = (
        "apply_fix",
        "show_diff",
        "toggle_json",
        "import_request",
        "focus_problems",
        "toggle_preview",
    )
    COMMANDS = App.COMMANDS | {wizard_commands, field_commands}
    # Seconds without a change before the fixes of the problems are worked out.
    FIXES_AFTER: ClassVar[float] = 0.3

    def __init__(
        self,
        draft: Draft | None = None,
        *,
        start_step: str = "session",
        notices: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.draft = draft or Draft()
        self.files = FilesController(self)
        self.editing = EditingController(self)
        self.problems: list[Problem] = []
        # The findings shown above the problems (an imported ticket's, the Send panel's).
        self.diagnosis = DiagnosisController(self)
        # The draft revision whose problems carry their fixes (-1: none yet).
        self._fixes_for = -1
        # The latest check of the draft (problems without fixes, and their context) and
        # the revision it was made for.
        self._checked: tuple[int, Checked] | None = None
        self._fixes_timer: Timer | None = None
        # The fixes being worked out one by one: revision, check, what is left, found.
        self._fix_search: tuple[int, Checked, Iterator[tuple[int, Fix]], dict[int, Fix]] | None = (
            None
        )
        self.current_step = start_step
        self._notices = list(notices)
        self._forms: dict[str, StepForm] = {}
        self._built_callbacks: dict[str, list[Callable[[StepForm], None]]] = {}
        # The paths of the step the latest undo or redo took back or did again.
        self._travelled: tuple[str, ...] = ()
        # None: decided by the width; True/False: the user toggled it with F4.
        self._preview_wanted: bool | None = None
        # The Send panel in the Review step, Ctrl+R, and the quit guard.
        self.sending = SendingController(self)
        self.crash_guard = CrashGuard(self)
        self._unsubscribe: Callable[[], None] | None = None
        self._thresholds: tuple[int, int, int] | None = None
        self._crash: Exception | None = None
        self.exiting = False

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="steps-pane"):
                yield Static(self.files.document_line(), id="document-title")
                yield StepList(self.draft.mode, id="steps")
                yield SecretsStatus(id="secrets-status")
            with Vertical(id="centre"):
                first = self._build_form(self.current_step)
                with ContentSwitcher(id="forms", initial=first.id):
                    yield first
                yield ProblemsPane(id="problems")
            yield Preview(id="preview")
        yield KeysFooter(when_room=self.FOOTER_WHEN_ROOM)

    def get_default_screen(self) -> Screen[Any]:
        return WizardScreen(id="_default")

    def on_mount(self) -> None:
        self._unsubscribe = self.draft.subscribe(self._draft_changed)
        self.query_one(StepList).mark_current(self.current_step)
        self._apply_size(self.size.width, self.size.height)
        # The first frame is the complete one: the problems are counted and the preview is
        # filled before it is painted (a frame saying "Problems: none" over an empty preview
        # would be wrong for a body with errors). A ticket's diagnosis is in it too.
        self.files.diagnose_opened()
        self._first_check()
        self.call_after_refresh(self._after_first_frame)
        # The secrets status line: the keyring itself is opened when a secret is needed.
        self.call_after_refresh(self.files.start)
        # launch() holds the garbage collector off until the first frame is painted.
        self.call_after_refresh(self._collect_from_now)
        # The notices ("Opened …") come over the first frame, not in it: toasts are three
        # widgets each, styled and laid out (~5 ms the first screen waited for).
        self.call_after_refresh(self._show_notices)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # The preview follows the field the focus goes to (its line into view).
        for node in event.widget.ancestors_with_self:
            if isinstance(node, FieldEditor):
                self.query_one(Preview).bring_into_view(node.path)
                return

    def _show_notices(self) -> None:
        for message, severity in together(self._notices):
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # Textual styles a widget again whenever its classes change, even while it is
        # being made and not yet in the screen (an Input made compact, a radio set given
        # its value in compose): those styles are thrown away, since every widget is
        # styled when it mounts. ~4 ms before the first frame, more for each step built.
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate=animate)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast for a few seconds (rec_tui/tui/notices.py); thread-safe like Textual's."""
        timeout = shown_for(severity, timeout)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _on_notify(self, event: Notify) -> None:
        # Where Textual adds the toast (notify only posts it): the same words said again
        # (F3 pressed thrice on the last step) replace themselves, and older ones give way.
        new = event.notification
        for same in [n for n in self._notifications if _same_notice(n, new)]:
            self._unnotify(same, refresh=False)
        super()._on_notify(event)
        shown = list(self._notifications)
        for older in shown[: max(len(shown) - MOST_SHOWN, 0)]:
            self._unnotify(older)

    # --- crashes (rec_tui/tui/crash.py) --------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Textual's handler ends in _fatal_error, which prints a traceback with every
        # frame's local variables (the body, the credentials): remember the error for it.
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        error = self._crash
        try:
            message = self.crash_guard.crashed(error) if error is not None else ""
        except Exception as failure:  # the crash handling itself must not hide the crash
            message = _("rec-tui stopped after an unexpected error ({error}).").format(
                error=type(failure).__name__
            )
        self.bell()
        # As Text: a message is never read as console markup.
        self._exit_renderables.append(
            Text(message or _("rec-tui stopped after an unexpected error."))
        )
        self._close_messages_no_wait()

    def _collect_from_now(self) -> None:
        # What the first screen built (widgets, styles, caches) lives as long as the
        # wizard: frozen, it is left out of every full collection, which otherwise scanned
        # it all again now and then while the user typed (70-100 ms each, a key's pause).
        gc.freeze()
        self._thresholds = gc.get_threshold()
        gc.set_threshold(YOUNG_COLLECTION_AFTER, *self._thresholds[1:])
        gc.enable()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        # Collectable again (tests run many wizards in one process).
        gc.unfreeze()
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)

    def _first_check(self) -> None:
        # The first frame's problems carry their [F8 fix] marks: nothing in it changes later.
        self._show_draft(fixes_now=True)
        self._form_built(self._forms[self.current_step])
        # Opened at a later step (--step): the preview shows that step's part of the body.
        self.query_one(Preview).scroll_to_section(step(self.current_step).owns)

    def _after_first_frame(self) -> None:
        # Questions open over the complete first screen, never before it.
        self.crash_guard.offer_recovery()
        if self.files.offer_mode_switch:
            self.editing.offer_better_mode()

    def on_resize(self, event: Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self._set_app_class(too_small, "-too-small")
        if too_small:
            self._too_small_message().update(
                _(
                    "The terminal is too small for rec-tui.\n\n"
                    "Need {need}, have {have}.\n\n"
                    "Enlarge the window (or reduce the font size); Ctrl+Q quits."
                ).format(need=f"{MIN_WIDTH}×{MIN_HEIGHT}", have=f"{width}×{height}")
            )
        narrow = width < NARROW_WIDTH
        self._set_app_class(narrow, "-narrow")
        shown = self._preview_wanted if self._preview_wanted is not None else not narrow
        self._set_app_class(not shown, "-hide-preview")
        self._set_app_class(shown and narrow, "-preview-only")

    def _too_small_message(self) -> Static:
        # Made the first time the terminal is too small: one widget less to start with.
        found = self.screen.query("#too-small")
        if found:
            return found.first(Static)
        message = Static("", id="too-small")
        self.screen.mount(message, before=0)
        return message

    def _set_app_class(self, add: bool, name: str) -> None:
        # A class change on the App restyles every widget: only make real changes.
        if self.has_class(name) != add:
            self.set_class(add, name)

    # --- steps ------------------------------------------------------------------------

    def _build_form(self, name: str) -> StepForm:
        form = form_class(name)(self.draft)
        self._forms[name] = form
        return form

    def form(self, name: str) -> StepForm | None:
        """The form of step ``name`` if it has been built."""
        return self._forms.get(name)

    def on_step_built(self, name: str, callback: Callable[[StepForm], None]) -> None:
        """Run ``callback(form)`` once step ``name``'s form is mounted (now if it is), and
        again whenever it is built anew (a language switch builds the forms again)."""
        self._built_callbacks.setdefault(name, []).append(callback)
        form = self._forms.get(name)
        if form is not None and form.is_mounted:
            callback(form)

    def _form_built(self, form: StepForm) -> None:
        """A form is mounted (and shows the draft): give it the problems, run plug-ins."""
        form.show_problems(self.problems)
        for callback in self._built_callbacks.get(form.STEP, []):
            callback(form)

    async def show_step(self, name: str, *, focus: bool = True) -> StepForm:
        switcher = self.query_one("#forms", ContentSwitcher)
        form = self._forms.get(name)
        if form is None:
            form = self._build_form(name)
            await switcher.mount(form)
            self._form_built(form)
        elif name != self.current_step:
            form.sync()
            form.show_problems(self.problems)
        switcher.current = form.id
        if name != self.current_step:
            self.query_one(Preview).scroll_to_section(step(name).owns)
        self.current_step = name
        self.query_one(StepList).mark_current(name)
        if self.has_class("-preview-only"):
            self._preview_wanted = False
            self._apply_size(self.size.width, self.size.height)
        if focus:
            form.focus_first()
        return form

    async def action_next_step(self) -> None:
        await self._move(1)

    async def action_previous_step(self) -> None:
        await self._move(-1)

    async def _move(self, direction: int) -> None:
        target = neighbour(self.current_step, self.draft.mode, direction)
        if target is None:
            edge = (
                _("This is the last step for {mode} mode.")
                if direction > 0
                else _("This is the first step for {mode} mode.")
            )
            self.notify(edge.format(mode=self.draft.mode), timeout=3)
            return
        await self.show_step(target)

    @on(StepList.Picked)
    async def _step_picked(self, event: StepList.Picked) -> None:
        await self.show_step(event.name)

    # --- the draft --------------------------------------------------------------------

    def _draft_changed(self, change: Change) -> None:
        """The draft announced a change: show it everywhere (the draft calls this)."""
        if change.kind == "mode" and change.mode_switch is not None:
            self._tell_mode_switch(change.mode_switch)
        if change.kind in ("undo", "redo"):
            self._travelled = change.paths
        # A load, undo or redo changes everything: every editor reloads, even the origin.
        # After an edit only the editors of the values it touched load again.
        edited = change.paths if change.kind == "edit" and change.paths else None
        self._show_draft(None if change.everything else change.origin, edited)

    def _show_draft(
        self, origin: object | None = None, changed: Changed = None, *, fixes_now: bool = False
    ) -> None:
        """Re-validate and refresh everything that shows the draft but ``origin``
        (``changed``: the paths an edit touched, None when anything may have changed).

        The body is checked once per change. Its fixes (each costs a re-check) are worked
        out from that same check once changes pause for :attr:`FIXES_AFTER` seconds, so
        typing never waits for them and the [F8 fix] marks follow; F8 works them out at once,
        and so does ``fixes_now`` (the problems are listed once, with their marks).
        """
        checked = self.draft.check()
        revision = self.draft.revision
        self._checked = (revision, checked)
        if fixes_now:
            self._fix_search = None
            self.problems = checked.with_fixes()
            self._fixes_for = revision
        else:
            self.problems = checked.problems
            self._fixes_for = -1
            self._fixes_later()
        preview = self.query_one(Preview)
        preview.show(compact_request_line(self.draft), self.draft.body, self.problems)
        if changed:
            preview.bring_into_view(changed[0])
        self.query_one(ProblemsPane).show(self.problems, fixes_known=fixes_now)
        errors: dict[str, int] = {}
        for problem in self.problems:
            if problem.is_error:
                owner = step_for_path(problem.path).name
                errors[owner] = errors.get(owner, 0) + 1
        self.query_one(StepList).show(self.draft.mode, errors)
        # Only the form on screen is refreshed now; others catch up when shown again.
        form = self._forms.get(self.current_step)
        if form is not None and form.is_mounted:
            form.sync(origin, changed)
            form.show_problems(self.problems)
        self.files.refresh_title()

    def _fixes_later(self) -> None:
        # One timer, pushed back by every change: a burst of keys costs no fix checks.
        if self._fixes_timer is None:
            self._fixes_timer = self.set_timer(self.FIXES_AFTER, self._attach_fixes)
        else:
            self._fixes_timer.reset()

    def _attach_fixes(self) -> None:
        """Changes paused: work the fixes out, one re-check per turn of the event loop, so
        a key pressed meanwhile waits for one re-check at most, never for all of them."""
        self._fixes_timer = None
        revision = self.draft.revision
        made = self._checked
        # Nothing to show them in once the wizard is closing.
        if self._fixes_for == revision or not self.screen_stack or self.exiting:
            return
        if made is None or made[0] != revision:
            self.problems_with_fixes()
            return
        self._fix_search = (revision, made[1], made[1].fixes(), {})
        self.call_later(self._next_fix)

    def _next_fix(self) -> None:
        search = self._fix_search
        if search is None:
            return
        revision, checked, left, found = search
        if revision != self.draft.revision or self.exiting or not self.screen_stack:
            self._fix_search = None  # a newer change starts its own search after its pause
            return
        try:
            step = next(left, None)
        except Exception:  # a fixer's bug: the fixes found so far are shown, no more
            step = None
        if step is not None:
            found[step[0]] = step[1]
            self.call_later(self._next_fix)
            return
        self._fix_search = None
        self._show_fixes(revision, checked.with_found(found))

    def problems_with_fixes(self) -> list[Problem]:
        """The problems with their fixes, worked out now if they are not yet (F8)."""
        revision = self.draft.revision
        if self._fixes_for != revision:
            self._fix_search = None
            # The check made when this revision was shown; a new one only if there is none.
            made = self._checked
            checked = made[1] if made and made[0] == revision else self.draft.check()
            self._show_fixes(revision, checked.with_fixes())
        return self.problems

    def _show_fixes(self, revision: int, problems: list[Problem]) -> None:
        self.problems = problems
        self._fixes_for = revision
        # The wizard's own screen, even while a dialog or the palette is on top.
        self.screen_stack[0].query_one(ProblemsPane).show(self.problems)

    def _tell_mode_switch(self, switch: ModeSwitch) -> None:
        mode = self.draft.mode
        title = _("Switched to {mode} mode").format(mode=mode)
        if switch.set_aside:
            self.notify(
                _("Set aside (kept, comes back if you switch back): {paths}").format(
                    paths=", ".join(switch.set_aside)
                ),
                title=title,
                timeout=10,
            )
        if switch.restored:
            self.notify(
                _("Brought back: {paths}").format(paths=", ".join(switch.restored)),
                title=title,
                timeout=10,
            )
        if not switch.set_aside and not switch.restored:
            self.notify(_("Now composing a {mode} recording.").format(mode=mode), timeout=4)

    def change_recording_mode(self, mode: Mode) -> None:
        """Switch mode (the palette); the notice comes with the draft's announcement."""
        self.draft.set_mode(mode)

    def action_undo(self) -> None:
        self._travel(self.draft.undo, _("Undone: {what}."), _("Nothing to undo."))

    def action_redo(self) -> None:
        self._travel(self.draft.redo, _("Redone: {what}."), _("Nothing to redo."))

    def _travel(self, move: Callable[[], str | None], done: str, nothing: str) -> None:
        if len(self.screen_stack) > 1:
            return  # a dialog is open: its fields are not the draft
        self._travelled = ()
        what = move()
        self.notify(done.format(what=what) if what else nothing, timeout=3)
        if what:
            self._focus_travelled(self._travelled)

    def _focus_travelled(self, paths: tuple[str, ...]) -> None:
        """After an undo or redo, the focus goes to the field it changed, so the user sees
        the value come back where they typed it (the notice says what it was). A field on
        another step is not gone to: the user stays where they are working."""
        form = self._forms.get(self.current_step)
        if form is None or self.has_class("-preview-only"):
            return  # the form is not on screen: the preview being read keeps the focus
        if form.focus_changed(paths):
            return
        focused = self.focused
        if focused is None or not focused.is_attached:
            form.focus_first()  # the widget that had it went with the change

    async def focus_path(self, path: str) -> None:
        """Go to the step that edits ``path`` and focus its field."""
        owner = step_for_path(path)
        form = await self.show_step(owner.name, focus=False)
        if not form.focus_path(path):
            form.focus_first()

    @on(ProblemsPane.Chosen)
    async def _problem_chosen(self, event: ProblemsPane.Chosen) -> None:
        await self.editing.go_to_problem(event.problem)

    def selected_problem(self) -> Problem | None:
        """The problem highlighted in the problems list, if any."""
        return self.query_one(ProblemsPane).highlighted_problem()

    def focus_current_form(self) -> None:
        self._forms[self.current_step].focus_first()

    def show_preview_pane(self, wanted: bool | None) -> None:
        """Show (True) or hide (False) the right-hand pane, or leave it to the width (None)."""
        self._preview_wanted = wanted
        self._apply_size(self.size.width, self.size.height)

    # Handlers by name: the first screen imports neither these widgets nor what they use.

    def on_layout_canvas_apply_layout(self, event: LayoutCanvas.ApplyLayout) -> None:
        self.sending.apply_layout(event.request)

    def on_send_panel_finished(self, event: SendPanel.Finished) -> None:
        self.sending.call_finished(event.action, event.ok, event.text)

    def on_preset_open_screen_renamed(self, event: PresetOpenScreen.Renamed) -> None:
        self.files.renamed(event.old, event.new, event.path)

    # --- language ---------------------------------------------------------------------

    async def speak(self, language: Language) -> None:
        """The palette's "Language: …": everything on screen in ``language`` from now on,
        remembered in the config directory for the next start.

        The draft and its undo history are untouched; the forms are built again in the
        new language (the Review step's, which holds the Send panel and its running
        recordings, says its words again in place), on the same step and field.
        """
        from rec_tui.i18n import activate
        from rec_tui.i18n.choice import remember
        from rec_tui.store import paths
        from rec_tui.tui.controllers.commands import LANGUAGE_NAMES

        try:
            activate(language, paths.cache_dir())
        except OSError as error:
            self.notify(
                _("Cannot read the {language} translations: {error}").format(
                    language=LANGUAGE_NAMES[language], error=error
                ),
                severity="error",
            )
            return
        said = _("Language: {language}. Remembered for the next start.")
        try:
            remember(language, paths.config_dir())
        except OSError as error:
            said = _("Language: {language}. Not remembered: {error}")
            self.notify(
                said.format(language=LANGUAGE_NAMES[language], error=error), severity="warning"
            )
        else:
            self.notify(said.format(language=LANGUAGE_NAMES[language]), timeout=4)
        await self._say_again()

    async def _say_again(self) -> None:
        """Show every word on screen again in the active language."""
        from rec_tui.tui.screens.field_help import field_for_widget

        focused = self.focused
        in_field = field_for_widget(focused)
        main = self.screen_stack[0]
        main.query_one(SecretsStatus).say_again()
        switcher = main.query_one("#forms", ContentSwitcher)
        for name, form in list(self._forms.items()):
            if not form.say_again():
                del self._forms[name]
                await form.remove()
        current = self._forms.get(self.current_step)
        if current is None:
            current = self._build_form(self.current_step)
            await switcher.mount(current)
            switcher.current = current.id
            self._form_built(current)
        self._show_draft()
        self._apply_size(self.size.width, self.size.height)
        # The footer asks the screen for its keys again: SpokenScreen says them anew.
        for screen in self.screen_stack:
            screen.refresh_bindings()
        # The same field (or the widget outside the forms that had focus) keeps it.
        if in_field is not None:
            if not current.focus_path(in_field[1]):
                current.focus_first()
        elif focused is None or not focused.is_attached:
            current.focus_first()

    # --- presets, import, export (rec_tui/tui/controllers/files.py) --------------------

    def action_save_preset(self) -> None:
        self.files.save()

    def action_open_preset(self) -> None:
        self.files.open()

    def action_import_request(self) -> None:
        self.files.import_()

    def action_export_request(self) -> None:
        self.files.export()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Ctrl+E exports from the wizard's own screen only: over a dialog, the dialog's
        # field keeps Ctrl+E as "end of line".
        if action == "export_request":
            return isinstance(self.screen, WizardScreen)
        return True

    def action_send(self) -> None:
        self.sending.send()

    def action_send_call(self, action: str) -> None:
        self.sending.call(action)

    # --- the request itself (rec_tui/tui/controllers/editing.py) ------------------------

    def action_toggle_json(self) -> None:
        # A worker: leaving text that does not parse waits for the user's answer.
        self.editing.toggle_json_in_worker()

    def action_apply_fix(self) -> None:
        self.editing.apply_fix()

    def action_show_diff(self) -> None:
        self.editing.show_diff()

    def action_copy_body(self) -> None:
        self.editing.copy_body()

    async def action_quit(self) -> None:
        # Running recordings first (they cost money), then unsaved changes.
        self.sending.before_quit(self.files.quit)

    # --- other actions ----------------------------------------------------------------

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.exiting = True
        super().exit(result, return_code, message)

    def action_command_palette(self) -> None:
        # Not once quitting: a palette opened while the screens are taken down fails
        # looking for its own list (Ctrl+Q Ctrl+P typed quickly).
        if self.exiting or not self.use_command_palette:
            return
        from textual.command import CommandPalette

        from rec_tui.tui.controllers.commands import WizardPalette

        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(WizardPalette(id="--command-palette"))

    def action_toggle_preview(self) -> None:
        shown = not self.has_class("-hide-preview")
        self._preview_wanted = not shown
        self._apply_size(self.size.width, self.size.height)

    def action_focus_problems(self) -> None:
        self.query_one(ProblemsPane).option_list.focus()

    def action_help(self) -> None:
        from rec_tui.tui.screens.field_help import FieldHelpScreen, field_for_widget

        found = field_for_widget(self.focused)
        if found is None:
            self.action_show_keys()
            return
        self.push_screen(FieldHelpScreen(*found, mode=self.draft.mode))

    def action_show_keys(self) -> None:
        from rec_tui.tui.screens.keys_help import KeysHelpScreen

        self.push_screen(KeysHelpScreen(self.focused))


__all__ = ["RecTuiApp"]
