"""storageConfig rules R19–R31: each fires on a targeted edit (right severity and path) and
stays silent on the nearest valid variant."""

from __future__ import annotations

from typing import Any

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec.rules.context import Session
from tests.support.rules import REMOVE, changed, fired, found

S = "clientRequest.storageConfig"
EXT = f"{S}.extensionParams"
E, W = "error", "warning"


FIRES = [
    # (mode, changes, rule, [(severity, path)])
    ("mix", {S: REMOVE}, "storage.required", [(E, S)]),
    ("web", {S: None}, "storage.required", [(E, S)]),
    ("mix", {f"{S}.vendor": REMOVE}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": 9}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": 10}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": 12}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": -1}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": 2.5}, "storage.vendor.enum", [(E, f"{S}.vendor")]),
    ("mix", {f"{S}.vendor": 0, f"{S}.region": 0}, "storage.vendor.enum", [(W, f"{S}.vendor")]),
    ("web", {f"{S}.vendor": 4, f"{S}.region": 0}, "storage.vendor.enum", [(W, f"{S}.vendor")]),
    ("mix", {f"{S}.region": REMOVE}, "storage.region.table", [(E, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 5, f"{S}.region": None}, "storage.region.table", [(E, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 1, f"{S}.region": 17}, "storage.region.table", [(W, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 2, f"{S}.region": 28}, "storage.region.table", [(W, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 8, f"{S}.region": -1}, "storage.region.table", [(W, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 5, f"{S}.region": 3}, "storage.region.zero", [(W, f"{S}.region")]),
    ("mix", {f"{S}.vendor": 6, f"{S}.region": 1}, "storage.region.zero", [(W, f"{S}.region")]),
    (
        "mix",
        {f"{S}.vendor": 11, f"{S}.region": 2, f"{EXT}.endpoint": "s3.example.com"},
        "storage.region.zero",
        [(W, f"{S}.region")],
    ),
    ("mix", {f"{S}.bucket": ""}, "storage.creds.required", [(E, f"{S}.bucket")]),
    ("mix", {f"{S}.accessKey": REMOVE}, "storage.creds.required", [(E, f"{S}.accessKey")]),
    ("web", {f"{S}.secretKey": None}, "storage.creds.required", [(E, f"{S}.secretKey")]),
    (
        "mix",
        {f"{S}.bucket": REMOVE, f"{S}.secretKey": ""},
        "storage.creds.required",
        [(E, f"{S}.bucket"), (E, f"{S}.secretKey")],
    ),
    (
        "mix",
        {f"{S}.fileNamePrefix": ["a_b"]},
        "storage.prefix.charset",
        [(E, f"{S}.fileNamePrefix[0]")],
    ),
    (
        "mix",
        # An empty name: neither the seed nor the docs say what happens, so only a warning.
        {f"{S}.fileNamePrefix": ["ok", ""]},
        "storage.prefix.charset",
        [(W, f"{S}.fileNamePrefix[1]")],
    ),
    (
        "mix",
        {f"{S}.fileNamePrefix": ["a/b"]},
        "storage.prefix.charset",
        [(E, f"{S}.fileNamePrefix[0]")],
    ),
    (
        "mix",
        {f"{S}.fileNamePrefix": ["dé"]},
        "storage.prefix.charset",
        [(E, f"{S}.fileNamePrefix[0]")],
    ),
    (
        "mix",
        {f"{S}.fileNamePrefix": ["a" * 64, "b" * 63]},  # 64 + 1 + 63 + 1 = 129
        "storage.prefix.length",
        [(E, f"{S}.fileNamePrefix")],
    ),
    ("mix", {f"{S}.vendor": 1, f"{EXT}.sse": "KMS"}, "storage.sse.value", [(E, f"{EXT}.sse")]),
    ("mix", {f"{S}.vendor": 1, f"{EXT}.sse": "aes128"}, "storage.sse.value", [(E, f"{EXT}.sse")]),
    ("mix", {f"{EXT}.sse": "kms"}, "storage.sse.value", [(W, f"{EXT}.sse")]),
    (
        "mix",
        {f"{S}.vendor": 3, f"{EXT}.tag": "project=demo"},
        "storage.tag.vendor",
        [(W, f"{EXT}.tag")],
    ),
    (
        "mix",
        {f"{S}.vendor": 11, f"{S}.region": 0},  # no extensionParams: point at the missing key
        "storage.endpoint.vendor11",
        [(E, EXT)],
    ),
    (
        "mix",
        {f"{S}.vendor": 11, f"{S}.region": 0, f"{EXT}.endpoint": ""},
        "storage.endpoint.vendor11",
        [(E, f"{EXT}.endpoint")],
    ),
    (
        "mix",
        {f"{S}.vendor": 11, f"{S}.region": 0, EXT: {"sse": "kms"}},
        "storage.endpoint.vendor11",
        [(E, f"{EXT}.endpoint")],
    ),
    (
        "mix",
        {f"{EXT}.endpoint": "s3.example.com"},
        "storage.endpoint.vendor11",
        [(W, f"{EXT}.endpoint")],
    ),
    (
        "mix",
        {f"{S}.vendor": 5, f"{S}.region": 0, f"{S}.stsToken": "STS"},
        "storage.sts.vendor",
        [(W, f"{S}.stsToken")],
    ),
    (
        "mix",
        {f"{S}.vendor": 7, f"{S}.stsToken": "STS"},
        "storage.sts.vendor",
        [(W, f"{S}.stsToken")],
    ),
]


@pytest.mark.parametrize(("mode", "changes", "rule", "expected"), FIRES)
def test_storage_rule_fires(
    mode: str, changes: dict[str, Any], rule: str, expected: list[Any]
) -> None:
    assert found(mode, changes, rule) == expected


SILENT = [
    ("mix", {}, "storage.required"),
    ("mix", {"clientRequest": REMOVE}, "storage.required"),  # R14 reports clientRequest
    ("mix", {S: "not an object"}, "storage.vendor.enum"),  # R17's, not R20's
    ("mix", {f"{S}.vendor": "2"}, "storage.vendor.enum"),  # a type error is R17's
    ("mix", {f"{S}.vendor": 2.0}, "storage.vendor.enum"),  # read as 2, R17 warns
    ("mix", {f"{S}.vendor": 11, f"{S}.region": 0}, "storage.vendor.enum"),
    ("mix", {f"{S}.vendor": 1, f"{S}.region": 25}, "storage.region.table"),
    ("mix", {f"{S}.vendor": 8, f"{S}.region": 0}, "storage.region.table"),  # historical Beijing
    ("mix", {f"{S}.vendor": 0, f"{S}.region": 4}, "storage.region.table"),
    ("mix", {f"{S}.vendor": 5, f"{S}.region": 3}, "storage.region.table"),  # R22's case
    ("mix", {f"{S}.vendor": 9, f"{S}.region": 99}, "storage.region.table"),  # R20's case
    ("mix", {f"{S}.vendor": 5, f"{S}.region": 0}, "storage.region.zero"),
    ("mix", {f"{S}.vendor": 1, f"{S}.region": 3}, "storage.region.zero"),
    ("mix", {S: REMOVE}, "storage.creds.required"),  # R19 says it once
    ("mix", {f"{S}.fileNamePrefix": ["directory1", "Dir2"]}, "storage.prefix.charset"),
    ("mix", {f"{S}.fileNamePrefix": [1]}, "storage.prefix.charset"),  # R17's
    ("mix", {f"{S}.fileNamePrefix": ["a" * 63, "b" * 63]}, "storage.prefix.length"),  # 128
    ("mix", {f"{S}.vendor": 1, f"{EXT}.sse": "kms"}, "storage.sse.value"),
    ("mix", {f"{S}.vendor": 1, f"{EXT}.sse": "aes256"}, "storage.sse.value"),
    ("mix", {f"{EXT}.sse": ""}, "storage.sse.value"),
    ("mix", {f"{S}.vendor": 2, f"{EXT}.tag": "project=demo"}, "storage.tag.vendor"),
    ("mix", {f"{S}.vendor": 1, f"{EXT}.tag": "project=demo"}, "storage.tag.vendor"),
    ("mix", {f"{S}.vendor": 3, f"{EXT}.tag": ""}, "storage.tag.vendor"),
    (
        "mix",
        {f"{S}.vendor": 11, f"{S}.region": 0, f"{EXT}.endpoint": "s3.example.com"},
        "storage.endpoint.vendor11",
    ),
    ("mix", {f"{S}.vendor": 3, f"{S}.stsToken": "STS"}, "storage.sts.vendor"),
    ("mix", {f"{S}.vendor": 7, f"{S}.stsToken": ""}, "storage.sts.vendor"),
]


@pytest.mark.parametrize(("mode", "changes", "rule"), SILENT)
def test_storage_rule_silent(mode: str, changes: dict[str, Any], rule: str) -> None:
    assert found(mode, changes, rule) == []


NOW = 1_800_000_000.0
HOUR = 3600


def _sts(expiration: object, token: object = "STS-TOKEN") -> dict[str, Any]:
    return {f"{S}.stsToken": token, f"{S}.stsExpiration": expiration}


@pytest.mark.parametrize(
    ("changes", "at_send_time", "expected"),
    [
        (_sts(NOW - 60), True, [(E, f"{S}.stsExpiration")]),  # expired, sending: blocks
        (_sts(NOW - 60), False, [(W, f"{S}.stsExpiration")]),  # expired, validating: warns
        (_sts(NOW), True, [(E, f"{S}.stsExpiration")]),  # "≤ now" includes now
        (_sts(NOW + HOUR), True, [(W, f"{S}.stsExpiration")]),  # under 4 h
        (_sts(NOW + 4 * HOUR - 1), False, [(W, f"{S}.stsExpiration")]),
        (_sts(NOW + 4 * HOUR), True, []),
        (_sts(NOW + 48 * HOUR), False, []),
        (_sts(NOW + 48 * HOUR, token=REMOVE), False, [(W, f"{S}.stsExpiration")]),
        (_sts(NOW + 48 * HOUR, token=""), False, [(W, f"{S}.stsExpiration")]),
        (_sts(REMOVE), True, []),
        (_sts("1800000000"), True, []),  # a type error is R17's
    ],
)
def test_sts_expiry(changes: dict[str, Any], at_send_time: bool, expected: list[Any]) -> None:
    session = Session(now=NOW, at_send_time=at_send_time)
    assert found("mix", changes, "storage.sts.expiry", session=session) == expected


@pytest.mark.parametrize(
    ("expiration", "said"),
    [
        (NOW - 20 * 24 * HOUR - 3 * HOUR, "has expired (20 d 3 h ago, at 2026-12-26 05:00 UTC):"),
        (NOW + 2 * HOUR + 300, "It expires in 2 h 5 min, at 2027-01-15 10:05 UTC."),
        (-(10**30), "at -1000000000000000000000000000000):"),  # before any calendar
    ],
)
def test_sts_expiry_says_when_in_utc_and_in_days_once_over_a_day(
    expiration: int, said: str
) -> None:
    session = Session(now=NOW, at_send_time=False)
    (problem,) = fired(
        "mix", changed("mix", _sts(expiration)), "storage.sts.expiry", session=session
    )
    assert said in problem.message


def test_sts_expiry_uses_the_real_clock_without_a_session_time() -> None:
    assert found("mix", _sts(1.0), "storage.sts.expiry") == [(W, f"{S}.stsExpiration")]
    assert found("mix", _sts(4_000_000_000), "storage.sts.expiry") == []


def _acquire(region: object) -> Session:
    return Session(acquire={"cname": "demo", "uid": "527841", "clientRequest": {"region": region}})


@pytest.mark.parametrize(
    ("vendor", "region", "acquire_region", "expected"),
    [
        (2, 3, "NA", [(W, f"{S}.region")]),  # Alibaba Beijing vs North America
        (3, 0, "AP", [(W, f"{S}.region")]),  # Tencent AP_Beijing_1 is mainland China
        (1, 12, "NA", [(W, f"{S}.region")]),  # São Paulo lies outside all four areas
        (2, 3, "CN", []),
        (3, 9, "AP", []),  # Tencent Hong Kong is AP
        (4, 9, "AP", []),  # Kingsoft NA_Singapore_1 is AP
        (1, 9, "NA", []),  # Sydney: unclear area, skipped
        (5, 0, "CN", []),  # Azure: no region table
        (11, 0, "EU", []),
        (1, 17, "NA", []),  # not in the table: R21's case
        (2, 3, "cn", []),  # not an acquire region value
    ],
)
def test_region_affinity(
    vendor: int, region: int, acquire_region: str, expected: list[Any]
) -> None:
    changes = {f"{S}.vendor": vendor, f"{S}.region": region, f"{EXT}.endpoint": "h"}
    session = _acquire(acquire_region)
    assert found("mix", changes, "storage.region.affinity", session=session) == expected


def test_region_affinity_needs_acquire_data_with_a_region() -> None:
    changes = {f"{S}.vendor": 2, f"{S}.region": 3}
    assert found("mix", changes, "storage.region.affinity") == []
    without_region = Session(acquire={"cname": "demo", "uid": "527841", "clientRequest": {}})
    assert found("mix", changes, "storage.region.affinity", session=without_region) == []


def test_storage_messages_never_show_credentials() -> None:
    body = changed(
        "mix", {f"{S}.vendor": 5, f"{S}.stsToken": "STS-SECRET-VALUE", f"{S}.bucket": ""}
    )
    text = " ".join(p.message + p.hint for p in validate("mix", body))
    for secret in ("STS-SECRET-VALUE", "AKEXAMPLE0001", "SKEXAMPLE0001"):
        assert secret not in text
