"""Textual's parsed CSS rules, kept between runs: the start-up's share of parsing CSS.

Textual parses a widget class's CSS (and app.tcss) the first time the class is used:
~20 ms before the wizard's first frame, for text that is the same at every start. The
rules parsed are kept in the user cache directory, one file per set of theme variables
(the rules depend on them), each source's rules under its text and origin, so a source
that changed (an upgrade, another checkout) is simply parsed again.

The file holds pickled Textual objects, and unpickling can run code. So it is read only
if it is the user's own and no one else can write to it, and it is unpickled with an
allow list: its frame (a dictionary of strings, numbers and bytes) may name no class at
all, and each source's rules may name only the classes and functions of Textual's CSS
model, colours, geometry and layouts (and enum members of those). A file naming anything
else (a planted ``os.system``) is not run, only ignored. Whatever goes wrong in reading or
writing it costs the parse it would have saved, nothing more; deleting it loses nothing.
"""

from __future__ import annotations

import enum
import functools
import inspect
import io
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from textual.css.stylesheet import Stylesheet

if TYPE_CHECKING:
    from textual.css.model import RuleSet
    from textual.css.types import CSSLocation

STORE_FORMAT: Final = 1
FOLDER: Final = "css"
# Every source the wizard and its dialogs use is well under this; more (sources of old
# versions and other checkouts piling up) and only what this run used is kept.
MOST_SOURCES: Final = 400
# The file of the wizard's sources is ~150 KB; a larger one is not read.
MOST_BYTES: Final = 4 * 1024 * 1024

# A source's parsed rules are stored under what Textual's own parse cache keys them by:
# its text, origin, whether it is a widget's default CSS, its tie breaker and scope.
SourceKey = tuple[str, tuple[str, str], bool, int, str]

# Modules whose classes and functions a source's rules may name.
_RULE_MODULES: Final = ("textual.color", "textual.geometry")
_RULE_PACKAGES: Final = ("textual.css.", "textual.layouts.")
_DICT_LOOKUPS: Final = frozenset({"get", "__contains__"})


class StoredRules:
    """The rules stored for one set of theme variables, read from ``file`` and saved there."""

    def __init__(self, file: Path, variables: dict[str, str]) -> None:
        self.file = file
        self.variables = dict(variables)
        self._pickled: dict[SourceKey, bytes] = _read(file, self.variables)
        self._rules: dict[SourceKey, list[RuleSet]] = {}
        self._used: set[SourceKey] = set()
        # Parsed in this run and not stored yet: pickled when the store is saved, so the
        # wizard never waits for it (Textual never changes rules once parsed).
        self._new: set[SourceKey] = set()

    @classmethod
    def in_folder(cls, folder: Path, variables: dict[str, str]) -> StoredRules:
        """The store for ``variables`` in the cache ``folder``."""
        return cls(folder / FOLDER / f"rules-{_digest(variables):08x}.pickle", variables)

    def get(self, key: SourceKey) -> list[RuleSet] | None:
        """The rules stored for a source, or None if it was not stored (or not readable)."""
        rules = self._rules.get(key)
        if rules is None:
            pickled = self._pickled.get(key)
            if pickled is None:
                return None
            try:
                rules = _RulesUnpickler(io.BytesIO(pickled)).load()
            except Exception:
                del self._pickled[key]  # parsed again, and stored again as parsed
                return None
            if not _are_rules(rules):
                del self._pickled[key]
                return None
            self._rules[key] = rules
        self._used.add(key)
        return rules

    def put(self, key: SourceKey, rules: list[RuleSet]) -> None:
        """Keep a source's rules just parsed, to be stored when the store is saved."""
        self._used.add(key)
        self._rules[key] = rules
        self._new.add(key)

    def save(self) -> None:
        """Write the store if this run parsed a source it did not have. Rules the allow list
        would refuse when read back are left out (that source is parsed at every start)."""
        added = False
        for key in self._new:
            try:
                pickled = pickle.dumps(self._rules[key], protocol=pickle.HIGHEST_PROTOCOL)
                _RulesUnpickler(io.BytesIO(pickled)).load()
            except Exception:
                continue
            self._pickled[key] = pickled
            added = True
        self._new.clear()
        if not added:
            return
        kept = self._pickled
        if len(kept) > MOST_SOURCES:
            kept = {key: kept[key] for key in self._used if key in kept}
        frame = {"format": STORE_FORMAT, "variables": self.variables, "sources": kept}
        from rec_tui.store.files import StoreFileError, write_atomically

        try:
            write_atomically(self.file, pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
        except (StoreFileError, OSError, pickle.PicklingError):
            return


class StoredStylesheet(Stylesheet):
    """Textual's stylesheet, taking a source's parsed rules from :class:`StoredRules`
    instead of parsing it again, and giving it the rules of each source it does parse."""

    def __init__(self, *, variables: dict[str, str] | None = None, stored: StoredRules) -> None:
        super().__init__(variables=variables)
        self.stored = stored
        # The variables the store is for, as set now: a theme change replaces them.
        self._stored_variables = self._variables

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        # Rules parsed with other variables (the theme changed) are neither taken nor kept.
        # (Textual asks for every source's rules each time it parses a new one: the
        # variables are told apart by identity, not compared entry by entry each time.)
        if self._variables is not self._stored_variables:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        key: SourceKey = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self.stored.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            # Rules with errors make Textual stop with the errors: never kept.
            if not any(rule.errors for rule in rules):
                self.stored.put(key, rules)
        return rules


def stored_stylesheet(stylesheet: Stylesheet, folder: Path) -> StoredStylesheet:
    """A stylesheet like ``stylesheet`` (not yet parsed) that keeps its rules in ``folder``."""
    variables = stylesheet._variables
    return StoredStylesheet(variables=variables, stored=StoredRules.in_folder(folder, variables))


def _digest(variables: dict[str, str]) -> int:
    # Names the file; the file itself holds the variables, compared in full when read.
    text = repr((sys.version_info[:2], _textual_files(), sorted(variables.items())))
    return zlib.crc32(text.encode("utf-8"))


def _textual_files() -> list[tuple[int, int]]:
    """The size and time of the Textual modules whose classes are stored: another Textual
    (an upgrade) has other files, so stores of the one before are not read. (Asking for
    Textual's version would import importlib.metadata, ~10 ms.)"""
    from textual.css import model, styles

    found = []
    for module in (model, styles):
        try:
            status = os.stat(module.__file__ or "")
        except OSError:
            status = None
        found.append((status.st_size, status.st_mtime_ns) if status else (0, 0))
    return found


def _read(file: Path, variables: dict[str, str]) -> dict[SourceKey, bytes]:
    """The sources stored in ``file`` for ``variables``: nothing if it is not the user's
    own, writable by others, too big, of another format or not a store at all."""
    from rec_tui.store.files import StoreFileError, read_regular_head

    try:
        data, status = read_regular_head(file, MOST_BYTES, MOST_BYTES)
    except (StoreFileError, OSError):
        return {}
    if len(data) != status.st_size or not _trusted(status):
        return {}
    try:
        frame = _FrameUnpickler(io.BytesIO(data)).load()
    except Exception:
        return {}
    if (
        type(frame) is not dict
        or frame.get("format") != STORE_FORMAT
        or frame.get("variables") != variables
        or type(frame.get("sources")) is not dict
    ):
        return {}
    sources: dict[SourceKey, bytes] = frame["sources"]
    return {key: value for key, value in sources.items() if type(value) is bytes}


def _trusted(status: os.stat_result) -> bool:
    """Written by this user, and by no one else."""
    getuid = getattr(os, "getuid", None)
    owned = getuid is None or status.st_uid == getuid()
    return owned and not status.st_mode & 0o022


def _are_rules(rules: object) -> bool:
    from textual.css.model import RuleSet

    return type(rules) is list and all(type(rule) is RuleSet for rule in rules)


class _FrameUnpickler(pickle.Unpickler):
    """The file's frame: dictionaries, tuples, strings, numbers and bytes, no class."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the frame")


class _RulesUnpickler(pickle.Unpickler):
    """A source's rules: Textual's CSS model, colours, geometry and layouts, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name == "getattr":
            return _attribute
        if module == "functools" and name == "partial":
            return functools.partial  # of a function the list allows (selector checks)
        if (module in _RULE_MODULES or module.startswith(_RULE_PACKAGES)) and not name.startswith(
            "__"
        ):
            found = super().find_class(module, name)
            made_there = getattr(found, "__module__", None) == module
            if made_there and (isinstance(found, type) or inspect.isfunction(found)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a stylesheet")


def _attribute(owner: object, name: str) -> object:
    """The attributes pickle asks for in rules: an enum's member (``getattr(Unit,
    "CELLS")``), and a dictionary's ``get`` and ``__contains__`` (a Styles keeps its rules'
    bound as its ``get_rule`` and ``has_rule``)."""
    if isinstance(owner, enum.EnumMeta) and name in owner.__members__:
        return owner.__members__[name]
    if type(owner) is dict and name in _DICT_LOOKUPS:
        return getattr(owner, name)
    raise pickle.UnpicklingError(f"{name!r} of {type(owner).__name__} is not part of a stylesheet")
