"""Each translated message names the glossary's terms the glossary's way."""

from __future__ import annotations

import re

from tests.support.translations import entries, glossary, texts


def _terms_in(english: str) -> list[str]:
    """The glossary terms ``english`` says, longest first, each span read once ("audio
    channel" is not also a "channel"); placeholders and code words are not terms."""
    remaining = re.sub(r"\{[^{}]*\}|\w+\.\w+[\w.]*|\w*[a-z][A-Z]\w*", " ", english)
    found = []
    for term in sorted(glossary(), key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
        if pattern.search(remaining):
            found.append(term)
            remaining = pattern.sub(" ", remaining)
    return found


def test_terms_are_read_as_whole_words_longest_first() -> None:
    assert _terms_in("the audio channel of the channel") == ["audio channel", "channel"]
    assert _terms_in("a channelType or {channel} or recordingConfig.channel") == []


def test_translations_use_the_glossary_terms() -> None:
    wrong = [
        (english, term, glossary()[term])
        for entry in entries()
        for english, chinese in zip(texts(entry.id), texts(entry.string), strict=False)
        for term in _terms_in(english)
        if glossary()[term] not in chinese
    ]
    assert wrong == []


def test_the_glossary_has_agora_documentation_terms() -> None:
    terms = glossary()
    assert terms["composite recording"] == "合流录制"
    assert terms["individual recording"] == "单流录制"
    assert terms["web page recording"] == "页面录制"
    assert (terms["snapshot"], terms["transcoding"], terms["subscribe"]) == ("截图", "转码", "订阅")
