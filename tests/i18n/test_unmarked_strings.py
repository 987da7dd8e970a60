"""No user-facing text in the wizard or the command line escapes the catalogue: a string
literal handed straight to a widget, a notice, print() or argparse's help is reported with
its file and line, and every module that marks messages is in Babel's map (so the catalogue
tests see its messages)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from tests.support.translations import REPO, translated_modules

SCANNED = ("rec_tui/tui", "rec_tui/cli")
MARKERS = {"_", "ngettext", "N_"}
LETTERS = re.compile(r"[A-Za-z]")
# "rec-tui: " and "rec-tui <command>: " before a message name the program, not a message.
PROGRAM_PREFIX = re.compile(r"^rec-tui(?: [a-z]+)?: ?")

# Callee name → the positions of its user-facing arguments.
POSITIONAL_SINKS: dict[str, tuple[int, ...]] = {
    "notify": (0,),
    "Static": (0,),
    "Label": (0,),
    "Button": (0,),
    "Checkbox": (0,),
    "RadioButton": (0,),
    "Option": (0,),
    "Text": (0,),
    "Content": (0,),
    "update": (0,),
    "append": (0,),
    "append_text": (0,),
    "write": (0,),
    "print": (0, 1, 2),
    "error": (0,),
    "add_column": (0,),
    "Binding": (2,),
    "Command": (0, 1),
    "ApplyStatus": (1,),
    "Hit": (1, 3),
    "DiscoveryHit": (0, 2),
    "ArgumentTypeError": (0,),
    "UsageError": (0,),
}
# Keyword arguments that are user-facing whoever takes them (argparse, Input, notify, Hit...).
KEYWORD_SINKS = {"help", "description", "epilog", "usage", "placeholder", "tooltip", "title"}
ATTRIBUTE_SINKS = {"border_title", "border_subtitle", "tooltip", "title", "sub_title"}

# (file, text) said deliberately untranslated; "{}" stands for an f-string's replacement field.
ALLOWED = {
    # The one message about the translations themselves failing to load (no catalogue to ask).
    ("rec_tui/cli/language.py", "cannot read the {} translations ({}); messages stay in English."),
    # Scripts wait for this exact line to learn the sandbox's address.
    ("rec_tui/cli/sandbox.py", "Sandbox listening on {}"),
    # The unified-diff header every diff reader expects.
    ("rec_tui/cli/diff.py", "--- A: {}\n+++ B: {}"),
    # An API field name: the acquire option is called this in every language.
    ("rec_tui/tui/send/settings.py", "resourceExpiredHour"),
    # The HTTP header's name, as the customer's and Agora's logs print it.
    ("rec_tui/tui/widgets/exchange_log.py", "  x-request-id {}"),
    ("rec_tui/cli/history.py", "x-request-id {}"),
    # Milliseconds: the SI unit symbol.
    ("rec_tui/tui/widgets/exchange_log.py", "  {} ms"),
    # Each language's palette entry is named in that language, for a user who cannot read
    # the other ("Language: English" in Chinese, "Language: 简体中文" in English).
    ("rec_tui/tui/controllers/commands.py", "Language: {}"),
    # The API call's name before Agora's answer (already said in the user's language).
    ("rec_tui/tui/controllers/sending.py", "updateLayout: {}"),
    # "sid" is the API's name of a recording (the value beside it is one).
    ("rec_tui/tui/widgets/running_list.py", "\n● {} sid {}  {}  {}"),
}


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal, f-string or literal.format(...) said as it is (not
    through _() or a variable), "{}" for each replacement field; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _literal(node.func.value) if node.func.attr == "format" else None
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    return None


def _text(value: ast.expr) -> str | None:
    """The message a literal says, the program's name before it left out."""
    text = _literal(value)
    return None if text is None else PROGRAM_PREFIX.sub("", text)


def _said(node: ast.AST) -> Iterator[tuple[str, ast.expr]]:
    """The user-facing expressions ``node`` hands on, each with the sink it goes to."""
    if isinstance(node, ast.Call):
        name = _callee(node) or "?"
        for position in POSITIONAL_SINKS.get(name, ()):
            if position < len(node.args):
                yield f"{name}()", node.args[position]
        for keyword in node.keywords:
            if keyword.arg in KEYWORD_SINKS:
                yield f"{name}({keyword.arg}=)", keyword.value
    elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in ATTRIBUTE_SINKS:
                yield f".{target.attr} =", node.value


def unmarked_texts(path: Path, source: str) -> list[str]:
    """ "file:line: sink: text" for each user-facing literal in ``source`` not marked."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for sink, value in _said(node):
            text = _text(value)
            if text is not None and LETTERS.search(text) and (path.as_posix(), text) not in ALLOWED:
                found.append((value.lineno, f"{path.as_posix()}:{value.lineno}: {sink}: {text!r}"))
    return [line for _lineno, line in sorted(found)]


def _sources() -> Iterator[tuple[Path, str]]:
    for folder in SCANNED:
        for path in sorted((REPO / folder).rglob("*.py")):
            yield path.relative_to(REPO), path.read_text(encoding="utf-8")


def test_user_facing_strings_are_marked_for_translation() -> None:
    found = [line for path, source in _sources() for line in unmarked_texts(path, source)]
    assert found == []


def test_an_unmarked_text_is_found_with_its_place() -> None:
    source = (
        "from rec_tui.i18n import _\n"
        "self.notify(_('Saved.'))\n"
        "self.notify(f'Saved {name}.')\n"
        "parser.add_argument('--x', help='The x.')\n"
        "box.border_title = 'Export'\n"
        "print(f'rec-tui: {error}')\n"
        "yield Binding('ctrl+s', 'save', 'Save')\n"
    )
    assert unmarked_texts(Path("rec_tui/tui/x.py"), source) == [
        "rec_tui/tui/x.py:3: notify(): 'Saved {}.'",
        "rec_tui/tui/x.py:4: add_argument(help=): 'The x.'",
        "rec_tui/tui/x.py:5: .border_title =: 'Export'",
        "rec_tui/tui/x.py:7: Binding(): 'Save'",
    ]


def test_every_allowed_text_is_still_said() -> None:
    """An allow-list entry whose text is gone would hide the next text said there."""
    said = {
        (path.as_posix(), text)
        for path, source in _sources()
        for node in ast.walk(ast.parse(source))
        for _sink, value in _said(node)
        if (text := _text(value)) is not None
    }
    assert ALLOWED - said == set()


def test_messages_are_marked_as_plain_literals() -> None:
    """_(f"...") or _("...".format()) could never be found in the catalogue."""
    built = [
        f"{path.as_posix()}:{node.lineno}"
        for path, source in _sources()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _callee(node) in MARKERS
        for argument in node.args
        if isinstance(argument, ast.JoinedStr | ast.BinOp)
        or (isinstance(argument, ast.Call) and _literal(argument) is not None)
    ]
    assert built == []


def test_every_module_that_marks_messages_is_in_babels_map() -> None:
    """A module left out of babel.cfg has its messages checked by no catalogue test."""
    unlisted = [
        path.as_posix()
        for path, source in _sources()
        if any(
            isinstance(node, ast.Call) and _callee(node) in MARKERS
            for node in ast.walk(ast.parse(source))
        )
        and not any(fnmatch(path.as_posix(), pattern) for pattern in translated_modules())
    ]
    assert unlisted == []
