"""F9: what changed against the document as it was opened or imported, field by field.

Side by side (field, original, now) when the terminal has room, unified (− before,
+ after) when it is narrower than :data:`SIDE_BY_SIDE_WIDTH`. Values are named with the
declarations' labels and choice labels; secrets are never shown; each side's problems are
marked on its rows and listed underneath (fixed, still there, new).

The comparison itself is the core's (:mod:`rec_tui.request.diff`); this is its view.
"""

from __future__ import annotations

from typing import ClassVar, Final

from rich.box import HORIZONTALS
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.widgets import Footer, Static

from rec_tui.i18n import N_, _, ngettext
from rec_tui.request.diff import BodyDiff, Difference, diff_bodies
from rec_tui.request.draft import Draft
from rec_tui.spec import jsonpath
from rec_tui.spec.problems import Problem, sort_key
from rec_tui.tui.key_words import SpokenScreen

SIDE_BY_SIDE_WIDTH: Final = 110
_ERROR_STYLE: Final = "bold #ff5370"
_WARNING_STYLE: Final = "bold #ffcb6b"
_INDENT_STYLE: Final = "not bold"
_KIND_STYLES: Final = {"added": "#c3e88d", "removed": "#ff5370", "changed": "#ffcb6b"}
_KIND_NAMES: Final = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}


class DiffScreen(SpokenScreen):
    """The current body against ``draft.original``; Escape (or F9) closes it."""

    DEFAULT_CSS = """
    DiffScreen { background: $surface; }
    DiffScreen #diff-title {
        height: auto; padding: 0 1; background: $primary-darken-2; color: $text;
        text-style: bold;
    }
    DiffScreen #diff-scroll { height: 1fr; padding: 0 1; }
    DiffScreen #diff-body { width: 1fr; height: auto; }
    DiffScreen #diff-problems { width: 1fr; height: auto; margin-top: 1; }
    DiffScreen #diff-none { width: 1fr; height: auto; padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
        Binding("f9", "close", N_("Close"), show=False),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        original = draft.original
        self.diff = (
            diff_bodies(original.body, draft.body, original.mode, draft.mode)
            if original is not None
            else None
        )
        self._side_by_side: bool | None = None

    def compose(self) -> ComposeResult:
        original = self.draft.original
        if original is None:
            yield Static(_("Compare with the original"), id="diff-title")
            yield Static(
                _(
                    "There is no original to compare with: this request was not opened from a "
                    "file or preset, nor imported. Open or import the customer's request (F6) "
                    "and F9 shows what you changed since."
                ),
                id="diff-none",
            )
        else:
            yield Static(_title(self.draft, self.diff), id="diff-title")
            with VerticalScroll(id="diff-scroll"):
                yield Static(id="diff-body")
                yield Static(id="diff-problems")
        yield Footer()

    def on_mount(self) -> None:
        self._show(self.size.width)

    def on_resize(self, event: Resize) -> None:
        self._show(event.size.width)

    def _show(self, width: int) -> None:
        if self.diff is None:
            return
        side_by_side = width >= SIDE_BY_SIDE_WIDTH
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        body = self.query_one("#diff-body", Static)
        if not self.diff.differences:
            body.update(Text(_("No differences: the body is as it was opened (key order aside).")))
        elif side_by_side:
            body.update(_side_by_side(self.diff))
        else:
            body.update(_unified(self.diff))
        self.query_one("#diff-problems", Static).update(_problem_lists(self.diff))

    @property
    def side_by_side(self) -> bool:
        return bool(self._side_by_side)

    def action_close(self) -> None:
        self.dismiss(None)


def _title(draft: Draft, diff: BodyDiff | None) -> str:
    assert draft.original is not None
    original = draft.original
    changes = len(diff.differences) if diff else 0
    mode = (
        _("{mode} mode").format(mode=original.mode)
        if original.mode == draft.mode
        else _("{mode} mode, now {now}").format(mode=original.mode, now=draft.mode)
    )
    count = ngettext("{count} difference", "{count} differences", changes).format(count=changes)
    return _("Compared with the original: {source} ({mode}) · {count}").format(
        source=original.source or _("the opened document"), mode=mode, count=count
    )


def _mark(path: str, problems: tuple[Problem, ...]) -> tuple[str, str]:
    """✗ / ⚠ (and its style) for the problems at ``path`` or inside it."""
    found = [p for p in problems if _within(p.path, path)]
    if any(p.is_error for p in found):
        return ("✗ ", _ERROR_STYLE)
    if found:
        return ("⚠ ", _WARNING_STYLE)
    return ("", "")


def _indent(out: Text, width: int) -> None:
    # Indentation is a run of its own: SVG renderers drop the leading spaces of a run,
    # and screenshots would lose it.
    out.append(" " * width, style=_INDENT_STYLE)


def _within(problem_path: str, path: str) -> bool:
    return problem_path == path or problem_path.startswith((f"{path}.", f"{path}["))


def _name(entry: Difference) -> str:
    """The field's label and its JSON key ("Streams to record · streamTypes")."""
    tokens = jsonpath.parse(entry.path) if entry.path else []
    key = str(tokens[-1]) if tokens and not isinstance(tokens[-1], int) else ""
    label = _(entry.label) if entry.label else ""
    return " · ".join(part for part in (label, key) if part) or entry.path or "body"


def _label_text(entry: Difference) -> Text:
    text = Text(_name(entry), style="bold")
    text.append(f"\n{entry.path}", style="dim")
    return text


def _side_by_side(diff: BodyDiff) -> Table:
    table = Table(
        expand=True, show_lines=True, header_style="bold", border_style="dim", box=HORIZONTALS
    )
    # Widths from the content (Rich narrows the widest first): a path is not folded at a
    # third of the screen while the values beside it are a few characters long.
    table.add_column(_("Field"), overflow="fold")
    table.add_column("", width=8)
    table.add_column(_("Original"))
    table.add_column(_("Now"))
    for entry in diff.differences:
        table.add_row(
            _label_text(entry),
            Text(_(_KIND_NAMES[entry.kind]), style=_KIND_STYLES[entry.kind]),
            Text.assemble(_mark(entry.path, diff.before.problems), entry.before or "—"),
            Text.assemble(_mark(entry.path, diff.after.problems), entry.after or "—"),
        )
    return table


def _unified(diff: BodyDiff) -> Text:
    out = Text()
    for entry in diff.differences:
        out.append(f"{_name(entry)} ", style="bold")
        out.append(f"({_(_KIND_NAMES[entry.kind])})\n", style=_KIND_STYLES[entry.kind])
        _indent(out, 2)
        out.append(f"{entry.path}\n", style="dim")
        sides = (
            ("−", _KIND_STYLES["removed"], "added", entry.before, diff.before.problems),
            ("+", _KIND_STYLES["added"], "removed", entry.after, diff.after.problems),
        )
        for sign, style, absent_when, value, problems in sides:
            if entry.kind == absent_when:
                continue
            _indent(out, 2)
            out.append(f"{sign} ", style=style)
            out.append(*_mark(entry.path, problems))
            out.append(f"{value}\n")
        out.append("\n")
    out.rstrip()
    return out


def _problem_lists(diff: BodyDiff) -> Text:
    def key(problem: Problem) -> tuple[str, str]:
        return (problem.rule, problem.path)

    before = {key(p) for p in diff.before.problems}
    after = {key(p) for p in diff.after.problems}
    groups = (
        (_("Fixed since the original"), [p for p in diff.before.problems if key(p) not in after]),
        (_("In both"), [p for p in diff.after.problems if key(p) in before]),
        (_("New since the original"), [p for p in diff.after.problems if key(p) not in before]),
    )
    out = Text()
    if not diff.before.problems and not diff.after.problems:
        out.append(_("Problems: none in the original, none now."), style="bold")
        return out
    for title, problems in groups:
        if not problems:
            continue
        out.append(f"{title} ({len(problems)})\n", style="bold")
        for problem in sorted(problems, key=sort_key):
            style = _ERROR_STYLE if problem.is_error else _WARNING_STYLE
            _indent(out, 2)
            out.append("✗ " if problem.is_error else "⚠ ", style=style)
            out.append(f"{problem.path or _('(body)')}: ", style="bold")
            out.append(f"{problem.message}\n")
        out.append("\n")
    out.rstrip()
    return out
