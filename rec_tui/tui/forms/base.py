"""What every step form shares: its editors, syncing them with the draft, problems, focus."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from rec_tui.i18n import LazyText, _
from rec_tui.request.draft import Draft
from rec_tui.spec import catalogue
from rec_tui.spec.problems import Problem
from rec_tui.tui.steps import Step, step
from rec_tui.tui.widgets.factory import editor_for
from rec_tui.tui.widgets.field_editor import EditorHost, FieldEditor, covers

# The paths a change touched, or None for "anything may have changed".
Changed = tuple[str, ...] | None


def touched(path: str, changed: tuple[str, ...]) -> bool:
    """Whether a change at any of ``changed`` can alter the value at ``path``: the same
    value, one inside it or one around it ("" is the whole body)."""
    return any(where == "" or covers(path, where) or covers(where, path) for where in changed)


class StepForm(EditorHost, VerticalScroll):
    """The centre pane for one step. Subclasses compose editors; this class binds them.

    Forms change the draft only through its methods; the app, subscribed to the draft,
    then calls :meth:`sync` and :meth:`show_problems`.
    """

    DEFAULT_CSS = """
    StepForm { padding: 0 1; }
    StepForm .step-intro { color: $text-muted; margin: 0 0 1 0; }
    StepForm .step-note { color: $warning; margin: 0 0 1 0; display: none; }
    StepForm.-not-applicable .step-note { display: block; }
    StepForm .section-title { text-style: bold; margin: 1 0 0 0; }
    """

    STEP: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""

    def __init__(self, draft: Draft) -> None:
        super().__init__(id=f"form-{self.STEP}", classes="step-form")
        self.can_focus = False
        self.draft = draft
        self._editors: list[FieldEditor] | None = None

    @property
    def step(self) -> Step:
        return step(self.STEP)

    def on_mount(self) -> None:
        self.sync()

    # --- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.INTRO:
            yield Static(_(self.INTRO), classes="step-intro")
        yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def editors_for(self, paths: Iterable[str]) -> Iterable[FieldEditor]:
        for path in paths:
            declared = catalogue.lookup(path)
            if declared is not None:
                yield editor_for(declared)

    @property
    def editors(self) -> list[FieldEditor]:
        if self._editors is None:
            self._editors = list(self.query(FieldEditor))
        return self._editors

    def say_again(self) -> bool:
        """The language changed: True if this form said its words again itself; False
        (most forms) to be built again in the new language."""
        return False

    # --- draft → widgets --------------------------------------------------------------

    def sync(self, origin: object | None = None, changed: Changed = None) -> None:
        """Show the draft; the editor the user is typing in (``origin``) is left alone.

        ``changed``: the paths an edit touched; only the editors of values in or around
        them load again (a key typed in a tile's uid leaves the step's other editors as
        they are). None: every editor loads, as after an undo, a load or a mode switch.
        """
        mode = self.draft.mode
        applies = self.step.applies_to(mode)
        if self.has_class("-not-applicable") == applies:
            self.set_class(not applies, "-not-applicable")
            self._step_note().update(
                _(
                    "This step does not apply to {mode} mode; its fields are left out of the body."
                ).format(mode=mode)
            )
        for editor in self.editors:
            editor.set_mode(mode)
            if editor is not origin and (changed is None or touched(editor.path, changed)):
                editor.load(self.value_for(editor))
        self.after_sync()

    def _step_note(self) -> Static:
        # Made when a step first does not apply: most forms never need it.
        found = self.query_children(".step-note")
        if found:
            return found.first(Static)
        note = Static("", classes="step-note")
        intro = self.query_children(".step-intro")
        if intro:
            self.mount(note, after=intro.first())
        else:
            self.mount(note, before=0)
        return note

    def on_show(self) -> None:
        # Focusing scrolls to the widget only where the form is laid out, and a form shown
        # again by a step switch is laid out after its first editor took the focus: brought
        # into view now, or a canvas left scrolled out of sight kept the keys unseen.
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False)

    def after_sync(self) -> None:
        """Hook for step-specific widgets (suggestions, summaries) after the editors."""

    def value_for(self, editor: FieldEditor) -> Any:
        return self.draft.get(editor.path)

    def show_problems(self, problems: list[Problem]) -> None:
        for editor in self.editors:
            editor.show_problems(problems)

    # --- widgets → draft --------------------------------------------------------------

    def field_edited(self, editor: FieldEditor, value: Any) -> None:
        """Called by an editor of this form with the value the user gave it.

        One undo step; quick typing in one field joins into a single step.
        """
        coalesce = f"type:{editor.path}" if editor.TYPED else None
        label = editor.field.label
        said = LazyText(lambda: _("edit {field}").format(field=_(label)))
        with self.draft.batch(said, origin=editor, coalesce=coalesce):
            self.write(editor, value)

    def write(self, editor: FieldEditor, value: Any) -> None:
        self.draft.set(editor.path, value)

    # --- focus ------------------------------------------------------------------------

    def watch_virtual_size(self) -> None:
        # A problem line mounted above the focused field (the form's problems shown a moment
        # after a jump to it) pushes it down, out of view at 80x24: it is brought back.
        # Only a field's input: a focused summary (Review) is scrolled by the user's keys.
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            return
        if any(isinstance(node, FieldEditor) for node in focused.ancestors):
            focused.scroll_visible(animate=False)

    def focus_path(self, path: str) -> bool:
        """Focus the editor that owns ``path`` (the longest matching path wins)."""
        best: FieldEditor | None = None
        for editor in self.editors:
            if (
                editor.display
                and covers(editor.path, path)
                and (best is None or len(editor.path) > len(best.path))
            ):
                best = editor
        if best is None:
            return False
        best.focus_path(path)
        # A form shown for the first time has no layout yet, so the scroll waits for it.
        self.call_after_refresh(self.scroll_to_widget, best, animate=False)
        return True

    def focus_changed(self, paths: Iterable[str]) -> bool:
        """After an undo or redo that changed ``paths``: the focus on the editor of the
        first of them this form has (False: none of them is edited here)."""
        return any(path and self.focus_path(path) for path in paths)

    def focus_first(self) -> None:
        for editor in self.editors:
            if editor.display:
                editor.focus_input()
                return
