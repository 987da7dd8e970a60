"""All field declarations, gathered from the per-section modules, with lookups."""

from __future__ import annotations

from functools import cache

from rec_tui.spec import (
    fields_envelope,
    fields_extension,
    fields_files,
    fields_legacy,
    fields_recording,
    fields_session,
    fields_storage,
    fields_transcoding,
    jsonpath,
)
from rec_tui.spec.field import Field
from rec_tui.spec.modes import Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FIELDS: tuple[Field, ...] = (
    *fields_envelope.FIELDS,
    *fields_recording.FIELDS,
    *fields_transcoding.FIELDS,
    *fields_files.FIELDS,
    *fields_storage.FIELDS,
    *fields_extension.FIELDS,
    *fields_legacy.FIELDS,
)
# The session's fields (session.appId, session.acquire.*): declared like the body's and
# found by lookup()/field()/children(), but not part of FIELDS, which is the start body.
SESSION_FIELDS: tuple[Field, ...] = fields_session.FIELDS
ALL_FIELDS: tuple[Field, ...] = FIELDS + SESSION_FIELDS


@cache
def _index() -> dict[tuple[str, str | None], Field]:
    index: dict[tuple[str, str | None], Field] = {}
    for declared in ALL_FIELDS:
        key = (declared.path, declared.service)
        if key in index:
            raise RuntimeError(f"field declared twice: {declared.path}")
        index[key] = declared
    return index


@cache
def _children() -> dict[tuple[str, str | None], tuple[Field, ...]]:
    grouped: dict[tuple[str, str | None], list[Field]] = {}
    for declared in ALL_FIELDS:
        grouped.setdefault((declared.parent, declared.service), []).append(declared)
    return {key: tuple(fields) for key, fields in grouped.items()}


def lookup(path: str, service: str | None = None) -> Field | None:
    """The field a body path (indices allowed) or catalogue path names, or None.

    ``service`` picks between same-named ``serviceParam`` keys of different extension
    services; without it a service-independent declaration is preferred.
    """
    generic = jsonpath.generic(path)
    found = _index().get((generic, service))
    if found is None and service is None:
        for (candidate_path, _), declared in _index().items():
            if candidate_path == generic:
                return declared
    return found


def field(path: str, service: str | None = None) -> Field:
    """Like :func:`lookup` but the field must exist (a programming error otherwise)."""
    found = lookup(path, service)
    if found is None:
        raise KeyError(f"no field declared at {path!r}")
    return found


def children(parent: str, service: str | None = None) -> tuple[Field, ...]:
    """The fields directly inside the object at catalogue path ``parent``.

    For ``serviceParam`` objects pass the service name; service-independent children of
    the same parent are included too.
    """
    generic = jsonpath.generic(parent)
    own = _children().get((generic, service), ())
    if service is None:
        return own
    return _children().get((generic, None), ()) + own


def for_mode(mode: Mode) -> tuple[Field, ...]:
    return tuple(declared for declared in FIELDS if declared.applies_to(mode))


def secret_fields() -> tuple[Field, ...]:
    return tuple(declared for declared in FIELDS if declared.secret)


def default(path: str, service: str | None = None) -> Any:
    """The declared default of the field at ``path`` (None when it declares none)."""
    return field(path, service).default


MIX_TILES = "clientRequest.recordingConfig.transcodingConfig.layoutConfig"


def mix_max_users() -> int:
    """How many users a mix recording can show: the declared cap on layout tiles (R58, R68)."""
    cap = field(MIX_TILES).max_items
    if cap is None:
        raise KeyError(f"{MIX_TILES} declares no max_items")
    return cap
