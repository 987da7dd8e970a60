"""F9: what changed against the document as it was opened or imported, field by field.

Side by side (field, original, now) when the terminal has room, unified (− before,
+ after) when it is narrower than :data:`SIDE_BY_SIDE_WIDTH`. Values are named with the
declarations' labels and choice labels; secrets are never shown; each side's problems are
marked on its rows and listed underneath (fixed, still there, new).

The screen works on a :class:`BodyDiff`. Until the core's ``rec_tui/request/diff.py``
lands, :func:`_compare` below computes one from the two bodies with the catalogue; it
is the one place to replace with the core's comparison.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from rich.box import HORIZONTALS
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static

from rec_tui.request.draft import Draft
from rec_tui.request.redact import MASK, SECRET_KEYS, redact_body
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.problems import Problem, sort_key

SIDE_BY_SIDE_WIDTH: Final = 110
_VALUE_LIMIT: Final = 160
_ERROR_STYLE: Final = "bold #ff5370"
_WARNING_STYLE: Final = "bold #ffcb6b"
_INDENT_STYLE: Final = "not bold"
_KIND_STYLES: Final = {"added": "#c3e88d", "removed": "#ff5370", "changed": "#ffcb6b"}

Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class DiffEntry:
    """One difference: at ``path`` (named ``label``), ``before`` became ``after``.

    ``before`` / ``after`` are display texts ("0 (Audio only)"), empty on the side where
    the value is absent; secrets are already masked.
    """

    path: str
    label: str
    kind: Kind
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class BodyDiff:
    """The differences between two bodies and the problems each one has."""

    entries: tuple[DiffEntry, ...]
    before_problems: tuple[Problem, ...]
    after_problems: tuple[Problem, ...]


class DiffScreen(Screen[None]):
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
        Binding("escape", "close", "Close"),
        Binding("f9", "close", "Close", show=False),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        self.diff = _compare(draft) if draft.original is not None else None
        self._side_by_side: bool | None = None

    def compose(self) -> ComposeResult:
        original = self.draft.original
        if original is None:
            yield Static("Compare with the original", id="diff-title")
            yield Static(
                "There is no original to compare with: this request was not opened from a "
                "file or preset, nor imported. Open or import the customer's request (F6) "
                "and F9 shows what you changed since.",
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
        if not self.diff.entries:
            body.update(Text("No differences: the body is as it was opened (key order aside)."))
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
    changes = len(diff.entries) if diff else 0
    mode = (
        f"{original.mode} mode"
        if original.mode == draft.mode
        else f"{original.mode} mode, now {draft.mode}"
    )
    return (
        f"Compared with the original: {original.source or 'the opened document'} ({mode}) · "
        f"{changes} difference{'s' * (changes != 1)}"
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


def _label_text(entry: DiffEntry) -> Text:
    text = Text(entry.label, style="bold")
    text.append(f"\n{entry.path}", style="dim")
    return text


def _side_by_side(diff: BodyDiff) -> Table:
    table = Table(
        expand=True, show_lines=True, header_style="bold", border_style="dim", box=HORIZONTALS
    )
    table.add_column("Field", ratio=3, overflow="fold")
    table.add_column("", width=8)
    table.add_column("Original", ratio=3)
    table.add_column("Now", ratio=3)
    for entry in diff.entries:
        table.add_row(
            _label_text(entry),
            Text(entry.kind, style=_KIND_STYLES[entry.kind]),
            Text.assemble(_mark(entry.path, diff.before_problems), entry.before or "—"),
            Text.assemble(_mark(entry.path, diff.after_problems), entry.after or "—"),
        )
    return table


def _unified(diff: BodyDiff) -> Text:
    out = Text()
    for entry in diff.entries:
        out.append(f"{entry.label} ", style="bold")
        out.append(f"({entry.kind})\n", style=_KIND_STYLES[entry.kind])
        _indent(out, 2)
        out.append(f"{entry.path}\n", style="dim")
        sides = (
            ("−", _KIND_STYLES["removed"], "added", entry.before, diff.before_problems),
            ("+", _KIND_STYLES["added"], "removed", entry.after, diff.after_problems),
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

    before = {key(p) for p in diff.before_problems}
    after = {key(p) for p in diff.after_problems}
    groups = (
        ("Fixed since the original", [p for p in diff.before_problems if key(p) not in after]),
        ("In both", [p for p in diff.after_problems if key(p) in before]),
        ("New since the original", [p for p in diff.after_problems if key(p) not in before]),
    )
    out = Text()
    if not diff.before_problems and not diff.after_problems:
        out.append("Problems: none in the original, none now.", style="bold")
        return out
    for title, problems in groups:
        if not problems:
            continue
        out.append(f"{title} ({len(problems)})\n", style="bold")
        for problem in sorted(problems, key=sort_key):
            style = _ERROR_STYLE if problem.is_error else _WARNING_STYLE
            _indent(out, 2)
            out.append("✗ " if problem.is_error else "⚠ ", style=style)
            out.append(f"{problem.path or '(body)'}: ", style="bold")
            out.append(f"{problem.message}\n")
        out.append("\n")
    out.rstrip()
    return out


# --- the comparison (until rec_tui/request/diff.py lands) ------------------------------


def _compare(draft: Draft) -> BodyDiff:
    """The draft's body against its original: the one call to swap for the core's diff."""
    from rec_tui.request.validate import validate

    original = draft.original
    assert original is not None
    entries: list[DiffEntry] = []
    _walk(original.body, draft.body, "", entries)
    before = validate(original.mode, original.body, snapshot_intent=draft.snapshot_intent)
    return BodyDiff(tuple(entries), tuple(before), tuple(draft.validate()))


_ABSENT: Final = object()


def _walk(before: Any, after: Any, path: str, entries: list[DiffEntry]) -> None:
    """Differences by path; objects compare key by key (so order does not matter), lists
    of objects item by item, anything else as a whole value."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            _walk(
                before.get(key, _ABSENT),
                after.get(key, _ABSENT),
                jsonpath.child(path, key),
                entries,
            )
        return
    if (
        isinstance(before, list)
        and isinstance(after, list)
        and any(isinstance(item, dict) for item in [*before, *after])
    ):
        for index in range(max(len(before), len(after))):
            _walk(
                before[index] if index < len(before) else _ABSENT,
                after[index] if index < len(after) else _ABSENT,
                jsonpath.child(path, index),
                entries,
            )
        return
    if before is _ABSENT and after is _ABSENT:
        return
    if before is not _ABSENT and after is not _ABSENT and _same(before, after):
        return
    kind: Kind = "added" if before is _ABSENT else "removed" if after is _ABSENT else "changed"
    entries.append(
        DiffEntry(
            path,
            _label(path),
            kind,
            "" if before is _ABSENT else _shown(path, before),
            "" if after is _ABSENT else _shown(path, after),
        )
    )


def _same(a: Any, b: Any) -> bool:
    # 1 and 1.0 are the same number, True and 1 are not the same value.
    return (type(a) is type(b) and a == b) or (
        isinstance(a, (int, float))
        and isinstance(b, (int, float))
        and not isinstance(a, bool)
        and not isinstance(b, bool)
        and a == b
    )


def _label(path: str) -> str:
    key = str(jsonpath.parse(path)[-1]) if path else "body"
    declared = catalogue.lookup(path)
    if declared is None:
        return key if not key.isdigit() else f"item {key}"
    return f"{declared.label} · {declared.key}"


def _shown(path: str, value: Any) -> str:
    """A value as a person reads it: choice labels, secrets masked, long values cut."""
    tokens = jsonpath.parse(path) if path else []
    if tokens and tokens[-1] in SECRET_KEYS and isinstance(value, str):
        return MASK if value else '""'
    declared = catalogue.lookup(path)
    text = json.dumps(redact_body(value), ensure_ascii=False)
    if declared is not None and declared.choices:
        labels = (
            [declared.label_for(item) for item in value]
            if isinstance(value, list)
            else [declared.label_for(value)]
        )
        named = ", ".join(label for label in labels if label)
        if named:
            text = f"{text} ({named})"
    return text if len(text) <= _VALUE_LIMIT else text[: _VALUE_LIMIT - 1] + "…"
