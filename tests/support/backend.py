"""A customer's backend talking to ``rec-tui sandbox serve`` over loopback HTTP.

Plain httpx requests, as a backend written from Agora's docs sends them: the tests see the
exact status, headers and JSON that went over the wire, not what rec-tui's client makes of it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from rec_tui.request.endpoints import CONTENT_TYPE
from rec_tui.sandbox.service import SandboxService
from tests.support.loopback import serving

AUTH = "Basic " + base64.b64encode(b"sandbox:sandbox-secret").decode()
APP_ID = "app"


class Backend:
    """The six calls, each returning the raw :class:`httpx.Response`."""

    def __init__(self, client: httpx.Client, app_id: str = APP_ID) -> None:
        self.client = client
        self.prefix = f"/v1/apps/{app_id}/cloud_recording"

    def post(
        self, path: str, body: Any, *, content_type: str | None = CONTENT_TYPE
    ) -> httpx.Response:
        headers = {"Authorization": AUTH}
        if content_type is not None:
            headers["Content-Type"] = content_type
        return self.client.post(self.prefix + path, content=json.dumps(body), headers=headers)

    def acquire(self, body: dict[str, Any], **options: Any) -> httpx.Response:
        return self.post("/acquire", body, **options)

    def acquire_for(self, body: dict[str, Any], **client_request: Any) -> str:
        """Acquire for ``body``'s cname and uid; the resource ID (the call must succeed)."""
        request = {"cname": body["cname"], "uid": body["uid"], "clientRequest": client_request}
        answer = self.acquire(request)
        assert answer.status_code == 200, answer.text
        return str(answer.json()["resourceId"])

    def start(self, mode: str, resource_id: str, body: Any, **options: Any) -> httpx.Response:
        return self.post(f"/resourceid/{resource_id}/mode/{mode}/start", body, **options)

    def started(self, mode: str, body: dict[str, Any]) -> tuple[str, str]:
        """Acquire (with the mode's scene) and start; (resource ID, sid)."""
        resource_id = self.acquire_for(body, scene=1 if mode == "web" else 0)
        answer = self.start(mode, resource_id, body)
        assert answer.status_code == 200, answer.text
        return resource_id, str(answer.json()["sid"])

    def session_path(self, mode: str, resource_id: str, sid: str, call: str) -> str:
        return f"/resourceid/{resource_id}/sid/{sid}/mode/{mode}/{call}"

    def query(self, mode: str, resource_id: str, sid: str) -> httpx.Response:
        path = self.prefix + self.session_path(mode, resource_id, sid, "query")
        return self.client.get(path, headers={"Authorization": AUTH})

    def call(self, call: str, mode: str, resource_id: str, sid: str, body: Any) -> httpx.Response:
        """update, updateLayout or stop."""
        return self.post(self.session_path(mode, resource_id, sid, call), body)

    def stop(self, mode: str, resource_id: str, sid: str, body: dict[str, Any]) -> httpx.Response:
        request = {"cname": body["cname"], "uid": body["uid"], "clientRequest": {}}
        return self.call("stop", mode, resource_id, sid, request)


@contextmanager
def backend(service: SandboxService | None = None) -> Iterator[Backend]:
    """A :class:`Backend` on a freshly served sandbox (no rate limit unless one is given)."""
    with (
        serving(service or SandboxService(rate_limit=None)) as server,
        httpx.Client(base_url=server.base_url) as client,
    ):
        yield Backend(client)
