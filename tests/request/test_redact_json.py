"""redact_json: the one walk that masks secret keys and scrubs known values from a JSON value."""

from __future__ import annotations

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
