"""The JSON Schema export, checked with the jsonschema package against the seed examples."""

from __future__ import annotations

import json

import jsonschema
import pytest

from rec_tui.request.schema import SERVICE_PARAM, start_body_schema
from rec_tui.spec import catalogue
from rec_tui.spec.modes import MODES
from tests.support.rules import CLEAN_BODIES, changed
from tests.support.seed_examples import EXAMPLES

REC = ["clientRequest", "recordingConfig"]


def schema_errors(body: object, mode: str | None) -> list[tuple[list[object], str]]:
    validator = jsonschema.Draft202012Validator(start_body_schema(mode))  # type: ignore[arg-type]
    return sorted(
        ((list(e.absolute_path), e.validator) for e in validator.iter_errors(body)),
        key=str,
    )


@pytest.mark.parametrize("mode", [None, *MODES])
def test_schema_is_a_valid_draft_2020_12_schema(mode: str | None) -> None:
    schema = start_body_schema(mode)  # type: ignore[arg-type]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    json.dumps(schema)  # plain JSON, printable by `rec-tui schema`


# Examples 3 and 7 break the seed's own rules. The schema encodes required fields and
# choices, so it rejects both — for the same reason as the validator:
#   3 (snapshots + recording, individual) has no recordingConfig.subscribeUidGroup, which
#     is required in individual mode (R55);
#   7 (postponed audio mixing) sends the seed's "xxxx" placeholders as audio options,
#     outside their choices (R117).
EXPECTED_SCHEMA_ERRORS = {
    2: [(["clientRequest", "recordingConfig"], "required")],
    6: [
        (["clientRequest", "transcodeOptions", "audio", "bitrate"], "enum"),
        (["clientRequest", "transcodeOptions", "audio", "channels"], "enum"),
        (["clientRequest", "transcodeOptions", "audio", "sampleRate"], "enum"),
    ],
}


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_seed_examples_against_the_schema_of_their_mode(index: int) -> None:
    title, mode, body = EXAMPLES[index]
    assert schema_errors(body, mode) == EXPECTED_SCHEMA_ERRORS.get(index, []), title


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_any_mode_schema_requires_no_mode_specific_field(index: int) -> None:
    _, _, body = EXAMPLES[index]
    errors = schema_errors(body, None)
    assert all(kind != "required" for _, kind in errors)


@pytest.mark.parametrize("mode", MODES)
def test_clean_harness_bodies_pass(mode: str) -> None:
    assert schema_errors(CLEAN_BODIES[mode], mode) == []


def test_types_follow_the_kinds() -> None:
    body = changed("mix", {"uid": 527841, "clientRequest.recordingConfig.maxIdleTime": 30.5})
    assert schema_errors(body, "mix") == [
        (["clientRequest", "recordingConfig", "maxIdleTime"], "type"),
        (["uid"], "type"),
    ]
    assert schema_errors(changed("mix", {"uid": "52a"}), "mix") == [(["uid"], "pattern")]


def test_ranges_enums_and_max_items_come_from_the_declarations() -> None:
    body = changed(
        "mix",
        {
            "clientRequest.recordingConfig.maxIdleTime": 1,
            "clientRequest.recordingConfig.channelType": 3,
            "clientRequest.recordingConfig.subscribeAudioUids": [str(n) for n in range(1, 34)],
        },
    )
    assert schema_errors(body, "mix") == [
        ([*REC, "channelType"], "enum"),
        ([*REC, "maxIdleTime"], "minimum"),
        ([*REC, "subscribeAudioUids"], "maxItems"),
    ]


def test_subscription_lists_accept_allstream() -> None:
    body = changed("mix", {"clientRequest.recordingConfig.subscribeAudioUids": ["#allstream#"]})
    assert schema_errors(body, "mix") == []


def test_unknown_keys_are_allowed_because_they_are_only_warnings() -> None:
    body = changed("mix", {"clientRequest.recordingConfig.maxidletime": 30})
    assert schema_errors(body, "mix") == []


def test_fps_outside_the_supported_set_is_not_rejected_because_r63_only_warns() -> None:
    body = changed("mix", {"clientRequest.recordingConfig.transcodingConfig.fps": 20})
    assert schema_errors(body, "mix") == []


def test_mode_filter_drops_fields_of_other_modes() -> None:
    web = start_body_schema("web")["properties"]["clientRequest"]["properties"]
    mix = start_body_schema("mix")["properties"]["clientRequest"]["properties"]
    assert "recordingConfig" not in web and "extensionServiceConfig" in web
    assert "recordingConfig" in mix
    assert "snapshotConfig" not in mix


def test_required_comes_from_required_in_of_the_mode() -> None:
    schema = start_body_schema("individual")
    rec = schema["properties"]["clientRequest"]["properties"]["recordingConfig"]
    assert "subscribeUidGroup" in rec["required"]
    assert start_body_schema()["required"] == ["cname", "uid", "clientRequest"]


def test_service_params_are_shaped_per_service() -> None:
    body = changed(
        "web",
        {"clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.videoWidth": 100},
    )
    errors = schema_errors(body, "web")
    assert [kind for _, kind in errors] == ["minimum"]
    item = start_body_schema("web")["properties"]["clientRequest"]["properties"][
        "extensionServiceConfig"
    ]["properties"]["extensionServices"]["items"]
    services = {branch["if"]["properties"]["serviceName"]["const"] for branch in item["allOf"]}
    assert services == {d.service for d in catalogue.FIELDS if d.service}
    assert SERVICE_PARAM.endswith("serviceParam")


def test_legacy_fields_are_deprecated_and_descriptions_come_from_help() -> None:
    legacy = [d for d in catalogue.FIELDS if d.legacy and d.parent == "clientRequest"]
    assert legacy
    props = start_body_schema("individual")["properties"]["clientRequest"]["properties"]
    for declared in legacy:
        assert props[declared.key]["deprecated"] is True
        assert props[declared.key]["description"].startswith(declared.help)
