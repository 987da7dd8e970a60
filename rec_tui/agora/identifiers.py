"""Resource IDs and sids: checked before they become part of a URL.

They come from servers (acquire and start answers, a 201/code 7 body) and from users (the
command line's ``--resource-id`` and ``--sid``). Agora's are URL-safe base64 text (resource
IDs, a few hundred characters) and hex (sids); anything else — a slash, ``..``, a space, a
``?`` or a megabyte of text — would change which URL is called, so it is refused.
"""

from __future__ import annotations

import re
from typing import Final

MAX_LENGTH: Final = 1024
# RFC 3986 "unreserved" characters: they never change a URL's structure.
_SAFE: Final = re.compile(r"[A-Za-z0-9._~-]+")


def identifier_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be used as the ``name`` (resourceId, sid) in a URL; None if it can."""
    if not isinstance(value, str) or not value:
        return f"{name} is missing or not text"
    if len(value) > MAX_LENGTH:
        return f"{name} is {len(value)} characters long (at most {MAX_LENGTH})"
    if not _SAFE.fullmatch(value):
        return f"{name} holds characters other than letters, digits, '-', '_', '.' and '~'"
    if not value.strip("."):
        return f"{name} is only dots"
    return None


def check_identifier(name: str, value: str) -> str:
    """``value`` when usable as ``name`` in a URL; ValueError saying why not."""
    problem = identifier_problem(name, value)
    if problem is not None:
        raise ValueError(f"The {problem}: it cannot be put into a request URL.")
    return value
