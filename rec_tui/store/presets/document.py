"""A preset's TOML document: building it from a draft, writing it, reading and checking it.

A preset holds a ``format`` version, its name, a description, the mode, the session values
(App ID, endpoint, acquire options, snapshot intent) and the ``start`` body, each secret
replaced by a reference (see :mod:`rec_tui.store.presets.references`).

Reading is bounded and never raises anything but :class:`PresetError`: nesting deeper than
:data:`MAX_DEPTH` and values a JSON request cannot hold (dates and times, infinities,
integers beyond 64 bits) are refused with the key that holds them.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from rec_tui.i18n import _
from rec_tui.spec import jsonpath
from rec_tui.store.presets.errors import PresetError, locate_key
from rec_tui.store.presets.header import FORMAT_VERSION, check_header, check_known
from rec_tui.store.presets.references import env_reference, secret_locations

if TYPE_CHECKING:
    from rec_tui.request.draft import Draft

SNAPSHOT_INTENTS: Final = ("only", "plus_recording")
# A start request is about 6 levels deep; 32 leaves room for anything real and keeps every
# recursive walk (copying, validating, exporting) far from Python's recursion limit.
MAX_DEPTH: Final = 32
_INT64: Final = range(-(2**63), 2**63)

_SESSION_KEYS: Final = ("app_id", "endpoint", "acquire_options", "snapshot_intent")

SecretReference = Callable[[str, str, str], str]


# --- writing ------------------------------------------------------------------------------


def to_document(
    draft: Draft,
    name: str,
    description: str = "",
    secret_reference: SecretReference | None = None,
) -> dict[str, Any]:
    """The TOML document of a preset; ``secret_reference(path, key, value)`` replaces
    each secret (by default with an ``env:`` reference)."""
    reference = secret_reference or (lambda _path, key, _value: env_reference(key))
    body = draft.request_body()
    _refuse_unstorable(body, "body")
    for path, key, value in secret_locations(body):
        jsonpath.set_value(body, path, reference(path, key, value))
    session: dict[str, Any] = {"endpoint": draft.endpoint}
    if draft.app_id:
        session["app_id"] = draft.app_id
    options = _storable_acquire_options(draft.acquire_options)
    if options:
        _refuse_unstorable(options, "session.acquire_options")
        session["acquire_options"] = options
    if draft.snapshot_intent is not None:
        session["snapshot_intent"] = draft.snapshot_intent
    document: dict[str, Any] = {"format": FORMAT_VERSION, "name": name}
    if description:
        document["description"] = description
    document["mode"] = draft.mode
    document["session"] = session
    document["body"] = body
    return document


def _storable_acquire_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The acquire options without a startParameter that holds a secret.

    Secrets become references in the body only; startParameter is a copy of the start
    settings (R8 compares the two), so the preset acquires without it rather than keep
    the customer's token or keys in clear. Importing a ticket leaves such a one out too.
    """
    stored = copy.deepcopy(dict(options))
    if secret_locations(stored.get("startParameter")):
        del stored["startParameter"]
    return stored


def _refuse_unstorable(value: Any, where: str) -> None:
    """Say where a value a preset cannot hold is, rather than dropping or mangling it."""
    found = first_unstorable(value, depth=where.count(".") + 1)
    if found is not None:
        path, problem = found
        raise PresetError(
            _("Cannot save: {where}.{path} {problem}").format(
                where=where, path=path, problem=problem
            )
        )


def dumps(document: Mapping[str, Any]) -> str:
    import tomli_w

    text: str = tomli_w.dumps(document)
    # The comment is for the person who opens the file, in the language rec-tui speaks; it
    # is only a comment: the file reads the same whatever language wrote it.
    return (
        "# "
        + _("rec-tui preset. Secrets are references (keyring:… or env:…), never values.")
        + "\n"
        + text
    )


# --- reading ------------------------------------------------------------------------------


def read_document(text: str, path: Path) -> dict[str, Any]:
    """The parsed and checked document; :class:`PresetError` naming the place otherwise."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PresetError(
            _("{path}: {error} Fix the TOML syntax there.").format(
                path=path, error=_toml_error(error)
            )
        ) from None
    except RecursionError:
        raise PresetError(_too_deep(path)) from None
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise PresetError(
            _("{path}: not a usable TOML preset ({error}).").format(path=path, error=error)
        ) from None
    checker = _Checker(path, text)
    checker.check_values(document)
    checker.check(document)
    return document


def _too_deep(path: Path) -> str:
    return _(
        "{path}: nested more than {max_depth} levels deep; no start request "
        "is. Check that it is the right file."
    ).format(path=path, max_depth=MAX_DEPTH)


def _toml_error(error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's message ends with "(at line L, column C)"; put the position first.
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        reason = message[: found.start()]
        return _("line {line}, column {column}: not valid TOML: {reason}.").format(
            line=found.group(1), column=found.group(2), reason=reason
        )
    return _("not valid TOML: {message}.").format(message=message)


_Trail = tuple[Any, str | int] | None


def first_unstorable(value: Any, depth: int = 0) -> tuple[str, str] | None:
    """(path, what is wrong) of the first value a preset cannot hold, or None.

    Nesting beyond :data:`MAX_DEPTH`, nulls (TOML has none), text that is not valid
    Unicode, dates and times, inf/nan and integers beyond 64 bits. Walked without recursion
    (it runs before anything recursive); each pending value carries its parent's trail and
    its key, and a path is only spelled out for the value that fails. ``depth`` is how deep
    in the document ``value`` stands.
    """
    pending: list[tuple[Any, int, _Trail]] = [(value, depth, None)]
    while pending:
        item, depth, trail = pending.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                return _spelled(trail), (
                    _(
                        "is nested more than {max_depth} levels deep; no start request is. "
                        "Check that it is the right file."
                    ).format(max_depth=MAX_DEPTH)
                )
            children = item.items() if isinstance(item, dict) else enumerate(item)
            pending.extend((child, depth + 1, (trail, key)) for key, child in children)
            continue
        problem = _unstorable(item)
        if problem is not None:
            return _spelled(trail), problem
    return None


def _unstorable(value: Any) -> str | None:
    if value is None:
        return _(
            "is null, which a TOML preset cannot hold: remove the field (or give "
            "it a value) and save again."
        )
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _("holds text that is not valid Unicode (a lone surrogate); type it again.")
        return None
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _(
            "holds a date or time, which a JSON request cannot hold. Write it as a "
            'text string in quotes ("…") or as a number, whichever the field takes.'
        )
    if isinstance(value, float) and not math.isfinite(value):
        return _("holds inf or nan, which a JSON request cannot hold; use a finite number.")
    if isinstance(value, int) and not isinstance(value, bool) and value not in _INT64:
        return _("holds an integer beyond TOML's 64-bit range; use a smaller number.")
    return None


def _spelled(trail: _Trail) -> str:
    keys: list[str | int] = []
    while trail is not None:
        trail, key = trail
        keys.append(key)
    path = ""
    for key in reversed(keys):
        path = jsonpath.child(path, key)
    return path


class _Checker:
    """Type and key checks of a parsed preset, each failure one clear PresetError."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, key: str, problem: str) -> PresetError:
        where = locate_key(self.text, key.split("[")[0])
        return PresetError(
            _("{path}, {where}key {key}: {problem}").format(
                path=self.path, where=where, key=repr(key), problem=problem
            )
        )

    def check_values(self, document: dict[str, Any]) -> None:
        found = first_unstorable(document)
        if found is not None:
            raise self.fail(*found)

    def check(self, document: dict[str, Any]) -> None:
        check_header(document, self.fail)
        session = document.get("session", {})
        if not isinstance(session, dict):
            raise self.fail("session", _("must be a table ([session])."))
        self._session(session)
        if "body" not in document:
            raise self.fail("body", _("missing: add a [body] table with the start request."))
        if not isinstance(document["body"], dict):
            raise self.fail("body", _("must be a table ([body]) holding the start request object."))

    def _session(self, session: dict[str, Any]) -> None:
        check_known(session, _SESSION_KEYS, "session.", self.fail)
        for key in ("app_id", "endpoint"):
            if key in session and not isinstance(session[key], str):
                raise self.fail(f"session.{key}", _("must be a text string in quotes."))
        if "endpoint" in session:
            from rec_tui.request import endpoints

            try:
                endpoints.resolve(session["endpoint"])
            except ValueError as error:
                raise self.fail("session.endpoint", str(error)) from None
        if "acquire_options" in session and not isinstance(session["acquire_options"], dict):
            raise self.fail("session.acquire_options", _("must be a table."))
        intent = session.get("snapshot_intent")
        if intent is not None and intent not in SNAPSHOT_INTENTS:
            raise self.fail(
                "session.snapshot_intent",
                _("is {intent}; use {snapshot_intents}.").format(
                    intent=repr(intent), snapshot_intents=" or ".join(SNAPSHOT_INTENTS)
                ),
            )
