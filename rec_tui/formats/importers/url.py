"""Cloud Recording URLs: the App ID, resource ID, sid, mode and call they name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

from rec_tui.formats.importers.references import resolved
from rec_tui.formats.importers.result import ImportResult
from rec_tui.request import endpoints
from rec_tui.spec.modes import MODES

_URL_PATTERN: Final = re.compile(
    r"/v1/apps/(?P<app_id>[^/]+)/cloud_recording/"
    r"(?:resourceid/(?P<resource_id>[^/]+)/)?(?:sid/(?P<sid>[^/]+)/)?"
    r"(?:mode/(?P<mode>[^/]+)/)?(?P<call>[A-Za-z]+)/?$"
)


def read_url(url: str, result: ImportResult, env: Mapping[str, str]) -> None:
    parts = urlsplit(url)
    found = _URL_PATTERN.search(parts.path)
    if found is None:
        result.notices.append(
            f"The URL path {parts.path!r} is not a Cloud Recording call; App ID and mode not read."
        )
        return
    if found.group("call") != "start":
        result.notices.append(f"The URL is a {found.group('call')} call, not start.")
    result.app_id = resolved(found.group("app_id"), env)
    if found.group("resource_id"):
        result.resource_id = resolved(found.group("resource_id"), env)
    if found.group("sid"):
        result.sid = resolved(found.group("sid"), env)
    mode = found.group("mode")
    if mode in MODES:
        result.mode = mode
    elif mode:
        result.notices.append(
            f"The URL names mode {mode!r}, which is not one of {', '.join(MODES)}."
        )
    result.endpoint = endpoint_of(f"{parts.scheme}://{parts.netloc}")


def endpoint_of(base_url: str) -> str:
    """The endpoint setting (``global``, ``region:…``, ``sandbox`` or the URL) of a base URL."""
    host = base_url.split("://", 1)[-1].lower()
    if base_url == endpoints.SANDBOX_BASE_URL:
        return endpoints.SANDBOX
    if host == endpoints.GLOBAL_HOSTS[0]:
        return "global"
    if host == endpoints.GLOBAL_HOSTS[1]:
        return "global-cn"
    prefix = host.removesuffix(".agora.io")
    if prefix in endpoints.REGION_NEIGHBOURS:
        return f"region:{prefix}"
    return base_url
