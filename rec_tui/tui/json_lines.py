"""Pretty-print a JSON value, recording the line each path starts on and its tokens.

The preview marks the lines that have problems and colours keys and values; :mod:`json`
cannot say where a path ended up, and re-scanning its output with regular expressions on
every keystroke is slow, so the body is rendered here, in the layout of
``json.dumps(indent=2, ensure_ascii=False)``, noting each token as it is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, Literal, NamedTuple

from rec_tui.record import Record
from rec_tui.spec import jsonpath

_INDENT = "  "
TokenKind = Literal["key", "string", "number", "literal"]


class Token(NamedTuple):
    line: int
    start: int
    end: int
    kind: TokenKind


class RenderedJson(Record, frozen=True):
    lines: list[str]
    # path → index of the line where its value starts (its key's line).
    line_of: dict[str, int]
    tokens: list[Token]
    # line → index in ``tokens`` of the scalar value written on it (not on a line opening
    # an object or a list).
    scalar_at: dict[int, int]

    def with_scalars(self, values: dict[str, Any]) -> RenderedJson | None:
        """This rendering with the scalar at each path replaced by the given one, as
        :func:`render` of the changed value would write it; None when a path is not a
        scalar here or its new value is not one (the shape changed: render it again).

        A keystroke changes one value, which is one line: writing that line alone spares
        writing the body's hundreds of others again.
        """
        lines = list(self.lines)
        tokens = list(self.tokens)
        for path, value in values.items():
            number = self.line_of.get(path)
            if number is None or number not in self.scalar_at or _opens(value):
                return None
            index = self.scalar_at[number]
            old = tokens[index]
            text, kind = _scalar(value)
            line = lines[number]
            lines[number] = f"{line[: old.start]}{text}{line[old.end :]}"
            tokens[index] = Token(number, old.start, old.start + len(text), kind)
        return RenderedJson(lines, self.line_of, tokens, self.scalar_at)

    def line_for(self, path: str) -> int:
        """The line of ``path``, or of its nearest rendered ancestor (0 for the root)."""
        tokens = jsonpath.parse(path) if path else []
        while tokens:
            found = self.line_of.get(jsonpath.join(tokens))
            if found is not None:
                return found
            tokens = tokens[:-1]
        return 0


def _opens(value: Any) -> bool:
    """Whether ``value`` is written over several lines (a non-empty object or list)."""
    return isinstance(value, (dict, list)) and bool(value)


def _scalar(value: Any) -> tuple[str, TokenKind]:
    # The C string encoder and str()/repr() give json.dumps's exact output for these
    # types at a fraction of its cost, which matters on every keystroke.
    if isinstance(value, str):
        return encode_basestring(value), "string"
    if value is True:
        return "true", "literal"
    if value is False:
        return "false", "literal"
    if value is None:
        return "null", "literal"
    if isinstance(value, int):
        return int.__repr__(value), "number"
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value), "number"
    return json.dumps(value, ensure_ascii=False), "literal"  # NaN, {} or []


def changed_scalars(old: Any, new: Any) -> dict[str, Any] | None:
    """The paths (as :func:`render` names them) of the single values that differ between
    two JSON values of the same shape, with their new values; None when the shapes differ
    (a key added, removed or moved, a list longer or shorter, a value now written over
    several lines or no longer): then only rendering ``new`` again shows it right."""
    changed: dict[str, Any] = {}

    def compare(before: Any, after: Any, at: str) -> bool:
        """Both are objects or both are lists, written over several lines."""
        if isinstance(after, dict):
            if list(before) != list(after):
                return False
            pairs: Iterable[tuple[str | int, Any, Any]] = (
                (str(key), before[key], value) for key, value in after.items()
            )
        elif len(before) != len(after):
            return False
        else:
            pairs = (
                (index, item, value)
                for index, (item, value) in enumerate(zip(before, after, strict=True))
            )
        for key, item, value in pairs:
            if item is value:
                continue  # the same number or text (masking keeps what it leaves alone)
            if _opens(item) or _opens(value):
                if type(item) is not type(value) or not compare(
                    item, value, jsonpath.child(at, key)
                ):
                    return False
            # 1, 1.0 and True are equal in Python but written differently.
            elif type(item) is not type(value) or item != value:
                changed[jsonpath.child(at, key)] = value
        return True

    if not (_opens(old) and _opens(new) and type(old) is type(new)):
        return None
    return changed if compare(old, new, "") else None


def render(value: Any) -> RenderedJson:
    lines: list[str] = []
    line_of: dict[str, int] = {}
    tokens: list[Token] = []
    scalar_at: dict[int, int] = {}

    def start(path: str, depth: int, key: str | None) -> str:
        """Begin a line for ``path``: indentation and the key, if any."""
        number = len(lines)
        line_of[path] = number
        pad = _INDENT * depth
        if key is None:
            return pad
        quoted = encode_basestring(key)
        tokens.append(Token(number, len(pad), len(pad) + len(quoted), "key"))
        return f"{pad}{quoted}: "

    def emit(item: Any, path: str, key: str | None, depth: int, trailing: str) -> None:
        head = start(path, depth, key)
        pad = _INDENT * depth
        if isinstance(item, dict) and item:
            lines.append(f"{head}{{")
            last = len(item) - 1
            for position, (child_key, child) in enumerate(item.items()):
                emit(
                    child,
                    jsonpath.child(path, str(child_key)),
                    str(child_key),
                    depth + 1,
                    "," if position < last else "",
                )
            lines.append(f"{pad}}}{trailing}")
        elif isinstance(item, list) and item:
            lines.append(f"{head}[")
            last = len(item) - 1
            for position, child in enumerate(item):
                emit(
                    child,
                    jsonpath.child(path, position),
                    None,
                    depth + 1,
                    "," if position < last else "",
                )
            lines.append(f"{pad}]{trailing}")
        else:
            text, kind = _scalar(item)
            scalar_at[len(lines)] = len(tokens)
            tokens.append(Token(len(lines), len(head), len(head) + len(text), kind))
            lines.append(f"{head}{text}{trailing}")

    emit(value, "", None, 0, "")
    return RenderedJson(lines, line_of, tokens, scalar_at)
