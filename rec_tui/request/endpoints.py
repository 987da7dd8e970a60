"""Where requests go: hosts, the failover order, and the path of each call (spec 1.1, 1.4)."""

from __future__ import annotations

import json
from typing import Final, Literal
from urllib.parse import urlsplit

from rec_tui.i18n import _
from rec_tui.record import Record

Call = Literal["acquire", "start", "query", "update", "updateLayout", "stop"]

GLOBAL_HOSTS: Final[tuple[str, ...]] = ("api.agora.io", "api.sd-rtn.com")
# The domains of the global hosts, which the regional hosts share.
AGORA_DOMAINS: Final = tuple(host.partition(".")[2] for host in GLOBAL_HOSTS)
REGION_PREFIXES: Final[tuple[str, ...]] = (
    "api-us-west-1",
    "api-us-east-1",
    "api-ap-southeast-1",
    "api-ap-northeast-1",
    "api-eu-west-1",
    "api-eu-central-1",
    "api-cn-east-1",
    "api-cn-north-1",
)
# The regional host "next to" each one, for the last step of the failover order.
REGION_NEIGHBOURS: Final[dict[str, str]] = {
    "api-us-west-1": "api-us-east-1",
    "api-us-east-1": "api-us-west-1",
    "api-ap-southeast-1": "api-ap-northeast-1",
    "api-ap-northeast-1": "api-ap-southeast-1",
    "api-eu-west-1": "api-eu-central-1",
    "api-eu-central-1": "api-eu-west-1",
    "api-cn-east-1": "api-cn-north-1",
    "api-cn-north-1": "api-cn-east-1",
}
SANDBOX: Final = "sandbox"
SANDBOX_BASE_URL: Final = "https://sandbox.rec-tui.invalid"
# The sandbox's own credentials: published (README, `rec-tui sandbox --help`), not secret,
# so exports of a sandbox request may write them as they are.
SANDBOX_CUSTOMER_ID: Final = "sandbox"
SANDBOX_CUSTOMER_SECRET: Final = "sandbox-secret"
# Any App ID works with the sandbox; this one is used when none is given.
SANDBOX_APP_ID: Final = "sandbox-app"
CALL_METHODS: Final[dict[Call, str]] = {
    "acquire": "POST",
    "start": "POST",
    "query": "GET",
    "update": "POST",
    "updateLayout": "POST",
    "stop": "POST",
}
CONTENT_TYPE: Final = "application/json;charset=utf-8"


class Endpoint(Record, frozen=True):
    """Base URLs to try, in failover order; ``sandbox`` means the in-process service."""

    base_urls: tuple[str, ...]
    sandbox: bool = False

    @property
    def primary(self) -> str:
        return self.base_urls[0]


def resolve(endpoint: str) -> Endpoint:
    """Turn the draft's endpoint setting into base URLs in failover order.

    ``"sandbox"``; ``"global"`` (api.agora.io, then api.sd-rtn.com); ``"global-cn"`` (the
    mainland order: api.sd-rtn.com first); ``"region:api-eu-west-1"`` (that regional host,
    then its neighbour, then the global hosts); or any ``http(s)://`` base URL, used alone.
    """
    value = endpoint.strip()
    if value == SANDBOX:
        return Endpoint((SANDBOX_BASE_URL,), sandbox=True)
    if value in ("", "global"):
        return Endpoint(tuple(f"https://{host}" for host in GLOBAL_HOSTS))
    if value == "global-cn":
        return Endpoint(tuple(f"https://{host}" for host in reversed(GLOBAL_HOSTS)))
    if value.startswith("region:"):
        prefix = value.removeprefix("region:")
        if prefix not in REGION_NEIGHBOURS:
            raise ValueError(
                _("Unknown region host {prefix}; use one of {prefixes}.").format(
                    prefix=repr(prefix), prefixes=", ".join(REGION_PREFIXES)
                )
            )
        hosts = (f"{prefix}.agora.io", f"{REGION_NEIGHBOURS[prefix]}.agora.io", *GLOBAL_HOSTS)
        return Endpoint(tuple(f"https://{host}" for host in hosts))
    if value.lower().startswith(("http://", "https://")):
        return Endpoint((value.rstrip("/"),))
    # An address with user info may carry a password: never repeat such a value.
    if "@" in value:
        shown = _("This endpoint")
    else:
        shown = _("Endpoint {value}").format(value=json.dumps(value))
    raise ValueError(
        _(
            "{endpoint} is not understood: use sandbox, global, global-cn, "
            "region:<host prefix> or an http(s):// base URL."
        ).format(endpoint=shown)
    )


def is_agora_host(netloc: str) -> bool:
    """True for a host in Agora's API domains (the global hosts' and the regional ones');
    ``netloc`` as a URL holds it (``api.agora.io``, ``127.0.0.1:8765``)."""
    name = (urlsplit(f"//{netloc}").hostname or "").rstrip(".")
    return any(name == domain or name.endswith(f".{domain}") for domain in AGORA_DOMAINS)


def call_path(call: Call, app_id: str, mode: str = "", resource_id: str = "", sid: str = "") -> str:
    """The path of ``call`` under the base URL (spec 1.4)."""
    prefix = f"/v1/apps/{app_id}/cloud_recording"
    if call == "acquire":
        return f"{prefix}/acquire"
    if call == "start":
        return f"{prefix}/resourceid/{resource_id}/mode/{mode}/start"
    return f"{prefix}/resourceid/{resource_id}/sid/{sid}/mode/{mode}/{call}"
