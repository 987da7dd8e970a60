"""Find declared fields by what a person types: a label, a JSON key or a path.

The wizard's command palette uses it to jump to any field ("token", "subscribeUidGroup",
"layoutConfig", "storage bucket"). Matching is on words, case-insensitive, so "uid group"
finds ``subscribeUidGroup`` by its label as well as by its key; in Chinese the label as
shown is searched too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rec_tui.i18n import _
from rec_tui.spec import catalogue
from rec_tui.spec.field import Field
from rec_tui.spec.modes import Mode

# Better matches first: the exact key, then the key's start, the whole path, words.
_EXACT_KEY, _KEY_PREFIX, _KEY_PART, _PATH_PART, _ALL_WORDS = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class FieldMatch:
    field: Field
    rank: int

    @property
    def path(self) -> str:
        return self.field.path


def _words(text: str) -> list[str]:
    # camelCase and snake_case split into words: "subscribeUidGroup" -> subscribe uid group.
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    return [word for word in re.split(r"[^0-9A-Za-z#]+", spaced.lower()) if word]


def _rank(declared: Field, query: str, query_words: list[str]) -> int | None:
    key = declared.key.lower()
    if key == query or declared.label.lower() == query:
        return _EXACT_KEY
    if key.startswith(query):
        return _KEY_PREFIX
    if query in key:
        return _KEY_PART
    if query in declared.path.lower():
        return _PATH_PART
    haystack = " ".join([*_words(declared.path), *_words(declared.label), declared.path.lower()])
    if query_words and all(word in haystack for word in query_words):
        return _ALL_WORDS
    # The label as the wizard shows it: in Chinese, "频道" finds 频道名（cname）.
    shown = _(declared.label).lower()
    if shown != declared.label.lower() and query in shown:
        return _ALL_WORDS
    return None


def find_fields(query: str, mode: Mode | None = None, limit: int = 20) -> list[FieldMatch]:
    """The declared fields matching ``query``, best first; fields of ``mode`` before others.

    An empty query finds nothing (the palette shows its own list then).
    """
    cleaned = query.strip().lower()
    if not cleaned:
        return []
    query_words = _words(cleaned)
    found: list[tuple[int, bool, int, FieldMatch]] = []
    # The session's values too ("App ID" is what a person types to find where it goes).
    for position, declared in enumerate(catalogue.ALL_FIELDS):
        rank = _rank(declared, cleaned, query_words)
        if rank is None:
            continue
        elsewhere = mode is not None and not declared.applies_to(mode)
        found.append((rank, elsewhere, position, FieldMatch(declared, rank)))
    found.sort(key=lambda item: item[:3])
    return [match for *_, match in found[:limit]]
