"""Web mode's extension service items: finding one in a body, and a new one to add.

The service names and the error policy each accepts are the catalogue's
(:mod:`rec_tui.spec.fields_extension`); the forms and importers use these helpers.
"""

from __future__ import annotations

from typing import Any

from rec_tui.request.applicability import SERVICES_PATH
from rec_tui.spec import jsonpath
from rec_tui.spec.fields_extension import RTMP_PUBLISH, SERVICE_ERROR_POLICY


def service_index(body: dict[str, Any], service: str) -> int | None:
    """Where the item of ``service`` is in ``extensionServices``, or None."""
    items = jsonpath.get(body, SERVICES_PATH)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("serviceName") == service:
                return index
    return None


def new_service_item(service: str) -> dict[str, Any]:
    """A fresh item for a web-mode service, with the error policy the service accepts (R95).

    A CDN push starts with one empty output for its RTMP URL.
    """
    return {
        "serviceName": service,
        "errorHandlePolicy": SERVICE_ERROR_POLICY[service],
        "serviceParam": {"outputs": [{}]} if service == RTMP_PUBLISH else {},
    }
