"""Dotted JSON paths with list indices: ``clientRequest.recordingConfig.layoutConfig[3].x_axis``.

The same notation names places in a body (with indices) and fields in the catalogue
(with ``[]`` standing for "any item"). The empty string is the body itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Final

Token = str | int

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d*)\]")
ANY_INDEX: Final = -1
_MISSING: Final = object()


def parse(path: str) -> list[Token]:
    """``"a.b[2].c"`` → ``["a", "b", 2, "c"]``; ``"a[]"`` → ``["a", ANY_INDEX]``."""
    return list(_parse_cached(path))


# Rules read the same few hundred paths on every keystroke; parsing each once is enough.
@lru_cache(maxsize=4096)
def _parse_cached(path: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for match in _SEGMENT.finditer(path):
        key, index = match.groups()
        if key is not None:
            tokens.append(key)
        else:
            tokens.append(int(index) if index else ANY_INDEX)
    return tuple(tokens)


def join(tokens: list[Token] | tuple[Token, ...]) -> str:
    out: list[str] = []
    for token in tokens:
        if isinstance(token, int):
            out.append("[]" if token == ANY_INDEX else f"[{token}]")
        else:
            out.append(f".{token}" if out else token)
    return "".join(out)


def child(path: str, key: Token) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def generic(path: str) -> str:
    """Replace list indices with ``[]`` so a body path names its catalogue field."""
    return re.sub(r"\[\d+\]", "[]", path)


def get(body: Any, path: str, default: Any = None) -> Any:
    node = body
    for token in _parse_cached(path):
        if isinstance(token, int):
            if not isinstance(node, list) or not 0 <= token < len(node):
                return default
            node = node[token]
        else:
            if not isinstance(node, dict) or token not in node:
                return default
            node = node[token]
    return node


def has(body: Any, path: str) -> bool:
    return get(body, path, _MISSING) is not _MISSING


def set_value(body: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path``, creating objects (and list slots) on the way."""
    tokens = parse(path)
    node: Any = body
    for position, token in enumerate(tokens[:-1]):
        following = tokens[position + 1]
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(token, int):
            while len(node) <= token:
                node.append({} if not isinstance(following, int) else [])
            if not isinstance(node[token], (dict, list)):
                node[token] = empty
            node = node[token]
        else:
            if not isinstance(node.get(token), (dict, list)):
                node[token] = empty
            node = node[token]
    last = tokens[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
        node[last] = value
    else:
        node[last] = value


def remove(body: dict[str, Any], path: str, *, prune: bool = True) -> Any:
    """Delete the value at ``path``; with ``prune``, drop objects left empty by it.

    Returns the removed value, or None when nothing was there.
    """
    tokens = parse(path)
    trail: list[tuple[Any, Token]] = []
    node: Any = body
    for token in tokens:
        trail.append((node, token))
        if isinstance(token, int):
            if not isinstance(node, list) or not 0 <= token < len(node):
                return None
            node = node[token]
        else:
            if not isinstance(node, dict) or token not in node:
                return None
            node = node[token]
    parent, key = trail.pop()
    removed = parent.pop(key)
    while prune and trail and isinstance(parent, (dict, list)) and not parent:
        grand, grand_key = trail.pop()
        del grand[grand_key]
        parent = grand
    return removed


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) pair in a JSON value, parents before children."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, child(path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, child(path, index))
