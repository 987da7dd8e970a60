"""Resource IDs and sids: checked before they become part of a URL.

They come from servers (acquire and start answers, a 201/code 7 body) and from users (the
command line's ``--resource-id`` and ``--sid``). Agora's are URL-safe base64 text (resource
IDs, a few hundred characters) and hex (sids); anything else — a slash, ``..``, a space, a
``?`` or a megabyte of text — would change which URL is called, so it is refused.
"""

from __future__ import annotations

import re
from typing import Final

from rec_tui.i18n import _

MAX_LENGTH: Final = 1024
# RFC 3986 "unreserved" characters: they never change a URL's structure.
_SAFE: Final = re.compile(r"[A-Za-z0-9._~-]+")


def identifier_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be used as the ``name`` (resourceId, sid) in a URL; None if it can."""
    if not isinstance(value, str) or not value:
        return _("{name} is missing or not text").format(name=name)
    if len(value) > MAX_LENGTH:
        return _("{name} is {length} characters long (at most {limit})").format(
            name=name, length=len(value), limit=MAX_LENGTH
        )
    if not _SAFE.fullmatch(value):
        return _(
            "{name} holds characters other than letters, digits, '-', '_', '.' and '~'"
        ).format(name=name)
    if not value.strip("."):
        return _("{name} is only dots").format(name=name)
    return None


def check_identifier(name: str, value: str) -> str:
    """``value`` when usable as ``name`` in a URL; ValueError saying why not."""
    problem = identifier_problem(name, value)
    if problem is not None:
        raise ValueError(
            _("The {problem}: it cannot be put into a request URL.").format(problem=problem)
        )
    return value
