"""Wrapping text for the terminal by its width in cells: a Chinese character takes two.

English text is wrapped by :mod:`textwrap` as before; text with wide characters is
broken between words or between wide characters, never before closing punctuation.
"""

from __future__ import annotations

import textwrap
import unicodedata
from typing import Final

# Punctuation that must not begin a line (it closes what comes before it), and wide
# punctuation that must not end one (it opens what comes after it).
_NO_LINE_START: Final = frozenset("，。、；：）」』！？》,.;:)!?%")
_NO_LINE_END: Final = frozenset("（「『《")


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap(text: str, width: int, indent: str, subsequent_indent: str) -> list[str]:
    """``text`` as lines of at most ``width`` cells (a word longer than that stays whole)."""
    if cells(text) == len(text):
        return textwrap.wrap(
            text, width, initial_indent=indent, subsequent_indent=subsequent_indent
        )
    lines: list[str] = []
    line, used = indent, cells(indent)
    for piece in _pieces(text):
        size = cells(piece)
        if piece.isspace():
            if line.strip():
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = subsequent_indent, cells(subsequent_indent)
        line, used = line + piece, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _pieces(text: str) -> list[str]:
    """Words, single wide characters and single spaces; closing punctuation kept with the
    piece before it, opening punctuation with the piece after it."""
    pieces: list[str] = []
    word = ""
    for char in " ".join(text.split()):
        wide = unicodedata.east_asian_width(char) in "WF"
        glued = bool(pieces) and not pieces[-1].isspace()
        if char == " " or wide:
            if word:
                pieces.append(word)
                word = ""
                glued = True
            if glued and (char in _NO_LINE_START or pieces[-1][-1] in _NO_LINE_END):
                pieces[-1] += char
            else:
                pieces.append(char)
        elif not word and glued and (char in _NO_LINE_START or pieces[-1][-1] in _NO_LINE_END):
            # Closing punctuation, or a word right after an opening bracket: same piece.
            word = pieces.pop() + char
        else:
            word += char
    if word:
        pieces.append(word)
    return pieces
