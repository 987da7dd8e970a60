"""The request preview: the exact body as it would be sent, secrets masked, problems marked."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Final

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Static

from rec_tui.request.redact import redact_body
from rec_tui.spec.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rec_tui.tui.json_lines import RenderedJson, Token

TOKEN_STYLES: Final = {
    "key": "bold #82aaff",
    "string": "#c3e88d",
    "number": "#89ddff",
    "literal": "italic #f78c6c",
}
ERROR_MARK: Final = ("✗ ", "bold #ff5370")
WARNING_MARK: Final = ("⚠ ", "bold #ffcb6b")
_GUTTER = 2
# The mark at the pane's edge of a line that goes on past it.
_MORE: Final = RichStyle(dim=True)


def preview_lines(body: Any, problems: list[Problem]) -> list[Content]:
    """The masked, pretty-printed body, one Content per line, with a ✗ / ⚠ gutter."""
    from rec_tui.tui.json_lines import render

    return styled_lines(render(redact_body(body)), problems)


def styled_lines(
    rendered: RenderedJson,
    problems: list[Problem],
    reuse: dict[tuple[str, str], Content] | None = None,
) -> list[Content]:
    """Lines of an already rendered body, coloured from its tokens, problems marked.

    Spans come from the renderer's tokens, so no text is scanned again for highlighting.
    ``reuse``: the lines made last time, by text and mark (a line's tokens follow from its
    text); it is refilled with this body's lines, so a keystroke makes only the lines it
    changed and the view can tell the others unchanged at a glance.
    """
    marks: dict[int, tuple[str, str]] = {}
    for problem in problems:
        line = rendered.line_for(problem.path)
        if problem.is_error:
            marks[line] = ERROR_MARK
        else:
            marks.setdefault(line, WARNING_MARK)
    previous = dict(reuse) if reuse is not None else {}
    shown = reuse if reuse is not None else {}
    shown.clear()
    tokens: dict[int, list[Token]] = {}
    for token in rendered.tokens:
        tokens.setdefault(token.line, []).append(token)
    lines: list[Content] = []
    for number, text in enumerate(rendered.lines):
        mark, style = marks.get(number, ("  ", ""))
        key = (text, mark)
        # Lines alike ("},") are one line; a line shown last time is kept as it was.
        made = shown.get(key) or previous.get(key)
        if made is None:
            made = _styled_line(text, mark, style, tokens.get(number, ()))
        shown[key] = made
        lines.append(made)
    return lines


def _styled_line(text: str, mark: str, style: str, tokens: Iterable[Token]) -> Content:
    # The indentation gets its own (invisible) style so it stays a separate segment:
    # SVG renderers drop leading spaces of a run like "    {" in screenshots.
    indent = len(text) - len(text.lstrip(" "))
    spans = [Span(_GUTTER if style else 0, _GUTTER + indent, _parsed("not bold"))]
    if style:
        spans.append(Span(0, _GUTTER, _parsed(style)))
    spans.extend(
        Span(_GUTTER + token.start, _GUTTER + token.end, _parsed(TOKEN_STYLES[token.kind]))
        for token in tokens
    )
    return Content(mark + text, spans)


@cache
def _parsed(style: str) -> Style:
    # A span's style given as text is parsed (by Textual's CSS tokenizer) each time its
    # line is drawn: three quarters of drawing a line of the preview.
    return Style.parse(style)


def preview_content(body: Any, problems: list[Problem]) -> Content:
    """The same as :func:`preview_lines`, as one block (for the Review step)."""
    return Content("\n").join(preview_lines(body, problems))


class JsonView(ScrollView):
    """Lines of pre-styled JSON drawn with the line API.

    Updating it repaints this widget only: a Static would ask for a layout of the whole
    screen on every keystroke, which costs more than everything else together.
    """

    DEFAULT_CSS = """
    JsonView { height: 1fr; width: 1fr; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lines: list[Content] = []
        self._strips: dict[int, Strip] = {}

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self._lines)

    def show(self, lines: list[Content]) -> None:
        old, self._lines = self._lines, lines
        width = max((line.cell_length for line in lines), default=0)
        size = Size(width, len(lines))
        if size != self.virtual_size or len(old) != len(lines):
            self.virtual_size = size
            self._strips = {}
            self.refresh()
            return
        # The same shape (a value typed, a tile moved): only the lines that changed are
        # drawn again; every other line keeps its strip and its place on the screen.
        for number, (before, after) in enumerate(zip(old, lines, strict=True)):
            # A line made again only when it changed (see styled_lines): same object, same line.
            if before is not after and (before.plain != after.plain or before.spans != after.spans):
                self._strips.pop(number, None)
                self.refresh_line(number)

    def scroll_laid_out(self, y: int) -> None:
        """Scroll to line ``y`` now that the view is laid out (its scrollbar shows where)."""
        self.scroll_to(y=y, animate=False, immediate=True)
        # A scroll set before the first layout had no scrollbar to move.
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = self.scroll_y

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if number >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(number)
        if strip is None:
            segments = self._lines[number].render_segments(Style.from_rich_style(base))
            # Every segment carries the widget's style, so unstyled indentation is drawn
            # (and exported to screenshots) like the rest of the line.
            strip = self._strips[number] = Strip(
                [Segment(s.text, base + s.style if s.style else base) for s in segments]
            )
        shown = strip.crop_extend(scroll_x, scroll_x + width, base)
        if strip.cell_length > scroll_x + width > scroll_x + 1:
            # The line goes on past the pane's edge: say so, as a cut value is not the value.
            shown = Strip.join([shown.crop(0, width - 1), Strip([Segment("…", base + _MORE)])])
        return shown


class Preview(Vertical):
    """The right-hand pane: a one-line request line, then the body."""

    DEFAULT_CSS = """
    Preview { width: 1fr; border-left: solid $primary-darken-2; padding: 0 0 0 1; }
    Preview #preview-request {
        color: $text-muted; height: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._request = ""
        self._shown: tuple[str, tuple[Problem, ...]] | None = None
        # The masked body last shown (what ``_rendered`` was written from).
        self._body: Any = None
        self._rendered: RenderedJson | None = None
        self._json_view: JsonView | None = None
        # The body's lines as last shown, reused for the lines a change leaves alone.
        self._styled: dict[tuple[str, str], Content] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-request")

    @property
    def json_view(self) -> JsonView:
        """The body's view, made on first use: the first frame (before the body is checked
        and shown) is painted without it, which shortens the start-up."""
        if self._json_view is None:
            self._json_view = JsonView(id="preview-body")
            if self.is_attached:  # not while the app is closing
                self.mount(self._json_view)
        return self._json_view

    def show(self, request_line: str, body: Any, problems: list[Problem]) -> None:
        if request_line != self._request:
            self._request = request_line
            self.query_one("#preview-request", Static).update(request_line)
        key = (repr(body), tuple(problems))
        if key != self._shown:
            self._shown = key
            # Imported here: the first frame is painted before the first body is shown.
            from rec_tui.tui.json_lines import changed_scalars, render

            shown = redact_body(body)
            rendered = None
            if self._rendered is not None and self._body is not None:
                # A value typed or a tile moved: only the lines of the values that changed
                # are written again, not the body's hundreds of others.
                changed = changed_scalars(self._body, shown)
                if changed is not None:
                    rendered = self._rendered.with_scalars(changed)
            self._rendered = rendered or render(shown)
            self._body = shown
            self.json_view.show(styled_lines(self._rendered, problems, self._styled))

    def line_of_section(self, paths: tuple[str, ...]) -> int:
        """The first line where any of ``paths`` is in the body (0: the top when none is)."""
        if self._rendered is None:
            return 0
        lines = [self._rendered.line_of.get(path) for path in paths]
        return min((line for line in lines if line is not None), default=0)

    def bring_into_view(self, path: str) -> None:
        """Scroll the line of ``path`` (or of the nearest object holding it, when it is not
        in the body) into view, a third from the top, unless it is in view already: the
        preview follows the field being edited and the tile being moved."""
        if self._rendered is None or not self.display:
            return
        from rec_tui.spec import jsonpath

        tokens = jsonpath.parse(path)
        line = None
        while tokens and line is None:
            line = self._rendered.line_of.get(jsonpath.join(tokens))
            tokens = tokens[:-1]
        view = self.json_view
        height = view.scrollable_content_region.height
        if line is None or not height or view.scroll_y <= line < view.scroll_y + height:
            return
        view.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def scroll_to_section(self, paths: tuple[str, ...]) -> None:
        """Bring the part of the body a step edits into view, its first line near the top."""
        top = max(0, self.line_of_section(paths) - 1)  # one line of context above
        view = self.json_view
        if not view.size:
            # Not laid out yet (the first frame): nothing limits the scroll, so it is set
            # now and the first frame already shows the section.
            view.scroll_to(y=top, animate=False, immediate=True, force=True)
        # After the next refresh: a body shown just now has not been measured yet, and a
        # scroll beyond the old height would be cut short.
        view.call_after_refresh(view.scroll_laid_out, top)
