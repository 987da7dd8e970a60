"""How a change shows a value of a body: as JSON, cut short, secrets masked.

Used by the change lines of fixes and by the diff, which both print values from a
customer's body next to its JSON path.
"""

from __future__ import annotations

import json
from typing import Any, Final

from rec_tui.request.redact import MASK, redact_body, secret_key
from rec_tui.spec import jsonpath

LIMIT: Final = 80


def shown_value(path: str, value: Any, limit: int = LIMIT) -> str:
    """``value`` (found at ``path``) as JSON of at most ``limit`` characters; the value of
    a secret key, and secrets inside objects, as the mask."""
    key = next((t for t in reversed(jsonpath.parse(path)) if isinstance(t, str)), "")
    if secret_key(key) and not isinstance(value, (dict, list)):
        return MASK
    try:
        text = json.dumps(redact_body(value), ensure_ascii=False)
    except (ValueError, RecursionError):
        # A number with thousands of digits, or nesting deeper than json can write.
        return "(too large to show)"
    return text if len(text) <= limit else text[: limit - 1] + "…"
