"""The group a number of users needs, counted the way the server counts UIDs."""

from __future__ import annotations

from rec_tui.request.validate import validate
from rec_tui.spec.uid_groups import GROUP_CAPACITY, distinct_uids, smallest_group

REC = "clientRequest.recordingConfig"


def test_leading_zeros_do_not_make_another_user() -> None:
    assert distinct_uids([["0123", "7"], ["123"]]) == {"123", "7"}


def test_allstream_makes_the_number_unknown() -> None:
    assert distinct_uids([["1"], ["#allstream#"]]) is None


def test_the_smallest_group_covering_the_users() -> None:
    assert [smallest_group(n) for n in (1, 2, 3, 7, 8, 49)] == [0, 0, 1, 1, 2, 5]
    assert smallest_group(max(GROUP_CAPACITY.values()) + 1) is None


def test_rule_r57_counts_like_the_suggestion() -> None:
    uids = [f"{n:04d}" for n in range(1, 4)] + [str(n) for n in range(1, 4)]  # 3 users
    body = {
        "cname": "c",
        "uid": "1",
        "clientRequest": {"recordingConfig": {"subscribeAudioUids": uids, "subscribeUidGroup": 0}},
    }
    assert len(distinct_uids([uids]) or ()) == 3 and smallest_group(3) == 1
    problems = [p for p in validate("individual", body) if p.rule_id == "R57"]
    assert problems and "3 users" in problems[0].message
