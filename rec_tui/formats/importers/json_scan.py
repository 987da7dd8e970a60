"""Find the JSON values in free text (a log line, a ticket) in time linear in its length.

Trying a JSON decoder at every ``{`` is quadratic: each failed attempt may read to the end
of the text (1 MB of ``{"a":`` took minutes). Here the C decoder is tried only where the
scan stands outside any bracket; when it fails, one pass of a small bracket machine reads
the same stretch once, keeping each bracket's span with whether its contents were valid
JSON so far. A valid span whose enclosing span turned out invalid is a value found in the
text (``log {ts=1 {"cname": …}}`` gives the inner object). Every character is read a
bounded number of times, and nesting deeper than :data:`MAX_DEPTH` is skipped, not followed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from rec_tui.formats.jsonfile import MAX_DEPTH, depth_of

_DECODER: Final = json.JSONDecoder()
_TOKEN: Final = re.compile(
    r"""(?P<space>\s+)
    |(?P<string>"(?:[^"\\\x00-\x1f]|\\.)*")
    |(?P<open>[{\[])
    |(?P<close>[}\]])
    |(?P<colon>:)
    |(?P<comma>,)
    |(?P<literal>-?(?:Infinity|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w.])|true|false|null|NaN)
    |(?P<junk>[^\s"{}\[\]:,]+|.)""",
    re.VERBOSE | re.DOTALL,
)
# Past MAX_DEPTH only the brackets matter (to find where the deep part ends).
_DEEP_TOKEN: Final = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"|[{\[]+|[}\]]+')
_CLOSER: Final = {"{": "}", "[": "]"}
# States after which a closing bracket is allowed.
_MAY_CLOSE: Final = frozenset({"first", "comma_or_end"})


@dataclass(slots=True)
class _Frame:
    start: int
    opener: str
    state: str = "first"  # first, key, colon, value, comma_or_end
    valid: bool = True
    children: list[tuple[int, int]] = field(default_factory=list)


def json_values_in(text: str) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each outermost JSON object found in ``text``, left to right.

    Values nested deeper than :data:`MAX_DEPTH` are left out.
    """
    position = text.find("{")
    while position != -1:
        try:
            value, end = _DECODER.raw_decode(text, position)
        except (ValueError, RecursionError):  # JSONDecodeError, over-long integers, depth
            spans, end = _scan(text, position)
            for start, stop in spans:
                found = _decoded(text[start:stop])
                if found is not None:
                    yield start, stop, found
        else:
            if depth_of(value) <= MAX_DEPTH:
                yield position, end, value
        position = text.find("{", max(end, position + 1))


def _decoded(span: str) -> Any:
    try:
        value = json.loads(span)
    except (ValueError, RecursionError):
        return None
    return value if depth_of(value) <= MAX_DEPTH else None


def _scan(text: str, start: int) -> tuple[list[tuple[int, int]], int]:
    """The valid spans within the brackets opened at ``start``, and where they close."""
    found: list[tuple[int, int]] = []
    stack: list[_Frame] = []
    position = start
    while position < len(text):
        if len(stack) >= MAX_DEPTH:
            position = _skip_deep(text, position)
            if stack:
                _invalidate(stack[-1], found)
            if position >= len(text):
                break
        match = _TOKEN.match(text, position)
        assert match is not None  # the junk alternative matches any character
        position = match.end()
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "open":
            if stack:
                _expect_value(stack[-1], found)
            stack.append(_Frame(match.start(), match.group()))
            continue
        if not stack:
            break  # a stray closer after the outermost bracket closed: done
        frame = stack[-1]
        if kind == "close":
            stack.pop()
            if match.group() != _CLOSER[frame.opener] or frame.state not in _MAY_CLOSE:
                _invalidate(frame, found)
            _closed(frame, position, stack, found)
            if not stack:
                return sorted(found), position
        elif kind == "string" and frame.opener == "{" and frame.state in ("first", "key"):
            frame.state = "colon"
        elif kind in ("string", "literal"):
            _expect_value(frame, found)
        elif kind == "colon" and frame.state == "colon":
            frame.state = "value"
        elif kind == "comma" and frame.state == "comma_or_end":
            frame.state = "key" if frame.opener == "{" else "value"
        else:
            _invalidate(frame, found)
    while stack:  # brackets never closed: what was complete inside them still counts
        frame = stack.pop()
        _invalidate(frame, found)
        if stack:
            _invalidate(stack[-1], found)
    return sorted(found), len(text)


def _expect_value(frame: _Frame, found: list[tuple[int, int]]) -> None:
    if frame.state == "value" or (frame.opener == "[" and frame.state == "first"):
        frame.state = "comma_or_end"
    else:
        _invalidate(frame, found)


def _closed(frame: _Frame, end: int, stack: list[_Frame], found: list[tuple[int, int]]) -> None:
    if not stack:
        if frame.valid:
            found.append((frame.start, end))
        return
    parent = stack[-1]
    if not frame.valid:
        _invalidate(parent, found)
    elif parent.valid:
        parent.children.append((frame.start, end))
    else:
        found.append((frame.start, end))


def _invalidate(frame: _Frame, found: list[tuple[int, int]]) -> None:
    """Mark ``frame`` as not JSON; its complete valid children become findings."""
    if frame.valid:
        frame.valid = False
        found.extend(frame.children)
        frame.children = []


def _skip_deep(text: str, position: int) -> int:
    """From inside a bracket at MAX_DEPTH, the position just past its closing bracket."""
    depth = 0
    for match in _DEEP_TOKEN.finditer(text, position):
        token = match.group()
        if token[0] in "{[":
            depth += len(token)
        elif token[0] in "}]":
            if len(token) > depth:
                return match.start() + depth
            depth -= len(token)
    return len(text)
