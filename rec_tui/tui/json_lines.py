"""Pretty-print a JSON value, recording the line each path starts on and its tokens.

The preview marks the lines that have problems and colours keys and values; :mod:`json`
cannot say where a path ended up, and re-scanning its output with regular expressions on
every keystroke is slow, so the body is rendered here, in the layout of
``json.dumps(indent=2, ensure_ascii=False)``, noting each token as it is written.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any, Literal

from rec_tui.spec import jsonpath

_INDENT = "  "
TokenKind = Literal["key", "string", "number", "literal"]


@dataclass(frozen=True, slots=True)
class Token:
    line: int
    start: int
    end: int
    kind: TokenKind


@dataclass(frozen=True, slots=True)
class RenderedJson:
    lines: list[str]
    # path → index of the line where its value starts (its key's line).
    line_of: dict[str, int]
    tokens: list[Token]

    def line_for(self, path: str) -> int:
        """The line of ``path``, or of its nearest rendered ancestor (0 for the root)."""
        tokens = jsonpath.parse(path) if path else []
        while tokens:
            found = self.line_of.get(jsonpath.join(tokens))
            if found is not None:
                return found
            tokens = tokens[:-1]
        return 0


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


def render(value: Any) -> RenderedJson:
    lines: list[str] = []
    line_of: dict[str, int] = {}
    tokens: list[Token] = []

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
            tokens.append(Token(len(lines), len(head), len(head) + len(text), kind))
            lines.append(f"{head}{text}{trailing}")

    emit(value, "", None, 0, "")
    return RenderedJson(lines, line_of, tokens)
