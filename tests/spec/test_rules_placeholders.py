"""R132 body.placeholder: template text left where a real value belongs warns, naming the
field and what to put there, and never repeats a secret."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from rec_tui.request.validate import validate
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules.quoting import shown
from tests.support.rules import CLEAN_BODIES

RULE = "body.placeholder"
TOKEN = "clientRequest.token"
BUCKET = "clientRequest.storageConfig.bucket"
ACCESS_KEY = "clientRequest.storageConfig.accessKey"
SECRET_KEY = "clientRequest.storageConfig.secretKey"
STS_TOKEN = "clientRequest.storageConfig.stsToken"
ENDPOINT = "clientRequest.storageConfig.extensionParams.endpoint"


def placeholders(mode: str = "mix", **values: Any) -> list[Problem]:
    """R132's problems for the clean body of ``mode`` with ``values`` set (keys are paths
    with "." written as "__")."""
    body = copy.deepcopy(CLEAN_BODIES[mode])
    for name, value in values.items():
        *parents, key = name.split("__")
        holder = body
        for parent in parents:
            holder = holder.setdefault(parent, {})
        holder[key] = value
    return [p for p in validate(mode, body, fixes=False) if p.rule == RULE]


def storage(**values: Any) -> dict[str, Any]:
    return {f"clientRequest__storageConfig__{key}": value for key, value in values.items()}


@pytest.mark.parametrize(
    "value",
    [
        "<your-bucket>",
        "<bucket name>",
        "{{bucket}}",
        "YOUR_BUCKET",
        "your-bucket",
        "your bucket",
        "YourBucket",
        "xxxxx",
        "XXX",
        "xxxxxxf",  # the seed's own example access key
        "placeholder",
        "CHANGEME",
        "change_me",
        "TODO",
        "...",
        "bucket",  # the field's own name
        "  <your-bucket>  ",
    ],
)
def test_an_obvious_placeholder_in_the_bucket_warns_quoting_it(value: str) -> None:
    [problem] = placeholders(**storage(bucket=value))
    assert (problem.rule_id, problem.severity, problem.path) == ("R132", "warning", BUCKET)
    assert problem.message.startswith("bucket looks like a template placeholder")
    assert shown(value) in problem.message
    assert "name of the customer's bucket" in problem.hint


@pytest.mark.parametrize(
    "value",
    [
        "recordings",
        "my-bucket-2024",  # "my" is how real buckets are named; only "your" is a template
        "yourself",  # "your" must stand apart from what follows
        "examples",
        "tx-recordings",
        "a<b>c",  # brackets only count around the whole value
    ],
)
def test_a_real_looking_bucket_is_left_alone(value: str) -> None:
    assert placeholders(**storage(bucket=value)) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (TOKEN, "<token if any>"),  # the seed's own examples
        (TOKEN, "YOUR_TOKEN"),
        (TOKEN, "token"),
        (ACCESS_KEY, "YOUR_ACCESS_KEY"),
        (ACCESS_KEY, "access_key"),
        (SECRET_KEY, "<secret-key>"),
        (SECRET_KEY, "xxxxx"),
        (STS_TOKEN, "<sts token>"),
    ],
)
def test_a_secret_placeholder_warns_without_repeating_it(path: str, value: str) -> None:
    body = copy.deepcopy(CLEAN_BODIES["mix"])
    parent, _, key = path.rpartition(".")
    holder = body
    for part in parent.split("."):
        holder = holder[part]
    holder[key] = value
    [problem] = [p for p in validate("mix", body, fixes=False) if p.rule == RULE]
    assert (problem.severity, problem.path) == ("warning", path)
    assert "the value is secret and not shown" in problem.message
    assert shown(value) not in problem.message + problem.hint


def test_each_field_gets_its_own_advice() -> None:
    found = placeholders(
        **{"clientRequest__token": "<token>"},
        **storage(accessKey="<ak>", secretKey="<sk>", stsToken="<sts>", bucket="<b>"),
    )
    hints = {p.path: p.hint for p in found}
    assert set(hints) == {TOKEN, BUCKET, ACCESS_KEY, SECRET_KEY, STS_TOKEN}
    assert "rec-tui token build" in hints[TOKEN]
    assert "access key" in hints[ACCESS_KEY] and "secret key" in hints[SECRET_KEY]
    assert "STS" in hints[STS_TOKEN]


def test_a_placeholder_endpoint_of_s3_compatible_storage_warns() -> None:
    [problem] = placeholders(
        **storage(vendor=11, region=0, extensionParams={"endpoint": "<your-endpoint>"})
    )
    assert problem.path == ENDPOINT and '"<your-endpoint>"' in problem.message


def test_a_placeholder_channel_name_warns() -> None:
    # "<channel name>" is a valid RTC channel name (R11 allows < > and spaces): the
    # recorder would join an empty channel of that name and record nothing.
    [problem] = placeholders(cname="<channel name>")
    assert problem.path == "cname" and "acquire" in problem.hint


def test_fields_that_do_not_name_the_rule_are_not_judged() -> None:
    # An object tag may be anything the customer chose; R132 is declared only on the
    # fields that need a real credential or name.
    assert placeholders(**storage(extensionParams={"tag": "YOUR_TAG"})) == []


def test_the_clean_bodies_and_real_values_stay_silent() -> None:
    for mode in CLEAN_BODIES:
        assert placeholders(mode) == []
