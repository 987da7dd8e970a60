"""The draft as the one owner of change: announcements, undo and redo, documents."""

from __future__ import annotations

from pathlib import Path

from rec_tui.i18n import CHINESE, ENGLISH, activate
from rec_tui.request.draft import (
    APP_ID,
    COALESCE_SECONDS,
    ENDPOINT,
    Change,
    Draft,
    Original,
)
from tests.support.rules import clean

TC = "clientRequest.recordingConfig.transcodingConfig"
SNAP = "clientRequest.snapshotConfig"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _watched(draft: Draft) -> list[Change]:
    seen: list[Change] = []
    draft.subscribe(seen.append)
    return seen


def test_every_change_is_announced_once_with_its_paths_and_origin() -> None:
    draft = Draft()
    seen = _watched(draft)
    origin = object()
    draft.set("cname", "demo", origin=origin)
    draft.set_many([("uid", "1"), (APP_ID, "app")], description="two at once")
    assert [(c.kind, c.paths) for c in seen] == [
        ("edit", ("cname",)),
        ("edit", ("uid", APP_ID)),
    ]
    assert seen[0].origin is origin and seen[1].description == "two at once"
    assert [c.revision for c in seen] == [1, 2] and draft.revision == 2


def test_a_change_that_changes_nothing_is_not_announced_or_undoable() -> None:
    draft = Draft()
    seen = _watched(draft)
    draft.set("cname", "")
    assert seen == [] and not draft.can_undo and draft.revision == 0


def test_a_value_equal_in_python_but_not_in_json_is_a_change() -> None:
    # 30 == 30.0 == True-ish in Python, but the body sent differs and so do the checks
    # (R17 warns about 30.0): the wizard must hear of it and check again.
    draft = Draft()
    draft.replace_body({"clientRequest": {"recordingConfig": {"maxIdleTime": 30, "x": [1]}}})
    seen = _watched(draft)
    draft.set("clientRequest.recordingConfig.maxIdleTime", 30.0)
    draft.set("clientRequest.recordingConfig.x[0]", True)
    assert [c.paths for c in seen] == [
        ("clientRequest.recordingConfig.maxIdleTime",),
        ("clientRequest.recordingConfig.x[0]",),
    ]
    assert draft.get("clientRequest.recordingConfig.maxIdleTime") == 30.0
    assert draft.undo() is not None
    assert type(draft.get("clientRequest.recordingConfig.x[0]")) is int
    # The same value again, NaN included (NaN != NaN), is still no change.
    draft.replace_body({"a": float("nan"), "b": {"c": 30.0}})
    seen.clear()
    draft.set("b.c", 30.0)
    draft.replace_body(draft.body)
    assert seen == []


def test_unsubscribed_observers_hear_nothing() -> None:
    draft = Draft()
    seen: list[Change] = []
    unsubscribe = draft.subscribe(seen.append)
    unsubscribe()
    draft.set("cname", "demo")
    assert seen == []


def test_session_values_are_paths_like_the_body() -> None:
    draft = Draft(app_id="a1", endpoint="global")
    assert draft.get(APP_ID) == "a1" and draft.endpoint == "global"
    draft.set(ENDPOINT, "region:api-eu-west-1")
    draft.set("session.acquire.resourceExpiredHour", 24)
    assert draft.endpoint == "region:api-eu-west-1"
    assert draft.acquire_options == {"resourceExpiredHour": 24}
    assert "session" not in draft.body  # never sent


def test_typing_a_word_is_one_undo_step_and_a_pause_starts_another() -> None:
    clock = Clock()
    draft = Draft(clock=clock)
    for text in ("d", "de", "dem", "demo"):
        draft.set("cname", text, coalesce="type:cname")
        clock.now += 0.2
    clock.now += COALESCE_SECONDS + 0.5
    draft.set("cname", "demo2", coalesce="type:cname")
    assert draft.undo() is not None
    assert draft.get("cname") == "demo"
    assert draft.undo() is not None
    assert draft.get("cname") == ""
    assert draft.undo() is None


def test_redo_brings_back_what_undo_took_and_a_new_edit_forgets_it() -> None:
    draft = Draft()
    draft.set("cname", "one")
    draft.set("uid", "2")
    draft.undo()
    assert draft.get("uid") == "" and draft.can_redo
    assert draft.redo() is not None and draft.get("uid") == "2"
    draft.undo()
    draft.set("cname", "other")
    assert not draft.can_redo and draft.redo() is None


def test_undo_and_redo_are_announced_as_whole_reloads() -> None:
    draft = Draft()
    draft.set("cname", "demo")
    seen = _watched(draft)
    draft.undo()
    draft.redo()
    assert [c.kind for c in seen] == ["undo", "redo"]
    assert all(c.everything for c in seen)


def test_undo_and_redo_name_the_paths_of_the_step_they_take_back() -> None:
    clock = Clock()
    draft = Draft(clock=clock)
    draft.set("cname", "d", coalesce="type:cname")
    draft.set("cname", "demo", coalesce="type:cname")  # the same step
    draft.set_many([("uid", "1"), (APP_ID, "app")], description="two at once")
    seen = _watched(draft)
    draft.undo()
    draft.undo()
    draft.redo()
    assert [(c.kind, c.paths) for c in seen] == [
        ("undo", ("uid", APP_ID)),
        ("undo", ("cname",)),
        ("redo", ("cname",)),
    ]


def test_a_mode_switch_is_undone_with_what_it_set_aside() -> None:
    draft = Draft(mode="mix", body=clean("mix"))
    transcoding = draft.get(TC)
    switch = draft.set_mode("individual")
    assert TC in switch.set_aside and draft.get(TC) is None
    draft.undo()
    assert draft.mode == "mix" and draft.get(TC) == transcoding and draft.set_aside == {}


def test_a_batch_is_one_step_and_one_announcement() -> None:
    draft = Draft()
    seen = _watched(draft)
    with draft.batch("fill in"):
        draft.set("cname", "demo")
        draft.set("uid", "1")
    assert len(seen) == 1 and seen[0].paths == ("cname", "uid")
    draft.undo()
    assert draft.get("cname") == "" and draft.get("uid") == ""


def test_loading_another_document_forgets_the_last_ones_set_aside_values() -> None:
    draft = Draft(mode="mix", body=clean("mix"))
    draft.set_mode("individual")
    assert TC in draft.set_aside
    new = {"cname": "other", "uid": "9", "clientRequest": {}}
    draft.load(new, mode="individual", original=Original(new, "individual", "b.json"))
    draft.set_mode("mix")
    assert draft.get(TC) is None  # the previous document's transcoding stays with it
    assert draft.original is not None and draft.original.source == "b.json"


def test_held_values_come_back_and_are_per_document() -> None:
    draft = Draft(mode="individual", body={"cname": "c", "uid": "1", "clientRequest": {}})
    draft.set(SNAP, {"captureInterval": 5, "fileType": ["jpg"]})
    assert draft.hold(SNAP)
    assert draft.get(SNAP) is None and draft.holds(SNAP)
    draft.release(SNAP, {"fileType": ["jpg"]})
    assert draft.get(SNAP) == {"captureInterval": 5, "fileType": ["jpg"]}
    draft.hold(SNAP)
    draft.load({"cname": "d", "uid": "2"})
    draft.release(SNAP, {"fileType": ["jpg"]})
    assert draft.get(SNAP) == {"fileType": ["jpg"]}  # the default, not the old document's


def test_values_given_to_the_draft_are_copied_not_shared() -> None:
    layout = [{"uid": "1"}]
    draft = Draft()
    draft.set(f"{TC}.layoutConfig", layout)
    layout.append({"uid": "2"})
    assert draft.get(f"{TC}.layoutConfig") == [{"uid": "1"}]


def test_a_batch_that_fails_half_way_changes_nothing_and_says_nothing() -> None:
    draft = Draft()
    seen = _watched(draft)
    try:
        with draft.batch("half"):
            draft.set("cname", "demo")
            raise ValueError("stop")
    except ValueError:
        pass
    assert draft.get("cname") == "" and seen == [] and not draft.can_undo
    assert draft.revision == 0


def test_descriptions_are_said_in_the_language_active_when_shown(tmp_path: Path) -> None:
    draft = Draft(clock=Clock())
    seen = _watched(draft)
    draft.set("cname", "room")  # described by the draft, in English now
    draft.set_mode("web")
    draft.set("uid", "1", description="plain text stays as given")
    assert [change.description for change in seen] == [
        "edit cname",
        "switch to web mode",
        "plain text stays as given",
    ]
    activate(CHINESE, tmp_path)
    assert draft.undo() == "plain text stays as given"
    assert draft.undo() == "切换到 web 模式"
    assert seen[-1].description == "切换到 web 模式"
    assert draft.undo() == "编辑 cname"
    activate(ENGLISH)
    assert draft.redo() == "edit cname"
