"""Pretty-print a JSON value while recording the line each path starts on.

The preview marks the lines that have problems; :mod:`json` cannot say where a path ended
up, so the body is rendered here, in the same layout as ``json.dumps(indent=2)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rec_tui import jsonpath

_INDENT = "  "


@dataclass(frozen=True, slots=True)
class RenderedJson:
    lines: list[str]
    # path → index of the line where its value starts (its key's line).
    line_of: dict[str, int]

    def line_for(self, path: str) -> int:
        """The line of ``path``, or of its nearest rendered ancestor (0 for the root)."""
        tokens = jsonpath.parse(path) if path else []
        while tokens:
            found = self.line_of.get(jsonpath.join(tokens))
            if found is not None:
                return found
            tokens = tokens[:-1]
        return 0


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(value: Any) -> RenderedJson:
    lines: list[str] = []
    line_of: dict[str, int] = {}

    def emit(item: Any, path: str, prefix: str, depth: int, trailing: str) -> None:
        line_of[path] = len(lines)
        pad = _INDENT * depth
        if isinstance(item, dict) and item:
            lines.append(f"{pad}{prefix}{{")
            last = len(item) - 1
            for position, (key, child) in enumerate(item.items()):
                emit(
                    child,
                    jsonpath.child(path, str(key)),
                    f"{_scalar(str(key))}: ",
                    depth + 1,
                    "," if position < last else "",
                )
            lines.append(f"{pad}}}{trailing}")
        elif isinstance(item, list) and item:
            lines.append(f"{pad}{prefix}[")
            last = len(item) - 1
            for position, child in enumerate(item):
                emit(
                    child,
                    jsonpath.child(path, position),
                    "",
                    depth + 1,
                    "," if position < last else "",
                )
            lines.append(f"{pad}]{trailing}")
        else:
            lines.append(f"{pad}{prefix}{_scalar(item)}{trailing}")

    emit(value, "", "", 0, "")
    return RenderedJson(lines, line_of)
