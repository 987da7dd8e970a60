"""The wizard: Steps | current step's form over Problems | Request preview.

Plug-in points for other parts of rec-tui:

* ``app.draft`` is the one :class:`~rec_tui.request.draft.Draft` everything edits.
* After changing the draft, call ``app.draft_changed(origin)``: it re-validates and refreshes
  the preview, the problems, the step list and every built form (``origin``, the widget that
  made the change, is not reloaded so typing is never disturbed; pass None after loading a
  preset or import so every form reloads).
* ``app.problems`` is the latest validation result.
* The Review step has an empty container ``#review-plugin`` (``ReviewForm.PLUGIN_ID``) for the
  Send panel; the Transcoding & layout step has ``#layout-canvas-slot``
  (``LayoutForm.CANVAS_SLOT_ID``) for the layout designer. ``app.on_step_built(name, cb)``
  runs ``cb(form)`` when a step's form is built (or at once if it already is).
* Keys Ctrl+S/O/I/E/R are left to the modules that implement them (presets, import/export,
  send); they add their own bindings and palette commands (see ``EXTRA_COMMANDS``).
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from rec_tui.request.draft import Draft
from rec_tui.spec.modes import MODES, Mode
from rec_tui.spec.problems import Problem
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.steps import STEPS, neighbour, step, step_for_path
from rec_tui.tui.widgets.preview import Preview
from rec_tui.tui.widgets.problems_pane import ProblemsPane
from rec_tui.tui.widgets.secrets_status import SecretsStatus
from rec_tui.tui.widgets.step_list import StepList

MIN_WIDTH, MIN_HEIGHT = 80, 24
# Below this width the preview is hidden until asked for (F4), and then replaces the form.
NARROW_WIDTH = 110

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

PLACEHOLDER_RESOURCE_ID = "<resourceId from acquire>"


def form_class(name: str) -> type[StepForm]:
    module, _, attribute = FORM_CLASSES[name].partition(":")
    cls: type[StepForm] = getattr(importlib.import_module(module), attribute)
    return cls


def request_line(draft: Draft) -> str:
    """``POST https://…/start`` for the preview and review; never raises."""
    from rec_tui.request.endpoints import call_path, resolve

    try:
        base = resolve(draft.endpoint).primary
    except ValueError as error:
        return f"POST (endpoint problem: {error})"
    path = call_path("start", draft.app_id or "<App ID>", draft.mode, PLACEHOLDER_RESOURCE_ID)
    return f"POST {base}{path}"


def compact_request_line(draft: Draft) -> str:
    """``POST …/mode/mix/start  (sandbox)``: the preview's one-line header.

    The full URL (host, App ID, resource ID) is in the Review step; the preview only says
    which call, which mode and where it goes, so it never wraps.
    """
    # Imported here: the first frame is painted before the first request line is needed.
    from rec_tui.request.endpoints import resolve

    try:
        endpoint = resolve(draft.endpoint)
    except ValueError:
        return "POST (endpoint problem: see the Review step)"
    where = "sandbox" if endpoint.sandbox else urlsplit(endpoint.primary).netloc
    return f"POST …/mode/{draft.mode}/start  ({where})"


class RecTuiApp(App[int]):
    TITLE = "rec-tui"
    # Absolute, so subclasses defined elsewhere (tests, benchmarks) find it too.
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    # The first field of the first step; never the scroll containers around it.
    AUTO_FOCUS = "#forms RadioSet, #forms Input, #forms Select"
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows only what fits at 80 columns; the rest (show=False) is listed
        # by F10 and offered by the Ctrl+P palette.
        Binding("f1", "help", "Help"),
        Binding("f2", "previous_step", "Prev", tooltip="Previous step"),
        Binding("f3", "next_step", "Next", tooltip="Next step"),
        Binding("f4", "toggle_preview", "Preview", show=False),
        Binding("f5", "focus_problems", "Problems", show=False),
        Binding("f10", "show_keys", "Keys"),
        Binding("ctrl+s", "save_preset", "Save"),
        Binding("ctrl+o", "open_preset", "Open"),
        # Ctrl+I is Tab to a terminal (and to Textual's key aliases): import is F6.
        Binding("f6", "import_request", "Import", show=False),
        Binding("ctrl+e", "export_request", "Export", show=False),
        Binding("ctrl+r", "send", "Send"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    # Other modules append (title, help, callback-taking-the-app) to offer palette commands.
    EXTRA_COMMANDS: ClassVar[list[tuple[str, str, Callable[[RecTuiApp], Any]]]] = []

    def __init__(
        self,
        draft: Draft | None = None,
        *,
        start_step: str = "session",
        notices: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.draft = draft or Draft()
        from rec_tui.tui.file_actions import FileActions

        self.file_actions = FileActions(self)
        self.problems: list[Problem] = []
        self.current_step = start_step
        self._notices = list(notices)
        self._forms: dict[str, StepForm] = {}
        self._built_callbacks: dict[str, list[Callable[[StepForm], None]]] = {}
        # None: decided by the width; True/False: the user toggled it with F4.
        self._preview_wanted: bool | None = None
        from rec_tui.tui.send_actions import SendActions

        # The Send panel in the Review step, Ctrl+R, and the quit guard.
        self.send_actions = SendActions(self)

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="steps-pane"):
                yield StepList(self.draft.mode, id="steps")
                yield SecretsStatus(id="secrets-status")
            with Vertical(id="centre"):
                first = self._build_form(self.current_step)
                with ContentSwitcher(id="forms", initial=first.id):
                    yield first
                yield ProblemsPane(id="problems")
            yield Preview(id="preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(StepList).mark_current(self.current_step)
        # The first frame shows the panes; the body, the rules (a dozen modules to import)
        # and the problems fill them right after it is painted.
        self.call_after_refresh(self._first_check)
        self._apply_size(self.size.width, self.size.height)
        # Opening the keyring loads its backends: after the first paint, not before it.
        self.call_after_refresh(self.file_actions.start)
        # launch() holds the garbage collector off until the first frame is painted.
        self.call_after_refresh(gc.enable)
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def _first_check(self) -> None:
        self.draft_changed()
        # Opened at a later step (--step): the preview shows that step's part of the body.
        self.query_one(Preview).scroll_to_section(step(self.current_step).owns)

    def on_resize(self, event: Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self._set_app_class(too_small, "-too-small")
        if too_small:
            self._too_small_message().update(
                f"The terminal is too small for rec-tui.\n\n"
                f"Need {MIN_WIDTH}×{MIN_HEIGHT}, have {width}×{height}.\n\n"
                "Enlarge the window (or reduce the font size); Ctrl+Q quits."
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
        form = form_class(name)()
        self._forms[name] = form
        return form

    def form(self, name: str) -> StepForm | None:
        """The form of step ``name`` if it has been built."""
        return self._forms.get(name)

    def on_step_built(self, name: str, callback: Callable[[StepForm], None]) -> None:
        """Run ``callback(form)`` once step ``name``'s form is mounted (now if it is)."""
        form = self._forms.get(name)
        if form is not None and form.is_mounted:
            callback(form)
        else:
            self._built_callbacks.setdefault(name, []).append(callback)

    def form_mounted(self, form: StepForm) -> None:
        """Called by each form once mounted: show the draft, then run plug-in callbacks."""
        form.sync()
        form.show_problems(self.problems)
        for callback in self._built_callbacks.pop(form.STEP, []):
            callback(form)

    async def show_step(self, name: str, *, focus: bool = True) -> StepForm:
        switcher = self.query_one("#forms", ContentSwitcher)
        form = self._forms.get(name)
        if form is None:
            form = self._build_form(name)
            await switcher.mount(form)
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
            edge = "last" if direction > 0 else "first"
            self.notify(f"This is the {edge} step for {self.draft.mode} mode.", timeout=3)
            return
        await self.show_step(target)

    @on(StepList.Picked)
    async def _step_picked(self, event: StepList.Picked) -> None:
        await self.show_step(event.name)

    # --- the draft --------------------------------------------------------------------

    def draft_changed(self, origin: object | None = None) -> None:
        """Re-validate and refresh everything that shows the draft.

        Call after any change to ``self.draft``. ``origin`` is the widget that made the
        change (left as it is, so the cursor of the field being typed in never jumps).
        """
        self.problems = self.draft.validate()
        self.query_one(Preview).show(
            compact_request_line(self.draft), self.draft.body, self.problems
        )
        self.query_one(ProblemsPane).show(self.problems)
        errors: dict[str, int] = {}
        for problem in self.problems:
            if problem.is_error:
                owner = step_for_path(problem.path).name
                errors[owner] = errors.get(owner, 0) + 1
        self.query_one(StepList).show(self.draft.mode, errors)
        # Only the form on screen is refreshed now; others catch up when shown again.
        form = self._forms.get(self.current_step)
        if form is not None and form.is_mounted:
            form.sync(origin)
            form.show_problems(self.problems)
        self.file_actions.refresh_title()

    def change_recording_mode(self, mode: Mode) -> None:
        """Switch mode, telling the user what was set aside or brought back."""
        switch = self.draft.set_mode(mode)
        if switch.set_aside:
            self.notify(
                "Set aside (kept, comes back if you switch back): " + ", ".join(switch.set_aside),
                title=f"Switched to {mode} mode",
                timeout=10,
            )
        if switch.restored:
            self.notify(
                "Brought back: " + ", ".join(switch.restored),
                title=f"Switched to {mode} mode",
                timeout=10,
            )
        if not switch.set_aside and not switch.restored:
            self.notify(f"Now composing a {mode} recording.", timeout=4)
        self.draft_changed()

    async def focus_path(self, path: str) -> None:
        """Go to the step that edits ``path`` and focus its field."""
        owner = step_for_path(path)
        form = await self.show_step(owner.name, focus=False)
        if not form.focus_path(path):
            form.focus_first()

    @on(ProblemsPane.Chosen)
    async def _problem_chosen(self, event: ProblemsPane.Chosen) -> None:
        await self.focus_path(event.problem.path)

    # --- presets, import, export (rec_tui/tui/file_actions.py) -------------------------

    def action_save_preset(self) -> None:
        self.file_actions.save()

    def action_open_preset(self) -> None:
        self.file_actions.open()

    def action_import_request(self) -> None:
        self.file_actions.import_()

    def action_export_request(self) -> None:
        self.file_actions.export()

    def action_send(self) -> None:
        self.send_actions.send()

    async def action_quit(self) -> None:
        # Running recordings first (they cost money), then unsaved changes.
        self.send_actions.before_quit(self.file_actions.quit)

    # --- other actions ----------------------------------------------------------------

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

        self.push_screen(KeysHelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for item in STEPS:
            yield SystemCommand(
                f"Go to step: {item.title}",
                "Does not apply to this mode"
                if not item.applies_to(self.draft.mode)
                else f"Show the {item.title} form",
                lambda name=item.name: self.run_worker(self.show_step(name)),
            )
        for mode in MODES:
            if mode != self.draft.mode:
                yield SystemCommand(
                    f"Switch mode to {mode}",
                    "Values that stop applying are kept aside and come back later",
                    lambda mode=mode: self.change_recording_mode(mode),
                )
        yield SystemCommand("Next step (F3)", "Go to the next step", self.action_next_step)
        yield SystemCommand(
            "Previous step (F2)", "Go to the previous step", self.action_previous_step
        )
        yield SystemCommand(
            "Toggle preview (F4)", "Show or hide the request preview", self.action_toggle_preview
        )
        yield SystemCommand(
            "Focus problems (F5)", "Move to the problems list", self.action_focus_problems
        )
        yield SystemCommand(
            "Help on the focused field (F1)", "What the field does, rules", self.action_help
        )
        yield SystemCommand(
            "Show all keys (F10)", "Every key the wizard knows", self.action_show_keys
        )
        for title, help_text, callback in self.EXTRA_COMMANDS:
            yield SystemCommand(title, help_text, lambda callback=callback: callback(self))


__all__ = ["RecTuiApp", "compact_request_line", "request_line"]
