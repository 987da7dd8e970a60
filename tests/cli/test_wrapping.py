"""Terminal text is wrapped by cells: Chinese characters are two wide, English as before."""

from __future__ import annotations

import textwrap

from rec_tui.cli.wrapping import cells, wrap

CHINESE = (
    "另一个用户使用录制端的 uid（527841）加入并将其挤出。确认方法：在声网水晶球"
    "（Agora Analytics）中查看该频道的用户列表中是否有该 uid。"
)


def test_chinese_lines_fit_their_width_in_cells() -> None:
    for width in (40, 61, 88):
        lines = wrap(CHINESE, width, "   ", "     ")
        assert all(cells(line) <= width for line in lines), lines
        # Nothing is lost: the words and characters are all there, in order.
        assert "".join(line.strip() for line in lines).replace(" ", "") == CHINESE.replace(" ", "")


def test_punctuation_never_starts_or_ends_a_line_wrongly() -> None:
    for width in range(20, 90):
        for line in wrap(CHINESE, width, "", ""):
            assert line[0] not in "，。；：）", (width, line)
            assert line[-1] != "（", (width, line)


def test_english_is_wrapped_as_textwrap_does() -> None:
    text = "The start body has no RTC token, and the task was gone after a successful start."
    assert wrap(text, 30, "  ", "    ") == textwrap.wrap(
        text, 30, initial_indent="  ", subsequent_indent="    "
    )
