"""Dotted JSON paths with list indices: ``clientRequest.recordingConfig.layoutConfig[3].x_axis``.

The same notation names places in a body (with indices) and fields in the catalogue
(with ``[]`` standing for "any item"). The empty string is the body itself. A key that
would read as something else (one holding ``.``, ``[``, ``]`` or ``"``, or the empty key)
is written quoted, as a JSON string in brackets: ``clientRequest["a.b"].token``, so every
key of a pasted body has a path that leads back to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

Token = str | int

_SEGMENT = re.compile(r'([^.\[\]"]+)|\[(\d*)\]|\[("(?:[^"\\]|\\.)*")\]')
_PLAIN_KEY = re.compile(r'[^.\[\]"]+')
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
        key, index, quoted = match.groups()
        if key is not None:
            tokens.append(key)
        elif quoted is not None:
            tokens.append(json.loads(quoted))
        else:
            tokens.append(int(index) if index else ANY_INDEX)
    return tuple(tokens)


@lru_cache(maxsize=4096)
def _key(key: str, first: bool) -> str:
    if _PLAIN_KEY.fullmatch(key):
        return key if first else f".{key}"
    return f"[{json.dumps(key, ensure_ascii=False)}]"


def join(tokens: list[Token] | tuple[Token, ...]) -> str:
    out: list[str] = []
    for token in tokens:
        if isinstance(token, int):
            out.append("[]" if token == ANY_INDEX else f"[{token}]")
        else:
            out.append(_key(token, not out))
    return "".join(out)


def child(path: str, key: Token) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return path + _key(key, not path)


_INDEX = re.compile(r"\[\d+\]")


@lru_cache(maxsize=4096)
def generic(path: str) -> str:
    """Replace list indices with ``[]`` so a body path names its catalogue field."""
    if '"' in path:  # a quoted key may itself hold "[0]": go by tokens
        return join([ANY_INDEX if isinstance(t, int) else t for t in _parse_cached(path)])
    return _INDEX.sub("[]", path)


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


def remove(
    body: dict[str, Any],
    path: str,
    *,
    prune: bool = True,
    keep: Callable[[str], bool] | None = None,
) -> Any:
    """Delete the value at ``path``; with ``prune``, drop objects left empty by it, from the
    inside out, up to one whose path ``keep`` says to keep.

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
        if keep is not None and keep(join(tokens[: len(trail)])):
            break
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
