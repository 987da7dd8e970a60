"""recordingConfig fields documented outside the API reference are declared (issue 13)."""

from __future__ import annotations

import pytest

from rec_tui.request.schema import start_body_schema
from rec_tui.request.validate import validate
from rec_tui.spec import catalogue
from tests.support.rules import changed

NTP = "clientRequest.recordingConfig.extensionParams.enableNTPtimestamp"
PRIVATE = "clientRequest.recordingConfig.privateParams"


@pytest.mark.parametrize("mode", ["individual", "mix"])
def test_caption_sync_and_private_parameters_are_known_fields(mode: str) -> None:
    body = changed(mode, {NTP: True, PRIVATE: '{"correctEXTINF":true}'})
    assert [
        p
        for p in validate(mode, body)
        if p.path.startswith(("clientRequest.recordingConfig.e", PRIVATE))
    ] == []


@pytest.mark.parametrize(
    ("path", "value"), [(NTP, "true"), (NTP, 1), (PRIVATE, {"correctEXTINF": True})]
)
def test_their_types_are_checked(path: str, value: object) -> None:
    problems = validate("mix", changed("mix", {path: value}))
    assert [(p.rule_id, p.path) for p in problems if p.is_error] == [("R17", path)]


@pytest.mark.parametrize(
    ("path", "page"),
    [
        (NTP, "https://docs.agora.io/en/real-time-stt/develop/record-captions"),
        (
            f"{NTP.rsplit('.', 1)[0]}",
            "https://docs.agora.io/en/real-time-stt/develop/record-captions",
        ),
        (PRIVATE, "https://docs.agora.io/en/cloud-recording/develop/manage-files"),
    ],
)
def test_each_says_what_it_does_and_names_its_page(path: str, page: str) -> None:
    declared = catalogue.field(path)
    assert declared.source == page and len(declared.help) > 60
    assert declared.modes == {"individual", "mix"}


def test_the_schema_export_types_them() -> None:
    recording = start_body_schema("mix")["properties"]["clientRequest"]["properties"][
        "recordingConfig"
    ]["properties"]
    assert recording["privateParams"]["type"] == "string"
    assert "manage-files" in recording["privateParams"]["description"]
    extension = recording["extensionParams"]["properties"]
    assert extension["enableNTPtimestamp"]["type"] == "boolean"
    assert "record-captions" in extension["enableNTPtimestamp"]["description"]
