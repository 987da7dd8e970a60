"""redact_json: the one walk that masks secret keys and scrubs known values from a JSON value."""

from __future__ import annotations

import json

import pytest

from rec_tui.request.redact import MASK, redact_json

SECRET = "s3cr3t-VALUE"


def test_secret_keys_are_masked_wherever_they_are() -> None:
    value = {"a": [{"token": "anything"}], "storageConfig": {"secretKey": "k", "vendor": 2}}
    assert redact_json(value, ()) == {
        "a": [{"token": MASK}],
        "storageConfig": {"secretKey": MASK, "vendor": 2},
    }


def test_known_values_are_scrubbed_from_other_strings_and_keys() -> None:
    value = {"reason": f"bad secret {SECRET}!", SECRET: [f"x{SECRET}"]}
    assert redact_json(value, {SECRET}) == {"reason": f"bad secret {MASK}!", MASK: [f"x{MASK}"]}


def test_numbers_are_never_scrubbed() -> None:
    assert redact_json({"uid": 12345678, "n": 1.5}, {"12345678"}) == {"uid": 12345678, "n": 1.5}


def test_the_value_given_is_not_changed() -> None:
    value = {"token": "t", "text": SECRET}
    redact_json(value, {SECRET})
    assert value == {"token": "t", "text": SECRET}


@pytest.mark.parametrize("known", [(), ("unrelated-secret",)])
def test_url_user_info_is_masked_in_keys_and_values_with_or_without_known_secrets(
    known: tuple[str, ...],
) -> None:
    value = {"https://u:LEAK-PW@host/x": {"url": "https://a:LEAK-PW2@c", "token": "LEAK-T"}}
    shown = json.dumps(redact_json(value, known))
    assert "LEAK" not in shown and "host/x" in shown
