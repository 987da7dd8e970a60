"""The base of every field widget: a label, an input, and the field's own problems.

The parts sit directly in the editor (a grid: label | input, the problem line across
below) rather than in nested rows: a form has dozens of editors, and every extra widget
is paid for in start-up time. The problem line only exists once there is a problem.

An editor is bound to one concrete body ``path`` (indices filled in). It never writes the
draft itself: it hands the value to its form (an :class:`EditorHost`; outside a form it
posts :class:`FieldEditor.Edited`) and the form decides where the value goes (most forms:
``draft.set(path, value)``; the Web form finds the service item first).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static

from rec_tui.i18n import _
from rec_tui.spec.field import Field
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Problem
from rec_tui.tui.widgets.css_classes import set_class_if_changed

# After a field's label, what the mode asks of it (F10 says what each mark means).
REQUIREMENT_MARKS = {"required": "*", "recommended": "◦"}


def covers(path: str, problem_path: str) -> bool:
    """Whether a problem at ``problem_path`` is about the value at ``path``."""
    return problem_path == path or problem_path.startswith((f"{path}.", f"{path}["))


class EditorHost:
    """What holds editors and decides where their values go (the step forms).

    An editor calls its nearest host directly rather than through a bubbling message:
    each hop up the widget tree would yield to the event loop (and often a repaint)
    before the preview catches up with the keystroke.
    """

    def field_edited(self, editor: FieldEditor, value: Any) -> None:
        raise NotImplementedError


class FieldEditor(Vertical):
    """One field of a form. Subclasses supply the input and how values map to it."""

    DEFAULT_CSS = """
    FieldEditor {
        height: auto; layout: grid; grid-size: 2; grid-columns: 26 1fr; grid-rows: auto;
        grid-gutter: 0 0;
    }
    FieldEditor .field-label { width: 1fr; padding: 0 1 0 0; text-align: right; }
    FieldEditor:focus-within > .field-label { text-style: bold; color: $accent; }
    FieldEditor .field-input { width: 1fr; }
    FieldEditor .field-input:focus { background: $boost; }
    FieldEditor .field-problem, FieldEditor .field-problem-gap { display: none; }
    FieldEditor.-has-problem > .field-problem { display: block; }
    FieldEditor.-has-problem > .field-problem-gap { display: block; height: 1; }
    FieldEditor.-stacked { layout: vertical; }
    FieldEditor.-stacked > .field-label { width: auto; padding: 1 0 0 1; text-align: left; }
    FieldEditor.-stacked > .field-problem { padding: 0 0 0 1; }
    FieldEditor.-stacked.-has-problem > .field-problem-gap { display: none; }
    """

    class Edited(Message):
        """The user changed the value (None means: leave the key out)."""

        def __init__(self, editor: FieldEditor, value: Any) -> None:
            super().__init__()
            self.editor = editor
            self.value = value

    # Editors with several parts (lists, tables) put their label above instead of beside.
    STACKED = False
    # Edited keystroke by keystroke: quick successive edits are one undo step.
    TYPED = False

    def __init__(self, field: Field, path: str | None = None, *, label: str | None = None) -> None:
        super().__init__(classes="-stacked" if self.STACKED else None)
        self.field = field
        self.path = path if path is not None else field.path
        # A declared label is said in the active language; a given one already is.
        self._label_text = label or _(field.label)
        self._mode: Mode | None = None
        # Kept as attributes: queries on every keystroke would cost more than the update.
        self._label = Label(self._label_text, classes="field-label")
        # Made and mounted by show_problems when the first problem comes.
        self._problem_line: Static | None = None
        self._shown_problems: list[Problem] = []

    # --- to implement -----------------------------------------------------------------

    def compose_input(self) -> ComposeResult:
        raise NotImplementedError

    def load(self, value: Any) -> None:
        """Show ``value`` from the draft without reporting it back as an edit."""
        raise NotImplementedError

    def focus_input(self) -> None:
        focusable = next(iter(self.query(".field-input").results(Widget)), None)
        if focusable is not None:
            focusable.focus()

    def focus_path(self, path: str) -> None:
        """Focus the part of this editor that edits ``path`` (a list editor picks the item)."""
        self.focus_input()

    # --- shared -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self._label
        yield from self.compose_input()

    def edited(self, value: Any) -> None:
        """Report a new value to the form that owns this editor (its :class:`EditorHost`).

        Editors outside a form post ``Edited``.
        """
        for node in self.ancestors:
            if isinstance(node, EditorHost):
                node.field_edited(self, value)
                return
        self.post_message(self.Edited(self, value))

    def set_mode(self, mode: Mode) -> None:
        """Show the field only where it applies, and mark required ones."""
        if mode == self._mode:
            return
        self._mode = mode
        self.display = self.field.applies_to(mode)
        marker = REQUIREMENT_MARKS.get(self.field.requirement(mode))
        self._label.update(f"{self._label_text} {marker}" if marker else self._label_text)

    def show_problems(self, problems: list[Problem]) -> None:
        mine = [p for p in problems if covers(self.path, p.path)]
        if mine == self._shown_problems:
            return
        self._shown_problems = mine
        set_class_if_changed(self, bool(mine), "-has-problem")
        text = Text()
        for index, problem in enumerate(mine[:3]):
            if index:
                text.append("\n")
            icon, style = ("✗ ", "bold red") if problem.is_error else ("⚠ ", "bold yellow")
            text.append(icon, style)
            text.append(problem.message)
        if self._problem_line is None:
            # The line sits in the input's column behind an empty label cell, not across
            # both: Textual sizes an auto grid row by each column's own width, so a line
            # spanning the columns got too few rows and its last words were cut.
            self._problem_line = Static(text, classes="field-problem")
            self.mount(Static(classes="field-problem-gap"), self._problem_line)
        else:
            self._problem_line.update(text)
