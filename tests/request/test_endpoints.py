"""Endpoint settings → base URLs in failover order, and the path of each call."""

from __future__ import annotations

import pytest

from rec_tui.request.endpoints import call_path, is_agora_host, resolve


def test_global_order_and_region_failover() -> None:
    assert resolve("global").base_urls == ("https://api.agora.io", "https://api.sd-rtn.com")
    assert resolve("global-cn").primary == "https://api.sd-rtn.com"
    region = resolve("region:api-eu-central-1").base_urls
    assert region[:2] == ("https://api-eu-central-1.agora.io", "https://api-eu-west-1.agora.io")
    assert region[2:] == ("https://api.agora.io", "https://api.sd-rtn.com")
    assert resolve("sandbox").sandbox
    assert resolve("http://127.0.0.1:8765/").base_urls == ("http://127.0.0.1:8765",)


def test_unknown_endpoint_is_named_but_credentials_are_never_repeated() -> None:
    with pytest.raises(ValueError, match='"nowhere"'):
        resolve("nowhere")
    with pytest.raises(ValueError) as caught:
        resolve("ftp://customer:hunter2-secret@example.com")
    assert "hunter2-secret" not in str(caught.value)
    with pytest.raises(ValueError, match="api-mars-1"):
        resolve("region:api-mars-1")


def test_call_paths() -> None:
    assert call_path("acquire", "APP") == "/v1/apps/APP/cloud_recording/acquire"
    assert call_path("start", "APP", "mix", "RID") == (
        "/v1/apps/APP/cloud_recording/resourceid/RID/mode/mix/start"
    )
    assert call_path("updateLayout", "APP", "mix", "RID", "SID").endswith(
        "/resourceid/RID/sid/SID/mode/mix/updateLayout"
    )


def test_agora_hosts_are_told_from_other_servers() -> None:
    """The send question says "a real Agora project" only of Agora's own domains."""
    for netloc in ("api.agora.io", "API.Agora.io", "api.sd-rtn.com:443", "api-eu-west-1.agora.io"):
        assert is_agora_host(netloc), netloc
    for netloc in ("127.0.0.1:8765", "agora.io.example.com", "xagora.io", "[::1]:80", ""):
        assert not is_agora_host(netloc), netloc
