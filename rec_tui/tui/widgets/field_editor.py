"""The base of every field widget: a label, an input, and the field's own problems.

An editor is bound to one concrete body ``path`` (indices filled in). It never writes the
draft itself: it posts :class:`FieldEditor.Edited` and the step form decides where the value
goes (most forms: ``draft.set(path, value)``; the Web form finds the service item first).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static

from rec_tui.modes import Mode
from rec_tui.problems import Problem
from rec_tui.spec.field import Field


def covers(path: str, problem_path: str) -> bool:
    """Whether a problem at ``problem_path`` is about the value at ``path``."""
    return problem_path == path or problem_path.startswith((f"{path}.", f"{path}["))


class FieldEditor(Vertical):
    """One field of a form. Subclasses supply the input and how values map to it."""

    DEFAULT_CSS = """
    FieldEditor { height: auto; margin: 0 0 0 0; }
    FieldEditor > .field-row { height: auto; }
    FieldEditor .field-label { width: 26; padding: 1 1 0 0; text-align: right; }
    FieldEditor .field-input { width: 1fr; }
    FieldEditor .field-problem { padding: 0 0 0 26; display: none; }
    FieldEditor.-has-problem .field-problem { display: block; }
    """

    class Edited(Message):
        """The user changed the value (None means: leave the key out)."""

        def __init__(self, editor: FieldEditor, value: Any) -> None:
            super().__init__()
            self.editor = editor
            self.value = value

    def __init__(self, field: Field, path: str | None = None, *, label: str | None = None) -> None:
        super().__init__()
        self.field = field
        self.path = path if path is not None else field.path
        self._label_text = label or field.label
        self._mode: Mode | None = None

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
        with Horizontal(classes="field-row"):
            yield Label(self._label_text, classes="field-label")
            yield from self.compose_input()
        yield Static("", classes="field-problem")

    def edited(self, value: Any) -> None:
        self.post_message(self.Edited(self, value))

    def set_mode(self, mode: Mode) -> None:
        """Show the field only where it applies, and mark required ones."""
        if mode == self._mode:
            return
        self._mode = mode
        self.display = self.field.applies_to(mode)
        marker = {"required": " *", "recommended": " ◦"}.get(self.field.requirement(mode), "")
        self.query_one(".field-label", Label).update(f"{self._label_text}{marker}")

    def show_problems(self, problems: list[Problem]) -> None:
        mine = [p for p in problems if covers(self.path, p.path)]
        self.set_class(bool(mine), "-has-problem")
        text = Text()
        for index, problem in enumerate(mine[:3]):
            if index:
                text.append("\n")
            icon, style = ("✗ ", "bold red") if problem.is_error else ("⚠ ", "bold yellow")
            text.append(icon, style)
            text.append(problem.message)
        self.query_one(".field-problem", Static).update(text)
