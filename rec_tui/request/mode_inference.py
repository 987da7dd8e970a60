"""Which recording mode a body was written for, and why: the one place that decides it.

A URL that names the mode (``…/mode/individual/start``) settles it. Otherwise each mode is
scored by how much of the body would not apply to it (the values a switch to that mode
would set aside, counted in leaf values so that a whole ``extensionServiceConfig`` weighs
more than one stray ``token``); the mode with the least left over wins, the default mode
on a tie. The reason names the keys that decided, so a person can check the guess.
"""

from __future__ import annotations

import re

from rec_tui.i18n import _, ngettext
from rec_tui.record import Record
from rec_tui.request.applicability import inapplicable_paths
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import DEFAULT_MODE, MODES, Mode, is_mode
from rec_tui.spec.rules.quoting import listed, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, Literal, TypeAlias

Source: TypeAlias = 'Literal["url", "body", "default"]'

_URL_MODE: Final = r"/mode/([^/?#\s]+)/"  # compiled when a URL is first read
_NAMES_SHOWN: Final = 3


class ModeGuess(Record, frozen=True):
    mode: Mode
    reason: str
    source: Source

    def describe(self) -> str:
        """``mode: web, from extensionServiceConfig``."""
        return _("mode: {mode}, {reason}").format(mode=self.mode, reason=self.reason)

    def sentence(self) -> str:
        """``Mode: web, from extensionServiceConfig.``: the notice an import gives."""
        return _("Mode: {mode}, {reason}.").format(mode=self.mode, reason=self.reason)


def infer_mode(body: Any, url: str | None = None) -> ModeGuess:
    """The mode ``body`` (sent to ``url``, when known) was written for."""
    named = re.search(_URL_MODE, url) if url else None
    url_mode = None if named is None else named.group(1)
    if is_mode(url_mode):
        return ModeGuess(url_mode, _("from the URL"), "url")
    misfits = _misfits(body)
    weights = {mode: _weight(body, paths) for mode, paths in misfits.items()}
    least = min(weights.values())
    tied = [mode for mode in MODES if weights[mode] == least]
    chosen = DEFAULT_MODE if DEFAULT_MODE in tied else tied[0]
    if len(tied) > 1:
        reason = _("the default: nothing in the body belongs to one mode only")
        return ModeGuess(chosen, _with_url(url_mode, reason), "default")
    runner_up = min((m for m in MODES if m != chosen), key=lambda m: weights[m])
    evidence = [p for p in misfits[runner_up] if p not in misfits[chosen]]
    reason = _("from {keys}").format(keys=_names(evidence, body))
    return ModeGuess(chosen, _with_url(url_mode, reason), "body")


def _with_url(url_mode: str | None, reason: str) -> str:
    """``reason``, after a word on the URL's mode when the URL names one that is not a mode."""
    if url_mode is None:
        return reason
    return _("the URL names mode {named}, which is not a mode; {reason}").format(
        named=repr(url_mode), reason=reason
    )


def better_mode(body: Any, mode: Mode) -> ModeGuess | None:
    """Another mode that fits ``body`` better than ``mode`` does, with the keys that say so.

    For offering a switch instead of a list of "only in web mode" errors; None when
    ``mode`` fits as well as any.
    """
    misfits = _misfits(body)
    weights = {m: _weight(body, paths) for m, paths in misfits.items()}
    others = [m for m in MODES if m != mode and weights[m] < weights[mode]]
    if not others:
        return None
    best = min(others, key=lambda m: weights[m])
    moved = [p for p in misfits[mode] if p not in misfits[best]]
    reason = ngettext(
        "{keys} belongs to {best} mode, not {mode}",
        "{keys} belong to {best} mode, not {mode}",
        len({_name(p, body) for p in moved}),
    ).format(keys=_names(moved, body), best=best, mode=mode)
    return ModeGuess(best, reason, "body")


def _misfits(body: Any) -> dict[Mode, list[str]]:
    if not isinstance(body, dict):
        return {mode: [] for mode in MODES}
    return {mode: inapplicable_paths(body, mode) for mode in MODES}


def _weight(body: Any, paths: list[str]) -> int:
    return sum(_leaves(jsonpath.get(body, path)) for path in paths)


def _leaves(value: Any) -> int:
    count, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        else:
            count += 1
    return max(count, 1)


def _name(path: str, body: Any) -> str:
    """The key a person recognises: the last one; for a list item, the value with its list
    (avFileType[0] → avFileType "mp4"), or the section holding an object item."""
    tokens = jsonpath.parse(path)
    keys = [token for token in tokens if isinstance(token, str)]
    if tokens and isinstance(tokens[-1], int) and keys:
        item = jsonpath.get(body, path)
        if not isinstance(item, (dict, list)):
            return f"{keys[-1]} {shown(item)}"
        if len(keys) > 1:
            return keys[-2]  # extensionServices[0] → extensionServiceConfig
    return keys[-1] if keys else path


def _names(paths: list[str], body: Any) -> str:
    names = list(dict.fromkeys(_name(path, body) for path in paths))
    shown = listed(names[:_NAMES_SHOWN])
    if len(names) <= _NAMES_SHOWN:
        return shown
    return _("{keys} and {count} more").format(keys=shown, count=len(names) - _NAMES_SHOWN)
