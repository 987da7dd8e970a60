"""A preset's header: its top-level keys before the first table, all a list of presets needs.

rec-tui writes ``format``, ``name``, ``description`` and ``mode`` first, then the
``[session]`` and ``[body]`` tables. Listing reads only the head of each file and checks
those keys, so thousands of presets list in the time of reading their first lines; opening
a preset still reads and checks all of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rec_tui.i18n import _
from rec_tui.spec.modes import MODES
from rec_tui.store.presets.errors import PresetError, locate_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

FORMAT_VERSION: Final = 1
TOP_KEYS: Final = ("format", "name", "description", "mode", "session", "body")
# Far more than a header rec-tui writes (a description is one line); a longer one is read
# with the whole file.
HEAD_BYTES: Final = 1024
_TABLE_LINE: Final = re.compile(rb"^[ \t]*\[", re.MULTILINE)
# The lines rec-tui itself writes in a header: a bare key and a plain string (no escapes,
# no control characters) or a whole number. Any other line goes to the TOML parser.
_PLAIN_LINE: Final = re.compile(
    r'([A-Za-z0-9_-]+) = (?:"([^"\\\x00-\x1f\x7f]*)"|(0|[1-9][0-9]{0,17}))'
)

# Builds the error for a key (``session.endpoint``) and what is wrong with it.
Fail = Callable[[str, str], PresetError]


def header_text(head: bytes, complete: bool) -> str | None:
    """The text of ``head`` (the file's first bytes; all of them when ``complete``) before
    its first table; None when the head does not reach that far or is not UTF-8 there."""
    table = _TABLE_LINE.search(head)
    if table is None and not complete:
        return None
    try:
        return head[: table.start() if table else len(head)].decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_header(text: str, path: Path) -> dict[str, Any] | None:
    """The checked top-level keys of the header ``text`` of the preset at ``path``.

    None when the header alone is not valid TOML although the whole file may be (a
    multi-line value holding a line that starts with ``[``): read the whole file then.
    :class:`PresetError` naming the line and key when a key is wrong.
    """
    header = _plain_keys(text)
    if header is None:
        import tomllib  # rec-tui writes plain lines: the parser is for hand-made headers

        try:
            header = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            return None

    def fail(key: str, problem: str) -> PresetError:
        return PresetError(
            _("{path}, {where}key {key}: {problem}").format(
                path=path, where=locate_key(text, key), key=repr(key), problem=problem
            )
        )

    check_header(header, fail)
    return header


def _plain_keys(text: str) -> dict[str, Any] | None:
    """The keys of a header made only of plain lines (and blank or comment lines), as
    the TOML parser reads them; None for anything else. Listing thousands of presets
    spends most of its time in the TOML parser otherwise."""
    keys: dict[str, Any] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        plain = _PLAIN_LINE.fullmatch(line)
        if plain is None or plain.group(1) in keys:
            return None
        key, string, number = plain.groups()
        keys[key] = string if number is None else int(number)
    return keys


def check_header(document: dict[str, Any], fail: Fail) -> None:
    """The checks of a preset's top-level keys (its tables are checked on opening)."""
    check_known(document, TOP_KEYS, "", fail)
    version = document.get("format")
    if version is None:
        raise fail(
            "format",
            _("missing. Add `format = {format_version}` at the top.").format(
                format_version=FORMAT_VERSION
            ),
        )
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(
            "format",
            _("must be a whole number such as {format_version}.").format(
                format_version=FORMAT_VERSION
            ),
        )
    if version > FORMAT_VERSION:
        raise fail(
            "format",
            _(
                "this preset uses format {version}, newer than this rec-tui "
                "understands ({format_version}). Upgrade rec-tui to open it."
            ).format(version=version, format_version=FORMAT_VERSION),
        )
    for key in ("name", "description"):
        if key in document and not isinstance(document[key], str):
            raise fail(key, _("must be a text string in quotes."))
    mode = document.get("mode")
    if mode not in MODES:
        shown = _("missing") if mode is None else _("is {mode}").format(mode=repr(mode))
        raise fail(
            "mode", _("{shown}; use one of {modes}.").format(shown=shown, modes=", ".join(MODES))
        )


def check_known(table: dict[str, Any], known: tuple[str, ...], prefix: str, fail: Fail) -> None:
    """Refuse the first key of ``table`` not in ``known``, suggesting the closest one."""
    for key in table:
        if key in known:
            continue
        import difflib  # only for a mistake

        close = difflib.get_close_matches(key, known, n=1)
        unknown = (
            _('unknown key. Did you mean "{close}"? Rename or remove it.')
            if close
            else _("unknown key. Known keys: {known}. Rename or remove it.")
        )
        said = unknown.format(close=close[0] if close else "", known=", ".join(known))
        raise fail(f"{prefix}{key}", said)
