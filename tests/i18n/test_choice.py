"""The language is chosen from --lang, REC_TUI_LANG, the wizard's remembered choice, the
locale, and is English otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from rec_tui.i18n.choice import chosen_language, parse_language, remember, remembered


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("zh", {}, "zh"),
        ("en", {"REC_TUI_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"REC_TUI_LANG": "zh"}, "zh"),
        (None, {"REC_TUI_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"REC_TUI_LANG": "klingon", "LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        # The first locale variable that is set decides, as it does for gettext.
        (None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_order_of_choice(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert chosen_language(option, environ) == expected


def test_the_remembered_choice_comes_after_the_environment_and_before_the_locale(
    tmp_path: Path,
) -> None:
    assert remembered(tmp_path) is None
    remember("zh", tmp_path / "config")
    config = tmp_path / "config"
    assert remembered(config) == "zh"
    assert chosen_language(None, {"LANG": "en_US.UTF-8"}, config) == "zh"
    assert chosen_language(None, {"REC_TUI_LANG": "en"}, config) == "en"
    assert chosen_language("en", {}, config) == "en"
    remember("en", config)
    assert chosen_language(None, {"LANG": "zh_CN.UTF-8"}, config) == "en"


def test_an_unreadable_remembered_choice_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "language").write_bytes(b"\xff\xfe")
    assert remembered(tmp_path) is None
    (tmp_path / "language").write_text("fr\n")
    assert chosen_language(None, {"LANG": "zh_CN"}, tmp_path) == "zh"


def test_language_names() -> None:
    assert [parse_language(t) for t in ("zh", "zh_CN.UTF-8", "ZH-Hans", "en_GB", "", "C")] == [
        "zh",
        "zh",
        "zh",
        "en",
        None,
        None,
    ]
