"""The catalogue holds every message of the translated modules, each with its Chinese text
and the same placeholders."""

from __future__ import annotations

from tests.support.translations import entries, extracted, placeholders, texts, translated_modules


def test_the_translated_areas_are_listed() -> None:
    assert "rec_tui/spec/rules/*.py" in translated_modules()


def test_every_extracted_message_is_in_the_catalogue() -> None:
    in_catalogue = {text for entry in entries() for text in texts(entry.id)}
    missing = {text: where for text, where in extracted().items() if text not in in_catalogue}
    assert missing == {}


def test_every_entry_has_its_chinese_text() -> None:
    untranslated = [entry.id for entry in entries() if not all(texts(entry.string))]
    fuzzy = [entry.id for entry in entries() if entry.fuzzy]
    assert (untranslated, fuzzy) == ([], [])


def test_placeholders_are_the_same_in_english_and_chinese() -> None:
    differ = [
        (entry.id, entry.string)
        for entry in entries()
        for english in texts(entry.id)
        for chinese in texts(entry.string)
        if placeholders(english) != placeholders(chinese)
    ]
    assert differ == []


def test_the_catalogue_holds_no_message_the_code_no_longer_says() -> None:
    stale = [entry.id for entry in entries() if texts(entry.id)[0] not in extracted()]
    assert stale == []
