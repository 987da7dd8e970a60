"""Redaction: the one mechanism that keeps secrets out of everything shown or written.

Previews, exports, logs, history, error messages and screenshots all pass through here.
Which body fields are secret is declared once, by ``Field.secret`` in the catalogue; this
module derives :data:`SECRET_KEYS` from those declarations and finds secrets wherever they
stand:

* by key name at any depth and under any path (the ``start`` body, ``update.storageConfig``,
  an acquire ``startParameter``, a key holding ``.`` or ``[n]``), in any letter case or
  spelling with ``_``/``-`` (``secret_key``), and including a key written as a whole path
  (``"clientRequest.token"``); everything under a secret key is secret, lists included;
* by the names of credentials no API field holds but customers write into the bodies they
  paste (``customerSecret``, ``customerKey``, a ``password``, any ``…secret…`` key): the REST
  API takes the customer ID and secret in its Authorization header, and a body carrying
  them must not carry them on into a preset, the history or a bundle;
* in URLs, whose user-info (``https://user:password@host``) is always masked;
* in free text such as server messages and tracebacks, where each known secret value is
  scrubbed as written, JSON-escaped (``\\u00e9``, ``\\/``) or percent-encoded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, Final

from rec_tui.spec import catalogue, jsonpath

MASK: Final = "••••••••"

# Keys whose values are secrets in every Cloud Recording body, from the declarations.
SECRET_KEYS: Final[frozenset[str]] = frozenset(f.key for f in catalogue.secret_fields())
SECRET_HEADERS: Final[frozenset[str]] = frozenset({"authorization", "proxy-authorization"})

# Secrets shorter than this are not scrubbed from free text: masking every "1" or "ab"
# in a message would make it unreadable and protect nothing.
_MIN_SCRUB_LENGTH: Final = 4

# Credentials that are no field of any body, by name (folded: any case, no _ or -), and
# the words that make any other key name a credential's.
CREDENTIAL_KEYS: Final[frozenset[str]] = frozenset(
    {
        "customerKey",
        "customerId",
        "customerSecret",
        "customerCertificate",
        "appCertificate",
        "accessToken",
    }
)
_CREDENTIAL_WORDS: Final = ("secret", "password", "passwd", "credential", "privatekey", "apikey")

_FOLDED_KEYS: Final = {key.casefold(): key for key in SECRET_KEYS}
_FOLDED_CREDENTIALS: Final = frozenset(key.casefold() for key in CREDENTIAL_KEYS)
_NOT_IN_NAME: Final = re.compile(r"[_\-\s]")
_LAST_SEGMENT: Final = re.compile(r"(?:^|[.\]])([^.\[\]]+)(?:\[\d*\])*$")

# scheme://user-info@ — written plainly, JSON-escaped (:\/\/) or percent-encoded (%3A%2F%2F).
_USER_INFO: Final = re.compile(
    r"(?i)([a-z][a-z0-9+.\-]*(?:://|:\\/\\/|%3A%2F%2F))"
    r"((?:[^\s/\\?#@\"'<>%]|%(?!40|2F)[0-9A-F]{2})+)"
    r"(@|%40)"
)


def _spelt_any_way(name: str) -> str:
    """A pattern for ``name`` with ``_``, ``-`` or a space anywhere, as :func:`secret_key`
    reads key names (its letter case is the pattern's flag)."""
    return r"[_\-\s]?".join(re.escape(character) for character in name)


# Compiled when first used (the JSON editor, explain): ~1.5 ms the first screen need not pay.
@lru_cache(maxsize=1)
def secret_member() -> re.Pattern[str]:
    """A member of JSON text whose key names a secret and whose value is a string, found
    even in text that does not parse (a paste, the JSON editor's draft): group 1 runs up to
    the value, group 2 is the value as written."""
    return re.compile(
        r'("(?i:'
        + "|".join(_spelt_any_way(name) for name in sorted(SECRET_KEYS | CREDENTIAL_KEYS))
        + r'|[^"\\\n]*(?:'
        + "|".join(_spelt_any_way(word) for word in _CREDENTIAL_WORDS)
        + r')[^"\\\n]*)"\s*:\s*)"((?:[^"\\\n]|\\.)*)"'
    )


def mask(value: object) -> str:
    """The masked form of a secret value; an empty value stays visibly empty."""
    return "" if value in (None, "") else MASK


def secret_key(key: object) -> str | None:
    """The secret key a JSON key stands for, or None when it is not a secret.

    ``"token"``, ``"Token"``, ``"secret_key"`` and ``"clientRequest.storageConfig.secretKey"``
    (a flattened path used as a key) all name the declared ``secretKey``; a credential's
    name (``"customer_secret"``, ``"dbPassword"``) stands for itself, as written without
    ``_`` or ``-`` (``customersecret``, ``dbPassword``).
    """
    return _secret_key(key) if isinstance(key, str) else None


# The same few dozen keys are asked about for every body shown (each keystroke's preview).
@lru_cache(maxsize=4096)
def _secret_key(key: str) -> str | None:
    name = _NOT_IN_NAME.sub("", key)
    found = _FOLDED_KEYS.get(name.casefold())
    if found is None and ("." in key or "[" in key):
        last = _LAST_SEGMENT.search(key)
        name = _NOT_IN_NAME.sub("", last.group(1)) if last is not None else name
        found = _FOLDED_KEYS.get(name.casefold())
    if found is None and _is_credential(name.casefold()):
        found = name
    return found


def _is_credential(folded: str) -> bool:
    return folded in _FOLDED_CREDENTIALS or any(word in folded for word in _CREDENTIAL_WORDS)


def redact_url(text: str) -> str:
    """``text`` with the user-info of every URL in it masked (``https://••••••••@host``)."""
    if "@" not in text and "%40" not in text.upper():
        return text
    return _USER_INFO.sub(lambda m: f"{m.group(1)}{MASK}{m.group(3)}", text)


def redact_body(body: Any) -> Any:
    """A copy of a JSON value with every secret replaced by :data:`MASK`.

    Strings under a secret key (at any depth below it) are masked; URL user-info in any
    other string, and in a key, is masked too. Numbers, booleans and the shape stay as they
    are.
    """
    if isinstance(body, dict):
        return {
            _key_shown(key): _masked(value) if secret_key(key) else redact_body(value)
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [redact_body(item) for item in body]
    if isinstance(body, str):
        return redact_url(body)
    return body


def _key_shown(key: Any) -> Any:
    return redact_url(key) if isinstance(key, str) and "@" in key else key


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value


def secret_places(body: Any) -> Iterator[tuple[str, str, str]]:
    """(path, declared key, value) of every non-empty secret string in a JSON value.

    The path leads back to the value whatever its keys hold (see :mod:`rec_tui.spec.jsonpath`),
    so a caller can replace it in place; the declared key says which secret it is (for its
    environment variable).
    """
    yield from _places(body, "", None)


def _places(value: Any, path: str, under: str | None) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, jsonpath.child(path, str(key)), under or secret_key(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, jsonpath.child(path, index), under)
    elif under is not None and isinstance(value, str) and value:
        yield path, under, value


def redact_json(value: Any, secrets: Iterable[str]) -> Any:
    """A copy of a JSON value: secret-keyed strings masked, known ``secrets`` scrubbed from
    every other string and key. Numbers are left alone: a secret of digits must not eat into
    a number."""
    known = frozenset(secrets)
    if not known:
        return redact_body(value)  # nothing known to scrub besides (a history read back)

    def scrub(item: Any) -> Any:
        if isinstance(item, str):
            return redact_text(item, known)
        if isinstance(item, dict):
            return {redact_text(str(k), known): scrub(v) for k, v in item.items()}
        if isinstance(item, list):
            return [scrub(element) for element in item]
        return item

    return scrub(redact_body(value))


def redact_exchange(record: Mapping[str, Any], secrets: Iterable[str] = ()) -> Any:
    """A history record as it may be shown or written out: the credentials of its headers,
    the secrets of its bodies and URLs and the known ``secrets`` masked.

    The client redacts a record before it is written; a record read back is redacted again,
    for it may have been written by an older version, by hand or by someone else.
    """
    redacted = dict(record)
    for name in ("request_headers", "response_headers"):
        headers = redacted.get(name)
        if isinstance(headers, dict) and all(isinstance(v, str) for v in headers.values()):
            redacted[name] = redact_headers(headers)
    return redact_json(redacted, secrets)


def secret_values(body: Any) -> set[str]:
    """Every secret string found in a JSON value (to scrub them from text later).

    Besides the values under secret keys, the password of a URL's user-info counts.
    """
    found = {value for _path, _key, value in secret_places(body)}
    for _path, value in jsonpath.walk(body):
        if isinstance(value, str) and "@" in value:
            for match in _USER_INFO.finditer(value):
                found.update(part for part in match.group(2).split(":") if part)
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
    """``text`` with URL user-info and each known secret value masked.

    A secret is found as written, JSON-escaped (``\\u00e9``, ``\\/``, ``\\"``) or
    percent-encoded (``%C3%A9``, ``+`` for a space), in any mix, so a server that quotes
    it back in any of those forms does not leak it. The longest secrets are tried first.
    """
    pattern = _secrets_pattern(frozenset(secrets))
    scrubbed = text if pattern is None else pattern.sub(MASK, text)
    return redact_url(scrubbed)


# One request scrubs dozens of strings with the same few secrets: build the pattern once.
@lru_cache(maxsize=64)
def _secrets_pattern(secrets: frozenset[str]) -> re.Pattern[str] | None:
    values = sorted(
        (s for s in secrets if s and len(s) >= _MIN_SCRUB_LENGTH), key=len, reverse=True
    )
    if not values:
        return None
    return re.compile("|".join("".join(_char_forms(c) for c in value) for value in values))


def _char_forms(char: str) -> str:
    """A regex matching ``char`` written plainly, JSON-escaped or percent-encoded."""
    forms = {re.escape(char)}
    escaped = json.dumps(char)[1:-1]  # \u00e9, \ud83d\ude00, \" , \\ , \n
    forms.add(_json_escape(escaped))
    forms.add(_json_escape("".join(f"\\u{u:04x}" for u in _utf16(char))))
    if char == "/":
        forms.add(_json_escape("\\/"))
    if char == " ":
        forms.add(re.escape("+"))
    try:
        encoded = char.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate has no percent-encoded form
        encoded = b""
    if encoded:
        forms.add("".join(f"%{_either_case(f'{byte:02X}')}" for byte in encoded))
    if len(forms) == 1:
        return next(iter(forms))
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _json_escape(escaped: str) -> str:
    """A regex for a JSON escape sequence, also when it was escaped again (``\\\\u00e9``,
    as in JSON quoted inside a JSON string), with hex digits in either case."""
    if not escaped.startswith("\\"):
        return re.escape(escaped)
    parts = escaped.split("\\")
    return r"\\+".join(
        "u" + _either_case(part[1:]) if part.startswith("u") else re.escape(part) for part in parts
    )


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _either_case(hex_digits: str) -> str:
    return "".join(f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in hex_digits)
