"""Subscription rules R47–R58 and R127: each fires on a targeted edit (right severity and
path) and stays silent on the nearest valid variant."""

from __future__ import annotations

from typing import Any

import pytest

from rec_tui.request.validate import validate
from tests.support.rules import REMOVE, changed, fired, found

R = "clientRequest.recordingConfig"
SA, UA = f"{R}.subscribeAudioUids", f"{R}.unSubscribeAudioUids"
SV, UV = f"{R}.subscribeVideoUids", f"{R}.unSubscribeVideoUids"
GROUP = f"{R}.subscribeUidGroup"
ALL = "#allstream#"
E, W = "error", "warning"


def uids(count: int, start: int = 1) -> list[str]:
    return [str(n) for n in range(start, start + count)]


MODERATION = {
    "clientRequest.extensionServiceConfig": {
        "extensionServices": [
            {"serviceName": "aliyun_voice_async_scan", "serviceParam": {"callbackUrl": "x"}}
        ]
    }
}

FIRES = [
    ("mix", {SV: uids(33)}, "sub.list.size", [(E, SV)]),
    ("individual", {SA: REMOVE, UA: uids(40)}, "sub.list.size", [(E, UA)]),
    ("mix", {SA: []}, "sub.list.empty", [(W, SA)]),
    ("individual", {UV: []}, "sub.list.empty", [(W, UV)]),
    ("mix", {SA: ["123", "12a"]}, "sub.list.uid", [(E, f"{SA}[1]")]),
    ("mix", {SV: ["0"]}, "sub.list.uid", [(E, f"{SV}[0]")]),
    ("mix", {SV: ["4294967296"]}, "sub.list.uid", [(E, f"{SV}[0]")]),
    ("mix", {SV: ["-5"]}, "sub.list.uid", [(E, f"{SV}[0]")]),
    ("mix", {SV: [""]}, "sub.list.uid", [(E, f"{SV}[0]")]),
    ("individual", {SA: ["123", "0456"]}, "sub.list.uid", [(W, f"{SA}[1]")]),
    ("mix", {SA: [ALL, "123"]}, "sub.list.allstream_misuse", [(W, f"{SA}[0]")]),
    ("mix", {SA: REMOVE, UA: [ALL]}, "sub.list.allstream_misuse", [(W, f"{UA}[0]")]),
    ("mix", {UA: ["789"]}, "sub.list.exclusive", [(E, UA)]),
    ("individual", {SV: [ALL], UV: ["789"]}, "sub.list.exclusive", [(E, UV)]),
    # Issue 12: a uid typed into the "Do not record" list by mistake, while it is subscribed.
    ("mix", {SV: ["123", "456"], UV: ["456"]}, "sub.list.exclusive", [(E, UV)]),
    ("mix", {f"{R}.streamTypes": 0}, "sub.streamTypes.conflict", [(W, SV)]),
    ("mix", {f"{R}.streamTypes": 1}, "sub.streamTypes.conflict", [(W, SA)]),
    (
        "individual",
        {f"{R}.streamTypes": 0, SV: REMOVE, UV: ["9"]},
        "sub.streamTypes.conflict",
        [(W, UV)],
    ),
    ("mix", {SV: REMOVE}, "sub.one_sided", [(W, SA)]),
    ("individual", {SA: REMOVE}, "sub.one_sided", [(W, SV)]),
    ("mix", {SV: REMOVE, SA: REMOVE, UA: ["9"]}, "sub.one_sided", [(W, UA)]),
    ("mix", {SV: REMOVE, f"{R}.streamTypes": REMOVE}, "sub.one_sided", [(W, SA)]),
    (
        "individual",
        {f"{R}.unsubscribeAudioUids": ["9"]},
        "sub.key.spelling",
        [(W, f"{R}.unsubscribeAudioUids")],
    ),
    (
        "mix",
        {f"{R}.unsubscribeVideoUids": ["9"]},
        "sub.key.spelling",
        [(W, f"{R}.unsubscribeVideoUids")],
    ),
    ("individual", {GROUP: REMOVE}, "sub.group.required", [(E, GROUP)]),
    ("individual", {GROUP: None}, "sub.group.required", [(E, GROUP)]),
    ("individual", {GROUP: 6}, "sub.group.enum", [(E, GROUP)]),
    ("mix", {GROUP: -1}, "sub.group.enum", [(E, GROUP)]),
    ("mix", {GROUP: 0.5}, "sub.group.enum", [(E, GROUP)]),
    # The SEED's own example: video 100-102 and audio 101-103 make 4 users, over group 0's 2.
    (
        "individual",
        {SV: ["100", "101", "102"], SA: ["101", "102", "103"]},
        "sub.group.capacity",
        [(W, GROUP)],
    ),
    ("individual", {GROUP: 3, SA: uids(18), SV: uids(18)}, "sub.group.capacity", [(W, GROUP)]),
    ("mix", {GROUP: 4, SA: uids(17), SV: uids(16, start=100)}, "sub.group.capacity", [(W, GROUP)]),
    ("mix", {GROUP: 4, SA: uids(10), SV: uids(8, start=100)}, "sub.mix.17cap", [(W, SA)]),
    ("mix", {GROUP: 4, SA: uids(2), SV: uids(18)}, "sub.mix.17cap", [(W, SV)]),
    ("mix", MODERATION, "rec.streamTypes.moderation", [(W, f"{R}.streamTypes")]),
    (
        "individual",
        {**MODERATION, f"{R}.streamTypes": REMOVE},  # absent counts as 2
        "rec.streamTypes.moderation",
        [(W, f"{R}.streamTypes")],
    ),
    ("mix", {**MODERATION, R: REMOVE}, "rec.streamTypes.moderation", [(W, R)]),
]


@pytest.mark.parametrize(("mode", "changes", "rule", "expected"), FIRES)
def test_subscription_rule_fires(
    mode: str, changes: dict[str, Any], rule: str, expected: list[Any]
) -> None:
    assert found(mode, changes, rule) == expected


SILENT = [
    ("mix", {SV: uids(32)}, "sub.list.size"),
    ("mix", {f"{R}.unsubscribeAudioUids": uids(40)}, "sub.list.size"),  # R54's key
    ("mix", {}, "sub.list.empty"),
    ("mix", {SA: [ALL]}, "sub.list.uid"),
    ("mix", {SA: [ALL, "1"]}, "sub.list.uid"),  # R50's case, not a bad UID
    ("mix", {SA: [123]}, "sub.list.uid"),  # a type error is R17's
    ("mix", {SA: ["4294967295", "1"]}, "sub.list.uid"),
    ("web", {R: {"subscribeAudioUids": ["x"]}}, "sub.list.uid"),  # web ignores it (R33)
    ("mix", {SA: [ALL], SV: [ALL]}, "sub.list.allstream_misuse"),
    ("mix", {}, "sub.list.allstream_misuse"),
    ("mix", {SA: REMOVE, UA: ["789"]}, "sub.list.exclusive"),
    ("mix", {SA: [], UA: ["789"]}, "sub.list.exclusive"),  # an empty list subscribes nobody
    ("mix", {SA: ["1"], UV: ["2"], SV: REMOVE}, "sub.list.exclusive"),
    ("mix", {}, "sub.streamTypes.conflict"),
    ("mix", {f"{R}.streamTypes": 0, SV: REMOVE}, "sub.streamTypes.conflict"),
    ("mix", {f"{R}.streamTypes": 1, SA: REMOVE}, "sub.streamTypes.conflict"),
    ("mix", {}, "sub.one_sided"),
    ("mix", {SA: REMOVE, SV: REMOVE}, "sub.one_sided"),
    ("mix", {SV: REMOVE, UV: ["9"]}, "sub.one_sided"),  # an unSubscribe list counts
    ("mix", {SV: REMOVE, f"{R}.streamTypes": 0}, "sub.one_sided"),
    ("mix", {SV: REMOVE, f"{R}.streamTypes": "2"}, "sub.one_sided"),  # unknown streamTypes
    ("mix", {UA: ["9"], SA: REMOVE}, "sub.key.spelling"),
    ("individual", {GROUP: 0}, "sub.group.required"),
    ("mix", {GROUP: REMOVE}, "sub.group.required"),
    ("individual", {GROUP: 5}, "sub.group.enum"),
    ("individual", {GROUP: "1"}, "sub.group.enum"),  # a type error is R17's
    ("individual", {SA: ["1", "2"], SV: ["2", "1"]}, "sub.group.capacity"),  # 2 distinct
    ("individual", {SA: ["1", "2"], SV: ["01", "2"]}, "sub.group.capacity"),  # "01" is 1
    ("individual", {SA: [ALL], SV: uids(20)}, "sub.group.capacity"),  # count unknown
    ("individual", {SA: REMOVE, SV: REMOVE, UA: uids(20)}, "sub.group.capacity"),
    ("individual", {GROUP: 1, SA: uids(7), SV: uids(7)}, "sub.group.capacity"),
    ("mix", {GROUP: REMOVE, SA: uids(20), SV: uids(20)}, "sub.group.capacity"),
    ("mix", {GROUP: 3, SA: uids(17), SV: uids(17)}, "sub.mix.17cap"),
    ("mix", {GROUP: 4, SA: [ALL], SV: uids(20)}, "sub.mix.17cap"),
    ("individual", {GROUP: 4, SA: uids(20), SV: uids(20)}, "sub.mix.17cap"),
    ("mix", {**MODERATION, f"{R}.streamTypes": 0, SV: REMOVE}, "rec.streamTypes.moderation"),
    ("mix", {}, "rec.streamTypes.moderation"),
    (
        "mix",
        {
            "clientRequest.extensionServiceConfig": {
                "extensionServices": [{"serviceName": "rtmp_publish_service"}]
            }
        },
        "rec.streamTypes.moderation",
    ),
]


@pytest.mark.parametrize(("mode", "changes", "rule"), SILENT)
def test_subscription_rule_silent(mode: str, changes: dict[str, Any], rule: str) -> None:
    assert found(mode, changes, rule) == []


def test_lower_case_unsubscribe_key_is_reported_once() -> None:
    body = changed("mix", {f"{R}.unsubscribeVideoUids": ["9"]})
    reported = [(p.rule, p.path) for p in validate("mix", body) if "unsubscribe" in p.path]
    assert reported == [("sub.key.spelling", f"{R}.unsubscribeVideoUids")]


def test_capacity_message_names_the_count_and_the_fitting_group() -> None:
    body = changed("individual", {GROUP: 1, SA: uids(8), SV: uids(4, start=7)})  # 1..10
    (problem,) = fired("individual", body, "sub.group.capacity")
    assert "10 users" in problem.message and "up to 7" in problem.message
    assert "subscribeUidGroup to 2" in problem.hint
