"""Video profiles: found back from the four values, defaults from the catalogue."""

from __future__ import annotations

from rec_tui.layout.video_profiles import CORE_KEYS, PROFILES, core_defaults, profile_index


def test_a_profile_is_found_from_its_values_and_others_are_not() -> None:
    assert profile_index((1280, 720, 15, 1130)) == 3
    assert PROFILES[3].label == "1280×720, 15 fps, 1130 kbps"
    assert profile_index((1280, 720, 30, 1130)) is None


def test_the_defaults_are_the_declared_ones() -> None:
    assert core_defaults() == {"width": 360, "height": 640, "fps": 15, "bitrate": 500}
    assert tuple(core_defaults()) == CORE_KEYS
