"""What the declarations say about a place in a body: its field, its kind, its key."""

from __future__ import annotations

from typing import Any

from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Field, Kind


def service_at(body: Any, path: str) -> str | None:
    """The serviceName of the extensionServices item a path lies in, if any."""
    tokens = jsonpath.parse(path)
    for position, token in enumerate(tokens[:-1]):
        if token == "extensionServices" and isinstance(tokens[position + 1], int):
            name = jsonpath.get(body, jsonpath.join([*tokens[: position + 2], "serviceName"]))
            return name if isinstance(name, str) else None
    return None


def declared_at(body: Any, path: str) -> tuple[Field, Kind] | None:
    """The field declared for ``path`` and the kind of value that belongs there (the item
    kind for a list item), or None when the catalogue does not declare it."""
    tokens = jsonpath.parse(path)
    in_list = bool(tokens) and isinstance(tokens[-1], int)
    field_path = jsonpath.join(tokens[:-1]) if in_list else path
    found = catalogue.lookup(field_path, service_at(body, path))
    if found is None:
        return None
    kind = found.items if in_list else found.kind
    return (found, kind) if kind is not None else None


def key_of(path: str) -> str:
    """The last key named in a path ("…subscribeAudioUids[2]" → "subscribeAudioUids")."""
    return next((t for t in reversed(jsonpath.parse(path)) if isinstance(t, str)), path)


def item_of(path: str) -> str:
    """The value a path ends at, as short as says which: a list item with its index
    ("…subscribeAudioUids[2]" → "subscribeAudioUids[2]"), else its key (:func:`key_of`)."""
    tokens = jsonpath.parse(path)
    if len(tokens) >= 2 and isinstance(tokens[-1], int) and isinstance(tokens[-2], str):
        return f"{tokens[-2]}[{tokens[-1]}]"
    return key_of(path)


def field_at(body: Any, path: str) -> Field | None:
    """The field declared for ``path``; for a list item, the list's field."""
    found = declared_at(body, path)
    return found[0] if found is not None else None
