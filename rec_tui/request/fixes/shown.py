"""How a change shows a value of a body: the rules' formatter, secrets masked.

Used by the change lines of fixes and by the diff, which both print values from a
customer's body next to its JSON path. The writing itself is
:func:`rec_tui.spec.rules.quoting.shown` (JSON, plain numbers, cut short), the one
formatter every message uses; this adds the masking.
"""

from __future__ import annotations

from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.redact import MASK, redact_body, secret_key
from rec_tui.spec import jsonpath
from rec_tui.spec.rules.quoting import shown

LIMIT: Final = 80


def shown_value(path: str, value: Any, limit: int = LIMIT) -> str:
    """``value`` (found at ``path``) as JSON of at most ``limit`` characters; the value of
    a secret key, and secrets inside objects, as the mask."""
    key = next((t for t in reversed(jsonpath.parse(path)) if isinstance(t, str)), "")
    if secret_key(key) and not isinstance(value, (dict, list)):
        # An empty secret shows as empty: the mask would say the customer sent one.
        return MASK if value not in (None, "") else shown(value, limit)
    try:
        masked = redact_body(value)
    except RecursionError:
        return _("(too deeply nested to show)")
    return shown(masked, limit, nested=True)
