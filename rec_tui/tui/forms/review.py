"""Step 9, Review: the whole request as it would be sent, and what is wrong with it."""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.request.redact import redact_headers
from rec_tui.request.request_line import request_line
from rec_tui.spec.problems import Problem
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.preview import preview_content
from rec_tui.tui.widgets.problems_pane import problem_row, summary

# The Authorization value is built from the customer ID and secret at send time; the
# review shows it masked, as every header dump does.
SHOWN_HEADERS: Final = {"Content-Type": CONTENT_TYPE, "Authorization": "Basic <credentials>"}


class ReviewForm(StepForm):
    STEP = "review"
    # The Send panel mounts itself into this container.
    PLUGIN_ID: Final = "review-plugin"
    INTRO = "The start request exactly as it would be sent (secrets masked)."
    DEFAULT_CSS = """
    ReviewForm #review-request { margin: 0 0 1 0; }
    ReviewForm #review-body { width: auto; margin: 0 0 1 0; }
    ReviewForm #review-plugin { height: auto; }
    """

    def compose_fields(self) -> ComposeResult:
        yield Static("", id="review-request")
        yield Static("Body", classes="section-title")
        yield Static("", id="review-body")
        yield Static("", id="review-summary", classes="section-title")
        yield Static("", id="review-problems")
        yield Vertical(id=self.PLUGIN_ID)

    def show_problems(self, problems: list[Problem]) -> None:
        # The app calls this right after every sync: the review shows the problems too.
        super().show_problems(problems)
        request = Text()
        request.append(request_line(self.draft), "bold")
        for name, value in redact_headers(SHOWN_HEADERS).items():
            request.append(f"\n{name}: ", "cyan")
            request.append(value)
        self.query_one("#review-request", Static).update(request)
        self.query_one("#review-body", Static).update(preview_content(self.draft.body, problems))
        self.query_one("#review-summary", Static).update(f"Problems: {summary(problems)}")
        rows = Text("\n").join(problem_row(p) for p in problems)
        self.query_one("#review-problems", Static).update(rows)

    def focus_first(self) -> None:
        # Nothing to type here: focus the pane itself so the keys scroll it.
        self.can_focus = True
        self.focus()
