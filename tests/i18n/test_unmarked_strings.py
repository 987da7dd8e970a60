"""No user-facing text in rec-tui escapes the catalogue: a string literal handed straight to
a widget, a notice, print(), argparse's help, a problem or finding, or an exception (whose
message the wizard and the command line show) is reported with its file and line, and every
module that marks messages is in Babel's map (so the catalogue tests see its messages).

The whole package is scanned but for the modules that speak English on purpose
(:data:`ENGLISH_MODULES`); a module with no user-facing text needs no entry in Babel's map."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

from tests.support.translations import REPO, translated_modules

SCANNED = ("rec_tui",)
# Modules whose texts are English on purpose, with the reason. A module Babel's map lists is
# scanned whatever this says.
ENGLISH_MODULES = {
    # The sandbox imitates Agora's servers, which answer in English (its answers, reasons,
    # refusals, simulated network errors and server log lines); what it says to the user in
    # rec-tui's own voice (scenario_notes.py, recorder_token.py) is in Babel's map.
    "rec_tui/sandbox/*.py": "Agora's servers answer in English",
}
MARKERS = {"_", "ngettext", "N_"}
LETTERS = re.compile(r"[A-Za-z]")
# "rec-tui: " and "rec-tui <command>: " before a message name the program, not a message.
PROGRAM_PREFIX = re.compile(r"^rec-tui(?: [a-z]+)?: ?")

# A class deriving from one whose name ends so is an exception (Exception, RecTuiError...).
_EXCEPTION_ENDS = ("Exception", "Error", "Problem")
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
    # The core's findings: a problem's message and hint, a fix's description, a diagnose
    # finding's message and fix.
    "Problem": (4, 5),
    "Fix": (0,),
    "Finding": (2, 4),
    "TokenFinding": (1,),
    # Callers show str(error) of a ValueError (an endpoint not understood, a bad token...).
    "ValueError": (0,),
}
# Exceptions whose arguments are not said as they are.
EXCEPTION_SINKS: dict[str, tuple[int, ...]] = {
    # RecordingError(call, kind, ...): identifiers its (translated) message is composed from.
    "RecordingError": (),
}
# A rule's ctx.error(path, message, hint) / ctx.warning(...): the path is not a message.
RULE_SINKS = {"error", "warning"}
# Keyword arguments that are user-facing whoever takes them (argparse, Input, notify, Hit...,
# and the core's problems and findings).
KEYWORD_SINKS = {"help", "description", "epilog", "usage", "placeholder", "tooltip", "title"}
KEYWORD_SINKS |= {"message", "hint", "fix"}
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
    # The Send panel's exchanges written as a customer's log lines, for diagnose to read.
    ("rec_tui/agora/diagnose/transcript.py", "{} {}: no answer ({})"),
    # Errors of the core that callers catch and say in their own (translated) words.
    ("rec_tui/formats/importers/curl.py", "not UTF-8"),
    ("rec_tui/formats/jsonfile.py", "no standard input"),
    # Programming errors: every caller passes only values these tables and checks allow.
    ("rec_tui/layout/presets.py", "preset layouts are 0, 1 and 2, not {}"),
    ("rec_tui/layout/presets.py", "preset layouts show 1 to {} users, not {}"),
    ("rec_tui/layout/templates.py", "a {}×{} grid needs 1 to {} tiles"),
    ("rec_tui/layout/templates.py", "the strip holds 1 to {} tiles"),
    ("rec_tui/spec/storage.py", "region {} given two areas"),
    ("rec_tui/spec/storage.py", "an area is listed for a region that is not in the table"),
    ("rec_tui/tui/send_panel.py", "unknown action {}"),
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


@cache
def _exceptions() -> frozenset[str]:
    """The exceptions rec-tui defines: each carries its message to whoever catches and
    shows it (the wizard and the command line show a RecTuiError's message as it is)."""
    return frozenset(
        node.name
        for path in (REPO / "rec_tui").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any(
            isinstance(base, ast.Name) and base.id.endswith(_EXCEPTION_ENDS) for base in node.bases
        )
    )


def _positions(call: ast.Call, name: str) -> tuple[int, ...]:
    if name in RULE_SINKS and len(call.args) > 1:
        return (1, 2)
    if name in _exceptions():
        # The message is not always first (JsonTextError(where, message)): every argument.
        return EXCEPTION_SINKS.get(name, tuple(range(len(call.args))))
    return POSITIONAL_SINKS.get(name, ())


def _keywords(call: ast.Call) -> Iterator[ast.keyword]:
    given = {keyword.arg for keyword in call.keywords}
    for keyword in call.keywords:
        # A field the seed describes has the seed's own Chinese (help_zh) as its Chinese help.
        if keyword.arg == "help" and "help_zh" in given:
            continue
        if keyword.arg in KEYWORD_SINKS:
            yield keyword


def _said(node: ast.AST) -> Iterator[tuple[str, ast.expr]]:
    """The user-facing expressions ``node`` hands on, each with the sink it goes to."""
    if isinstance(node, ast.Call):
        name = _callee(node) or "?"
        for position in _positions(node, name):
            if position < len(node.args):
                yield f"{name}()", node.args[position]
        for keyword in _keywords(node):
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


def _english(path: str) -> bool:
    return any(fnmatch(path, pattern) for pattern in ENGLISH_MODULES) and not any(
        fnmatch(path, pattern) for pattern in translated_modules()
    )


def _sources() -> Iterator[tuple[Path, str]]:
    for folder in SCANNED:
        for path in sorted((REPO / folder).rglob("*.py")):
            module = path.relative_to(REPO)
            if not _english(module.as_posix()):
                yield module, path.read_text(encoding="utf-8")


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


def test_an_unmarked_text_of_the_core_is_found_with_its_place() -> None:
    source = (
        "raise PresetError(f'{path}: cannot read it')\n"
        "raise ValueError(_('Unknown endpoint.'))\n"
        "ctx.error(f'{CR}.token', 'The token is empty.', _('Add one.'))\n"
        "found.append(Problem('r', 'R1', ERROR, 'cname', 'Bad cname.'))\n"
        "Field(path='cname', label=N_('Channel'), help='The channel.', help_zh='频道名。')\n"
        "Field(path='uid', label=N_('UID'), help='The uid.')\n"
        "raise JsonTextError(where, 'Twice.', path)\n"
        "raise RecordingError('start', 'network', reason=reason)\n"
    )
    assert unmarked_texts(Path("rec_tui/store/x.py"), source) == [
        "rec_tui/store/x.py:1: PresetError(): '{}: cannot read it'",
        "rec_tui/store/x.py:3: error(): 'The token is empty.'",
        "rec_tui/store/x.py:4: Problem(): 'Bad cname.'",
        "rec_tui/store/x.py:6: Field(help=): 'The uid.'",
        "rec_tui/store/x.py:7: JsonTextError(): 'Twice.'",
    ]


def test_the_sandbox_is_english_on_purpose_but_what_it_says_for_rec_tui_is_scanned() -> None:
    scanned = {path.as_posix() for path, _source in _sources()}
    assert "rec_tui/sandbox/service.py" not in scanned
    assert {"rec_tui/sandbox/recorder_token.py", "rec_tui/sandbox/scenario_notes.py"} <= scanned
    assert "rec_tui/errors.py" in scanned and "rec_tui/request/draft.py" in scanned


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


def _marks_a_message(node: ast.AST) -> bool:
    """A message Babel extracts: _("..."), ngettext("...", ...), N_("..."). _(variable)
    says a message marked where it was declared (a field's label)."""
    return (
        isinstance(node, ast.Call)
        and _callee(node) in MARKERS
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def test_every_module_that_marks_messages_is_in_babels_map() -> None:
    """A module left out of babel.cfg has its messages checked by no catalogue test."""
    unlisted = [
        path.as_posix()
        for path, source in _sources()
        if any(_marks_a_message(node) for node in ast.walk(ast.parse(source)))
        and not any(fnmatch(path.as_posix(), pattern) for pattern in translated_modules())
    ]
    assert unlisted == []
