"""The draft: path edits, pruning, and mode switches that never lose what was typed."""

from __future__ import annotations

import copy

from rec_tui.request.draft import Draft
from rec_tui.spec import jsonpath
from tests.support.rules import clean

TC = "clientRequest.recordingConfig.transcodingConfig"
SERVICES = "clientRequest.extensionServiceConfig.extensionServices"


def test_set_creates_objects_and_none_removes_and_prunes() -> None:
    draft = Draft(mode="mix")
    draft.set(f"{TC}.backgroundColor", "#000000")
    assert draft.body["clientRequest"] == {"recordingConfig": {"transcodingConfig": {
        "backgroundColor": "#000000"}}}  # fmt: skip
    before = draft.revision
    draft.set(f"{TC}.backgroundColor", None)
    # No empty {} left behind, up to the recording config mix mode requires: an empty one
    # is the user's choice, a missing one an error they did not make.
    assert draft.body["clientRequest"] == {"recordingConfig": {}}
    assert draft.revision == before + 1
    draft.set_mode("web")  # where it is not required (clientRequest is, in every mode)
    draft.set("clientRequest.recordingConfig.channelType", 0)
    draft.set("clientRequest.recordingConfig.channelType", None)
    assert draft.body["clientRequest"] == {}


def test_not_set_on_the_only_field_of_a_required_section_keeps_the_section() -> None:
    draft = Draft(mode="individual")
    draft.replace_body({"clientRequest": {"recordingConfig": {"channelType": 5}}})
    draft.set("clientRequest.recordingConfig.channelType", None)
    assert draft.body == {"clientRequest": {"recordingConfig": {}}}
    assert "rec.required" not in {problem.rule for problem in draft.validate(fixes=False)}


def test_set_inside_a_list_item() -> None:
    draft = Draft()
    draft.set(f"{TC}.layoutConfig[1].x_axis", 0.5)
    assert draft.get(f"{TC}.layoutConfig") == [{}, {"x_axis": 0.5}]


def test_mix_to_individual_sets_transcoding_aside_and_brings_it_back() -> None:
    draft = Draft(mode="mix")
    draft.replace_body(clean("mix"))
    transcoding = copy.deepcopy(draft.get(TC))
    switch = draft.set_mode("individual")
    mp4 = "clientRequest.recordingFileConfig.avFileType[1]"  # mix and web only
    assert switch.set_aside == (TC, mp4)
    assert draft.get(TC) is None
    assert draft.get("clientRequest.recordingConfig.channelType") == 0  # still applies
    switch = draft.set_mode("mix")
    assert switch.restored == (TC, mp4)
    assert draft.get(TC) == transcoding
    assert draft.set_aside == {}


def test_every_mode_in_turn_and_back_loses_nothing() -> None:
    # mix → individual sets the transcoding aside, individual → web the whole recording
    # config around it: back in mix both return, the config first, then what was inside it.
    for modes in (("individual", "web", "mix"), ("web", "individual", "mix")):
        draft = Draft(mode="mix")
        draft.replace_body(clean("mix"))
        body = copy.deepcopy(draft.body)
        for mode in modes:
            draft.set_mode(mode)
        assert draft.body == body, modes
        assert draft.set_aside == {}


def test_mp4_goes_aside_in_individual_mode_and_comes_back_in_mix() -> None:
    files = "clientRequest.recordingFileConfig.avFileType"
    draft = Draft(mode="mix")
    draft.replace_body(clean("mix"))
    draft.set(files, ["hls", "mp4"])
    switch = draft.set_mode("individual")
    assert f"{files}[1]" in switch.set_aside
    assert draft.get(files) == ["hls"]
    assert not [p for p in draft.validate(fixes=False) if p.rule == "file.mp4_mode"]
    draft.set_mode("web")  # mp4 belongs in web mode too
    assert draft.get(files) == ["hls", "mp4"]


def test_web_service_items_go_aside_in_mix_and_return_in_web() -> None:
    draft = Draft(mode="web")
    draft.replace_body(clean("web"))
    services = copy.deepcopy(draft.get(SERVICES))
    switch = draft.set_mode("mix")
    assert switch.set_aside == (f"{SERVICES}[0]",)
    assert draft.get("clientRequest.extensionServiceConfig.extensionServices") is None
    draft.set_mode("web")
    assert draft.get(SERVICES) == services


def test_switching_to_the_same_mode_changes_nothing() -> None:
    draft = Draft(mode="mix")
    draft.replace_body(clean("mix"))
    body = copy.deepcopy(draft.body)
    assert draft.set_mode("mix").set_aside == ()
    assert draft.body == body


def test_unknown_keys_survive_mode_switches() -> None:
    draft = Draft(mode="mix")
    body = clean("mix")
    body["clientRequest"]["customerNote"] = {"anything": [1, 2]}
    draft.replace_body(body)
    draft.set_mode("individual")
    draft.set_mode("mix")
    assert draft.get("clientRequest.customerNote") == {"anything": [1, 2]}


def test_jsonpath_round_trips_and_generic_paths() -> None:
    path = "clientRequest.recordingConfig.transcodingConfig.layoutConfig[3].x_axis"
    assert jsonpath.join(jsonpath.parse(path)) == path
    assert jsonpath.generic(path).endswith("layoutConfig[].x_axis")
    assert jsonpath.get({"a": [1]}, "a[5]", "missing") == "missing"
    assert jsonpath.get({"a": "text"}, "a.b") is None
    walked = dict(jsonpath.walk({"a": [{"b": 1}]}))
    assert walked["a[0].b"] == 1
