"""Step 9, Review: what sending will do, the Send panel, and (when the preview pane is
hidden) the request as it would be sent."""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import DescendantFocus
from textual.widgets import Static

from rec_tui.i18n import N_, _
from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.request.redact import redact_headers
from rec_tui.request.request_line import request_line
from rec_tui.request.send_plan import send_plan
from rec_tui.spec.problems import Problem
from rec_tui.tui.forms.base import StepForm
from rec_tui.tui.widgets.preview import preview_content

# The Authorization value is built from the customer ID and secret at send time; the
# review shows it masked, as every header dump does.
SHOWN_HEADERS: Final = {"Content-Type": CONTENT_TYPE, "Authorization": "Basic <credentials>"}


class ReviewForm(StepForm):
    STEP = "review"
    # The Send panel mounts itself into this container.
    PLUGIN_ID: Final = "review-plugin"
    INTRO = N_("What sending will do. The body is in the preview pane (F4).")
    DEFAULT_CSS = """
    ReviewForm #review-plan { margin: 0 0 1 0; }
    ReviewForm #review-plan:focus { background: $boost; }
    ReviewForm #review-request { margin: 0 0 1 0; }
    ReviewForm #review-body { width: auto; margin: 0 0 1 0; }
    ReviewForm #review-plugin { height: auto; }
    /* The body once: here only when the preview pane (which shows it) is hidden (app.tcss). */
    ReviewForm .body-here { display: none; }
    """

    def compose_fields(self) -> ComposeResult:
        # Focusable: Tab and Shift+Tab stop on the summary (bringing it into view), and
        # the arrows, Page Up/Down, Home and End then scroll the step (its bindings).
        plan = Static("", id="review-plan")
        plan.can_focus = True
        yield plan
        yield Vertical(id=self.PLUGIN_ID)
        yield Static(_("Request"), id="review-request-title", classes="section-title body-here")
        yield Static("", id="review-request", classes="body-here")
        yield Static("", id="review-body", classes="body-here")

    def say_again(self) -> bool:
        # Not built again: the Send panel in it holds the running recordings. The plan is
        # said again by show_problems, which the app calls after a language switch.
        self.query_children(".step-intro").first(Static).update(_(self.INTRO))
        self.query_one("#review-request-title", Static).update(_("Request"))
        return True

    def show_problems(self, problems: list[Problem]) -> None:
        # The app calls this right after every sync.
        super().show_problems(problems)
        plan = Text()
        for index, line in enumerate(send_plan(self.draft, problems)):
            if index:
                plan.append("\n")
            plan.append(_("{label}: ").format(label=line.label), "bold")
            plan.append(line.text)
        self.query_one("#review-plan", Static).update(plan)
        request = Text()
        request.append(request_line(self.draft), "bold")
        for name, value in redact_headers(SHOWN_HEADERS).items():
            request.append(f"\n{name}: ", "cyan")
            request.append(value)
        self.query_one("#review-request", Static).update(request)
        self.query_one("#review-body", Static).update(preview_content(self.draft.body, problems))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # Textual brings the summary's first line into view; the step's intro above it
        # belongs with it.
        if event.widget.id == "review-plan":
            self.call_after_refresh(self.scroll_home, animate=False)

    def focus_first(self) -> None:
        # Nothing to type before the Send panel: the summary, read first.
        self.query_one("#review-plan", Static).focus()
