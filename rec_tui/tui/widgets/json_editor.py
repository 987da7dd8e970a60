"""The body as JSON text to edit, checked as it is typed (F7 puts it in the preview's place).

Text that parses becomes the draft's body (so forms, canvas and preview follow, and undo
works); text that does not parse is kept as typed, with where it is wrong and what was
expected, while the draft keeps the last valid body. Problems are marked ✗ / ⚠ in the
gutter on the lines of their paths. Secrets show masked, as in the preview.

Syntax colours: tree-sitter is not installed with the wizard (``textual[syntax]`` with
tree-sitter 0.26 crashes on JSON), so the TextArea has no language; each line is
coloured here by a small per-line tokenizer (a JSON string never spans lines), in the
preview's colours.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Final

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import TextAreaTheme

from rec_tui.i18n import N_, LazyText, _, ngettext
from rec_tui.request.draft import Change, Draft
from rec_tui.request.json_text import (
    JsonTextError,
    ParsedText,
    body_text,
    mask_text,
    parse,
    unmask,
)
from rec_tui.spec.problems import Problem, count, sort_key
from rec_tui.tui.screens.confirm import ConfirmScreen
from rec_tui.tui.widgets.preview import ERROR_MARK, TOKEN_STYLES, WARNING_MARK

CHECK_DELAY: Final = 0.15  # seconds of quiet typing before the text is checked
COALESCE: Final = "json-editor"
EDIT_AS_JSON: Final = LazyText(lambda: _("edit the body as JSON"))
_MARK_WIDTH: Final = 2
_THEME: Final = "rec-tui-json"
_PADDING: Final = Style(meta={"json-editor": "gutter padding"})
_TOKEN: Final = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*"?)(?P<colon>\s*:)?'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<literal>\b(?:true|false|null)\b)"
)


def _coloured(line: Text) -> None:
    # The indentation gets a style of its own so that it stays a separate run: SVG
    # renderers drop the leading spaces of a run, and screenshots would lose the nesting.
    indent = len(line.plain) - len(line.plain.lstrip(" "))
    if indent:
        line.stylize(_PADDING, 0, indent)
    for token in _TOKEN.finditer(line.plain):
        if token.group("string") is not None:
            kind = "key" if token.group("colon") else "string"
            line.stylize(TOKEN_STYLES[kind], token.start(), token.end("string"))
        else:
            kind = "number" if token.group("number") is not None else "literal"
            line.stylize(TOKEN_STYLES[kind], token.start(), token.end())


class JsonTextArea(TextArea):
    """The text itself: coloured, with problem marks left of the line numbers.

    Keys the wizard owns pass through: F6 and F7 (TextArea would select a line / all),
    Ctrl+X (hands the text to ``$EDITOR`` instead of cutting) and Ctrl+Z / Ctrl+Y, which
    undo in the draft, where every change is, rather than in the text alone.
    """

    def __init__(self, **kwargs: Any) -> None:
        # Tab moves the focus on (to the problems list, say) rather than indenting: the
        # wizard is driven from the keyboard and must not trap it here.
        super().__init__(soft_wrap=False, show_line_numbers=True, **kwargs)
        self.indent_width = 2
        self._marks: dict[int, tuple[str, str]] = {}

    def on_mount(self) -> None:
        self._follow_app_theme()
        self.watch(self.app, "theme", self._follow_app_theme, init=False)

    def _follow_app_theme(self) -> None:
        """The CSS theme, but the cursor line only changes the background: the CSS one
        also sets a text colour, which would hide the syntax colours on that line."""
        cursor_line = self.get_component_rich_style("text-area--cursor-line")
        self.register_theme(
            TextAreaTheme(_THEME, cursor_line_style=Style(bgcolor=cursor_line.bgcolor))
        )
        self.theme = _THEME

    def show_marks(self, marks: dict[int, tuple[str, str]]) -> None:
        """``marks``: row (from 0) → (mark text, style)."""
        if marks != self._marks:
            self._marks = marks
            self.refresh()

    @property
    def marks(self) -> dict[int, str]:
        """Row (from 0) → the mark shown there (✗ or ⚠)."""
        return {row: text.strip() for row, (text, _) in self._marks.items()}

    @property
    def gutter_width(self) -> int:
        width = super().gutter_width
        return width + _MARK_WIDTH if width else 0

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        _coloured(line)
        return line

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = self.gutter_width
        if not width:
            return strip
        # The gutter is drawn again: the mark first, then the padding of the line number
        # as a run of its own (SVG renderers drop the leading spaces of a run, which
        # would left-align the numbers in screenshots), then the number.
        gutter = list(strip.crop(0, width))
        style = (gutter[0].style if gutter else None) or Style()
        number = "".join(segment.text for segment in gutter).strip()
        mark, mark_style = self._marks.get(self.scroll_offset.y + y, ("  ", ""))
        padding = width - _MARK_WIDTH - len(number) - 2
        head = [
            Segment(mark, style + (Style.parse(mark_style) if mark_style else _PADDING)),
            Segment(" " * padding, style + _PADDING),
            Segment(f"{number}  ", style),
        ]
        return Strip.join([Strip(head, width), strip.crop(width, strip.cell_length)])

    def action_select_line(self) -> None:
        raise SkipAction()

    def action_select_all(self) -> None:
        raise SkipAction()

    def action_cut(self) -> None:
        raise SkipAction()

    def action_undo(self) -> None:
        raise SkipAction()

    def action_redo(self) -> None:
        raise SkipAction()


def editor_command() -> list[str]:
    """The person's editor from ``$VISUAL`` or ``$EDITOR`` (with its arguments), or []."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                return [value]
    return []


class JsonEditor(Vertical):
    """The body as JSON text with a status line under it; edits become the draft's body."""

    DEFAULT_CSS = """
    JsonEditor { width: 1fr; height: 1fr; }
    JsonEditor JsonTextArea { height: 1fr; border: none; padding: 0; }
    JsonEditor JsonTextArea:focus { border: none; }
    JsonEditor #json-status {
        height: auto; max-height: 3; padding: 0 1; color: $text-muted;
        background: $boost;
    }
    JsonEditor #json-status.-invalid { color: $text; background: $error 30%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+x", "edit_externally", N_("Edit in $EDITOR")),
        Binding("ctrl+z", "undo", N_("Undo"), show=False),
        Binding("ctrl+y", "redo", N_("Redo"), show=False),
    ]

    def __init__(self, draft: Draft, *, check_delay: float = CHECK_DELAY, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.draft = draft
        self.check_delay = check_delay
        self._unsubscribe: Callable[[], None] | None = None
        self._timer: Timer | None = None
        self._checked_text = ""
        self._parsed: ParsedText | None = None
        self._body: dict[str, Any] | None = None  # what the checked text reads as
        self._error: JsonTextError | None = None
        self._problems: list[Problem] = []
        self._rows: dict[int, list[Problem]] = {}  # row → the problems marked on it
        self._changed_elsewhere = False

    def compose(self) -> ComposeResult:
        yield JsonTextArea(id="json-text")
        yield Static("", id="json-status")

    def on_mount(self) -> None:
        self._unsubscribe = self.draft.subscribe(self._draft_changed)
        self._load(keep_cursor=False)

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # --- what others read -------------------------------------------------------------

    @property
    def text_area(self) -> JsonTextArea:
        return self.query_one(JsonTextArea)

    @property
    def text(self) -> str:
        return self.text_area.text

    @property
    def error(self) -> JsonTextError | None:
        """Why the text does not parse (None when it does)."""
        return self._error

    @property
    def problems(self) -> list[Problem]:
        """The draft's problems as last marked in the gutter."""
        return list(self._problems)

    @property
    def status(self) -> str:
        return str(self.query_one("#json-status", Static).content)

    # --- checking as the person types -------------------------------------------------

    @on(TextArea.Changed, "#json-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.text_area.text == self._checked_text:
            return  # the text was loaded, not typed
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.check_delay, self.check_now)

    def check_now(self) -> bool:
        """Check the text now (not after the typing pause); returns whether it parses.

        Text that parses (with its masked secrets kept) becomes the draft's body.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.text_area.text
        if text == self._checked_text:
            return self._error is None
        self._checked_text = text
        try:
            parsed = parse(text)
            body = unmask(parsed.body, self.draft.body, parsed)
        except JsonTextError as error:
            self._error = error
            self._refresh_marks()
            return False
        self._error = None
        self._changed_elsewhere = False
        self._parsed, self._body = parsed, body
        self.draft.replace_body(body, origin=self, coalesce=COALESCE, description=EDIT_AS_JSON)
        self._refresh_marks()
        return True

    def _draft_changed(self, change: Change) -> None:
        if change.origin is self:
            return
        if self._error is not None:
            # Never lose what is typed: the text stays; fixing it replaces the body.
            self._changed_elsewhere = True
            self._refresh_marks()
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._load(keep_cursor=True)

    def _load(self, *, keep_cursor: bool) -> None:
        """Show the draft's body, unless the text already reads as exactly that body."""
        if self._body != self.draft.body or self._error is not None:
            self._set_text(body_text(self.draft.body), keep_cursor=keep_cursor)
        self._refresh_marks()

    def _set_text(self, text: str, *, keep_cursor: bool) -> None:
        area = self.text_area
        row, column = area.cursor_location
        self._checked_text = text
        area.load_text(text)
        if keep_cursor:
            last = area.document.line_count - 1
            area.move_cursor((min(row, last), column))
        self._error = None
        self._changed_elsewhere = False
        self._parsed = parse(text)
        self._body = unmask(self._parsed.body, self.draft.body, self._parsed)

    def _refresh_marks(self) -> None:
        status = self.query_one("#json-status", Static)
        if self._error is not None:
            where = self._error.position
            self.text_area.show_marks({where.line - 1: ERROR_MARK})
            invalid = (
                _(
                    "Not valid JSON at {where}\nThe request keeps the last valid body until "
                    "the text parses. The body was also changed elsewhere: when this text "
                    "parses, it replaces those changes."
                )
                if self._changed_elsewhere
                else _(
                    "Not valid JSON at {where}\nThe request keeps the last valid body until "
                    "the text parses."
                )
            )
            status.update(f"✗ {invalid.format(where=self._error)}")
            status.add_class("-invalid")
            return
        assert self._parsed is not None
        self._problems = sorted(self.draft.validate(fixes=False), key=sort_key)
        self._rows = {}
        marks: dict[int, tuple[str, str]] = {}
        for problem in self._problems:
            row = self._parsed.key_position(problem.path).line - 1
            self._rows.setdefault(row, []).append(problem)
            if problem.is_error:
                marks[row] = ERROR_MARK
            else:
                marks.setdefault(row, WARNING_MARK)
        self.text_area.show_marks(marks)
        status.remove_class("-invalid")
        self._show_valid_status()

    def _show_valid_status(self) -> None:
        """The summary, and the problems of the cursor's line (what its mark means)."""
        errors, warnings = count(self._problems)
        found = (
            _("{errors}, {warnings}").format(
                errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
                warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
                    count=warnings
                ),
            )
            if self._problems
            else _("no problems")
        )
        lines = [_("Valid JSON · {found} · Ctrl+X: edit in $EDITOR").format(found=found)]
        for problem in self._rows.get(self.text_area.cursor_location[0], [])[:2]:
            mark = "✗" if problem.is_error else "⚠"
            lines.append(f"{mark} {problem.path or _('body')}: {problem.message}")
        self.query_one("#json-status", Static).update("\n".join(lines))

    @on(TextArea.SelectionChanged, "#json-text")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
        if self._error is None and self._parsed is not None:
            self._show_valid_status()

    # --- moving about -----------------------------------------------------------------

    def goto_path(self, path: str) -> bool:
        """Put the cursor on the value at ``path`` (or where it belongs) and focus the text.

        While the text does not parse, paths cannot be found in it: the cursor goes to the
        syntax mistake instead, and this returns False.
        """
        self.check_now()
        area = self.text_area
        if self._error is not None or self._parsed is None:
            where = self._error.position if self._error is not None else None
            found = False
        else:
            where = self._parsed.value_position(path)
            found = True
        if where is not None:
            area.move_cursor((where.line - 1, where.column - 1), center=True)
        area.focus()
        return found

    def revert(self) -> None:
        """Drop the text typed since it last parsed: show the draft's body again."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._set_text(body_text(self.draft.body), keep_cursor=True)
        self._refresh_marks()

    async def can_leave(self) -> bool:
        """Whether the editor may close; asks (keep editing / revert) when the text does
        not parse. Call it from a worker: it waits for the answer."""
        if self.check_now():
            self._mask_typed_secrets()
            return True
        assert self._error is not None
        question = ConfirmScreen(
            _(
                "The JSON text is not valid at {where}\n\n"
                "The request still has the last valid body. Keep editing to fix the text, or "
                "revert the text to that body (what you typed since is lost)."
            ).format(where=self._error),
            confirm=_("Revert the text"),
            cancel=_("Keep editing"),
        )
        if await self.app.push_screen_wait(question):
            self.revert()
            return True
        self.goto_path("")
        return False

    def on_descendant_blur(self) -> None:
        if self.check_now():
            self._mask_typed_secrets()

    def _mask_typed_secrets(self) -> None:
        """A secret typed in clear is masked once the text is left, so it is not on screen."""
        text = self.text_area.text
        masked = mask_text(text)
        if masked != text:
            self._set_text(masked, keep_cursor=True)

    # --- undo, in the draft -----------------------------------------------------------

    def action_undo(self) -> None:
        """Undo in the draft; typing that does not parse yet is dropped first."""
        if not self.check_now():
            self.revert()
            return
        if self.draft.undo() is None:
            self.notify(_("Nothing to undo."), timeout=2)

    def action_redo(self) -> None:
        if self.check_now() and self.draft.redo() is None:
            self.notify(_("Nothing to redo."), timeout=2)

    # --- $VISUAL / $EDITOR -------------------------------------------------------------

    def action_edit_externally(self) -> None:
        """Hand the text (secrets masked) to the person's editor and take it back."""
        command = editor_command()
        if not command:
            self.notify(
                _("Set $VISUAL or $EDITOR to the editor to use (for example: export EDITOR=vim)."),
                severity="warning",
            )
            return
        self.check_now()
        text = mask_text(self.text_area.text)
        edited = self._round_trip(command, text)
        if edited is None or edited == text:
            return
        area = self.text_area
        area.replace(edited, (0, 0), area.document.end, maintain_selection_offset=False)
        if self.check_now():
            self._mask_typed_secrets()
            self.notify(_("Took the body back from the editor."), timeout=3)
        else:
            self.goto_path("")

    def _round_trip(self, command: list[str], text: str) -> str | None:
        """Run the editor on a private temporary copy; its text afterwards, or None."""
        descriptor, name = tempfile.mkstemp(prefix="rec-tui-body-", suffix=".json")
        path = Path(name)
        try:
            os.fchmod(descriptor, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
            returncode = self._run(command, path)
            if returncode is None:
                return None
            if returncode != 0:
                self.notify(
                    _("{editor} exited with status {status}: the body is unchanged.").format(
                        editor=command[0], status=returncode
                    ),
                    severity="warning",
                )
                return None
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.notify(
                _("Could not take the body back from the editor: {error}").format(error=error),
                severity="error",
            )
            return None
        finally:
            path.unlink(missing_ok=True)

    def _run(self, command: list[str], path: Path) -> int | None:
        try:
            try:
                with self.app.suspend():
                    return subprocess.call([*command, str(path)])
            except SuspendNotSupported:
                if not self.app.is_headless:
                    self.notify(
                        _("This terminal cannot hand the screen to another program."),
                        severity="error",
                    )
                    return None
                # Headless (tests, scripts): there is no screen to hand over.
                return subprocess.call(
                    [*command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
                )
        except OSError as error:
            self.notify(
                _("Could not start the editor {editor} (from $VISUAL or $EDITOR): {error}").format(
                    editor=repr(command[0]), error=error.strerror or error
                ),
                severity="error",
            )
            return None
