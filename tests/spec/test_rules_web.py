"""Extension service, web recorder and CDN push rules R92–R110: each fires and stays silent."""

from __future__ import annotations

from typing import Any

from rec_tui.request.validate import validate
from rec_tui.spec.rules.context import Session
from tests.support.rules import REMOVE, changed, fired, table_tests

EXT = "clientRequest.extensionServiceConfig"
SERVICES = f"{EXT}.extensionServices"
WEB = f"{SERVICES}[0]"
PARAM = f"{WEB}.serviceParam"
RTMP = f"{SERVICES}[1]"
RTMP_PARAM = f"{RTMP}.serviceParam"
WEB_ENTRY = {
    "serviceName": "web_recorder_service",
    "serviceParam": {
        "url": "https://example.com",
        "audioProfile": 0,
        "videoWidth": 1280,
        "videoHeight": 720,
        "maxRecordingHour": 3,
    },
}


def cdn(*outputs: Any, policy: str = "error_ignore") -> dict[str, Any]:
    """Web-mode changes adding a CDN push with ``outputs`` after the web recorder."""
    return {
        RTMP: {
            "serviceName": "rtmp_publish_service",
            "errorHandlePolicy": policy,
            "serviceParam": {"outputs": list(outputs)},
        }
    }


RTMP_OK = {"rtmpUrl": "rtmp://live.example.com/app/key"}
MODERATION = {SERVICES: [{"serviceName": "audio_moderation", "serviceParam": {}}]}

FIRES = [
    ("web.required", "web", {EXT: REMOVE}, "error", EXT),
    ("web.required", "web", {SERVICES: []}, "error", SERVICES),
    ("web.required", "web", {SERVICES: REMOVE}, "error", SERVICES),
    ("web.mode_only", "mix", {SERVICES: [WEB_ENTRY]}, "error", f"{WEB}.serviceName"),
    ("web.mode_only", "individual", MODERATION, "warning", f"{WEB}.serviceName"),
    ("web.services.combo", "web", {f"{WEB}.serviceName": "web_recorder"}, "error",
     f"{WEB}.serviceName"),
    ("web.services.combo", "web", {f"{WEB}.serviceName": REMOVE}, "error", f"{WEB}.serviceName"),
    ("web.services.combo", "web", {RTMP: WEB_ENTRY}, "error", f"{RTMP}.serviceName"),
    ("web.services.combo", "web", {**cdn(RTMP_OK), f"{SERVICES}[2]": cdn(RTMP_OK)[RTMP]},
     "error", f"{SERVICES}[2].serviceName"),
    ("web.services.combo", "web", {SERVICES: [cdn(RTMP_OK)[RTMP]]}, "error", SERVICES),
    ("web.errorPolicy", "web", {f"{EXT}.errorHandlePolicy": "error_ignore"}, "error",
     f"{EXT}.errorHandlePolicy"),
    ("web.errorPolicy", "web", {f"{WEB}.errorHandlePolicy": "error_ignore"}, "error",
     f"{WEB}.errorHandlePolicy"),
    ("web.errorPolicy", "web", cdn(RTMP_OK, policy="error_abort"), "error",
     f"{RTMP}.errorHandlePolicy"),
    ("web.apiVersion", "web", {f"{EXT}.apiVersion": "v2"}, "warning", f"{EXT}.apiVersion"),
    ("web.url", "web", {f"{PARAM}.url": REMOVE}, "error", f"{PARAM}.url"),
    ("web.url", "web", {f"{PARAM}.url": "example.com/room"}, "error", f"{PARAM}.url"),
    ("web.url", "web", {f"{WEB}.serviceParam": REMOVE}, "error", PARAM),
    ("rtmp.outputs", "web", {**cdn(), f"{RTMP}.serviceParam": REMOVE}, "error", RTMP_PARAM),
    ("web.audioProfile", "web", {f"{PARAM}.audioProfile": REMOVE}, "error",
     f"{PARAM}.audioProfile"),
    ("web.audioProfile", "web", {f"{PARAM}.audioProfile": 3}, "error", f"{PARAM}.audioProfile"),
    ("web.dims", "web", {f"{PARAM}.videoHeight": REMOVE}, "error", f"{PARAM}.videoHeight"),
    ("web.dims", "web", {f"{PARAM}.videoWidth": 239}, "error", f"{PARAM}.videoWidth"),
    ("web.dims", "web", {f"{PARAM}.videoHeight": 720.5}, "error", f"{PARAM}.videoHeight"),
    ("web.area", "web", {f"{PARAM}.videoWidth": 1920, f"{PARAM}.videoHeight": 1200}, "error",
     f"{PARAM}.videoWidth"),
    ("web.bitrate", "web", {f"{PARAM}.videoBitrate": 8001}, "error", f"{PARAM}.videoBitrate"),
    ("web.bitrate", "web", {f"{PARAM}.videoBitrate": 49}, "error", f"{PARAM}.videoBitrate"),
    ("web.bitrate.keycase", "web", {f"{PARAM}.VideoBitrate": 2000}, "warning",
     f"{PARAM}.VideoBitrate"),
    ("web.fps", "web", {f"{PARAM}.videoFps": 4}, "error", f"{PARAM}.videoFps"),
    ("web.fps", "web", {f"{PARAM}.videoFps": 61}, "error", f"{PARAM}.videoFps"),
    ("web.maxRecordingHour", "web", {f"{PARAM}.maxRecordingHour": REMOVE}, "error",
     f"{PARAM}.maxRecordingHour"),
    ("web.maxRecordingHour", "web", {f"{PARAM}.maxRecordingHour": 721}, "error",
     f"{PARAM}.maxRecordingHour"),
    ("web.maxVideoDuration", "web", {f"{PARAM}.maxVideoDuration": 241}, "error",
     f"{PARAM}.maxVideoDuration"),
    ("web.maxVideoDuration", "web", {f"{PARAM}.maxVideoDuration": 29}, "error",
     f"{PARAM}.maxVideoDuration"),
    ("web.booleans", "web", {f"{PARAM}.mobile": "true"}, "error", f"{PARAM}.mobile"),
    ("web.booleans", "web", {f"{PARAM}.onhold": 0}, "error", f"{PARAM}.onhold"),
    ("web.readyTimeout", "web", {f"{PARAM}.readyTimeout": -1}, "error", f"{PARAM}.readyTimeout"),
    ("web.readyTimeout", "web", {f"{PARAM}.readyTimeout": 61}, "error", f"{PARAM}.readyTimeout"),
    ("web.readyTimeout", "web", {f"{PARAM}.readyTimeout": 2.5}, "error",
     f"{PARAM}.readyTimeout"),
    ("web.readyTimeout.notify", "web", {f"{PARAM}.readyTimeout": 1}, "warning",
     f"{PARAM}.readyTimeout"),
    ("rtmp.outputs", "web", cdn(), "error", f"{RTMP_PARAM}.outputs"),
    ("rtmp.outputs", "web", {**cdn(), f"{RTMP_PARAM}.outputs": REMOVE}, "error",
     f"{RTMP_PARAM}.outputs"),
    ("rtmp.outputs", "web", cdn(RTMP_OK, RTMP_OK), "error", f"{RTMP_PARAM}.outputs"),
    ("rtmp.outputs", "web", cdn({"rtmpUrl": "https://live.example.com/app"}), "error",
     f"{RTMP_PARAM}.outputs[0].rtmpUrl"),
    ("rtmp.outputs", "web", cdn({}), "error", f"{RTMP_PARAM}.outputs[0].rtmpUrl"),
]  # fmt: skip

SILENT = [
    ("web.required", "web", {}),
    ("web.required", "mix", {}),
    ("web.mode_only", "web", {}),
    ("web.mode_only", "mix", {}),
    ("web.services.combo", "web", cdn(RTMP_OK)),
    ("web.services.combo", "individual", MODERATION),
    ("web.errorPolicy", "web", {**cdn(RTMP_OK), f"{EXT}.errorHandlePolicy": REMOVE,
     f"{WEB}.errorHandlePolicy": REMOVE}),
    ("web.apiVersion", "web", {f"{EXT}.apiVersion": "v1"}),
    ("web.url", "web", {f"{PARAM}.url": "HTTPS://xxxxx"}),
    ("web.url", "mix", {SERVICES: [{**WEB_ENTRY, "serviceParam": {}}]}),  # R93's business
    ("web.audioProfile", "web", {f"{PARAM}.audioProfile": 2}),
    ("web.dims", "web", {f"{PARAM}.videoWidth": 240, f"{PARAM}.videoHeight": 1920}),
    ("web.dims", "web", {f"{PARAM}.videoWidth": "1280"}),  # R17's business
    ("web.dims", "web", {f"{WEB}.serviceParam": REMOVE}),  # R97 reports the missing object
    ("web.area", "web", {f"{PARAM}.videoWidth": 5000, f"{PARAM}.videoHeight": 1080}),  # R99
    ("web.area", "web", {f"{PARAM}.videoWidth": 1080, f"{PARAM}.videoHeight": 1920}),
    ("web.bitrate", "web", {f"{PARAM}.videoBitrate": 50}),
    ("web.bitrate.keycase", "web", {f"{PARAM}.videoBitrate": 2000}),
    ("web.fps", "web", {f"{PARAM}.videoFps": 60}),
    ("web.maxRecordingHour", "web", {f"{PARAM}.maxRecordingHour": 720}),
    ("web.maxVideoDuration", "web", {f"{PARAM}.maxVideoDuration": 240}),
    ("web.booleans", "web", {f"{PARAM}.mobile": True, f"{PARAM}.onhold": False}),
    ("web.readyTimeout", "web", {f"{PARAM}.readyTimeout": 60}),
    ("web.readyTimeout.notify", "web", {f"{PARAM}.readyTimeout": 0}),
    ("rtmp.outputs", "web", cdn({"rtmpUrl": "RTMPS://live.example.com/app"})),
]  # fmt: skip


test_rule_fires, test_rule_stays_silent = table_tests(FIRES, SILENT)


def _expiry(acquire: dict[str, Any] | None, hours: int) -> list[str]:
    body = changed("web", {f"{PARAM}.maxRecordingHour": hours})
    problems = fired("web", body, "web.maxRecordingHour.vs_expiry", session=Session(acquire))
    return [f"{p.severity} {p.path}" for p in problems]


def test_max_recording_hour_against_acquire() -> None:
    explicit = {"cname": "webdemo", "uid": "527841", "clientRequest": {"resourceExpiredHour": 24}}
    assert _expiry(explicit, 25) == [f"warning {PARAM}.maxRecordingHour"]
    assert _expiry(explicit, 24) == []
    left_out = {"cname": "webdemo", "uid": "527841", "clientRequest": {"scene": 1}}
    assert _expiry(left_out, 73) == [f"warning {PARAM}.maxRecordingHour"]  # default 72
    assert _expiry(left_out, 72) == []


def test_max_recording_hour_rule_skipped_without_acquire() -> None:
    assert _expiry(None, 720) == []


def test_capitalised_bitrate_reported_once() -> None:
    body = changed("web", {f"{PARAM}.VideoBitrate": 2000})
    at_key = [p.rule for p in validate("web", body) if p.path == f"{PARAM}.VideoBitrate"]
    assert at_key == ["web.bitrate.keycase"]


def test_audio_moderation_in_individual_mode_is_only_a_warning() -> None:
    body = changed("individual", {**MODERATION, "clientRequest.recordingConfig.streamTypes": 0})
    web_problems = [p for p in validate("individual", body) if p.rule.startswith(("web.", "rtmp."))]
    assert [(p.rule, p.severity) for p in web_problems] == [("web.mode_only", "warning")]


def test_huge_values_are_quoted_short() -> None:
    body = changed("web", {f"{PARAM}.url": "x" * 100_000, f"{PARAM}.videoFps": 10**5000})
    problems = validate("web", body)
    # The number too long to write is reported once, by the check for such values.
    assert sorted(p.rule for p in problems) == ["body.number.digits", "web.url"]
    assert all(len(p.message) < 200 for p in problems)
