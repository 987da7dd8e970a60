"""infer_mode / better_mode: the mode a body was written for, and the keys that say so."""

from __future__ import annotations

from typing import Any

import pytest

from rec_tui.request.mode_inference import ModeGuess, better_mode, infer_mode
from rec_tui.spec.modes import Mode
from tests.support.seed_examples import EXAMPLES

START = "https://api.agora.io/v1/apps/a/cloud_recording/resourceid/r/mode/{}/start"


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_seed_example_is_inferred_as_the_mode_it_was_written_for(
    title: str, mode: str, body: dict[str, Any]
) -> None:
    guess = infer_mode(body)
    assert (guess.mode, guess.source) == (mode, "body")
    assert better_mode(body, guess.mode) is None


@pytest.mark.parametrize(
    ("section", "mode"),
    [
        (
            {
                "extensionServiceConfig": {
                    "extensionServices": [
                        {
                            "serviceName": "web_recorder_service",
                            "serviceParam": {"url": "https://x"},
                        }
                    ]
                }
            },
            "web",
        ),
        ({"recordingConfig": {"transcodingConfig": {"width": 640, "height": 360}}}, "mix"),
        ({"snapshotConfig": {"captureInterval": 5, "fileType": ["jpg"]}}, "individual"),
    ],
)
def test_the_reason_names_the_deciding_key(section: dict[str, Any], mode: Mode) -> None:
    guess = infer_mode({"cname": "c", "uid": "1", "clientRequest": section})
    key = next(iter(section.values())).keys() if mode == "mix" else section.keys()
    assert guess == ModeGuess(mode, f"from {next(iter(key))}", "body")
    assert guess.describe() == f"mode: {mode}, from {next(iter(key))}"


def test_a_url_naming_the_mode_settles_it_whatever_the_body_says() -> None:
    web_body = EXAMPLES[3][2]
    guess = infer_mode(web_body, START.format("individual"))
    assert guess.describe() == "mode: individual, from the URL" and guess.source == "url"


def test_a_url_naming_no_real_mode_falls_back_to_the_body() -> None:
    guess = infer_mode(EXAMPLES[3][2], START.format("composite"))
    assert guess.mode == "web"
    assert guess.reason.startswith("the URL names mode 'composite', which is not a mode; from ")


@pytest.mark.parametrize("body", [{"cname": "a", "uid": "1"}, [], "text", None, 3])
def test_nothing_mode_specific_gives_the_default_and_says_so(body: Any) -> None:
    guess = infer_mode(body)
    assert (guess.mode, guess.source) == ("mix", "default")
    assert guess.reason == "the default: nothing in the body belongs to one mode only"
    assert better_mode(body, "web") is None


def test_better_mode_offers_the_switch_with_the_keys_that_belong_elsewhere() -> None:
    web_body = EXAMPLES[3][2]
    assert better_mode(web_body, "mix") == ModeGuess(
        "web", "extensionServiceConfig belongs to web mode, not mix", "body"
    )
    snapshot_body = EXAMPLES[1][2]
    offer = better_mode(snapshot_body, "web")
    assert offer is not None and offer.mode == "individual"
    assert offer.reason.endswith("belong to individual mode, not web")


def test_a_value_that_belongs_to_another_mode_is_named_with_its_list() -> None:
    # recordingFileConfig is individual mode's too: "mp4" in its avFileType is mix's.
    body = {
        "cname": "c",
        "uid": "1",
        "clientRequest": {
            "recordingConfig": {"channelType": 0, "streamTypes": 2},
            "recordingFileConfig": {"avFileType": ["hls", "mp4"]},
        },
    }
    better = better_mode(body, "individual")
    assert better is not None and better.mode == "mix"
    assert 'avFileType "mp4"' in better.reason and "recordingFileConfig" not in better.reason
    assert 'avFileType "mp4"' in infer_mode(body).reason
