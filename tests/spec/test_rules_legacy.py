"""Legacy postponed-processing rules R111–R117, R112b, R128: each fires and stays silent."""

from __future__ import annotations

from typing import Any

from rec_tui.request.validate import validate
from tests.support.rules import REMOVE, changed, fired, table_tests
from tests.support.seed_examples import EXAMPLES

REC = "clientRequest.recordingConfig"
APPS = "clientRequest.appsCollection"
POLICY = f"{APPS}.combinationPolicy"
OPTIONS = "clientRequest.transcodeOptions"
TRANS_MODE = f"{OPTIONS}.transConfig.transMode"
AUDIO = f"{OPTIONS}.audio"
FORMAT = f"{OPTIONS}.container.format"

PASSTHROUGH = {f"{REC}.streamTypes": 0, f"{REC}.streamMode": "original",
               f"{REC}.subscribeVideoUids": REMOVE}  # fmt: skip
POSTPONED = {POLICY: "postpone_transcoding"}


def audio_mix(**changes: Any) -> dict[str, Any]:
    """The seed's postponed audio mixing setup (valid values) with ``changes`` on top."""
    setup = {
        **PASSTHROUGH,
        **POSTPONED,
        OPTIONS: {
            "container": {"format": "m4a"},
            "transConfig": {"transMode": "audioMix"},
            "audio": {"sampleRate": "48000", "bitrate": "48000", "channels": "2"},
        },
    }
    return {**setup, **changes}


FIRES = [
    ("legacy.present", "individual", POSTPONED, "warning", APPS),
    ("legacy.present", "individual", {OPTIONS: {}}, "warning", OPTIONS),
    ("legacy.policy.enum", "individual", {POLICY: "postpone"}, "error", POLICY),
    ("legacy.policy.mode", "mix", POSTPONED, "warning", POLICY),
    ("legacy.options.needs_policy", "individual", audio_mix(**{POLICY: "default"}), "error",
     OPTIONS),
    ("legacy.options.needs_policy", "individual", audio_mix(**{APPS: REMOVE}), "error", OPTIONS),
    ("legacy.transMode", "individual", audio_mix(**{f"{OPTIONS}.transConfig": REMOVE}), "error",
     f"{OPTIONS}.transConfig"),
    ("legacy.transMode", "individual", audio_mix(**{TRANS_MODE: REMOVE}), "error", TRANS_MODE),
    ("legacy.transMode", "individual", audio_mix(**{TRANS_MODE: "mix"}), "error", TRANS_MODE),
    ("legacy.audiomix.prereq", "individual", audio_mix(**{f"{REC}.streamTypes": 2}), "error",
     TRANS_MODE),
    ("legacy.audiomix.prereq", "individual", audio_mix(**{f"{REC}.streamMode": REMOVE}), "error",
     TRANS_MODE),
    ("legacy.container", "individual", audio_mix(**{FORMAT: "wav"}), "error", FORMAT),
    ("legacy.container", "individual", audio_mix(**{FORMAT: "mp4"}), "error", FORMAT),
    ("legacy.audio.strings", "individual", audio_mix(**{f"{AUDIO}.sampleRate": 48000}), "error",
     f"{AUDIO}.sampleRate"),
    ("legacy.audio.strings", "individual", audio_mix(**{f"{AUDIO}.sampleRate": "44100"}),
     "error", f"{AUDIO}.sampleRate"),
    ("legacy.audio.strings", "individual", audio_mix(**{f"{AUDIO}.bitrate": "32000"}), "error",
     f"{AUDIO}.bitrate"),
    ("legacy.audio.strings", "individual", audio_mix(**{f"{AUDIO}.channels": 2}), "error",
     f"{AUDIO}.channels"),
    ("legacy.transcoding.streamMode", "individual", {**POSTPONED, f"{REC}.streamMode":
     "standard"}, "warning", f"{REC}.streamMode"),
    ("legacy.transcoding.streamMode", "individual", audio_mix(**{TRANS_MODE:
     "postponeTranscoding", f"{REC}.streamMode": "standard", FORMAT: "mp4"}), "warning",
     f"{REC}.streamMode"),
    # Postponed transcoding produces mp4 files (pre-2025 docs): another container is doubtful.
    ("legacy.container", "individual", audio_mix(**{TRANS_MODE: "postponeTranscoding"}),
     "warning", FORMAT),
]  # fmt: skip

SILENT = [
    ("legacy.present", "individual", {}),
    ("legacy.policy.enum", "individual", audio_mix()),
    ("legacy.policy.enum", "mix", {POLICY: "default"}),
    ("legacy.policy.mode", "mix", {POLICY: "default"}),
    ("legacy.policy.mode", "individual", POSTPONED),
    ("legacy.options.needs_policy", "individual", audio_mix()),
    ("legacy.options.needs_policy", "individual", POSTPONED),
    ("legacy.transMode", "individual", audio_mix()),
    ("legacy.transMode", "individual", audio_mix(**{TRANS_MODE: "postponeTranscoding"})),
    ("legacy.audiomix.prereq", "individual", audio_mix()),
    ("legacy.audiomix.prereq", "individual", audio_mix(**{TRANS_MODE: "postponeTranscoding"})),
    ("legacy.container", "individual", audio_mix(**{FORMAT: "aac"})),
    ("legacy.container", "individual", audio_mix(**{FORMAT: "mp4",
     TRANS_MODE: "postponeTranscoding"})),
    ("legacy.audio.strings", "individual", audio_mix(**{f"{AUDIO}.sampleRate": "16000",
     f"{AUDIO}.channels": "1"})),
    ("legacy.audio.strings", "individual", audio_mix(**{AUDIO: REMOVE})),
    ("legacy.transcoding.streamMode", "individual", {**POSTPONED, f"{REC}.streamMode":
     "default"}),
    ("legacy.transcoding.streamMode", "individual", audio_mix()),  # mixing, not transcoding
    # transcodeOptions without transMode is an audio mix missing its transMode (R114), not
    # postponed transcoding.
    ("legacy.transcoding.streamMode", "individual", audio_mix(**{TRANS_MODE: REMOVE})),
    ("legacy.transcoding.streamMode", "individual", {f"{REC}.streamMode": "standard"}),
]  # fmt: skip


test_rule_fires, test_rule_stays_silent = table_tests(FIRES, SILENT)


def test_transcode_options_outside_individual_mode_error_and_warning() -> None:
    body = changed("mix", {OPTIONS: {"transConfig": {"transMode": "audioMix"}}})
    problems = fired("mix", body, "legacy.options.needs_policy")
    assert sorted((p.severity, p.path) for p in problems) == [
        ("error", OPTIONS),
        ("warning", OPTIONS),
    ]


def test_policy_mode_rule_keeps_its_own_id() -> None:
    problems = fired("web", changed("web", POSTPONED), "legacy.policy.mode")
    assert [p.rule_id for p in problems] == ["R112b"]


def test_seed_postponed_audio_mix_example_breaks_only_the_audio_strings() -> None:
    """The seed writes "xxxx" placeholders for the audio options, which R117 rejects."""
    body = next(body for title, _, body in EXAMPLES if "延时混音" in title)
    errors = {(p.rule, p.path) for p in validate("individual", body) if p.is_error}
    assert errors == {("legacy.audio.strings", f"{AUDIO}.{key}") for key in
                      ("sampleRate", "bitrate", "channels")}  # fmt: skip
