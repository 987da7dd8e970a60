"""The translation sources as tests read them: the catalogue's entries, the modules Babel's
map says are translated, and the messages extracted from them."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from rec_tui.i18n.catalogue import LOCALE_DIR, po_path

REPO = LOCALE_DIR.parent.parent
MAPPING = LOCALE_DIR / "babel.cfg"
GLOSSARY = LOCALE_DIR / "glossary.toml"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# _() and ngettext(), and N_() where a message is declared (a choice's label).
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}


@cache
def chinese() -> Catalog:
    with po_path("zh_CN").open("rb") as source:
        return read_po(source, locale="zh_CN")


def entries() -> list[Message]:
    return [message for message in chinese() if message.id]


def texts(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    """The one or more forms of a msgid or msgstr."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@cache
def translated_modules() -> tuple[str, ...]:
    """The files Babel's map lists (the areas translated so far)."""
    with MAPPING.open() as mapping:
        method_map, _ = parse_mapping_cfg(mapping, str(MAPPING))
    return tuple(pattern for pattern, _method in method_map)


@cache
def extracted() -> dict[str, str]:
    """Each msgid Babel extracts from the translated modules → the file it is in."""
    with MAPPING.open() as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING))
    found: dict[str, str] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map, options_map, keywords=KEYWORDS
    ):
        for text in texts(message):
            found.setdefault(text, filename)
    return found


@cache
def glossary() -> dict[str, str]:
    with GLOSSARY.open("rb") as source:
        terms: dict[str, str] = tomllib.load(source)["terms"]
    return terms
