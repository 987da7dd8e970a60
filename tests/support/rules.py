"""Helpers for rule tests: a clean body per mode, targeted edits, and what fired.

Every rule test starts from a body that has no problems at all in its mode, changes one
thing, and asserts that exactly the expected rule fires (or stays silent).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec import jsonpath
from rec_tui.spec.problems import Problem

_STORAGE = {
    "vendor": 2,
    "region": 3,
    "bucket": "recordings",
    "accessKey": "AKEXAMPLE0001",
    "secretKey": "SKEXAMPLE0001",
    "fileNamePrefix": ["directory1", "directory2"],
}

CLEAN_BODIES: dict[str, dict[str, Any]] = {
    "mix": {
        "cname": "demo",
        "uid": "527841",
        "clientRequest": {
            "token": "007eJxTYDQ",
            "recordingConfig": {
                "channelType": 0,
                "streamTypes": 2,
                "maxIdleTime": 30,
                "transcodingConfig": {
                    "width": 640,
                    "height": 360,
                    "fps": 15,
                    "bitrate": 500,
                    "mixedVideoLayout": 1,
                },
                "subscribeAudioUids": ["123", "456"],
                "subscribeVideoUids": ["123", "456"],
                "subscribeUidGroup": 0,
            },
            "recordingFileConfig": {"avFileType": ["hls", "mp4"]},
            "storageConfig": copy.deepcopy(_STORAGE),
        },
    },
    "individual": {
        "cname": "demo",
        "uid": "527841",
        "clientRequest": {
            "token": "007eJxTYDQ",
            "recordingConfig": {
                "channelType": 0,
                "streamTypes": 2,
                "maxIdleTime": 30,
                "subscribeAudioUids": ["123", "456"],
                "subscribeVideoUids": ["123", "456"],
                "subscribeUidGroup": 0,
            },
            "recordingFileConfig": {"avFileType": ["hls"]},
            "storageConfig": copy.deepcopy(_STORAGE),
        },
    },
    "web": {
        "cname": "webdemo",
        "uid": "527841",
        "clientRequest": {
            "extensionServiceConfig": {
                "errorHandlePolicy": "error_abort",
                "extensionServices": [
                    {
                        "serviceName": "web_recorder_service",
                        "errorHandlePolicy": "error_abort",
                        "serviceParam": {
                            "url": "https://example.com/room",
                            "audioProfile": 0,
                            "videoWidth": 1280,
                            "videoHeight": 720,
                            "maxRecordingHour": 3,
                        },
                    }
                ],
            },
            "recordingFileConfig": {"avFileType": ["hls", "mp4"]},
            "storageConfig": copy.deepcopy(_STORAGE),
        },
    },
}

REMOVE = object()


def clean(mode: str) -> dict[str, Any]:
    return copy.deepcopy(CLEAN_BODIES[mode])


def changed(mode: str, changes: dict[str, Any]) -> dict[str, Any]:
    """A clean body of ``mode`` with ``changes`` applied (path → value, or REMOVE)."""
    body = clean(mode)
    for path, value in changes.items():
        if value is REMOVE:
            jsonpath.remove(body, path, prune=False)
        else:
            jsonpath.set_value(body, path, copy.deepcopy(value))
    return body


def fired(mode: str, body: Any, rule: str, **kwargs: Any) -> list[Problem]:
    """The problems that rule ``rule`` reports for ``body``."""
    return [p for p in validate(mode, body, **kwargs) if p.rule == rule]


def found(mode: str, changes: dict[str, Any], rule: str, **kwargs: Any) -> list[tuple[str, str]]:
    """(severity, path) of each problem ``rule`` reports for a clean body with ``changes``."""
    return [(p.severity, p.path) for p in fired(mode, changed(mode, changes), rule, **kwargs)]


def assert_fires_once(
    rule: str, mode: str, changes: dict[str, Any], severity: str, path: str, **kwargs: Any
) -> None:
    """``rule`` reports exactly one problem, of ``severity`` at ``path``, with a message and
    a hint."""
    problems = fired(mode, changed(mode, changes), rule, **kwargs)
    assert [(p.severity, p.path) for p in problems] == [(severity, path)]
    assert problems[0].message and problems[0].hint


def assert_silent(rule: str, mode: str, changes: dict[str, Any], **kwargs: Any) -> None:
    assert found(mode, changes, rule, **kwargs) == []


def table_tests(
    fires: Sequence[tuple[Any, ...]], silent: Sequence[tuple[Any, ...]]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two table-driven tests of a rule module: every ``(rule, mode, changes, severity,
    path)`` row of ``fires`` reports exactly once, every ``(rule, mode, changes)`` row of
    ``silent`` not at all. Bind them to ``test_…`` names in the test module."""

    @pytest.mark.parametrize(("rule", "mode", "changes", "severity", "path"), fires)
    def fires_once(rule: str, mode: str, changes: dict[str, Any], severity: str, path: str) -> None:
        assert_fires_once(rule, mode, changes, severity, path)

    @pytest.mark.parametrize(("rule", "mode", "changes"), silent)
    def stays_silent(rule: str, mode: str, changes: dict[str, Any]) -> None:
        assert_silent(rule, mode, changes)

    return fires_once, stays_silent


def rules_fired(mode: str, body: Any, **kwargs: Any) -> set[str]:
    return {p.rule for p in validate(mode, body, **kwargs)}
