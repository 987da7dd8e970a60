"""Recording-file and screenshot rules R80–R91, R129: each fires and each stays silent."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.rules import REMOVE, assert_fires_once, assert_silent, fired
from tests.support.seed_examples import EXAMPLES

REC = "clientRequest.recordingConfig"
FILES = "clientRequest.recordingFileConfig"
AV = f"{FILES}.avFileType"
SNAP = "clientRequest.snapshotConfig"
PARAM = "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam"
SHOTS = {SNAP: {"captureInterval": 10, "fileType": ["jpg"]}}


FIRES = [
    ("file.values", "mix", {AV: ["hls", "mp3"]}, None, "error", f"{AV}[1]"),
    ("file.values", "mix", {AV: []}, None, "warning", AV),
    ("file.values", "mix", {AV: ["hls", "mp4", "hls"]}, None, "warning", f"{AV}[2]"),
    ("file.mp4_needs_hls", "mix", {AV: ["mp4"]}, None, "error", AV),
    ("file.mp4_mode", "individual", {AV: ["hls", "mp4"]}, None, "error", f"{AV}[1]"),
    ("file.recommended", "mix", {FILES: REMOVE}, None, "warning", FILES),
    ("file.recommended", "web", {FILES: REMOVE}, None, "warning", FILES),
    ("file.web_mp4_hint", "web", {AV: ["hls"], f"{PARAM}.maxVideoDuration": 60}, None, "warning",
     f"{PARAM}.maxVideoDuration"),
    ("file.web_mp4_hint", "web", {FILES: REMOVE, f"{PARAM}.maxVideoDuration": 60}, None,
     "warning", f"{PARAM}.maxVideoDuration"),
    ("snap.mode", "mix", SHOTS, None, "error", SNAP),
    ("snap.streamTypes", "individual", {**SHOTS, f"{REC}.streamTypes": 0}, None, "error",
     f"{REC}.streamTypes"),
    ("snap.audio_needs_video_list", "individual", {**SHOTS, f"{REC}.subscribeVideoUids": REMOVE},
     None, "error", f"{REC}.subscribeVideoUids"),
    ("snap.only.no_file_config", "individual", SHOTS, "only", "warning", FILES),
    ("snap.plus_rec.file_config", "individual", {**SHOTS, FILES: REMOVE}, "plus_recording",
     "warning", FILES),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 0}, None, "error",
     f"{SNAP}.captureInterval"),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 3601}, None, "error",
     f"{SNAP}.captureInterval"),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 7.5}, None, "error",
     f"{SNAP}.captureInterval"),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 4}, None, "warning",
     f"{SNAP}.captureInterval"),
    ("snap.fileType", "individual", {**SHOTS, f"{SNAP}.fileType": REMOVE}, None, "error",
     f"{SNAP}.fileType"),
    ("snap.fileType", "individual", {**SHOTS, f"{SNAP}.fileType": ["png"]}, None, "error",
     f"{SNAP}.fileType"),
    ("snap.fileType", "individual", {**SHOTS, f"{SNAP}.fileType": ["jpg", "jpg"]}, None, "error",
     f"{SNAP}.fileType"),
    ("snap.streamMode", "individual", {**SHOTS, f"{REC}.streamMode": "original"}, None,
     "warning", f"{REC}.streamMode"),
]  # fmt: skip

SILENT = [
    ("file.values", "mix", {AV: ["hls", "mp4"]}, None),
    ("file.values", "mix", {AV: ["hls", 4]}, None),  # the item's type is R17's business
    ("file.mp4_needs_hls", "mix", {AV: ["mp4", "hls"]}, None),
    ("file.mp4_mode", "mix", {AV: ["hls", "mp4"]}, None),
    ("file.mp4_mode", "individual", {AV: ["hls"]}, None),
    ("file.recommended", "individual", {FILES: REMOVE}, None),
    ("file.recommended", "mix", {}, None),
    ("file.web_mp4_hint", "web", {f"{PARAM}.maxVideoDuration": 60}, None),
    ("file.web_mp4_hint", "web", {AV: ["hls"]}, None),
    ("snap.mode", "individual", SHOTS, None),
    ("snap.streamTypes", "individual", {**SHOTS, f"{REC}.streamTypes": REMOVE}, None),
    ("snap.streamTypes", "individual", {**SHOTS, f"{REC}.streamTypes": 1}, None),
    ("snap.streamTypes", "individual", {f"{REC}.streamTypes": 0}, None),
    ("snap.audio_needs_video_list", "individual", SHOTS, None),
    ("snap.audio_needs_video_list", "individual", {f"{REC}.subscribeVideoUids": REMOVE}, None),
    ("snap.only.no_file_config", "individual", SHOTS, None),  # a body alone never fires
    ("snap.only.no_file_config", "individual", {**SHOTS, FILES: REMOVE}, "only"),
    ("snap.plus_rec.file_config", "individual", {**SHOTS, FILES: REMOVE}, None),
    ("snap.plus_rec.file_config", "individual", SHOTS, "plus_recording"),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 5}, None),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": 3600}, None),
    ("snap.interval", "individual", {**SHOTS, f"{SNAP}.captureInterval": REMOVE}, None),
    ("snap.fileType", "individual", SHOTS, None),
    ("snap.fileType", "individual", {}, None),
    ("snap.streamMode", "individual", {**SHOTS, f"{REC}.streamMode": "standard"}, None),
    ("snap.streamMode", "individual", {f"{REC}.streamMode": "original",
     f"{REC}.streamTypes": 0}, None),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "mode", "changes", "intent", "severity", "path"), FIRES)
def test_rule_fires(
    rule: str, mode: str, changes: dict, intent: Any, severity: str, path: str
) -> None:
    assert_fires_once(rule, mode, changes, severity, path, snapshot_intent=intent)


@pytest.mark.parametrize(("rule", "mode", "changes", "intent"), SILENT)
def test_rule_stays_silent(rule: str, mode: str, changes: dict, intent: Any) -> None:
    assert_silent(rule, mode, changes, snapshot_intent=intent)


def test_seed_snapshot_examples_keep_intent_rules_quiet() -> None:
    """The seed's 'screenshots only' and 'screenshots + recording' bodies, validated alone."""
    for title, mode, body in EXAMPLES:
        for name in ("snap.only.no_file_config", "snap.plus_rec.file_config"):
            assert fired(mode, body, name) == [], title
