"""A preset's header, read from the head of its file for the list of presets."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rec_tui.store.presets import PresetError
from rec_tui.store.presets.header import _plain_keys, header_text, read_header

PATH = Path("/presets/p.toml")

# Header lines: rec-tui's own plain ones, and TOML's other ways of writing them.
header_lines = st.lists(
    st.one_of(
        st.builds(
            "{} = {}".format,
            st.sampled_from(["format", "name", "mode", "description", "x-y", "a_1"]),
            st.one_of(
                st.text(max_size=12).map(lambda t: '"' + t + '"'),
                st.integers(-5, 10**19).map(str),
                st.sampled_from(["0x1F", "1_000", "true", "'lit'", '"a\\"b"', "007", "3.5"]),
            ),
        ),
        st.sampled_from(["", "# note", "  # indented", 'name="tight"', '"name" = "q"']),
    ),
    max_size=6,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header_lines)
@example(['name = "a"', 'name = "b"'])
@example(['mode = "mix\u2028"'])
def test_a_plain_header_reads_as_the_toml_parser_reads_it(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    plain = _plain_keys(text)
    try:
        parsed = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        assert plain is None
        return
    assert plain is None or plain == parsed


def test_the_header_stops_at_the_first_table() -> None:
    head = b'format = 1\nmode = "web"\n\n[session]\nendpoint = "sandbox"\n'
    assert header_text(head, complete=False) == 'format = 1\nmode = "web"\n\n'
    assert header_text(b'format = 1\nmode = "w', complete=False) is None  # cut short
    assert header_text(b'format = 1\nmode = "web"\n', complete=True) == 'format = 1\nmode = "web"\n'


def test_a_header_is_checked_as_opening_checks_it() -> None:
    assert read_header('format = 1\nmode = "web"\ndescription = "d"\n', PATH) == {
        "format": 1,
        "mode": "web",
        "description": "d",
    }
    with pytest.raises(PresetError, match=r"line 2, column 1: key 'mode': is 'mixed'"):
        read_header('format = 1\nmode = "mixed"\n', PATH)
    with pytest.raises(PresetError, match=r"key 'fromat': unknown key. Did you mean \"format\""):
        read_header('fromat = 1\nmode = "mix"\n', PATH)
    with pytest.raises(PresetError, match="newer than this rec-tui understands"):
        read_header('format = 2\nmode = "mix"\n', PATH)
    assert read_header('description = """\n', PATH) is None  # not TOML on its own
