"""One-key fixes: each fixable mistake gets a Fix that removes it; fixes touch only their
paths and never add an error (property test over clean bodies and the seed examples)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rec_tui.i18n import Language, activate
from rec_tui.request.fixes.apply import apply_all
from rec_tui.request.fixes.edits import FixDoesNotApply, apply_fix, describe_edit
from rec_tui.request.fixes.registry import MAX_CHECKED_PER_CALL
from rec_tui.request.redact import MASK
from rec_tui.request.validate import validate
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Edit, Fix, Problem
from tests.support.rules import CLEAN_BODIES, REMOVE, changed
from tests.support.seed_examples import EXAMPLES

REC = "clientRequest.recordingConfig"
TC = f"{REC}.transcodingConfig"
FILES = "clientRequest.recordingFileConfig"
WEB = "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam"
STORAGE = "clientRequest.storageConfig"

# (mode, changes to a clean body, rule, problem path, path to read after the fix, value there)
FIXABLE: list[tuple[str, dict[str, Any], str, str, str, Any]] = [
    ("mix", {"uid": 527841}, "body.uid.type", "uid", "uid", "527841"),
    (
        "individual",
        {f"{REC}.subscribeAudioUids": ["123", 245117]},
        "body.types",
        f"{REC}.subscribeAudioUids[1]",
        f"{REC}.subscribeAudioUids",
        ["123", "245117"],
    ),
    (
        "mix",
        {f"{REC}.unSubscribeVideoUids": [77], f"{REC}.subscribeVideoUids": REMOVE},
        "body.types",
        f"{REC}.unSubscribeVideoUids[0]",
        f"{REC}.unSubscribeVideoUids",
        ["77"],
    ),
    (
        "mix",
        {
            f"{TC}.mixedVideoLayout": 3,
            f"{TC}.layoutConfig": [{"uid": 123, "x_axis": 0, "y_axis": 0, "width": 1, "height": 1}],
        },
        "body.types",
        f"{TC}.layoutConfig[0].uid",
        f"{TC}.layoutConfig[0].uid",
        "123",
    ),
    (
        "mix",
        {f"{TC}.mixedVideoLayout": 2, f"{TC}.maxResolutionUid": 123},
        "body.types",
        f"{TC}.maxResolutionUid",
        f"{TC}.maxResolutionUid",
        "123",
    ),
    (
        "mix",
        {f"{REC}.maxIdleTime": 30.0},
        "body.types",
        f"{REC}.maxIdleTime",
        f"{REC}.maxIdleTime",
        30,
    ),
    (
        "mix",
        {f"{REC}.maxIdleTime": "45"},
        "body.types",
        f"{REC}.maxIdleTime",
        f"{REC}.maxIdleTime",
        45,
    ),
    (
        "mix",
        {f"{REC}.audioProfile": None},
        "body.types",
        f"{REC}.audioProfile",
        REC + ".audioProfile",
        None,
    ),
    (
        "mix",
        {f"{FILES}.avFileType": "hls"},
        "body.types",
        f"{FILES}.avFileType",
        f"{FILES}.avFileType",
        ["hls"],
    ),
    (
        "individual",
        {f"{REC}.subscribeUidGroup": REMOVE},
        "sub.group.required",
        f"{REC}.subscribeUidGroup",
        f"{REC}.subscribeUidGroup",
        0,
    ),
    (
        "individual",
        {
            f"{REC}.subscribeUidGroup": REMOVE,
            f"{REC}.subscribeAudioUids": ["#allstream#"],
            f"{REC}.subscribeVideoUids": ["#allstream#"],
        },
        "sub.group.required",
        f"{REC}.subscribeUidGroup",
        f"{REC}.subscribeUidGroup",
        1,
    ),
    (
        "individual",
        {
            f"{REC}.subscribeAudioUids": [str(n) for n in range(1, 10)],
            f"{REC}.subscribeVideoUids": REMOVE,
            f"{REC}.streamTypes": 0,
        },
        "sub.group.capacity",
        f"{REC}.subscribeUidGroup",
        f"{REC}.subscribeUidGroup",
        2,
    ),
    (
        "mix",
        {f"{REC}.StreamTypes": 2, f"{REC}.streamTypes": REMOVE},
        "body.unknown_key",
        f"{REC}.StreamTypes",
        f"{REC}.streamTypes",
        2,
    ),
    (
        "mix",
        {f"{REC}.maxIdelTime": 30, f"{REC}.maxIdleTime": REMOVE},
        "body.unknown_key",
        f"{REC}.maxIdelTime",
        f"{REC}.maxIdleTime",
        30,
    ),
    (
        "mix",
        {f"{REC}.unsubscribeAudioUids": ["9"], f"{REC}.subscribeAudioUids": REMOVE},
        "sub.key.spelling",
        f"{REC}.unsubscribeAudioUids",
        f"{REC}.unSubscribeAudioUids",
        ["9"],
    ),
    (
        "web",
        {f"{WEB}.VideoBitrate": 2000},
        "web.bitrate.keycase",
        f"{WEB}.VideoBitrate",
        f"{WEB}.videoBitrate",
        2000,
    ),
    (
        "mix",
        {
            f"{REC}.unSubscribeAudioUids": ["#allstream#", "123"],
            f"{REC}.subscribeAudioUids": REMOVE,
        },
        "sub.list.allstream_misuse",
        f"{REC}.unSubscribeAudioUids[0]",
        f"{REC}.unSubscribeAudioUids",
        ["123"],
    ),
    (
        "mix",
        {f"{REC}.unSubscribeVideoUids": ["#allstream#"], f"{REC}.subscribeVideoUids": REMOVE},
        "sub.list.allstream_misuse",
        f"{REC}.unSubscribeVideoUids[0]",
        f"{REC}.unSubscribeVideoUids",
        None,
    ),
    (
        "mix",
        {f"{REC}.unSubscribeAudioUids": ["456"]},
        "sub.list.exclusive",
        f"{REC}.unSubscribeAudioUids",
        f"{REC}.subscribeAudioUids",
        ["123"],
    ),
    (
        "mix",
        {f"{REC}.subscribeAudioUids": ["#allstream#"], f"{REC}.unSubscribeAudioUids": ["456"]},
        "sub.list.exclusive",
        f"{REC}.unSubscribeAudioUids",
        f"{REC}.subscribeAudioUids",
        None,
    ),
    (
        "mix",
        {f"{REC}.subscribeAudioUids": ["0123", "456"]},
        "sub.list.uid",
        f"{REC}.subscribeAudioUids[0]",
        f"{REC}.subscribeAudioUids[0]",
        "123",
    ),
    ("mix", {"uid": "0527841"}, "body.uid.range", "uid", "uid", "527841"),
    ("mix", {f"{TC}.bitrate": 9000}, "tc.bitrate.range", f"{TC}.bitrate", f"{TC}.bitrate", 6500),
    (
        "mix",
        {f"{TC}.width": 4000, f"{TC}.height": 200},
        "tc.dims.range",
        f"{TC}.width",
        f"{TC}.width",
        1920,
    ),
    (
        "mix",
        {f"{REC}.maxIdleTime": 2},
        "rec.maxIdleTime",
        f"{REC}.maxIdleTime",
        f"{REC}.maxIdleTime",
        5,
    ),
    (
        "web",
        {f"{WEB}.videoHeight": 100},
        "web.dims",
        f"{WEB}.videoHeight",
        f"{WEB}.videoHeight",
        240,
    ),
    (
        "web",
        {f"{WEB}.maxRecordingHour": 1000},
        "web.maxRecordingHour",
        f"{WEB}.maxRecordingHour",
        f"{WEB}.maxRecordingHour",
        720,
    ),
    (
        "web",
        {f"{WEB}.readyTimeout": 90},
        "web.readyTimeout",
        f"{WEB}.readyTimeout",
        f"{WEB}.readyTimeout",
        60,
    ),
    ("web", {f"{WEB}.videoFps": 100}, "web.fps", f"{WEB}.videoFps", f"{WEB}.videoFps", None),
    ("web", {f"{WEB}.mobile": "true"}, "web.booleans", f"{WEB}.mobile", f"{WEB}.mobile", True),
    (
        "web",
        {"clientRequest.extensionServiceConfig.apiVersion": "v2"},
        "web.apiVersion",
        "clientRequest.extensionServiceConfig.apiVersion",
        "clientRequest.extensionServiceConfig.apiVersion",
        "v1",
    ),
    (
        "mix",
        {f"{FILES}.avFileType": ["mp4"]},
        "file.mp4_needs_hls",
        f"{FILES}.avFileType",
        f"{FILES}.avFileType",
        ["hls", "mp4"],
    ),
    (
        "individual",
        {f"{FILES}.avFileType": ["hls", "mp4"]},
        "file.mp4_mode",
        f"{FILES}.avFileType[1]",
        f"{FILES}.avFileType",
        ["hls"],
    ),
    (
        "mix",
        {f"{FILES}.avFileType": ["HLS", "mp4"]},
        "file.values",
        f"{FILES}.avFileType[0]",
        f"{FILES}.avFileType",
        ["hls", "mp4"],
    ),
    (
        "mix",
        {f"{FILES}.avFileType": ["hls", "mp4", "hls"]},
        "file.values",
        f"{FILES}.avFileType[2]",
        f"{FILES}.avFileType",
        ["hls", "mp4"],
    ),
    (
        "mix",
        {f"{REC}.streamMode": "Standard"},
        "rec.streamMode.enum",
        f"{REC}.streamMode",
        f"{REC}.streamMode",
        "standard",
    ),
    (
        "individual",
        {f"{REC}.audioProfile": 1},
        "rec.audioProfile",
        f"{REC}.audioProfile",
        f"{REC}.audioProfile",
        None,
    ),
    ("web", {REC: {"channelType": 0}}, "rec.web_ignored", REC, REC, None),
    (
        "individual",
        {"clientRequest.snapshotConfig": {"captureInterval": 5000, "fileType": ["jpg"]}},
        "snap.interval",
        "clientRequest.snapshotConfig.captureInterval",
        "clientRequest.snapshotConfig.captureInterval",
        3600,
    ),
    (
        "individual",
        {"clientRequest.snapshotConfig": {"captureInterval": 10, "fileType": ["png"]}},
        "snap.fileType",
        "clientRequest.snapshotConfig.fileType",
        "clientRequest.snapshotConfig.fileType",
        ["jpg"],
    ),
    (
        "individual",
        {
            "clientRequest.snapshotConfig": {"fileType": ["jpg"]},
            f"{REC}.streamTypes": 0,
            f"{REC}.subscribeVideoUids": REMOVE,
            f"{REC}.subscribeAudioUids": REMOVE,
        },
        "snap.streamTypes",
        f"{REC}.streamTypes",
        f"{REC}.streamTypes",
        2,
    ),
    (
        "mix",
        {f"{STORAGE}.fileNamePrefix": ["a/b"]},
        "storage.prefix.charset",
        f"{STORAGE}.fileNamePrefix[0]",
        f"{STORAGE}.fileNamePrefix",
        ["a", "b"],
    ),
    (
        "mix",
        {f"{STORAGE}.vendor": 5, f"{STORAGE}.region": 3},
        "storage.region.zero",
        f"{STORAGE}.region",
        f"{STORAGE}.region",
        0,
    ),
]
FIXABLE += [
    ("mix", {f"{TC}.backgroundColor": "ff0000"}, "tc.color.format", f"{TC}.backgroundColor",
     f"{TC}.backgroundColor", "#FF0000"),
    ("mix", {f"{TC}.backgroundColor": "#f00"}, "tc.color.format", f"{TC}.backgroundColor",
     f"{TC}.backgroundColor", "#FF0000"),
    ("mix", {f"{TC}.fps": REMOVE}, "tc.complete", f"{TC}.fps", f"{TC}.fps", 15),
]  # fmt: skip


def _problem(mode: str, body: Any, rule: str, path: str) -> Problem:
    matches = [p for p in validate(mode, body) if p.rule == rule and p.path == path]
    assert matches, f"{rule} at {path} not reported"
    return matches[0]


@pytest.mark.parametrize(("mode", "changes", "rule", "path", "read", "expected"), FIXABLE)
def test_each_fixable_mistake_is_fixed(
    mode: str, changes: dict[str, Any], rule: str, path: str, read: str, expected: Any
) -> None:
    body = changed(mode, changes)
    problem = _problem(mode, body, rule, path)
    assert problem.fix is not None and problem.fix.description
    fixed = apply_fix(body, problem.fix)
    assert jsonpath.get(fixed, read) == expected
    assert not [p for p in validate(mode, fixed) if p.rule == rule and p.path == path]
    assert body == changed(mode, changes)  # the input body is never changed


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_repeated_web_service_is_removed_in_either_language(
    language: Language, tmp_path: Path
) -> None:
    services = "clientRequest.extensionServiceConfig.extensionServices"
    web_entry = jsonpath.get(changed("web", {}), f"{services}[0]")
    body = changed("web", {f"{services}[1]": web_entry})
    activate(language, tmp_path)
    try:
        problem = _problem("web", body, "web.services.combo", f"{services}[1].serviceName")
    finally:
        activate("en")
    assert problem.fix is not None
    assert jsonpath.get(apply_fix(body, problem.fix), services) == [web_entry]


@pytest.mark.parametrize(
    ("mode", "changes", "rule", "path"),
    [
        # a choice only a person can make: record video too, or drop the video list?
        ("mix", {f"{REC}.streamTypes": 0}, "sub.streamTypes.conflict", f"{REC}.subscribeVideoUids"),
        # the value under the corrected key would be invalid: the rename is not offered
        ("web", {f"{WEB}.VideoBitrate": 10}, "web.bitrate.keycase", f"{WEB}.VideoBitrate"),
        # renaming would put a subscribe and an unsubscribe list side by side (an error)
        (
            "mix",
            {f"{REC}.unsubscribeAudioUids": ["9"]},
            "sub.key.spelling",
            f"{REC}.unsubscribeAudioUids",
        ),
        # everyone, or just the listed users? Dropping either records less than may be meant
        (
            "mix",
            {f"{REC}.subscribeAudioUids": ["#allstream#", "123"]},
            "sub.list.allstream_misuse",
            f"{REC}.subscribeAudioUids[0]",
        ),
        # 0 is not a UID: writing it as text would only swap one error for another
        ("mix", {"uid": 0}, "body.uid.type", "uid"),
        ("mix", {f"{REC}.maxIdleTime": 30.5}, "rec.maxIdleTime", f"{REC}.maxIdleTime"),
    ],
)
def test_no_fix_where_the_change_is_a_choice_or_would_add_an_error(
    mode: str, changes: dict[str, Any], rule: str, path: str
) -> None:
    assert _problem(mode, changed(mode, changes), rule, path).fix is None


def test_rename_keeps_the_key_in_its_place() -> None:
    body = {"a": 1, "Bee": 2, "c": 3}
    fixed = apply_fix(body, Fix("rename", (Edit("rename", "Bee", new_key="bee"),)))
    assert list(fixed) == ["a", "bee", "c"]
    assert list(body) == ["a", "Bee", "c"]


def test_a_fix_for_another_body_does_not_apply() -> None:
    with pytest.raises(FixDoesNotApply):
        apply_fix({"a": 1}, Fix("remove", (Edit("delete", "b"),)))
    with pytest.raises(FixDoesNotApply):
        apply_fix({"a": 1, "b": 2}, Fix("rename", (Edit("rename", "a", new_key="b"),)))


def test_described_changes_mask_secret_values() -> None:
    body = changed("mix", {f"{STORAGE}.secretKey": 987654321})
    problem = _problem("mix", body, "body.types", f"{STORAGE}.secretKey")
    assert problem.fix is not None
    lines = [describe_edit(edit, body) for edit in problem.fix.edits]
    assert lines == [f"{STORAGE}.secretKey: {MASK} → {MASK}"]
    removal = describe_edit(Edit("delete", REC), changed("web", {f"{REC}.secret": "s3cr3t-value"}))
    assert "s3cr3t-value" not in removal and MASK in removal


def test_apply_all_reaches_a_body_without_fixable_problems() -> None:
    body = changed(
        "individual",
        {
            "uid": 527841,
            f"{REC}.subscribeAudioUids": [245117, "#allstream#"],
            f"{REC}.subscribeUidGroup": REMOVE,
            f"{REC}.MaxIdleTime": 30,
            f"{REC}.maxIdleTime": REMOVE,
        },
    )
    fixed, changes = apply_all("individual", body)
    assert [p for p in validate("individual", fixed) if p.is_error] == []
    assert all(p.fix is None for p in validate("individual", fixed))
    assert {change.problem.rule for change in changes} >= {
        "body.uid.type",
        "body.types",
        "sub.group.required",
        "body.unknown_key",
    }
    # The renamed key stays where MaxIdleTime was; the added group comes last.
    assert list(fixed["clientRequest"]["recordingConfig"]) == [
        "channelType",
        "streamTypes",
        "subscribeAudioUids",
        "subscribeVideoUids",
        "maxIdleTime",
        "subscribeUidGroup",
    ]


def test_apply_all_on_a_clean_body_changes_nothing() -> None:
    for mode, body in CLEAN_BODIES.items():
        assert apply_all(cast(Mode, mode), body) == (body, [])


def test_seed_example_with_a_dropped_group_is_fixed() -> None:
    _, mode, body = next(e for e in EXAMPLES if e[0] == "截图+录制")
    fixed, changes = apply_all(mode, body)
    assert [c.problem.rule for c in changes] == ["sub.group.required"]
    assert not [p for p in validate(mode, fixed) if p.is_error]


# --- property: every offered fix removes its problem, adds no error, touches only its paths


MUTATIONS: list[tuple[str, Any]] = [
    ("uid", 527841),
    ("uid", "0527841"),
    (f"{REC}.subscribeAudioUids", [123, "456"]),
    (f"{REC}.subscribeVideoUids", ["#allstream#", "123"]),
    (f"{REC}.unSubscribeAudioUids", ["#allstream#"]),
    (f"{REC}.unSubscribeVideoUids", ["456"]),
    (f"{REC}.subscribeUidGroup", REMOVE),
    (f"{REC}.subscribeUidGroup", 9),
    (f"{REC}.StreamTypes", 1),
    (f"{REC}.streamTypes", REMOVE),
    (f"{REC}.streamTypes", 0),
    (f"{REC}.streamTypes", "2"),
    (f"{REC}.maxIdleTime", 1),
    (f"{REC}.maxIdleTime", 30.0),
    (f"{REC}.maxIdleTime", None),
    (f"{REC}.streamMode", "Original"),
    (f"{REC}.audioProfile", 2),
    (f"{REC}.unsubscribeVideoUids", ["7"]),
    (f"{TC}.bitrate", 9000),
    (f"{TC}.maxResolutionUid", 42),
    (
        f"{TC}.layoutConfig",
        [{"uid": 42, "x_axis": 0.1234567, "y_axis": 0, "width": 1.5, "height": 1}],
    ),
    (f"{TC}.mixedVideoLayout", 3),
    (f"{FILES}.avFileType", ["mp4"]),
    (f"{FILES}.avFileType", ["hls", "HLS"]),
    (f"{FILES}.avFileType", "hls"),
    (f"{STORAGE}.fileNamePrefix", ["a/b", ""]),
    (f"{STORAGE}.region", 99),
    (f"{STORAGE}.Bucket", "x"),
    (f"{STORAGE}.accessKey", 12345),
    (f"{WEB}.VideoBitrate", 3000),
    (f"{WEB}.videoWidth", 5000),
    (f"{WEB}.onhold", "false"),
    (f"{WEB}.readyTimeout", -4),
    ("clientRequest.snapshotConfig", {"captureInterval": 0, "fileType": "jpg"}),
    ("clientRequest.snapshotConfig.captureInterval", 99999),
]

BASES = [(mode, body) for mode, body in CLEAN_BODIES.items()] + [
    (mode, body) for _, mode, body in EXAMPLES
]


def _leaves(body: Any) -> dict[str, Any]:
    return {
        path: value
        for path, value in jsonpath.walk(body)
        if not isinstance(value, (dict, list)) or not value
    }


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer + ".") or inner.startswith(outer + "[")


def _under(path: str, touched: set[str]) -> bool:
    """``path`` is a touched place or inside one; or it holds one (an object emptied by a
    deletion, or created to hold an added key)."""
    return any(_within(path, place) or _within(place, path) for place in touched)


def _touched(fix: Fix) -> set[str]:
    places: set[str] = set()
    for edit in fix.edits:
        places.update({edit.path, edit.target})
        tokens = jsonpath.parse(edit.path)
        if edit.op == "delete" and tokens and isinstance(tokens[-1], int):
            places.add(jsonpath.join(tokens[:-1]))  # later items move up one place
    return places


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(BASES),
    mutations=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4),
    mode=st.sampled_from(["mix", "individual", "web", None]),
)
def test_every_offered_fix_removes_its_problem_adds_no_error_and_touches_only_its_paths(
    base: tuple[str, dict[str, Any]], mutations: list[tuple[str, Any]], mode: str | None
) -> None:
    body = copy.deepcopy(base[1])
    checked_mode = mode or base[0]
    for path, value in mutations:
        if value is REMOVE:
            jsonpath.remove(body, path, prune=False)
        else:
            jsonpath.set_value(body, path, copy.deepcopy(value))
    problems = validate(checked_mode, body)
    errors = {(p.rule, p.path) for p in problems if p.is_error}
    for problem in problems:
        if problem.fix is None:
            continue
        fixed = apply_fix(body, problem.fix)
        after = validate(checked_mode, fixed)
        assert not [p for p in after if (p.rule, p.path) == (problem.rule, problem.path)]
        assert {(p.rule, p.path) for p in after if p.is_error} <= errors
        before_leaves, after_leaves = _leaves(body), _leaves(fixed)
        touched = _touched(problem.fix)
        for path in set(before_leaves) | set(after_leaves):
            if before_leaves.get(path, REMOVE) != after_leaves.get(path, REMOVE):
                assert _under(path, touched), f"{problem.fix} changed {path}"


def test_the_mutations_of_the_property_test_do_offer_fixes() -> None:
    """The property above is not vacuous: most mutations, on a clean body, are fixable."""
    offered: set[str] = set()
    for mode, base in CLEAN_BODIES.items():
        for path, value in MUTATIONS:
            body = copy.deepcopy(base)
            if value is REMOVE:
                jsonpath.remove(body, path, prune=False)
            else:
                jsonpath.set_value(body, path, copy.deepcopy(value))
            offered |= {p.rule for p in validate(mode, body) if p.fix is not None}
    assert len(offered) >= 20, sorted(offered)


def test_a_number_too_large_for_any_field_is_not_converted_or_shown() -> None:
    body = changed("mix", {"uid": 2**80, "clientRequest.recordingConfig.VideoFps": 10**5000})
    problems = validate("mix", body)
    assert [p.fix for p in problems if p.path == "uid"] == [None]
    line = describe_edit(Edit("delete", "clientRequest.recordingConfig.VideoFps"), body)
    assert line.endswith("removed a very large number")


def test_a_long_list_of_numbers_gets_fixes_for_the_first_ones_and_apply_all_fixes_all() -> None:
    body = changed("mix", {f"{REC}.subscribeAudioUids": list(range(1, 33))})
    offered = [p.path for p in validate("mix", body) if p.fix is not None]
    assert len(offered) == MAX_CHECKED_PER_CALL
    assert set(offered) < {f"{REC}.subscribeAudioUids[{i}]" for i in range(32)}
    fixed, changes = apply_all("mix", body)
    # 32 numbers written as text, and subscribeUidGroup raised to cover 32 users.
    assert sorted({c.problem.rule for c in changes}) == ["body.types", "sub.group.capacity"]
    assert len(changes) == 33
    assert jsonpath.get(fixed, f"{REC}.subscribeAudioUids") == [str(n) for n in range(1, 33)]


def test_a_list_items_fix_names_the_item_it_changes() -> None:
    """Each number in a list of UIDs is its own fix: its description names that item, so
    the second fix is not taken for the first one again."""
    body = changed("mix", {f"{REC}.subscribeAudioUids": [1001, 1002]})
    described = [
        p.fix.description for p in validate("mix", body) if p.rule == "body.types" and p.fix
    ]
    assert described == [
        "Write subscribeAudioUids[0] as text (in quotes)",
        "Write subscribeAudioUids[1] as text (in quotes)",
    ]
    uid = changed("mix", {f"{TC}.mixedVideoLayout": 2, f"{TC}.maxResolutionUid": 123})
    fixes = [p.fix.description for p in validate("mix", uid) if p.rule == "body.types" and p.fix]
    assert fixes == ["Write maxResolutionUid as text (in quotes)"]
