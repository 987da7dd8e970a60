"""Reading JSON with errors that name the source, line and column."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from rec_tui.formats.jsonfile import JsonInputError, load_json_text, read_json_file


def test_valid_text_is_parsed_including_a_byte_order_mark() -> None:
    assert load_json_text('\ufeff{"a": [1, "é"]}', "x.json") == {"a": [1, "é"]}


def test_nan_is_accepted_so_the_validator_can_report_it() -> None:
    assert math.isnan(load_json_text('{"a": NaN}')["a"])


def test_syntax_error_has_line_column_and_a_readable_message() -> None:
    with pytest.raises(JsonInputError) as raised:
        load_json_text('{\n  "a": 1\n  "b": 2\n}', "body.json")
    error = raised.value
    assert (error.source, error.line, error.column) == ("body.json", 3, 3)
    assert str(error) == (
        "body.json, line 3, column 3: not valid JSON: "
        "A comma (,) is missing before this, after the value before it."
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"cname": "x"', "The text ends too early"),
        ('{\n  // the customer\'s note\n  "cname": "x"}', "JSON has no comments"),
        ("{'cname': 'x'}", "not single quotes"),
        ('{"cname": "x",}', "There is a comma before this '}'"),
    ],
)
def test_a_syntax_error_is_said_in_plain_words(text: str, said: str) -> None:
    # The JSON editor's words, not Python's ("Expecting ',' delimiter").
    with pytest.raises(JsonInputError) as raised:
        load_json_text(text, "body.json")
    assert said in str(raised.value) and "Expecting" not in str(raised.value)


@pytest.mark.parametrize("text", ["", "  \n"])
def test_empty_input_says_so(text: str) -> None:
    with pytest.raises(JsonInputError, match="the input is empty"):
        load_json_text(text, "empty.json")


def test_stdin_is_named_standard_input() -> None:
    with pytest.raises(JsonInputError) as raised:
        load_json_text("{", "-")
    assert raised.value.message.startswith("standard input, line 1, column 2:")


def test_read_json_file_reports_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(JsonInputError, match="no such file"):
        read_json_file(str(tmp_path / "nope.json"))
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"cname": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(JsonInputError, match="not UTF-8 text"):
        read_json_file(str(latin))
    good = tmp_path / "good.json"
    good.write_text('{"uid": "1"}', encoding="utf-8")
    assert read_json_file(str(good)) == {"uid": "1"}


@pytest.mark.parametrize(("text", "value"), [("null", None), ("[]", []), ("0", 0)])
def test_any_json_value_is_read_as_it_is(text: str, value: object) -> None:
    assert load_json_text(text) == value


def test_pasted_prose_is_pointed_to_open_and_diagnose_but_broken_json_is_not() -> None:
    with pytest.raises(JsonInputError) as prose:
        load_json_text("Hi support,\ncurl -X POST https://api.agora.io/…", "ticket.txt")
    assert "rec-tui --open FILE" in prose.value.message and prose.value.line == 1
    with pytest.raises(JsonInputError) as broken:
        load_json_text('{"cname": "a",}', "body.json")
    assert "--open" not in broken.value.message
