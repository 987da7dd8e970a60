"""copy_json (rec_tui/request/json_copy.py): the draft's deep copy of JSON values."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from rec_tui.request.draft import Draft
from rec_tui.request.json_copy import copy_json

BODY: dict[str, Any] = {
    "cname": "room",
    "uid": "1",
    "clientRequest": {
        "recordingConfig": {"subscribeAudioUids": ["1", "2"], "maxIdleTime": 30.5},
        "transcodingConfig": {"layoutConfig": [{"uid": "1000", "alpha": 1.0}, {}]},
        "flags": [True, None, [1, [2, {"deep": "x"}]]],
    },
}


def containers(value: Any) -> list[int]:
    """The identities of every dictionary and list in ``value``."""
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, list):
        children = value
    else:
        return []
    found = [id(value)]
    for child in children:
        found.extend(containers(child))
    return found


def test_the_copy_is_equal_and_shares_no_dictionary_or_list() -> None:
    copied = copy_json(BODY)
    assert copied == BODY
    assert not set(containers(copied)) & set(containers(BODY))
    copied["clientRequest"]["flags"][2][1][1]["deep"] = "changed"
    assert BODY["clientRequest"]["flags"][2][1][1]["deep"] == "x"


def test_other_kinds_are_copied_as_deepcopy_copies_them() -> None:
    # A TOML preset can hold dates; a test may hand the draft a tuple or its own object.
    class Box:
        def __init__(self) -> None:
            self.items = [1]

    value: dict[str, Any] = {"when": datetime.date(2026, 12, 3), "pair": (1, [2]), "box": Box()}
    copied = copy_json(value)
    assert copied["when"] == value["when"]
    assert copied["pair"] == (1, [2]) and copied["pair"][1] is not value["pair"][1]
    assert copied["box"] is not value["box"] and copied["box"].items == [1]
    assert copied["box"].items is not value["box"].items


def test_the_draft_keeps_its_own_copy_of_what_it_is_given_and_of_undo_steps() -> None:
    given = copy.deepcopy(BODY)
    draft = Draft(mode="mix", body=given)
    given["clientRequest"]["recordingConfig"]["subscribeAudioUids"].append("3")
    assert draft.get("clientRequest.recordingConfig.subscribeAudioUids") == ["1", "2"]
    draft.set("clientRequest.recordingConfig.maxIdleTime", 60)
    draft.set("clientRequest.recordingConfig.subscribeAudioUids", ["9"])
    draft.undo()
    assert draft.get("clientRequest.recordingConfig.subscribeAudioUids") == ["1", "2"]
    draft.undo()
    assert draft.body == BODY
