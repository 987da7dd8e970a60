"""How the wizard writes values in its text: JSON for what goes in the body, plain words otherwise.

Python's ``repr`` leaks into user-visible text as ``'hls'``, ``True`` or ``['a', 'b']``;
a support engineer reads JSON (``"hls"``, ``true``) or plain English (``yes``).
"""

from __future__ import annotations

import json
from typing import Any

from rec_tui.i18n import _


def as_json(value: Any) -> str:
    """``"hls"``, ``true``, ``["hls", "mp4"]``: the value as it would be written in the body."""
    return json.dumps(value, ensure_ascii=False, default=str)


def in_words(value: Any) -> str:
    """``yes`` / ``no``, ``hls + mp4``, text as it is: a value inside a sentence or a prompt."""
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if value is None:
        return _("not set")
    if isinstance(value, (list, tuple)):
        return " + ".join(in_words(item) for item in value)
    return str(value)


def quoted(name: str) -> str:
    """A name in a sentence: ``preset "demo"`` (double quotes, as in JSON)."""
    return as_json(name)
