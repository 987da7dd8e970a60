"""The request preview: the exact body as it would be sent, secrets masked, problems marked."""

from __future__ import annotations

from typing import Any

from rich.highlighter import JSONHighlighter
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from rec_tui.problems import Problem
from rec_tui.redact import redact_body
from rec_tui.tui.json_lines import render

_HIGHLIGHTER = JSONHighlighter()
_ERROR_MARK = ("✗ ", "bold red")
_WARNING_MARK = ("⚠ ", "bold yellow")
_NO_MARK = ("  ", "")


def preview_text(body: Any, problems: list[Problem]) -> Text:
    """The masked, pretty-printed body with a ✗ / ⚠ gutter on lines that have problems."""
    rendered = render(redact_body(body))
    marks: dict[int, tuple[str, str]] = {}
    for problem in problems:
        line = rendered.line_for(problem.path)
        if problem.is_error:
            marks[line] = _ERROR_MARK
        else:
            marks.setdefault(line, _WARNING_MARK)
    highlighted = _HIGHLIGHTER(Text("\n".join(rendered.lines)))
    text = Text(no_wrap=True, overflow="ellipsis")
    for number, line_text in enumerate(highlighted.split("\n", allow_blank=True)):
        if number:
            text.append("\n")
        text.append(*marks.get(number, _NO_MARK))
        text.append_text(line_text)
    return text


class Preview(VerticalScroll):
    """The right-hand pane. Only the body text is updated on a change; nothing is re-mounted."""

    DEFAULT_CSS = """
    Preview { width: 1fr; border-left: solid $primary-darken-2; padding: 0 0 0 1; }
    Preview #preview-request { color: $text-muted; }
    Preview #preview-body { width: auto; }
    """
    can_focus = True

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="preview-request")
        yield Static("", id="preview-body")

    def show(self, request_line: str, body: Any, problems: list[Problem]) -> None:
        self.query_one("#preview-request", Static).update(request_line)
        self.query_one("#preview-body", Static).update(preview_text(body, problems))
