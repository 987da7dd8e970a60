"""The Problems pane: counts, then one row per problem; choosing one goes to its field."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rec_tui.spec.problems import Problem, summary


def problem_row(problem: Problem) -> Text:
    icon, style = ("✗", "bold red") if problem.is_error else ("⚠", "bold yellow")
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{icon} ", style)
    if problem.fix is not None:
        # Up front: the row is cut at the pane's edge, and this says F8 mends it.
        row.append("[F8 fix] ", "bold green")
    row.append(problem.message)
    row.append(f"  ({problem.path or 'body'})", "dim")
    row.append(f"  {problem.rule_id} {problem.rule}", "dim italic")
    return row


class ProblemsPane(Vertical):
    DEFAULT_CSS = """
    ProblemsPane { height: 9; border-top: solid $primary-darken-2; }
    ProblemsPane #problems-title { text-style: bold; padding: 0 1; }
    ProblemsPane OptionList { height: 1fr; border: none; padding: 0; }
    """

    class Chosen(Message):
        """The user picked a problem; the app takes the focus to its field."""

        def __init__(self, problem: Problem) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._problems: list[Problem] = []
        self._option_list: OptionList | None = None

    def compose(self) -> ComposeResult:
        yield Static("Problems: none", id="problems-title")

    @property
    def option_list(self) -> OptionList:
        """The list of problems, made on first use: the first frame is painted without it
        (it would be empty then), which shortens the start-up."""
        if self._option_list is None:
            self._option_list = OptionList(id="problem-list")
            if self.is_attached:  # not while the app is closing
                self.mount(self._option_list)
        return self._option_list

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def show(self, problems: list[Problem]) -> None:
        # Problems compare without their fixes: a list that only gained fixes is news.
        if problems == self._problems and [p.fix for p in problems] == [
            p.fix for p in self._problems
        ]:
            return
        self._problems = list(problems)
        self.query_one("#problems-title", Static).update(f"Problems: {summary(problems)}")
        option_list = self.option_list
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(problem_row(p)) for p in problems)
        if problems:
            option_list.highlighted = min(highlighted or 0, len(problems) - 1)

    def highlighted_problem(self) -> Problem | None:
        if self._option_list is None:
            return None
        index = self._option_list.highlighted
        return self._problems[index] if index is not None and index < len(self._problems) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._problems):
            self.post_message(self.Chosen(self._problems[event.option_index]))
