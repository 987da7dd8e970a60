"""The Problems pane: counts, then one row per problem; choosing one goes to its field.

When the wizard has diagnosed something (an imported ticket, the Send panel's exchanges),
the findings come first in the same list under a heading of their own, each with what
was seen (secrets already masked by the diagnosis) and what to do; a replay's findings are
followed by how they compare with the ticket's and by the ticket's own; the problems follow
under their own heading. The pane shows what the app gives it and owns neither list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rec_tui.i18n import _, ngettext
from rec_tui.spec.problems import Problem, summary
from rec_tui.tui.widgets.css_classes import update_if_changed

if TYPE_CHECKING:
    from rec_tui.agora.diagnose import Finding
    from rec_tui.agora.diagnose.compare import Comparison

    # Another diagnosis shown after the first: its findings, its source, the comparison.
    Beside = tuple[Sequence[Finding], str, Comparison]

_FINDING_ICONS: Final = {
    "error": ("✗", "bold red"),
    "warning": ("⚠", "bold yellow"),
    "info": ("ℹ", "bold cyan"),
}


def findings_summary(findings: Sequence[Finding]) -> str:
    """``1 error · 2 warnings · 1 note``, or ``nothing found``."""
    if not findings:
        return _("nothing found")
    errors, warnings, notes = (
        sum(1 for finding in findings if finding.severity == severity)
        for severity in ("error", "warning", "info")
    )
    said = (
        ngettext("{count} error", "{count} errors", errors),
        ngettext("{count} warning", "{count} warnings", warnings),
        ngettext("{count} note", "{count} notes", notes),
    )
    parts = [
        text.format(count=number)
        for text, number in zip(said, (errors, warnings, notes), strict=True)
        if number
    ]
    return " · ".join(parts)


def problem_row(problem: Problem, *, with_hint: bool = False) -> Text:
    """The problem on one row (cut at the pane's edge); ``with_hint``: and what to do, on a
    line of its own, as a finding says it."""
    icon, style = ("✗", "bold red") if problem.is_error else ("⚠", "bold yellow")
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{icon} ", style)
    if problem.fix is not None:
        # Up front: the row is cut at the pane's edge, and this says F8 mends it.
        row.append(_("[F8 fix]") + " ", "bold green")
    row.append(problem.message)
    row.append(f"  ({problem.path or _('body')})", "dim")
    row.append(f"  {problem.rule_id} {problem.rule}", "dim italic")
    if with_hint and problem.hint:
        row.append("\n    ")
        row.append(_("do:") + " ", "bold green")
        row.append(problem.hint)
    return row


def finding_row(finding: Finding) -> Text:
    """The finding, then each piece of evidence and the fix on lines of their own."""
    icon, style = _FINDING_ICONS.get(finding.severity, ("•", "bold"))
    # Spaces end a span rather than start the next: screenshots (SVG turned into PNG)
    # squeeze the spaces a span starts with.
    row = Text()
    row.append(f"{icon} ", style)
    row.append(f"{finding.id}  ", "bold")
    row.append(finding.message)
    if finding.rules:
        row.append(f" ({', '.join(finding.rules)})", "dim italic")
    for seen in finding.evidence:
        row.append("\n    ")
        row.append(_("seen:") + " ", "dim bold")
        row.append(seen, "dim")
    row.append("\n    ")
    row.append(_("do:") + " ", "bold green")
    row.append(finding.fix)
    return row


class ProblemList(OptionList):
    """Textual's option list, its rows measured again when its width for them changes
    without a resize: the border that comes with the focus narrows it, and Textual kept
    the heights measured before, so a wrapped finding lost its last line on F5."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._measured_at = 0

    def notify_style_update(self) -> None:
        super().notify_style_update()
        width = self.scrollable_content_region.width
        if width != self._measured_at:
            self._measured_at = width
            self._clear_caches()  # Textual's own reset, as a resize does

    # A diagnosis finding (what was seen, what to do) can be taller than the list at 80x24.
    # Textual brings such an option into view by its last line, so the arrows showed each
    # finding's tail alone: it is shown from its first line, and Page Down / Page Up read
    # through it before moving on to the next.

    def _highlighted_rows(self) -> tuple[int, int] | None:
        """The first row and the height of the highlighted option, if it is taller than
        the list."""
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return None
        height = self._heights.get(highlighted, 0)
        if height <= self.scrollable_content_region.height:
            return None
        return self._index_to_line[highlighted], height

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top=top or self._highlighted_rows() is not None)

    def action_page_down(self) -> None:
        rows = self._highlighted_rows()
        if rows is not None and self.scroll_y + self.scrollable_content_region.height < sum(rows):
            self.scroll_page_down(animate=False)
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        rows = self._highlighted_rows()
        if rows is not None and self.scroll_y > rows[0]:
            self.scroll_page_up(animate=False)
        else:
            super().action_page_up()


def heading_row(text: str) -> Option:
    return Option(Text(text, style="bold underline"), disabled=True)


class ProblemsPane(Vertical):
    DEFAULT_CSS = """
    ProblemsPane { height: 9; border-top: solid $primary-darken-2; }
    ProblemsPane.-diagnosed { height: 60%; }
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
        self._findings: tuple[Finding, ...] = ()
        # Where the findings come from ("the imported ticket"); "" when there is no diagnosis.
        self._diagnosed = ""
        self._beside: Beside | None = None
        # What each option of the list is: a problem, a finding, or a heading (None).
        self._rows: list[Problem | Finding | None] = []
        self._option_list: OptionList | None = None
        # The row whose problem shows what to do: the highlighted one, while the list has
        # the focus (the user is reading the problems; at rest each stays one line).
        self._hinted: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(_("Problems: {summary}").format(summary=_("none")), id="problems-title")

    @property
    def option_list(self) -> OptionList:
        """The list of problems, made on first use: the first frame is painted without it
        (it would be empty then), which shortens the start-up."""
        if self._option_list is None:
            self._option_list = ProblemList(id="problem-list")
            if self.is_attached:  # not while the app is closing
                self.mount(self._option_list)
        return self._option_list

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self._findings

    def show(self, problems: list[Problem], *, fixes_known: bool = True) -> None:
        """Show ``problems``; ``fixes_known`` False: their fixes are not worked out yet.

        Rebuilding the list re-lays out the pane, so it is left as it is when nothing it
        shows changed: the same problems with the same fixes, or the same problems whose
        fixes are still to come (the ones shown stay until they arrive).
        """
        # Problems compare without their fixes: a list that only gained fixes is news.
        if problems == self._problems and (
            not fixes_known or [p.fix for p in problems] == [p.fix for p in self._problems]
        ):
            return
        self._problems = list(problems)
        self._fill()

    def show_findings(
        self, findings: Sequence[Finding], source: str, *, beside: Beside | None = None
    ) -> None:
        """Show the diagnosis of ``source`` above the problems ("" and no findings: none),
        and after it, ``beside``: the ticket's findings the replay's are compared with."""
        self._findings, self._diagnosed, self._beside = tuple(findings), source, beside
        # Only findings need the room: a clean diagnosis is one heading line, and growing the
        # pane for it would push the Send panel's answer out of view.
        self.set_class(bool(self._findings) or beside is not None, "-diagnosed")
        self._fill()

    def _beside_rows(self) -> tuple[list[Finding | None], list[Option]]:
        """The comparison's lines (not choosable), then the ticket's findings."""
        if self._beside is None:
            return [], []
        findings, source, comparison = self._beside
        heading = (
            _("Compared with {source}: they differ")
            if comparison.differs
            else _("Compared with {source}: the replay reproduced it")
        ).format(source=source)
        # Two clean diagnoses have nothing to compare: the ticket's heading says so.
        lines = comparison.lines
        options = [heading_row(heading)] if lines else []
        options += [Option(Text(line), disabled=True) for line in lines]
        options.append(
            heading_row(
                _("Diagnosis of {source}: {summary}").format(
                    source=source, summary=findings_summary(findings)
                )
            )
        )
        options += [Option(finding_row(finding)) for finding in findings]
        rows: list[Finding | None] = [None] * (len(options) - len(findings))
        return [*rows, *findings], options

    def _fill(self) -> None:
        problems = self._problems
        # "Problems: none", as the first frame says it (not "Problems: No problems").
        said = summary(problems) if problems else _("none")
        text = _("Problems: {summary}").format(summary=said)
        if self._diagnosed:
            diagnosis = _("Diagnosis: {summary}").format(summary=findings_summary(self._findings))
            if self._beside is not None and self._beside[2].differs:
                diagnosis += " · " + _("differs from the ticket's")
            text = f"{diagnosis} · {text}"
        update_if_changed(self.query_one("#problems-title", Static), text)
        rows: list[Problem | Finding | None] = []
        options: list[Option] = []
        if self._diagnosed:
            heading = _("Diagnosis of {source}: {summary}").format(
                source=self._diagnosed, summary=findings_summary(self._findings)
            )
            rows.append(None)
            options.append(heading_row(heading))
            rows.extend(self._findings)
            options.extend(Option(finding_row(finding)) for finding in self._findings)
            beside_rows, beside_options = self._beside_rows()
            rows.extend(beside_rows)
            options.extend(beside_options)
            rows.append(None)
            options.append(
                heading_row(_("Problems of the request: {summary}").format(summary=said))
            )
        rows.extend(problems)
        options.extend(Option(problem_row(p)) for p in problems)
        option_list = self.option_list
        highlighted = option_list.highlighted
        self._hinted = None
        option_list.clear_options()
        option_list.add_options(options)
        self._rows = rows
        selectable = [index for index, row in enumerate(rows) if row is not None]
        if selectable:
            wanted = highlighted if highlighted is not None else selectable[0]
            option_list.highlighted = next(
                (index for index in selectable if index >= wanted), selectable[-1]
            )
            if option_list.highlighted == selectable[0]:
                # The heading above the first row stays in sight.
                option_list.call_after_refresh(option_list.scroll_home, animate=False)

    def _hint_highlighted(self) -> None:
        """Show what to do for the highlighted problem while the list has the focus; put
        the row shown before back to its one line."""
        option_list = self._option_list
        if option_list is None:
            return
        index = option_list.highlighted if option_list.has_focus else None
        if index == self._hinted:
            return
        for row_index, hinted in ((self._hinted, False), (index, True)):
            if row_index is None or row_index >= len(self._rows):
                continue
            row = self._rows[row_index]
            if isinstance(row, Problem):
                option_list.replace_option_prompt_at_index(
                    row_index, problem_row(row, with_hint=hinted)
                )
        self._hinted = index
        if index is not None:
            option_list.scroll_to_highlight()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._hint_highlighted()

    def on_descendant_focus(self) -> None:
        self._hint_highlighted()

    def on_descendant_blur(self) -> None:
        self._hint_highlighted()

    def highlighted_problem(self) -> Problem | None:
        if self._option_list is None:
            return None
        index = self._option_list.highlighted
        row = self._rows[index] if index is not None and index < len(self._rows) else None
        return row if isinstance(row, Problem) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._rows):
            row = self._rows[event.option_index]
            if isinstance(row, Problem):
                self.post_message(self.Chosen(row))
