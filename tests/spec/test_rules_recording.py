"""recordingConfig rules R32–R46: each fires on a targeted edit (right severity and path)
and stays silent on the nearest valid variant."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec import fields_recording, fields_storage
from rec_tui.spec.rules import all_rules, by_name
from rec_tui.spec.rules.recording import is_base64_of
from tests.support.rules import REMOVE, changed, found

R = "clientRequest.recordingConfig"
E, W = "error", "warning"
SALT = base64.b64encode(bytes(range(32))).decode()  # 44 characters, one "=" of padding
SECRET = "channel-secret-value"


def _encrypted(mode: object, **extra: Any) -> dict[str, Any]:
    return {f"{R}.decryptionMode": mode, **{f"{R}.{k}": v for k, v in extra.items()}}


FIRES = [
    ("individual", {R: REMOVE}, "rec.required", [(E, R)]),
    ("mix", {R: None}, "rec.required", [(E, R)]),
    ("web", {R: {"channelType": 0}}, "rec.web_ignored", [(W, R)]),
    ("mix", {f"{R}.channelType": 2}, "rec.channelType", [(E, f"{R}.channelType")]),
    ("mix", {f"{R}.channelType": -1}, "rec.channelType", [(E, f"{R}.channelType")]),
    ("individual", {f"{R}.channelType": REMOVE}, "rec.channelType", [(W, f"{R}.channelType")]),
    ("mix", {f"{R}.streamTypes": 3}, "rec.streamTypes", [(E, f"{R}.streamTypes")]),
    ("mix", {f"{R}.streamTypes": 1.5}, "rec.streamTypes", [(E, f"{R}.streamTypes")]),
    (
        "individual",
        {f"{R}.streamMode": "Standard"},
        "rec.streamMode.enum",
        [(E, f"{R}.streamMode")],
    ),
    ("individual", {f"{R}.streamMode": "raw"}, "rec.streamMode.enum", [(E, f"{R}.streamMode")]),
    ("mix", {f"{R}.streamMode": "standard"}, "rec.streamMode.mode", [(W, f"{R}.streamMode")]),
    (
        "individual",
        {f"{R}.streamMode": "original"},  # streamTypes 2 in the clean body
        "rec.streamMode.original",
        [(W, f"{R}.streamMode")],
    ),
    (
        "individual",
        {f"{R}.streamMode": "original", f"{R}.streamTypes": REMOVE},  # absent counts as 2
        "rec.streamMode.original",
        [(W, f"{R}.streamMode")],
    ),
    ("mix", {f"{R}.decryptionMode": 9}, "rec.decryption.enum", [(E, f"{R}.decryptionMode")]),
    ("mix", {f"{R}.decryptionMode": -1}, "rec.decryption.enum", [(E, f"{R}.decryptionMode")]),
    ("mix", _encrypted(1), "rec.decryption.secret", [(E, f"{R}.secret")]),
    ("individual", _encrypted(5, secret=""), "rec.decryption.secret", [(E, f"{R}.secret")]),
    ("mix", _encrypted(7, secret=SECRET), "rec.decryption.salt", [(E, f"{R}.salt")]),
    ("mix", _encrypted(8, secret=SECRET, salt=None), "rec.decryption.salt", [(E, f"{R}.salt")]),
    ("mix", _encrypted(7, secret=SECRET, salt="abc"), "rec.salt.format", [(E, f"{R}.salt")]),
    ("mix", {f"{R}.secret": SECRET}, "rec.decryption.unused", [(W, f"{R}.secret")]),
    (
        "mix",
        _encrypted(REMOVE, secret=SECRET),  # absent decryptionMode is 0
        "rec.decryption.unused",
        [(W, f"{R}.secret")],
    ),
    ("mix", _encrypted(1, secret=SECRET, salt=SALT), "rec.decryption.unused", [(W, f"{R}.salt")]),
    (
        "mix",
        _encrypted(0, secret=SECRET, salt=SALT),
        "rec.decryption.unused",
        [(W, f"{R}.salt"), (W, f"{R}.secret")],
    ),
    ("mix", {f"{R}.audioProfile": 3}, "rec.audioProfile", [(E, f"{R}.audioProfile")]),
    ("individual", {f"{R}.audioProfile": 1}, "rec.audioProfile", [(W, f"{R}.audioProfile")]),
    (
        "individual",
        {f"{R}.audioProfile": 5},
        "rec.audioProfile",
        [(E, f"{R}.audioProfile"), (W, f"{R}.audioProfile")],
    ),
    ("mix", {f"{R}.videoStreamType": 2}, "rec.videoStreamType", [(E, f"{R}.videoStreamType")]),
    ("mix", {f"{R}.maxIdleTime": 4}, "rec.maxIdleTime", [(E, f"{R}.maxIdleTime")]),
    ("individual", {f"{R}.maxIdleTime": 2_592_001}, "rec.maxIdleTime", [(E, f"{R}.maxIdleTime")]),
    ("mix", {f"{R}.maxIdleTime": 30.5}, "rec.maxIdleTime", [(E, f"{R}.maxIdleTime")]),
]


@pytest.mark.parametrize(("mode", "changes", "rule", "expected"), FIRES)
def test_recording_rule_fires(
    mode: str, changes: dict[str, Any], rule: str, expected: list[Any]
) -> None:
    assert found(mode, changes, rule) == expected


SILENT = [
    ("mix", {}, "rec.required"),
    ("web", {}, "rec.required"),
    ("mix", {"clientRequest": REMOVE}, "rec.required"),  # R14 reports clientRequest
    ("mix", {f"{R}.channelType": 0}, "rec.web_ignored"),
    ("web", {}, "rec.web_ignored"),
    ("mix", {f"{R}.channelType": 1}, "rec.channelType"),
    ("mix", {f"{R}.channelType": "1"}, "rec.channelType"),  # a type error is R17's
    ("mix", {f"{R}.channelType": 1.0}, "rec.channelType"),  # read as 1, R17 warns
    ("web", {R: {"channelType": 7}}, "rec.channelType"),  # web ignores it (R33)
    ("mix", {f"{R}.streamTypes": 0}, "rec.streamTypes"),
    ("mix", {f"{R}.streamTypes": REMOVE}, "rec.streamTypes"),
    ("individual", {f"{R}.streamMode": "standard"}, "rec.streamMode.enum"),
    ("individual", {f"{R}.streamMode": ""}, "rec.streamMode.enum"),  # unset, R17 warns
    ("mix", {f"{R}.streamMode": "default"}, "rec.streamMode.mode"),
    ("individual", {f"{R}.streamMode": "original"}, "rec.streamMode.mode"),
    (
        "individual",
        {f"{R}.streamMode": "original", f"{R}.streamTypes": 0},
        "rec.streamMode.original",
    ),
    ("individual", {f"{R}.streamMode": "standard"}, "rec.streamMode.original"),
    ("mix", _encrypted(8, secret=SECRET, salt=SALT), "rec.decryption.enum"),
    ("mix", _encrypted(1, secret=SECRET), "rec.decryption.secret"),
    ("mix", _encrypted(0), "rec.decryption.secret"),
    ("mix", _encrypted("1"), "rec.decryption.secret"),  # a type error is R17's
    ("mix", _encrypted(7, secret=SECRET, salt=SALT), "rec.decryption.salt"),
    ("mix", _encrypted(6, secret=SECRET), "rec.decryption.salt"),
    ("mix", _encrypted(7, secret=SECRET, salt=SALT), "rec.salt.format"),
    ("mix", _encrypted(7, secret=SECRET, salt=SALT.rstrip("=")), "rec.salt.format"),
    ("mix", _encrypted(7, secret=SECRET, salt=SALT), "rec.decryption.unused"),
    ("mix", _encrypted(1, secret=SECRET), "rec.decryption.unused"),
    ("mix", {f"{R}.secret": ""}, "rec.decryption.unused"),
    ("mix", {f"{R}.audioProfile": 2}, "rec.audioProfile"),
    ("mix", {f"{R}.videoStreamType": 1}, "rec.videoStreamType"),
    ("mix", {f"{R}.maxIdleTime": 5}, "rec.maxIdleTime"),
    ("mix", {f"{R}.maxIdleTime": 2_592_000}, "rec.maxIdleTime"),
    ("mix", {f"{R}.maxIdleTime": 30.0}, "rec.maxIdleTime"),  # read as 30, R17 warns
    ("mix", {f"{R}.maxIdleTime": "30"}, "rec.maxIdleTime"),  # a type error is R17's
]


@pytest.mark.parametrize(("mode", "changes", "rule"), SILENT)
def test_recording_rule_silent(mode: str, changes: dict[str, Any], rule: str) -> None:
    assert found(mode, changes, rule) == []


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        (SALT, True),
        (SALT.rstrip("="), True),
        (base64.b64encode(bytes(31)).decode(), False),
        (base64.b64encode(bytes(33)).decode(), False),
        (base64.urlsafe_b64encode(bytes([251] * 32)).decode(), False),  # "-" and "_" alphabet
        (SALT[:-2] + "é=", False),
        (SALT + "==", False),
        (" " + SALT, False),
    ],
)
def test_salt_must_be_standard_base64_of_32_bytes(text: str, valid: bool) -> None:
    assert is_base64_of(text, 32) is valid


def test_recording_messages_never_show_the_secret_or_salt() -> None:
    bad_salt = "not-base64-salt-value!!"
    body = changed("individual", _encrypted(0, secret=SECRET, salt=bad_salt))
    text = " ".join(p.message + p.hint for p in validate("individual", body))
    assert SECRET not in text
    assert bad_salt not in text


def test_rules_named_by_the_recording_and_storage_fields_exist_and_cover_the_rules() -> None:
    named = {name for f in (*fields_recording.FIELDS, *fields_storage.FIELDS) for name in f.rules}
    assert sorted(name for name in named if by_name(name) is None) == []
    own = {f"R{n}" for n in (*range(19, 59), 127)}
    unnamed = sorted(r.name for r in all_rules() if r.id in own and r.name not in named)
    assert unnamed == []
