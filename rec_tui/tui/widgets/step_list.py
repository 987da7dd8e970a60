"""The Steps pane: every step, the current one highlighted, inapplicable ones dimmed."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rec_tui.i18n import _
from rec_tui.spec.modes import Mode
from rec_tui.tui.steps import STEPS, Step


def step_label(step: Step, mode: Mode, errors: int) -> Text:
    """One line, never wrapped: the error count first (so a narrow pane cuts the title,
    not the count), the title cut with "…" where the pane is too narrow."""
    applies = step.applies_to(mode)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if applies and errors:
        text.append(f"✗{errors} ", "bold red")
    text.append(_(step.title), style="" if applies else "dim strike")
    return text


class StepList(OptionList):
    DEFAULT_CSS = """
    StepList {
        width: 24; height: 1fr; border: none; border-right: solid $primary-darken-2;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    class Picked(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, mode: Mode, **kwargs: object) -> None:
        super().__init__(*(Option(step_label(s, mode, 0), id=s.name) for s in STEPS), **kwargs)  # type: ignore[arg-type]
        self._labels: list[Text] = []

    def show(self, mode: Mode, errors_per_step: dict[str, int]) -> None:
        labels = [step_label(s, mode, errors_per_step.get(s.name, 0)) for s in STEPS]
        if labels == self._labels:
            return
        self._labels = labels
        for index, label in enumerate(labels):
            self.replace_option_prompt_at_index(index, label)

    def mark_current(self, name: str) -> None:
        index = [s.name for s in STEPS].index(name)
        if self.highlighted != index:
            self.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))
