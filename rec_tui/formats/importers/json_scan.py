"""Find the JSON values in free text (a log line, a ticket) in time linear in its length.

Trying a JSON decoder at every ``{`` is quadratic: each failed attempt may read to the end
of the text (1 MB of ``{"a":`` took minutes), and even a failure at the first character
costs a count of the lines before it for the error message. Here the C decoder is tried
on a growing window from each ``{`` outside any value; where it fails beyond the first
few characters, one pass of a small bracket machine reads that stretch instead, keeping
each bracket's span with whether its contents were valid JSON so far. A valid span whose
enclosing span turned out invalid is a value found in the text (``log {ts=1 {"cname": …}}``
gives the inner object). The decoder's failed reads are never longer than the stretch the
machine then reads, so every character is read a bounded number of times; nesting deeper
than :data:`MAX_DEPTH` is skipped, not followed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

from rec_tui.formats.jsonfile import MAX_DEPTH, depth_of

_DECODER: Final = json.JSONDecoder()
# Where a non-empty object may start: runs of "{{{{" or "{x" are passed over in one search.
_OBJECT_START: Final = (r'\{\s*"', 0)
# A decoder error this close to where it started is not worth a scan: go to the next "{".
_NEAR: Final = 8
_TOKEN: Final = (
    r"""(?P<space>\s+)
    |(?P<string>"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*")
    |(?P<open>[{\[])
    |(?P<close>[}\]])
    |(?P<colon>:)
    |(?P<comma>,)
    |(?P<literal>-?(?:Infinity|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w.])|true|false|null|NaN)
    |(?P<junk>[^\s"{}\[\]:,]+|.)""",
    re.VERBOSE | re.DOTALL,
)
# For matching brackets (and past MAX_DEPTH): strings, and runs of brackets.
_BRACKET_RUN: Final = (r'"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"|[{\[]+|[}\]]+', 0)


@cache
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    # Compiled on first use: opening a plain JSON body never scans text for objects.
    return re.compile(pattern, flags)


_CLOSER: Final = {"{": "}", "[": "]"}
# States after which a closing bracket is allowed.
_MAY_CLOSE: Final = frozenset({"first", "comma_or_end"})


class _Frame:
    """An object or a list being scanned: where it opened, with which bracket, what may
    come next, and the values found in it so far. (Made for every bracket of a paste of
    any size: a plain class, quicker to make than a dataclass, and to declare.)"""

    __slots__ = ("children", "opener", "start", "state", "valid")

    def __init__(self, start: int, opener: str) -> None:
        self.start = start
        self.opener = opener
        self.state = "first"  # first, key, colon, value, comma_or_end
        self.valid = True
        self.children: list[tuple[int, int]] = []


def json_values_in(text: str) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each outermost JSON value found in ``text``, left to right.

    Only objects with at least one key are looked for (a start body has several); values
    nested deeper than :data:`MAX_DEPTH` are left out.
    """
    unclosed = _unclosed_openers(text)
    object_start = _compiled(*_OBJECT_START).search
    found = object_start(text)
    while found is not None:
        position = found.start()
        if position in unclosed:  # it never closes: not a value, and not worth decoding
            found = object_start(text, position + 1)
            continue
        outcome = _try_decoder(text, position)
        if isinstance(outcome, tuple):
            end, value = outcome
            if depth_of(value) <= MAX_DEPTH:
                yield position, end, value
        elif outcome is not None and outcome - position <= _NEAR:
            end = position + 1  # "{x…": not JSON right away; a "{" inside may still be
        else:
            spans, end = _scan(text, position, unclosed)
            for start, stop in spans:
                decoded = _decoded(text[start:stop])
                if decoded is not None:
                    yield start, stop, decoded
        found = object_start(text, end)


def _try_decoder(text: str, start: int) -> tuple[int, Any] | int | None:
    """The C decoder from ``start``: (end, value), the offset of a sure error, or None.

    It reads a growing window rather than the whole text: its error message counts the
    lines before the error, which over the whole text would cost as much as the text.
    A window is grown until the outcome cannot depend on what lies past it.
    """
    window = 256
    while True:
        piece = text[start : start + window]
        whole = start + window >= len(text)
        try:
            value, end = _DECODER.raw_decode(piece)
        except json.JSONDecodeError as error:
            near_the_cut = error.msg.startswith("Unterminated") or error.pos > len(piece) - 16
            if whole or not near_the_cut:
                return start + error.pos
        except (ValueError, RecursionError):  # an over-long integer, very deep nesting
            return None
        else:
            if whole or end < len(piece):
                return start + end, value
        window *= 4


def _decoded(span: str) -> Any:
    try:
        value = json.loads(span)
    except (ValueError, RecursionError):  # the machine is more lenient about numbers
        return None
    return value if depth_of(value) <= MAX_DEPTH else None


def _unclosed_openers(text: str) -> frozenset[int]:
    """Offsets of the brackets that no closing bracket matches.

    Such a bracket can never start a value, so it is not decoded and the machine reads it
    as text: an unclosed ``{"a": {"a": …`` before the body must not swallow the body.
    Brackets in quoted text on one line do not count, in prose as in JSON.
    """
    stack: list[int] = []
    for match in _compiled(*_BRACKET_RUN).finditer(text):
        token = match.group()
        if token[0] == '"':
            continue
        if token[0] in "{[":
            stack.extend(range(match.start(), match.end()))
        else:
            del stack[max(len(stack) - len(token), 0) :]
    return frozenset(stack)


def _scan(text: str, start: int, unclosed: frozenset[int]) -> tuple[list[tuple[int, int]], int]:
    """The valid spans within the brackets opened at ``start``, and where they close."""
    found: list[tuple[int, int]] = []
    stack: list[_Frame] = []
    position = start
    size = len(text)
    token_at = _compiled(*_TOKEN).match
    while position < size:
        if len(stack) >= MAX_DEPTH:
            position = _skip_deep(text, position, unclosed)
            _invalidate(stack[-1], found)
            if position >= size:
                break
        match = token_at(text, position)
        assert match is not None  # the junk alternative matches any character
        position = match.end()
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "open" and match.start() in unclosed:
            kind = "junk"
            if not stack:
                break  # the first bracket never closes: nothing starts here
        if kind == "open":
            if stack:
                _expect_value(stack[-1], found)
            stack.append(_Frame(match.start(), match.group()))
            continue
        if not stack:
            break  # a closer after the outermost bracket closed: done
        frame = stack[-1]
        if kind == "close":
            stack.pop()
            if match.group() != _CLOSER[frame.opener] or frame.state not in _MAY_CLOSE:
                _invalidate(frame, found)
            _closed(frame, position, stack, found)
            if not stack:
                break
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
    found.sort()
    return found, position


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


def _skip_deep(text: str, position: int, unclosed: frozenset[int]) -> int:
    """From inside a bracket at MAX_DEPTH, the position of its closing bracket."""
    depth = 0
    for match in _compiled(*_BRACKET_RUN).finditer(text, position):
        token = match.group()
        if token[0] in "{[":
            depth += sum(1 for at in range(match.start(), match.end()) if at not in unclosed)
        elif token[0] in "}]":
            if len(token) > depth:
                return match.start() + depth
            depth -= len(token)
    return len(text)
