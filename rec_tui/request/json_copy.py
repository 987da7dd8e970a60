"""A deep copy of a JSON value (what a request body and a session are made of).

The draft copies its whole state for every change (the undo step) and hands out copies of
the body: ``copy.deepcopy`` spends most of its time on what JSON never holds (a memo of
shared objects, ``__deepcopy__`` and ``__reduce__`` lookups); walking dictionaries and
lists by their exact type is four times faster. A value of any other kind (a date from a
TOML preset, a test's own object) is copied by ``copy.deepcopy`` as before.
"""

from __future__ import annotations

import copy
from typing import Any, Final

# Never changed in place: shared between the copy and the original.
_ATOMS: Final = frozenset({str, int, float, bool, type(None)})


def copy_json(value: Any) -> Any:
    """A copy of ``value`` sharing no dictionary or list with it."""
    kind = type(value)
    if kind is dict:
        return {
            key: item if type(item) in _ATOMS else copy_json(item) for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in _ATOMS else copy_json(item) for item in value]
    if kind in _ATOMS:
        return value
    return copy.deepcopy(value)
