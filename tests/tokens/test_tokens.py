"""RTC tokens on Agora's published vectors: decode, build byte for byte, verify, check."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from rec_tui.tokens import (
    TokenError,
    build_rtc_token,
    check_token,
    decode_token,
    verify_token,
)

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "tokens" / "agora_vectors.json").read_text("utf-8")
)
APP_ID: str = VECTORS["app_id"]
CERTIFICATE: str = VECTORS["app_certificate"]
CHANNEL: str = VECTORS["channel"]
V007 = VECTORS["access_token2"]
V006 = VECTORS["access_token"]
RTC_UID = V007[0]["token"]  # joinChannel for uid 2882341273, issued 1111111, 600 s
RTC_ANY = V007[1]["token"]  # the same for uid 0


@pytest.mark.parametrize("vector", V007, ids=lambda v: v["name"])
def test_build_reproduces_agoras_access_token2_byte_for_byte(vector: dict[str, Any]) -> None:
    built = build_rtc_token(
        APP_ID,
        CERTIFICATE,
        CHANNEL,
        vector["uid"],
        expire=vector["expire"],
        publisher=False,
        issued_at=vector["issued_at"],
        salt=vector["salt"],
    )
    assert built == vector["token"]


@pytest.mark.parametrize("vector", V007, ids=lambda v: v["name"])
def test_decode_access_token2_vectors(vector: dict[str, Any]) -> None:
    token = decode_token(vector["token"])
    assert (token.version, token.app_id, token.salt) == ("007", APP_ID, vector["salt"])
    assert token.issued_at == vector["issued_at"]
    assert token.expires_at == vector["issued_at"] + vector["expire"]
    (rtc,) = token.services
    assert rtc.type == "rtc" and rtc.channel == CHANNEL
    assert {p.name: p.expires_at for p in rtc.privileges} == {
        name: vector["issued_at"] + seconds for name, seconds in vector["privileges"].items()
    }
    as_json = token.as_json()
    assert as_json["services"][0]["uid"] == int(vector["uid"])
    assert set(as_json) >= {"version", "app_id", "issued_at", "expires_at", "services"}


def test_uid_zero_is_an_empty_uid_meaning_any() -> None:
    (rtc,) = decode_token(RTC_ANY).services
    assert rtc.uid == "" and rtc.uid_is_any
    assert decode_token(RTC_ANY).as_json()["services"][0]["uid_any"] is True
    assert check_token(RTC_ANY, APP_ID, CHANNEL, "527841", at=1111111) == []


def test_decode_every_service_of_the_multi_service_vector() -> None:
    token = decode_token(VECTORS["access_token2_multi_service"]["token"])
    by_type = {service.type: service for service in token.services}
    assert list(by_type) == ["rtc", "rtm", "streaming", "fpa", "chat"]
    assert [p.name for p in by_type["rtc"].privileges] == [
        "joinChannel",
        "publishAudioStream",
        "publishVideoStream",
        "publishDataStream",
    ]
    assert by_type["rtm"].account == "test_user"
    assert by_type["streaming"].channel == CHANNEL and by_type["streaming"].uid == "2882341273"
    assert by_type["chat"].account == "2882341273"
    assert verify_token(VECTORS["access_token2_multi_service"]["token"], CERTIFICATE)


@pytest.mark.parametrize("vector", V006, ids=lambda v: v["name"])
def test_decode_and_verify_access_token_006_vectors(vector: dict[str, Any]) -> None:
    token = decode_token(vector["token"])
    assert (token.version, token.app_id, token.salt) == ("006", APP_ID, vector["salt"])
    assert token.issued_at is None and token.expires_at == vector["timestamp"]
    (rtc,) = token.services
    assert rtc.privilege("joinChannel").expires_at == vector["join_channel_expires_at"]  # type: ignore[union-attr]
    assert verify_token(vector["token"], CERTIFICATE, channel=CHANNEL, uid=vector["uid"])
    assert not verify_token(vector["token"], CERTIFICATE, channel="other", uid=vector["uid"])
    with pytest.raises(TokenError, match="give both"):
        verify_token(vector["token"], CERTIFICATE)


def test_verify_with_the_wrong_certificate_is_false() -> None:
    assert verify_token(RTC_UID, CERTIFICATE)
    assert not verify_token(RTC_UID, "0" * 32)


def test_a_built_token_round_trips_and_verifies() -> None:
    token = build_rtc_token(APP_ID, CERTIFICATE, "room 1", 42, expire=3600, issued_at=1_800_000_000)
    decoded = decode_token(token)
    (rtc,) = decoded.services
    assert (rtc.channel, rtc.uid) == ("room 1", "42")
    assert [p.name for p in rtc.privileges][1:] == [
        "publishAudioStream",
        "publishVideoStream",
        "publishDataStream",
    ]
    assert decoded.expires_at == 1_800_003_600
    assert verify_token(token, CERTIFICATE)
    assert token != build_rtc_token(APP_ID, CERTIFICATE, "room 1", 42, issued_at=1_800_000_000)


def _repack(token: str, change: Any) -> str:
    raw = bytearray(zlib.decompress(base64.b64decode(token[3:])))
    change(raw)
    return "007" + base64.b64encode(zlib.compress(bytes(raw))).decode()


def test_a_tampered_token_still_decodes_but_fails_verification() -> None:
    def rename_channel(raw: bytearray) -> None:
        raw[raw.index(CHANNEL.encode())] ^= 1  # one letter of the channel name

    tampered = _repack(RTC_UID, rename_channel)
    assert decode_token(tampered).services[0].channel != CHANNEL
    assert not verify_token(tampered, CERTIFICATE)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("hello world", "not an Agora RTC token"),
        ("005abcdef", "version 005"),
        ("007!!!not-base64", "not base64"),
        ("007" + base64.b64encode(b"plain").decode(), "does not unpack"),
        (RTC_UID[:60], "not base64"),
        ("006" + APP_ID[:10], "cut short"),
        (V006[0]["token"][:-8], "cut short"),
        (V006[0]["token"][:40] + "%%%%", "not base64"),
    ],
)
def test_garbage_truncated_and_wrong_version_give_a_token_error(text: str, says: str) -> None:
    with pytest.raises(TokenError, match=says) as raised:
        decode_token(text)
    assert CERTIFICATE not in str(raised.value)
    assert text[3:] not in str(raised.value) or not text[3:]


def test_a_token_cut_inside_its_fields_names_the_field() -> None:
    def cut(raw: bytearray) -> None:
        del raw[60:]

    with pytest.raises(TokenError, match="cut short: it ends inside its"):
        decode_token(_repack(RTC_UID, cut))

    def extra(raw: bytearray) -> None:
        raw.extend(b"xx")

    with pytest.raises(TokenError, match="2 unexpected bytes"):
        decode_token(_repack(RTC_UID, extra))


def test_pasted_tokens_with_quotes_and_spaces_are_read() -> None:
    assert decode_token(f'  "{RTC_UID}"\n').app_id == APP_ID


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token.replace("+", " "),  # "+" decoded as a space from a URL query
        lambda token: token.replace("+", "%2B").replace("=", "%3D"),  # URL-encoded
        lambda token: token[:50] + "\n" + token[50:],  # wrapped in an e-mail
    ],
    ids=["plus-as-space", "url-encoded", "line-break"],
)
def test_tokens_mangled_by_copying_are_repaired(mangle: Any) -> None:
    assert "+" in RTC_ANY and mangle(RTC_ANY) != RTC_ANY
    assert verify_token(mangle(RTC_ANY), CERTIFICATE)


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"app_id": "abc"}, "App ID must be 32 hexadecimal"),
        ({"certificate": "not-a-certificate"}, "App Certificate must be 32 hexadecimal"),
        ({"channel": ""}, "channel name is empty"),
        ({"uid": 2**32}, "larger than the largest uid"),
        ({"expire": 0}, "positive number of seconds"),
    ],
)
def test_build_refuses_bad_input_without_echoing_the_certificate(
    kwargs: dict[str, Any], says: str
) -> None:
    arguments: dict[str, Any] = {
        "app_id": APP_ID,
        "certificate": CERTIFICATE,
        "channel": CHANNEL,
        "uid": 1,
    } | kwargs
    with pytest.raises(TokenError, match=says) as raised:
        build_rtc_token(
            arguments.pop("app_id"),
            arguments.pop("certificate"),
            arguments.pop("channel"),
            arguments.pop("uid"),
            **arguments,
        )
    assert "not-a-certificate" not in str(raised.value) and CERTIFICATE not in str(raised.value)


# --- check_token: what differs from the request ------------------------------------------

EXPIRES = 1111111 + 600


def ids(findings: list[Any]) -> list[str]:
    return [finding.id for finding in findings]


def test_a_fitting_token_has_no_findings() -> None:
    assert check_token(RTC_UID, APP_ID, CHANNEL, "2882341273", at=1111200) == []
    assert check_token(RTC_UID, APP_ID.lower(), CHANNEL, 2882341273, at=1111200) == []


def test_each_difference_is_named() -> None:
    findings = check_token(RTC_UID, "0" * 32, "other", "123", at=1111200)
    assert ids(findings) == ["token-app-mismatch", "token-channel-mismatch", "token-uid-mismatch"]
    assert '"7d72365eb983485397e3e3f9d460bdda"' in findings[1].message
    assert "uid 2882341273" in findings[2].message and "uid 123" in findings[2].message


@pytest.mark.parametrize(
    ("at", "expired"), [(EXPIRES - 1, False), (EXPIRES, True), (EXPIRES + 86_400, True)]
)
def test_expiry_edges_with_an_injected_clock(at: int, expired: bool) -> None:
    findings = check_token(RTC_UID, APP_ID, CHANNEL, "2882341273", at=at)
    assert ids(findings) == (["token-expired"] if expired else [])


def test_a_join_privilege_shorter_than_the_token_ends_it() -> None:
    def shorten_join(raw: bytearray) -> None:
        # the RTC privilege map is the last part before channel and uid: join = 600 → 60
        at = raw.index((600).to_bytes(4, "little"), raw.index(APP_ID.encode()) + 44)
        raw[at : at + 4] = (60).to_bytes(4, "little")

    shorter = _repack(RTC_UID, shorten_join)
    assert ids(check_token(shorter, APP_ID, CHANNEL, "2882341273", at=1111111 + 59)) == []
    assert ids(check_token(shorter, APP_ID, CHANNEL, "2882341273", at=1111111 + 60)) == [
        "token-expired"
    ]


def test_a_006_token_is_checked_through_its_checksums() -> None:
    token = V006[0]["token"]
    assert check_token(token, APP_ID, CHANNEL, "2882341273", at=1_000_000) == []
    assert ids(check_token(token, APP_ID, "elsewhere", "7", at=1_000_000)) == [
        "token-channel-mismatch",
        "token-uid-mismatch",
    ]
    assert ids(check_token(token, APP_ID, CHANNEL, "2882341273", at=1111111)) == ["token-expired"]
    assert check_token(V006[1]["token"], APP_ID, CHANNEL, "99", at=1_000_000) == []


def test_an_unreadable_token_is_one_malformed_finding() -> None:
    (finding,) = check_token("007garbage", APP_ID, CHANNEL, "1")
    assert finding.id == "token-malformed" and "cannot be read" in finding.message


def test_a_token_without_rtc_says_so() -> None:
    chat_only = VECTORS["access_token2_chat_only"]["token"]
    assert decode_token(chat_only).services[0].account == "2882341273"
    (finding,) = check_token(chat_only, APP_ID, CHANNEL, "2882341273", at=1111200)
    assert finding.id == "token-channel-mismatch" and "no RTC channel" in finding.message
    multi = VECTORS["access_token2_multi_service"]["token"]
    assert check_token(multi, APP_ID, CHANNEL, "2882341273", at=1111200) == []


def test_the_versions_told_from_placeholders_are_those_the_readers_read() -> None:
    from rec_tui.tokens import VERSIONS, access_token, access_token2

    assert set(VERSIONS) == {access_token2.VERSION, access_token.VERSION}


@pytest.mark.parametrize(
    "text",
    [
        RTC_UID,
        V006[0]["token"],
        f'  "{RTC_UID}"\n',
        RTC_ANY.replace("+", "%2B"),
        RTC_ANY[:2] + "\n" + RTC_ANY[2:],  # a line break inside the version
        "<token if any>",
        "YOUR_TOKEN",
        "008abc",
        "006",
        "%3Ctoken%3E",
    ],
)
def test_looks_like_token_is_false_only_for_what_decode_token_refuses_at_once(text: str) -> None:
    from rec_tui.tokens import looks_like_token

    try:
        decode_token(text)
    except TokenError as error:
        readable, message = False, str(error)
    else:
        readable, message = True, ""
    if not looks_like_token(text):
        assert not readable
        assert "not an Agora RTC token" in message or "is not one rec-tui reads" in message
    else:
        assert readable or text == "006"
