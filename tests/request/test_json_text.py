"""The body as editable text: where it is wrong, where each path is, secrets masked."""

from __future__ import annotations

import json

import pytest

from rec_tui.request.json_text import (
    JsonTextError,
    Position,
    body_text,
    mask_text,
    parse,
    unmask,
)
from rec_tui.request.redact import MASK
from tests.support.rules import clean

STORAGE = "clientRequest.storageConfig"


def _error(text: str) -> JsonTextError:
    with pytest.raises(JsonTextError) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("", (1, 1), "empty"),
        ("  [1, 2]", (1, 3), "must be a JSON object"),
        ('{\n  "a": 1,\n}', (3, 1), "comma before this '}'"),
        ('{"a": [1,\n 2,\n ]}', (3, 2), "comma before this ']'"),
        ('{\n  "a": 1\n  "b": 2\n}', (3, 3), "comma (,) is missing"),
        ('{"a" 1}', (1, 6), "colon"),
        ("{'a': 1}", (1, 2), "double quotes"),
        ("{\"a\": 'x'}", (1, 7), "double quotes"),
        ('{\n  "a": "open\n}', (2, 13), "not closed before the end of the line"),
        ('{"a": "open', (1, 7), "not closed"),
        ('{"a": "tab\there"}', (1, 11), "\\t"),
        ('{"a": tru}', (1, 7), "Expected a value"),
        ('{"a": ', (1, 7), "ends too early"),
        ('{"a": 1} }', (1, 10), "after the end of the body"),
        ('{"name": "NaN", "a": NaN}', (1, 22), "NaN is not a JSON number"),
        ('{"a": -Infinity}', (1, 7), "Infinity is not a JSON number"),
        ('{\n  "uid": "1",\n  "uid": 2\n}', (3, 3), '"uid" is written twice'),
    ],
)
def test_bad_text_says_where_and_what_is_expected(
    text: str, where: tuple[int, int], says: str
) -> None:
    error = _error(text)
    assert (error.position.line, error.position.column) == where
    assert says in error.message
    assert str(error).startswith(f"line {where[0]}, column {where[1]}: ")


def test_a_key_written_twice_names_its_path() -> None:
    error = _error('{"clientRequest": {"token": "a", "token": "b"}}')
    assert error.path == "clientRequest.token"


def test_every_path_is_found_in_the_persons_own_layout() -> None:
    text = '{"cname": "demo",\n "clientRequest": {\n    "list": [ "1",\n  {"x": 2} ] } }'
    parsed = parse(text)
    assert parsed.body == json.loads(text)
    assert parsed.keys["cname"] == Position(1, 2)
    assert parsed.values["cname"] == Position(1, 11)
    assert parsed.keys["clientRequest.list"] == Position(3, 5)
    assert parsed.values["clientRequest.list[0]"] == Position(3, 15)
    assert parsed.keys["clientRequest.list[1].x"] == Position(4, 4)
    assert parsed.values["clientRequest.list[1].x"] == Position(4, 9)


def test_a_missing_path_is_placed_on_its_nearest_ancestor() -> None:
    parsed = parse('{\n  "clientRequest": {\n    "recordingConfig": {}\n  }\n}')
    missing = "clientRequest.recordingConfig.transcodingConfig.width"
    assert parsed.key_position(missing) == Position(3, 5)
    assert parsed.key_position("nothing.here") == Position(1, 1)


def test_keys_with_escapes_are_located_by_their_decoded_name() -> None:
    parsed = parse('{"caf\\u00e9": {"a\\"b": 1}}')
    # A key holding a quote is written quoted in a path, so the path leads back to it.
    assert parsed.keys['café["a\\"b"]'] == Position(1, 16)


def test_the_shown_text_masks_every_secret_and_reads_back_to_the_same_body() -> None:
    body = clean("mix")
    text = body_text(body)
    assert body["clientRequest"]["storageConfig"]["secretKey"] not in text
    assert body["clientRequest"]["token"] not in text
    assert text.count(MASK) == 3
    parsed = parse(text)
    assert unmask(parsed.body, body, parsed) == body


def test_typing_over_the_mask_replaces_the_secret() -> None:
    body = clean("mix")
    parsed = parse(body_text(body).replace(f'"secretKey": "{MASK}"', '"secretKey": "NEWSECRET"'))
    restored = unmask(parsed.body, body, parsed)
    assert restored["clientRequest"]["storageConfig"]["secretKey"] == "NEWSECRET"
    assert restored["clientRequest"]["storageConfig"]["accessKey"] == "AKEXAMPLE0001"


def test_emptying_a_masked_value_empties_the_secret() -> None:
    body = clean("mix")
    parsed = parse(body_text(body).replace(f'"token": "{MASK}"', '"token": ""'))
    assert unmask(parsed.body, body, parsed)["clientRequest"]["token"] == ""


def test_a_half_deleted_mask_is_refused_where_it_is() -> None:
    body = clean("mix")
    text = body_text(body).replace(f'"secretKey": "{MASK}"', '"secretKey": "•••x"')
    parsed = parse(text)
    with pytest.raises(JsonTextError) as caught:
        unmask(parsed.body, body, parsed)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "•••x" in t)
    assert caught.value.position.line == line
    assert caught.value.path == f"{STORAGE}.secretKey"
    assert "bullets" in caught.value.message


def test_a_moved_mask_keeps_the_only_secret_of_that_name() -> None:
    body = {"cname": "c", "clientRequest": {"storageConfig": {"secretKey": "S1"}}}
    moved = {"cname": "c", "clientRequest": {"backup": {"secretKey": MASK}}}
    parsed = parse(json.dumps(moved))
    assert unmask(moved, body, parsed)["clientRequest"]["backup"]["secretKey"] == "S1"


def test_a_mask_with_no_secret_behind_it_is_refused() -> None:
    pasted = {"cname": "c", "clientRequest": {"token": MASK}}
    parsed = parse(json.dumps(pasted))
    with pytest.raises(JsonTextError, match="no secret to keep"):
        unmask(pasted, {"cname": "c"}, parsed)


def test_bullets_in_a_field_that_is_not_secret_are_the_persons_text() -> None:
    edited = {"cname": MASK}
    parsed = parse(json.dumps(edited))
    assert unmask(edited, {}, parsed) == edited


def test_typed_secrets_are_masked_in_place_even_in_text_that_does_not_parse() -> None:
    text = '{\n  "token": "typed-secret",  "cname": "token",\n  "secretKey" : "a\\"b", "salt": ""'
    masked = mask_text(text)
    assert masked == (
        f'{{\n  "token": "{MASK}",  "cname": "token",\n  "secretKey" : "{MASK}", "salt": ""'
    )
    assert mask_text(masked) == masked


def test_masking_the_persons_text_reads_back_to_the_same_body() -> None:
    body = clean("mix")
    text = json.dumps(body, indent=4)
    parsed = parse(mask_text(text))
    assert unmask(parsed.body, body, parsed) == body
