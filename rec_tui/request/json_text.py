"""A request body as text a person edits: parsing with line and column, where each path is,
and secrets shown masked without ever writing the mask into the body.

The JSON editor (and ``$EDITOR``) show the body as text. Whatever the person typed must be
read back with a message that says where it is wrong and what was expected there; each
problem's JSON path must be found in *their* text (their indentation, their key order) to
mark its line; and secret values are shown as :data:`~rec_tui.request.redact.MASK` so that
a screenshot of the editor shows none, while leaving the bullets alone keeps the secret.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.redact import MASK, mask, redact_body, secret_key, secret_member
from rec_tui.spec import jsonpath

_MASK_CHARACTER: Final = MASK[0]
_WHITESPACE: Final = re.compile(r"[ \t\n\r]*")
_SCALAR: Final = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_NON_FINITE: Final = re.compile(r"-?Infinity|NaN")
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in the text; both numbers start at 1, as editors show them."""

    line: int
    column: int

    def __str__(self) -> str:
        return _("line {line}, column {column}").format(line=self.line, column=self.column)


class JsonTextError(ValueError):
    """The text cannot become a body: where, and what to do about it."""

    def __init__(self, position: Position, message: str, path: str = "") -> None:
        super().__init__(_("{position}: {message}").format(position=position, message=message))
        self.position = position
        self.message = message
        self.path = path


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A body read from text, with where each of its paths is in that text.

    ``keys`` holds where each member's key starts (or a list item's value); ``values``
    where its value starts. The body itself (path ``""``) is at its opening brace.
    """

    body: dict[str, Any]
    keys: dict[str, Position]
    values: dict[str, Position]

    def key_position(self, path: str) -> Position:
        """Where ``path`` is, or its nearest ancestor when it is not in the text (a missing
        field is marked on the object that should hold it)."""
        return self.keys[_nearest(self.keys, path)]

    def value_position(self, path: str) -> Position:
        """Where the value of ``path`` (or of its nearest present ancestor) starts."""
        return self.values[_nearest(self.values, path)]


def body_text(body: Any) -> str:
    """The body as the editor shows it: two-space indentation, secrets masked."""
    return json.dumps(redact_body(body), indent=2, ensure_ascii=False)


def mask_text(text: str) -> str:
    """``text`` with the value of every secret-keyed member masked, the rest as it was.

    For text the person typed (a new secret shows while it is typed) before it leaves the
    screen or goes to a file; works on text that does not parse yet.
    """

    def masked(member: re.Match[str]) -> str:
        return f'{member.group(1)}"{mask(member.group(2))}"'

    return secret_member().sub(masked, text)


def parse(text: str) -> ParsedText:
    """Read a body from text, or raise :class:`JsonTextError` saying where and why."""
    if not text.strip():
        raise JsonTextError(
            Position(1, 1), _("The text is empty: the body is a JSON object, { … }.")
        )
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise JsonTextError(
            Position(error.lineno, error.colno), explain_syntax_error(error.msg, text, error.pos)
        ) from None
    except _NonFinite as constant:
        offset = _find_outside_strings(text, str(constant))
        raise JsonTextError(
            _Lines(text).position(offset),
            _("{constant} is not a JSON number: write a number such as 0 or 1.5.").format(
                constant=constant
            ),
        ) from None
    if not isinstance(value, dict):
        start = _WHITESPACE.match(text)
        offset = start.end() if start else 0
        raise JsonTextError(
            _Lines(text).position(offset),
            _("The body must be a JSON object, {{ … }}, not {value}.").format(value=_kind(value)),
        )
    locator = _Locator(text)
    keys, values = locator.locate()
    if locator.repeats:
        # In the editor the text is the person's and stays on screen: a key written twice
        # is refused, so that neither value is lost without them choosing.
        path, position = locator.repeats[0]
        key = f'"{jsonpath.parse(path)[-1]}"'
        raise JsonTextError(
            position,
            _("{key} is written twice in this object: keep one of them.").format(key=key),
            path,
        )
    return ParsedText(value, keys, values)


def repeated_keys(text: str) -> list[tuple[str, Position]]:
    """(path, where it is written again) for each key written more than once in one object
    of ``text``, in the order of the text; ``text`` must be JSON :mod:`json` accepts.

    :mod:`json` keeps the value written last. Every repeat is listed: a key written three
    times gives two entries.
    """
    locator = _Locator(text)
    locator.locate()
    return locator.repeats


def unmask(edited: dict[str, Any], previous: dict[str, Any], parsed: ParsedText) -> dict[str, Any]:
    """``edited`` with each masked secret replaced by the secret it stands for.

    A value left as the mask keeps the secret that ``previous`` has at the same path (or,
    when it moved, the only secret of that name there). Anything else with bullets in it
    would put the bullets into the request, so it is refused with its line and column.
    """

    # What the text showed for the previous body: a value left as shown keeps what it
    # stands for, wherever redaction masked it (any secret key, a URL's user-info).
    shown = redact_body(previous)

    def restore(value: Any, path: str, secret: bool) -> Any:
        if isinstance(value, dict):
            return {
                key: restore(item, jsonpath.child(path, key), secret or bool(secret_key(key)))
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [
                restore(item, jsonpath.child(path, index), secret)
                for index, item in enumerate(value)
            ]
        if not isinstance(value, str) or _MASK_CHARACTER not in value:
            return value
        kept = jsonpath.get(previous, path)
        if isinstance(kept, str) and kept and jsonpath.get(shown, path) == value:
            return kept
        return _restored_secret(value, path, previous, parsed) if secret else value

    restored: dict[str, Any] = restore(edited, "", False)
    return restored


def _restored_secret(value: str, path: str, previous: dict[str, Any], parsed: ParsedText) -> str:
    if _MASK_CHARACTER not in value:
        return value  # typed anew, or left empty: that is the secret now
    key = str(jsonpath.parse(path)[-1])
    where = parsed.value_position(path)
    if value != MASK:
        raise JsonTextError(
            where,
            _(
                "{key} still has some of the mask's bullets (•): select the whole "
                "value and type the new secret, or put back exactly 8 bullets to keep "
                "the one you had."
            ).format(key=key),
            path,
        )
    kept = jsonpath.get(previous, path)
    if isinstance(kept, str) and kept:
        return kept
    candidates = {
        item
        for item_path, item in jsonpath.walk(previous)
        if item_path and jsonpath.parse(item_path)[-1] == key and isinstance(item, str) and item
    }
    if len(candidates) == 1:
        return candidates.pop()
    raise JsonTextError(
        where,
        _(
            "{key} shows the mask (••••••••) but there is no secret to keep there: type the value."
        ).format(key=key),
        path,
    )


def _nearest(found: dict[str, Position], path: str) -> str:
    tokens = jsonpath.parse(path) if path else []
    while tokens:
        candidate = jsonpath.join(tokens)
        if candidate in found:
            return candidate
        tokens = tokens[:-1]
    return ""


class _NonFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NonFinite(name)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return _("a number")


def _previous_character(text: str, offset: int) -> str:
    stripped = text[:offset].rstrip()
    return stripped[-1] if stripped else ""


def explain_syntax_error(message: str, text: str, offset: int) -> str:
    """Plain words for what :mod:`json` expected at ``offset`` (its ``message``)."""
    here = text[offset : offset + 1]
    before = _previous_character(text, offset)
    if here == "/" and text[offset + 1 : offset + 2] in ("/", "*"):
        return _("JSON has no comments (// or /* */): remove them.")
    if before == "," and here in ("}", "]"):
        return _(
            "There is a comma before this '{here}': remove it (JSON allows none there)."
        ).format(here=here)
    if message.startswith("Expecting property name"):
        if here == "'":
            return _('Keys are written in double quotes ("cname"), not single quotes.')
        return _('Expected a key in double quotes here, such as "cname", or a closing }.')
    if message.startswith("Expecting ':'"):
        return _("Expected a colon (:) between the key and its value.")
    if message.startswith("Expecting ','"):
        if not here.strip():
            return _("The text ends too early: a value or a closing } or ] is missing.")
        if here == '"' or before in ('"', "}", "]") or before.isalnum():
            return _("A comma (,) is missing before this, after the value before it.")
        return _("Expected a comma (,) between items, or the closing } or ].")
    if message.startswith("Expecting value"):
        if here == "'":
            return _('Text is written in double quotes ("demo"), not single quotes.')
        if not here:
            return _("The text ends too early: a value or a closing } or ] is missing.")
        return _(
            "Expected a value here: text in double quotes, a number, true, false, "
            "null, an object { … } or a list [ … ]."
        )
    if message.startswith("Unterminated string"):
        return _('This text in quotes is not closed: add the closing double quote (").')
    if message.startswith("Invalid control character"):
        if here in ("\n", "\r"):
            return _(
                "This text in quotes is not closed before the end of the line: add the "
                'closing double quote ("), or write a line break inside text as \\n.'
            )
        return _(
            "A tab or other control character inside quotes must be written as \\t or \\uXXXX."
        )
    if message.startswith("Invalid \\u"):
        return _("A \\u escape needs four hexadecimal digits, such as \\u00e9.")
    if message.startswith("Invalid \\escape"):
        return _("Unknown escape after a backslash: write \\\\ for a backslash itself.")
    if message.startswith("Extra data"):
        return _("Unexpected text after the end of the body: the object closed before this.")
    return f"{message}."


def _find_outside_strings(text: str, word: str) -> int:
    """The offset of the first ``word`` that is not inside a JSON string (0 if none)."""
    inside = False
    escaped = False
    for offset, character in enumerate(text):
        if inside:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                inside = False
        elif character == '"':
            inside = True
        elif text.startswith(word, offset) or (
            character == "-" and text.startswith(word, offset + 1)
        ):
            return offset
    return 0


class _Lines:
    """Offsets in the text to 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        index = bisect_right(self._starts, offset) - 1
        return Position(index + 1, offset - self._starts[index] + 1)


class _Locator:
    """Walks text that :func:`json.loads` accepted, noting where each path is.

    Also notes each key written again in the same object (:attr:`repeats`): :mod:`json`
    silently keeps the last one and loses the other values. ``keys`` and ``values`` then
    hold where the last one is, the one that was kept.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = _Lines(text)
        self.keys: dict[str, Position] = {}
        self.values: dict[str, Position] = {}
        self.repeats: list[tuple[str, Position]] = []

    def locate(self) -> tuple[dict[str, Position], dict[str, Position]]:
        start = self._skip(0)
        position = self._lines.position(start)
        self.keys[""] = self.values[""] = position
        self._value(start, "")
        return self.keys, self.values

    def _skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self._text, offset)
        return match.end() if match else offset

    def _value(self, offset: int, path: str) -> int:
        """Walk the value starting at ``offset``; return the offset just after it."""
        text = self._text
        opening = text[offset]
        if opening == "{":
            return self._object(offset, path)
        if opening == "[":
            return self._list(offset, path)
        if opening == '"':
            return self._string(offset)[1]
        match = _SCALAR.match(text, offset) or _NON_FINITE.match(text, offset)
        assert match is not None, "json.loads accepted it"
        return match.end()

    def _string(self, offset: int) -> tuple[str, int]:
        """The text of the string starting at ``offset`` and the offset after it."""
        match = _STRING.match(self._text, offset)
        assert match is not None, "json.loads accepted it"
        decoded: str = json.loads(match.group())
        return decoded, match.end()

    def _object(self, offset: int, path: str) -> int:
        text = self._text
        seen: set[str] = set()
        offset = self._skip(offset + 1)
        while text[offset] != "}":
            key_start = offset
            key, offset = self._string(offset)
            child = jsonpath.child(path, key)
            if key in seen:
                self.repeats.append((child, self._lines.position(key_start)))
            seen.add(key)
            offset = self._skip(self._skip(offset) + 1)  # the colon
            self.keys[child] = self._lines.position(key_start)
            self.values[child] = self._lines.position(offset)
            offset = self._skip(self._value(offset, child))
            if text[offset] == ",":
                offset = self._skip(offset + 1)
        return offset + 1

    def _list(self, offset: int, path: str) -> int:
        text = self._text
        offset = self._skip(offset + 1)
        index = 0
        while text[offset] != "]":
            child = jsonpath.child(path, index)
            self.keys[child] = self.values[child] = self._lines.position(offset)
            offset = self._skip(self._value(offset, child))
            if text[offset] == ",":
                offset = self._skip(offset + 1)
            index += 1
        return offset + 1
