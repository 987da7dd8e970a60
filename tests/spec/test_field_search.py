"""Finding a field by label, JSON key or path (the palette's field finder)."""

from __future__ import annotations

from pathlib import Path

from rec_tui.i18n import CHINESE, ENGLISH, activate
from rec_tui.spec.field_search import find_fields


def _paths(query: str) -> list[str]:
    return [match.path for match in find_fields(query)]


def test_an_exact_key_comes_first() -> None:
    assert _paths("token")[0] == "clientRequest.token"
    assert _paths("subscribeUidGroup")[0] == ("clientRequest.recordingConfig.subscribeUidGroup")


def test_case_and_a_partial_key_are_enough() -> None:
    found = _paths("LAYOUTCONFIG")
    assert found[0] == "clientRequest.recordingConfig.transcodingConfig.layoutConfig"
    assert any(path.endswith("layoutConfig[].x_axis") for path in found)


def test_the_sessions_values_are_found_too() -> None:
    assert _paths("App ID")[0] == "session.appId"
    assert "session.acquire.region" in _paths("acquire region")


def test_words_of_a_label_or_a_camel_case_key_match_in_any_order() -> None:
    assert "clientRequest.recordingConfig.subscribeUidGroup" in _paths("uid group")
    assert "clientRequest.storageConfig.bucket" in _paths("storage bucket")


def test_a_full_path_finds_its_field() -> None:
    assert _paths("clientRequest.storageConfig.secretKey")[0] == (
        "clientRequest.storageConfig.secretKey"
    )


def test_fields_of_the_current_mode_come_before_others() -> None:
    found = find_fields("fileType", mode="individual")
    modes = [match.field.applies_to("individual") for match in found]
    assert modes == sorted(modes, reverse=True)


def test_nothing_matches_nonsense_or_an_empty_query() -> None:
    assert _paths("zzqx") == []
    assert _paths("   ") == []


def test_in_chinese_the_label_as_shown_finds_its_field(tmp_path: Path) -> None:
    assert _paths("存储桶") == []
    activate(CHINESE, tmp_path)
    try:
        assert _paths("存储桶")[0] == "clientRequest.storageConfig.bucket"
        assert "cname" in _paths("频道")
        assert _paths("storage bucket")[0] == "clientRequest.storageConfig.bucket"
    finally:
        activate(ENGLISH)
