"""Agora's documented examples, per endpoint, run against ``sandbox serve`` over HTTP.

The examples are data (tests/data/agora_reference/examples.json), each with the page and
section it comes from: the request is accepted or refused as documented, and the answer has
the documented status and body, or the documented keys with their JSON types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.backend import Backend, backend
from tests.support.seed_examples import DATA as SEED_EXAMPLES

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "agora_reference" / "examples.json"
CATALOGUE = json.loads(REFERENCE.read_text(encoding="utf-8"))
EXAMPLES: list[dict[str, Any]] = CATALOGUE["examples"]
JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
}
SCENES = {"individual": 0, "mix": 0, "web": 1}


def body_of(request: dict[str, Any]) -> dict[str, Any]:
    if "seed_example" in request:
        text = (SEED_EXAMPLES / request["seed_example"]).read_text(encoding="utf-8")
        return dict(json.loads(text))
    return request


def start_session(api: Backend, session: dict[str, Any]) -> tuple[str, str, str, dict[str, Any]]:
    """(mode, resource ID, sid, start body) of a started session."""
    mode, body = session["mode"], body_of(session["start"])
    resource_id, sid = api.started(mode, body)
    return mode, resource_id, sid, body


def send(api: Backend, example: dict[str, Any]) -> httpx.Response:
    call = example["call"]
    request = body_of(example["request"]) if "request" in example else None
    if call == "acquire":
        assert request is not None
        return api.acquire(request)
    if call == "start" and "session" not in example:
        assert request is not None
        resource_id = api.acquire_for(request, scene=example["scene"])
        return api.start(example["mode"], resource_id, request)
    mode, resource_id, sid, start_body = start_session(api, example["session"])
    for earlier in example.get("after", []):
        assert earlier == "stop"
        assert api.stop(mode, resource_id, sid, start_body).status_code == 200
    if call == "start":
        return api.start(mode, resource_id, request)
    if call == "query":
        return api.query(mode, resource_id, sid)
    return api.call(call, mode, resource_id, sid, request)


def assert_typed(found: dict[str, Any], expected: dict[str, str], where: str) -> None:
    assert set(expected) <= set(found), f"{where}: keys {sorted(found)}"
    for key, kind in expected.items():
        value = found[key]
        assert isinstance(value, JSON_TYPES[kind]), f"{where}.{key} is not a {kind}: {value!r}"
        assert kind == "boolean" or not isinstance(value, bool), f"{where}.{key}: {value!r}"


def test_every_example_names_its_source_page() -> None:
    pages = tuple(CATALOGUE["sources"])
    for example in EXAMPLES:
        assert example["source"].startswith(pages), example["name"]
    assert {e["call"] for e in EXAMPLES} == {
        "acquire",
        "start",
        "query",
        "update",
        "updateLayout",
        "stop",
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["name"])
def test_the_sandbox_answers_the_documented_example(example: dict[str, Any]) -> None:
    with backend() as api:
        answer = send(api, example)
    expected = example["answer"]
    assert answer.status_code == expected["status"], answer.text
    payload = answer.json()
    if "body" in expected:
        assert payload == expected["body"]
    if "code" in expected:
        assert set(payload) == {"code", "reason"} and payload["code"] == expected["code"]
        assert payload["reason"].startswith(expected["reason_starts"])
    if "keys" in expected:
        assert_typed(payload, expected["keys"], "answer")
    if "serverResponse" in expected:
        response = payload["serverResponse"]
        assert_typed(response, expected["serverResponse"], "serverResponse")
        for entry in response.get("fileList", []) if "fileList" in expected else []:
            assert_typed(entry, expected["fileList"], "serverResponse.fileList[]")
        if "services" in expected:
            names = [s["serviceName"] for s in response["extensionServiceState"]]
            assert names == expected["services"]
