"""Reading JSON with errors that name the source, line and column."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from rec_tui.formats.jsonfile import (
    JsonInputError,
    load_json_document,
    load_json_text,
    read_json_document,
    read_json_file,
)


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


# --- keys written twice: kept as most readers do, and said where -------------------------

REPEATED = """\
{
  "cname": "demo",
  "clientRequest": {
    "recordingConfig": {"maxIdleTime": 30, "channelType": 0, "maxIdleTime": 300},
    "recordingFileConfig": {"avFileType": ["hls"]},
    "recordingFileConfig": {"avFileType": ["hls", "mp4"]},
    "transcodingConfig": {"layoutConfig": [{"uid": "1", "uid": "2", "uid": "3"}]}
  }
}
"""


def test_a_repeated_key_keeps_the_last_value_and_each_repeat_is_located() -> None:
    body, repeats = load_json_document(REPEATED, "dup.json")
    assert body["clientRequest"]["recordingConfig"]["maxIdleTime"] == 300
    assert body["clientRequest"]["recordingFileConfig"] == {"avFileType": ["hls", "mp4"]}
    tiles = "clientRequest.transcodingConfig.layoutConfig[0].uid"
    assert [(r.path, r.line, r.column) for r in repeats] == [
        ("clientRequest.recordingConfig.maxIdleTime", 4, 62),
        ("clientRequest.recordingFileConfig", 6, 5),
        # Written three times: the second and the third are both repeats.
        (tiles, 7, 57),
        (tiles, 7, 69),
    ]
    said = {r.path: r.message for r in repeats}
    assert (
        "rec-tui kept the value written last: 300."
        in said["clientRequest.recordingConfig.maxIdleTime"]
    )
    assert 'kept the value written last: "3".' in said[tiles]
    # An object (which may hold a secret) is described, not written out.
    assert "the object written last" in said["clientRequest.recordingFileConfig"]
    assert load_json_text(REPEATED) == body  # the plain reader keeps the same values


def test_the_positions_count_from_the_text_after_a_byte_order_mark() -> None:
    _body, [repeat] = load_json_document('\ufeff{"a": 1,\n "a": 2}')
    assert (repeat.path, repeat.line, repeat.column) == ("a", 2, 2)


def test_a_repeated_secret_says_which_was_kept_without_showing_either() -> None:
    text = '{"clientRequest": {"token": "007one-secret", "token": "007two-secret"}}'
    _body, [repeat] = load_json_document(text)
    assert repeat.path == "clientRequest.token"
    assert "value written last: a secret, not shown" in repeat.message
    assert 'secret"' not in repeat.message and "007" not in repeat.message + repeat.hint


def test_text_without_repeats_has_none_and_the_same_key_in_two_objects_is_no_repeat() -> None:
    assert (
        load_json_document('{"a": {"uid": "1"}, "b": {"uid": "1"}, "c": [{"x": 1}, {"x": 2}]}')[1]
        == []
    )


def test_read_json_document_locates_repeats_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text(REPEATED, encoding="utf-8")
    body, repeats = read_json_document(str(path))
    assert body == read_json_file(str(path)) and len(repeats) == 4
