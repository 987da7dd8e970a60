"""How rule messages quote a value from the body: as JSON, and never at unbounded length.

A pasted body can hold a megabyte-long string or a number with thousands of digits; a
message must stay readable (and ``str()`` of a huge int even raises), so values are cut.
"""

from __future__ import annotations

import json
from typing import Final

LIMIT: Final = 48
_HUGE_BITS: Final = 256


def shown(value: object) -> str:
    """``"abc"`` → ``"abc"`` (with quotes), ``30.5`` → ``30.5``, ``[…]`` → ``an array``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > _HUGE_BITS:
        return "a very large number"
    if isinstance(value, (int, float)):
        text = repr(value)
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        return "an array"
    elif isinstance(value, dict):
        return "an object"
    else:
        text = type(value).__name__
    return text if len(text) <= LIMIT else text[: LIMIT - 1] + "…"
