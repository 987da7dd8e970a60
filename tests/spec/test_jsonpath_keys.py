"""Every key of a pasted body has a path that leads back to it, whatever the key holds."""

from __future__ import annotations

from typing import Any

from rec_tui.spec import jsonpath

ODD = {
    "clientRequest": {
        "a.b": {"token": "1"},
        "keys[0]": [{"": "2"}],
        'quote"d': 3,
        "plain": {"x": [4, {"y": 5}]},
    }
}


def test_walked_paths_lead_back_to_their_values() -> None:
    for path, value in jsonpath.walk(ODD):
        assert jsonpath.get(ODD, path) == value, path


def test_odd_keys_are_quoted_and_plain_ones_are_not() -> None:
    paths = [path for path, _ in jsonpath.walk(ODD)]
    assert 'clientRequest["a.b"].token' in paths
    assert 'clientRequest["keys[0]"][0][""]' in paths
    assert "clientRequest.plain.x[1].y" in paths
    assert jsonpath.parse('clientRequest["a.b"].token') == ["clientRequest", "a.b", "token"]
    assert jsonpath.generic('clientRequest["keys[0]"][3].x') == 'clientRequest["keys[0]"][].x'


def test_setting_and_removing_at_a_quoted_path() -> None:
    body: dict[str, Any] = {}
    jsonpath.set_value(body, 'clientRequest["a.b"].token', "T")
    assert body == {"clientRequest": {"a.b": {"token": "T"}}}
    assert jsonpath.remove(body, 'clientRequest["a.b"].token') == "T"
    assert body == {}


def test_pruning_stops_at_an_object_asked_to_be_kept() -> None:
    body: dict[str, Any] = {"a": {"b": {"c": [1]}}, "d": 2}
    kept: list[str] = []

    def keep(path: str) -> bool:
        kept.append(path)
        return path == "a"

    assert jsonpath.remove(body, "a.b.c[0]", keep=keep) == 1
    assert body == {"a": {}, "d": 2}
    assert kept == ["a.b.c", "a.b", "a"]  # asked of each emptied object, inside out
