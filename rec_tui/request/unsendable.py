"""Values no request can carry: lone surrogates in text and integers too long to write.

A string holding half of a UTF-16 surrogate pair (``"\\ud800"``, from text cut in the middle
of an emoji) cannot be encoded as UTF-8, so the request could not even be sent; an integer
of more than 4,300 digits cannot be written out by Python. Both are reported once, here,
and the rules then check a copy where such text has U+FFFD in place of the surrogate and
such a number is infinity, so no rule meets a value it cannot print or measure.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache

from rec_tui.i18n import _
from rec_tui.spec import jsonpath
from rec_tui.spec.problems import ERROR, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

RULE_ID: Final = "JSON"  # not a rule of the spec: what any JSON request needs
# Compiled on first use (through re's cache): an ASCII text has no surrogate to look for.
_SURROGATE: Final = r"[\ud800-\udfff]"
REPLACEMENT: Final = "\ufffd"


def _too_long(value: object) -> bool:
    """An integer Python refuses to write out in decimal (over 4,300 digits by default)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    limit = sys.get_int_max_str_digits()
    # 10**4300 has 14,285 bits: the cheap test first, the exact one only near the limit.
    return limit > 0 and value.bit_length() > 3 * limit and abs(value) >= _power_of_ten(limit)


@lru_cache(maxsize=4)
def _power_of_ten(exponent: int) -> int:
    return 10**exponent


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and re.search(_SURROGATE, text) is not None


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be encoded and shown."""
    return re.sub(_SURROGATE, REPLACEMENT, text)


def checkable(body: Any) -> tuple[list[Problem], Any]:
    """Problems for unsendable values, and ``body`` (a copy only if needed) safe to check."""
    if not _needs_cleaning(body):
        return [], body
    problems: list[Problem] = []
    return problems, _cleaned(body, "", problems)


def _needs_cleaning(body: Any) -> bool:
    # json's C encoder walks a body far faster than Python can: it refuses exactly these
    # values (a lone surrogate cannot be encoded as UTF-8, an over-long integer cannot be
    # written out), so a body it writes needs no cleaning.
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return True
    except (TypeError, RecursionError):
        # Not JSON data, or nested past what the encoder follows: the rules judge it.
        return False
    return False


def _cleaned(value: Any, path: str, problems: list[Problem]) -> Any:
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            clean_key = replace_surrogates(key) if isinstance(key, str) else key
            child = jsonpath.child(path, str(clean_key))
            if clean_key != key:
                problems.append(_surrogate_problem(child, key_holds=True))
            result[clean_key] = _cleaned(item, child, problems)
        return result
    if isinstance(value, list):
        return [
            _cleaned(item, jsonpath.child(path, index), problems)
            for index, item in enumerate(value)
        ]
    if isinstance(value, str) and _has_surrogate(value):
        problems.append(_surrogate_problem(path, key_holds=False))
        return replace_surrogates(value)
    if _too_long(value):
        problems.append(
            Problem(
                "body.number.digits",
                RULE_ID,
                ERROR,
                path,
                _(
                    "This number has more than {digits} digits; no field of a start body takes "
                    "a number anywhere near that long."
                ).format(digits=sys.get_int_max_str_digits()),
                _("Use a value in the field's documented range."),
            )
        )
        return float("inf") if value > 0 else float("-inf")
    return value


def _surrogate_problem(path: str, *, key_holds: bool) -> Problem:
    if key_holds:
        message = _(
            "The key holds a lone UTF-16 surrogate (shown as {shown}), which cannot be "
            "encoded as UTF-8: the request could not be sent."
        )
    else:
        message = _(
            "The text holds a lone UTF-16 surrogate (shown as {shown}), which cannot be "
            "encoded as UTF-8: the request could not be sent."
        )
    return Problem(
        "body.text.unicode",
        RULE_ID,
        ERROR,
        path,
        message.format(shown=REPLACEMENT),
        _("Retype the text; a surrogate alone is usually an emoji cut in half."),
    )
