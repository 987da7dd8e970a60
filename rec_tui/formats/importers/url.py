"""Cloud Recording URLs: the host, App ID, resource ID, sid, mode and call they name.

User info in a URL (``https://id:secret@host/…``) is Basic auth: it is taken out as
credentials and never kept in the host, the endpoint or any message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote, urlsplit

from rec_tui.formats.importers.references import is_reference, references_in
from rec_tui.formats.importers.result import ImportResult
from rec_tui.i18n import _
from rec_tui.request import endpoints

_URL_PATTERN: Final = re.compile(
    r"/v1/apps/(?P<app_id>[^/]+)/cloud_recording/"
    r"(?:resourceid/(?P<resource_id>[^/]+)/)?(?:sid/(?P<sid>[^/]+)/)?"
    r"(?:mode/(?P<mode>[^/]+)/)?(?P<call>[A-Za-z]+)/?$"
)


@dataclass(frozen=True, slots=True)
class UserInfo:
    user: str
    password: str


def read_url(url: str, result: ImportResult, what: str) -> UserInfo | None:
    """Put what ``url`` says into ``result``; returns the user info it carried, if any."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        # urlsplit refuses an unclosed "[" (IPv6) host; say so without repeating the URL,
        # which may carry a password.
        result.notices.append(
            _("The {what}'s URL is not a valid address; App ID and mode not read.").format(
                what=what
            )
        )
        return None
    user_info, _at, host = parts.netloc.rpartition("@")
    found = _URL_PATTERN.search(parts.path)  # the path: user info never gets into it
    if host:
        result.customer_host = host.lower()
        result.customer_endpoint = endpoint_of(parts.scheme.lower(), host.lower())
    if found is None:
        result.notices.append(
            _(
                "The URL path {path} is not a Cloud Recording call; App ID and mode not read."
            ).format(path=repr(parts.path))
        )
    else:
        _read_path(found, result)
    if not user_info:
        return None
    user, _colon, password = user_info.partition(":")
    return UserInfo(unquote(user), unquote(password))


def _read_path(found: re.Match[str], result: ImportResult) -> None:
    result.call = found.group("call")
    result.call_path = found.group(0)
    if result.call != "start":
        result.notices.append(_("The URL is a {call} call, not start.").format(call=result.call))
    app_id = found.group("app_id")
    # A reference names the customer's variable: pointed out, never taken for an App ID.
    result.customer_app_id = None if is_reference(app_id) else app_id
    for name in ("resource_id", "sid"):
        value = found.group(name)
        if value and not references_in(value):
            setattr(result, name, value)


def call_of(url: str) -> str | None:
    """The call (``start``, ``acquire``, …) a Cloud Recording URL names, if it is one."""
    found = _URL_PATTERN.search(url.split("?", 1)[0].split("#", 1)[0])
    return None if found is None else found.group("call")


def endpoint_of(scheme: str, host: str) -> str:
    """The endpoint setting (``global``, ``region:…``, ``sandbox`` or a base URL) of a host."""
    base_url = f"{scheme}://{host}"
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
