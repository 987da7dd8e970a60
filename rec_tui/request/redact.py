"""Redaction: the one mechanism that keeps secrets out of everything shown or written.

Previews, exports, logs, history, error messages and screenshots all pass through here.
Secret body fields are recognised by key name wherever they appear (the ``start`` body,
``update.storageConfig``, an acquire ``startParameter``), and known secret values are
scrubbed from free text such as server messages and tracebacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Final

MASK: Final = "••••••••"

# Keys whose values are secrets in every Cloud Recording body (spec sections 2.2, 2.3, 2.7).
SECRET_KEYS: Final[frozenset[str]] = frozenset(
    {"token", "secret", "salt", "accessKey", "secretKey", "stsToken"}
)
SECRET_HEADERS: Final[frozenset[str]] = frozenset({"authorization", "proxy-authorization"})

# Secrets shorter than this are not scrubbed from free text: masking every "1" or "ab"
# in a message would make it unreadable and protect nothing.
_MIN_SCRUB_LENGTH: Final = 4


def mask(value: object) -> str:
    """The masked form of a secret value; an empty value stays visibly empty."""
    return "" if value in (None, "") else MASK


def redact_body(body: Any) -> Any:
    """A copy of a JSON value with every secret-keyed string replaced by :data:`MASK`."""
    if isinstance(body, dict):
        return {
            key: (
                mask(value) if key in SECRET_KEYS and isinstance(value, str) else redact_body(value)
            )
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [redact_body(item) for item in body]
    return body


def secret_values(body: Any) -> set[str]:
    """Every secret string found in a JSON value (to scrub them from text later)."""
    found: set[str] = set()
    if isinstance(body, dict):
        for key, value in body.items():
            if key in SECRET_KEYS and isinstance(value, str) and value:
                found.add(value)
            else:
                found |= secret_values(value)
    elif isinstance(body, list):
        for item in body:
            found |= secret_values(item)
    return found


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers with credentials masked; the auth scheme stays visible (``Basic ••••``)."""
    redacted: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in SECRET_HEADERS:
            scheme, _, credential = value.partition(" ")
            redacted[name] = f"{scheme} {MASK}" if credential else MASK
        else:
            redacted[name] = value
    return redacted


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each known secret value (longest first) replaced by :data:`MASK`."""
    pattern = _secrets_pattern(frozenset(secrets))
    return text if pattern is None else pattern.sub(MASK, text)


# One request scrubs dozens of strings with the same few secrets: build the pattern once.
@lru_cache(maxsize=64)
def _secrets_pattern(secrets: frozenset[str]) -> re.Pattern[str] | None:
    values = sorted(
        (s for s in secrets if s and len(s) >= _MIN_SCRUB_LENGTH), key=len, reverse=True
    )
    if not values:
        return None
    return re.compile("|".join(re.escape(value) for value in values))
