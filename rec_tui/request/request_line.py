"""The one-line summary of the start call: ``POST https://…/start``, for previews and reviews.

The endpoints module is imported when a line is first needed: the wizard paints its first
frame before that.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from rec_tui.i18n import _
from rec_tui.request.draft import Draft

PLACEHOLDER_RESOURCE_ID: Final = "<resourceId from acquire>"


def request_line(draft: Draft) -> str:
    """``POST https://…/start`` with the full URL; never raises."""
    from rec_tui.request.endpoints import call_path, resolve

    try:
        base = resolve(draft.endpoint).primary
    except ValueError as error:
        return _("POST (endpoint problem: {error})").format(error=error)
    path = call_path("start", draft.app_id or "<App ID>", draft.mode, PLACEHOLDER_RESOURCE_ID)
    return f"POST {base}{path}"


def compact_request_line(draft: Draft) -> str:
    """``POST …/mode/mix/start  (sandbox)``: which call, which mode and where, never wrapping.

    The full URL (host, App ID, resource ID) is what :func:`request_line` gives.
    """
    from rec_tui.request.endpoints import resolve

    try:
        endpoint = resolve(draft.endpoint)
    except ValueError:
        return _("POST (endpoint problem: see the Review step)")
    where = _("sandbox") if endpoint.sandbox else urlsplit(endpoint.primary).netloc
    return f"POST …/mode/{draft.mode}/start  ({where})"
