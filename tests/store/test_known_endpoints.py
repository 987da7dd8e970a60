"""The endpoints this machine has sent to: kept without user info, safe when broken."""

from __future__ import annotations

import json

import pytest

from rec_tui.store import known_endpoints


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("sandbox", None),
        ("global", "https://api.agora.io"),
        ("https://API.agora.io/", "https://api.agora.io"),
        ("region:api-eu-west-1", "https://api-eu-west-1.agora.io"),
        ("http://user:pa55word@Collector.example:8080/base/", "http://collector.example:8080/base"),
        ("http://[::1]:8765", "http://[::1]:8765"),
    ],
)
def test_endpoint_key(setting: str, key: str | None) -> None:
    assert known_endpoints.endpoint_key(setting) == key


def test_remembered_endpoints_are_known_and_passwords_never_kept() -> None:
    assert known_endpoints.is_known("sandbox")
    assert not known_endpoints.is_known("global")
    known_endpoints.remember("http://user:pa55word@collector.example")
    known_endpoints.remember("global")
    known_endpoints.remember("https://api.agora.io/")  # the same endpoint as global
    assert known_endpoints.is_known("https://api.agora.io")
    assert known_endpoints.is_known("http://collector.example")
    text = known_endpoints.known_file().read_text()
    assert "pa55word" not in text
    assert json.loads(text) == {"endpoints": ["http://collector.example", "https://api.agora.io"]}


@pytest.mark.parametrize("content", ["{not json", '{"endpoints": "global"}', "[1]", ""])
def test_a_broken_file_means_nothing_is_known(content: str) -> None:
    path = known_endpoints.known_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    assert not known_endpoints.is_known("global")
    known_endpoints.remember("global")
    assert known_endpoints.is_known("global")
