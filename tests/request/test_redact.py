"""Redaction derives from the declarations and finds a secret wherever it stands."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, quote_plus

import pytest

from rec_tui.request import redact
from rec_tui.request.redact import (
    MASK,
    redact_body,
    redact_text,
    secret_key,
    secret_places,
    secret_values,
)
from rec_tui.spec import catalogue, jsonpath
from rec_tui.store import secrets


def test_secret_keys_and_their_variables_come_from_the_declarations() -> None:
    declared = catalogue.secret_fields()
    assert {f.key for f in declared} == redact.SECRET_KEYS
    assert dict(secrets.BODY_SECRET_ENV) == {f.key: f.env for f in declared}
    # Every secret field names its variable, and no two share one.
    assert all(f.env.startswith("REC_TUI_") for f in declared)
    assert len({f.env for f in declared}) == len(declared)
    assert {"token", "accessKey", "secretKey", "stsToken", "secret", "salt"} <= redact.SECRET_KEYS


def test_every_declared_secret_is_masked_at_its_own_path() -> None:
    body: dict[str, object] = {}
    for number, declared in enumerate(catalogue.secret_fields()):
        jsonpath.set_value(body, declared.path.replace("[]", "[0]"), f"SECRET-{number}-value")
    shown = json.dumps(redact_body(body), ensure_ascii=False)
    assert "SECRET-" not in shown and shown.count(MASK) == len(catalogue.secret_fields())


@pytest.mark.parametrize(
    "body",
    [
        {"clientRequest": {"a.b": {"token": "S3CRET-x"}}},
        {"clientRequest": {"keys[0]": [{"secretKey": "S3CRET-x"}]}},
        {"clientRequest.storageConfig.accessKey": "S3CRET-x"},
        {"clientRequest": {"Token": "S3CRET-x"}},
        {"clientRequest": {"secret_key": "S3CRET-x"}},
        {"clientRequest": {"token": ["S3CRET-x", {"deeper": "S3CRET-x"}]}},
        {"clientRequest": {"customerSecret": "S3CRET-x"}},
        {"clientRequest": {"customer_key": "S3CRET-x"}},
        {"storageConfig": {"extensionParams": {"dbPassword": "S3CRET-x"}}},
    ],
    ids=[
        "dotted parent",
        "indexed parent",
        "flattened key",
        "case",
        "snake case",
        "nested",
        "pasted customer secret",
        "pasted customer key",
        "a password",
    ],
)
def test_a_secret_is_found_under_any_key_and_path(body: dict[str, object]) -> None:
    assert "S3CRET-x" not in json.dumps(redact_body(body))
    assert secret_values(body) == {"S3CRET-x"}
    # Each place's path leads back to the value, so a preset can replace it in place.
    for path, _key, value in secret_places(body):
        assert jsonpath.get(body, path) == value


def test_url_user_info_is_masked_in_bodies_and_text() -> None:
    body = {"clientRequest": {"page": "https://user:URLPASS-1@host.example/x?y=1"}}
    assert redact_body(body) == {"clientRequest": {"page": f"https://{MASK}@host.example/x?y=1"}}
    assert "URLPASS-1" in secret_values(body)
    text = (
        'go to rtmp://a:URLPASS-2@cdn/x and "https:\\/\\/b:URLPASS-3@h" '
        "https%3A%2F%2Fc%3AURLPASS-4%40h"
    )
    scrubbed = redact_text(text, [])
    assert "URLPASS" not in scrubbed and scrubbed.count(MASK) == 3
    assert redact_text("mail me at someone@example.com", []) == "mail me at someone@example.com"


SECRET = 'SEC-é/ü "q"\\z😀'


@pytest.mark.parametrize(
    "echo",
    [
        SECRET,
        json.dumps(SECRET)[1:-1],
        json.dumps(SECRET)[1:-1].replace("/", "\\/"),
        json.dumps(SECRET, ensure_ascii=False)[1:-1].replace("/", "\\/"),
        json.dumps(json.dumps(SECRET))[3:-3],  # JSON quoted inside a JSON string
        re.sub(
            r"\\u[0-9a-f]{4}",
            lambda m: m.group(0).upper().replace("\\U", "\\u"),
            json.dumps(SECRET)[1:-1],
        ),
        quote(SECRET, safe=""),
        quote(SECRET, safe="").replace("%C3%A9", "%c3%a9"),
        quote_plus(SECRET),
    ],
    ids=[
        "plain",
        "json",
        "json slash",
        "json utf8",
        "json twice",
        "hex upper",
        "url",
        "url lower",
        "plus",
    ],
)
def test_an_echoed_secret_is_scrubbed_however_it_is_escaped(echo: str) -> None:
    assert redact_text(f"server said <{echo}>", [SECRET]) == f"server said <{MASK}>"


def test_short_secrets_and_numbers_are_left_alone() -> None:
    assert redact_text("code 123 ok", ["123"]) == "code 123 ok"


def test_the_json_editor_text_masks_every_secret_and_reads_back_to_the_same_body() -> None:
    from rec_tui.request import json_text

    body = {
        "cname": "c",
        "clientRequest": {
            "Token": "S3CRET-case",
            "a.b": {"token": ["S3CRET-list"]},
            "page": "https://user:S3CRET-url@host.example/x",
            "storageConfig": {"secretKey": "S3CRET-key"},
        },
    }
    text = json_text.body_text(body)
    assert "S3CRET" not in text
    parsed = json_text.parse(text)
    assert json_text.unmask(parsed.body, body, parsed) == body


def test_the_names_of_api_fields_are_not_taken_for_credentials() -> None:
    declared = {f.key for f in catalogue.FIELDS}
    secrets = {f.key for f in catalogue.secret_fields()}
    assert {key for key in declared if secret_key(key)} == secrets


def test_text_that_does_not_parse_has_its_credentials_masked() -> None:
    from rec_tui.request.json_text import mask_text

    text = '{"customerSecret": "S3CRET-x", "Customer_Key": "abc", "cname": "room1", "x'
    masked = mask_text(text)
    assert "S3CRET-x" not in masked and '"cname": "room1"' in masked
    # Spelt with "_" as secret_key reads it: the same names, the same way.
    assert '"Customer_Key": "abc"' not in masked
