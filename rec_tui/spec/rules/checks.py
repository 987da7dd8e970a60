"""Value checks shared by several rules (spec section 3, "Definitions shared by the rules")."""

from __future__ import annotations

import re
from enum import Enum
from functools import cache, lru_cache

from rec_tui.i18n import _
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rec_tui.spec.rules import Findings

UID_MAX = 4_294_967_295
_UID_MAX_DIGITS = len(str(UID_MAX))


@cache
def _declared_pattern(path: str) -> re.Pattern[str]:
    from rec_tui.spec import catalogue

    return re.compile(catalogue.field(path).value_pattern)


def matches_declared(path: str, value: str) -> bool:
    """Whether ``value`` matches, as a whole, the pattern declared for the field ``path``.

    The JSON Schema export writes the same declared pattern, so the two cannot disagree.
    """
    return _declared_pattern(path).fullmatch(value) is not None


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
    if len(value.lstrip("0")) > _UID_MAX_DIGITS:
        return UidVerdict.BAD
    number = int(value)
    if not 1 <= number <= UID_MAX:
        return UidVerdict.BAD
    if value.startswith("0"):
        return UidVerdict.LEADING_ZERO
    return UidVerdict.OK


def report_uid(out: Findings, path: str, value: str, message: str, subject: str, hint: str) -> None:
    """Report a UID string that fails the UID check (E) or has leading zeros (W).

    ``message`` states the rule, ``subject`` names the value in it ("Tile 2's uid"), ``hint``
    says how to fix a bad UID; the leading-zero hint is the same everywhere.
    """
    verdict = check_uid(value)
    if verdict is UidVerdict.BAD:
        said = _("{rule} {subject} is {value}.")
        out.error(path, said.format(rule=message, subject=subject, value=shown(value)), hint)
    elif verdict is UidVerdict.LEADING_ZERO:
        number = int(value)
        said = _("{rule} {subject} has leading zeros: {value} is most likely read as {number}.")
        out.warning(
            path,
            said.format(rule=message, subject=subject, value=shown(value), number=number),
            _('Write it without leading zeros: "{number}".').format(number=number),
        )


def is_url(value: object, schemes: tuple[str, ...] = ("http", "https")) -> bool:
    """The URL check: scheme in ``schemes`` (any letter case) and a non-empty host."""
    return isinstance(value, str) and _is_url_text(value, schemes)


# A check runs on every keystroke and meets the same few addresses each time (a body's
# background images, its storage endpoint): each is judged once.
@lru_cache(maxsize=256)
def _is_url_text(text: str, schemes: tuple[str, ...]) -> bool:
    from urllib.parse import urlsplit  # only for a body with an address in it

    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in schemes and bool(parts.hostname)
