"""Quick access to the objects directly inside ``clientRequest``.

Validation runs on every keystroke and most storage, recording and subscription rules start
by fetching their section; walking two dict levels here costs a fraction of a dotted-path
lookup. The readings are the same as :class:`~.context.Context`'s accessors: anything that is
not an object reads as None.
"""

from __future__ import annotations

from rec_tui.spec.rules.context import Context, as_int

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def client_request(ctx: Context) -> dict[str, Any] | None:
    """``clientRequest`` when it is an object, else None."""
    body = ctx.body
    value = body.get("clientRequest") if isinstance(body, dict) else None
    return value if isinstance(value, dict) else None


def section(ctx: Context, key: str) -> dict[str, Any] | None:
    """``clientRequest.<key>`` when it is an object, else None."""
    return child(client_request(ctx), key)


def section_present(ctx: Context, key: str) -> bool:
    """``clientRequest.<key>`` is there with a value other than null (of any type)."""
    holder = client_request(ctx)
    return holder is not None and holder.get(key) is not None


def child(holder: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    value = holder.get(key) if holder is not None else None
    return value if isinstance(value, dict) else None


def stream_types_of(recording_config: dict[str, Any]) -> int | None:
    """streamTypes as :meth:`Context.stream_types` reads it (absent is 2, a bad type None),
    from an already fetched recordingConfig."""
    value = recording_config.get("streamTypes")
    return 2 if value is None else as_int(value)
