"""Every rule of a translated module speaks Chinese on the bodies that make it speak in
English (tests/spec/test_message_wording.py's cases), with no English message left over."""

from __future__ import annotations

import inspect
import re
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

from rec_tui.i18n import activate
from rec_tui.spec import catalogue
from rec_tui.spec.rules import all_rules
from tests.spec.test_message_wording import rendered
from tests.support.translations import REPO, extracted, translated_modules

CJK = re.compile(r"[\u4e00-\u9fff]")
# A whole English sentence or phrase of the catalogue (not a label such as "Mono").
_PHRASE = re.compile(r"[a-z]{2,} [a-z]{2,}")


@cache
def translated_rules() -> frozenset[str]:
    """The rules whose module Babel's map lists."""
    patterns = translated_modules()
    return frozenset(
        rule.name
        for rule in all_rules()
        if any(fnmatch(_module_of(rule.check), pattern) for pattern in patterns)
    )


def _module_of(check: object) -> str:
    return Path(inspect.getfile(check)).resolve().relative_to(REPO).as_posix()  # type: ignore[arg-type]


@cache
def chinese() -> dict[str, dict[str, str]]:
    activate("zh")
    try:
        return rendered.__wrapped__()
    finally:
        activate("en")


def test_every_rule_is_translated() -> None:
    assert translated_rules() == {rule.name for rule in all_rules()}


def test_every_translated_rule_speaks_chinese() -> None:
    silent = sorted(name for name in translated_rules() if not chinese().get(name))
    assert silent == []
    english = [
        (name, text)
        for name in translated_rules()
        for text in chinese()[name]
        if not CJK.search(text)
    ]
    assert english == []


def test_no_english_message_is_left_in_a_translated_rule() -> None:
    phrases = [text for text in extracted() if _PHRASE.search(_without_placeholders(text))]
    left = [
        (name, text, phrase)
        for name in translated_rules()
        for text in chinese()[name]
        for phrase in phrases
        if phrase in text
    ]
    assert left == []


def _without_placeholders(text: str) -> str:
    return re.sub(r"\{[^{}]*\}", "", text)


def test_english_stays_english() -> None:
    chinese_in_english = [
        (name, text)
        for name, texts in rendered().items()
        for text in texts
        if CJK.search(re.sub(r'"[^"]*"', "", text))
    ]
    assert chinese_in_english == []


def test_every_worded_choice_label_has_its_chinese() -> None:
    activate("zh")
    try:
        untranslated = sorted(
            {
                choice.label
                for declared in catalogue.ALL_FIELDS
                for choice in declared.choices
                if re.search(r"[a-z]{2,}", choice.label.replace("kHz", ""))
                and not CJK.search(choice.shown_label())
                and choice.label not in {"Amazon S3", "Microsoft Azure"}
            }
        )
    finally:
        activate("en")
    assert untranslated == []
