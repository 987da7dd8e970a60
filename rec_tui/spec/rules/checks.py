"""Value checks shared by several rules (spec section 3, "Definitions shared by the rules")."""

from __future__ import annotations

from enum import Enum
from urllib.parse import urlsplit

UID_MAX = 4_294_967_295


class UidVerdict(Enum):
    OK = "ok"
    LEADING_ZERO = "leading_zero"  # a warning: the server most likely reads "0123" as 123
    BAD = "bad"


def check_uid(value: object) -> UidVerdict:
    """The UID check: decimal digits only, value 1 … 4294967295, written as a string."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return UidVerdict.BAD
    # Longer than any 32-bit value even with a few leading zeros; int() of a few thousand
    # digits would also raise under Python's integer-string conversion limit.
    if len(value.lstrip("0")) > len(str(UID_MAX)):
        return UidVerdict.BAD
    number = int(value)
    if not 1 <= number <= UID_MAX:
        return UidVerdict.BAD
    if value.startswith("0"):
        return UidVerdict.LEADING_ZERO
    return UidVerdict.OK


def is_url(value: object, schemes: tuple[str, ...] = ("http", "https")) -> bool:
    """The URL check: scheme in ``schemes`` (any letter case) and a non-empty host."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in schemes and bool(parts.hostname)
