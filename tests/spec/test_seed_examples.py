"""The seed's eight request examples, validated in the mode each is written for.

Six of them are clean. Two break the seed's own rules:

* example 3, "截图+录制" (screenshots + recording, individual mode): it has no
  recordingConfig.subscribeUidGroup, which the seed itself says is required in individual
  mode (录制设置: "在单流模式下，为必填参数") → `sub.group.required` (R55);
* example 7, "单流音频不转码录制+延时混音" (postponed audio mixing): its audio options are
  the placeholders "xxxx", while the seed allows only sampleRate "48000"/"32000"/"16000",
  bitrate "48000" and channels "1"/"2" → `legacy.audio.strings` (R117).
"""

from __future__ import annotations

import hashlib
import json

import pytest

from rec_tui.request.validate import validate
from tests.support.seed_examples import DATA, EXAMPLES, SEED, SEED_COPY, SEED_SUMS

EXPECTED_ERRORS = {
    "截图+录制": {"sub.group.required"},
    "单流音频不转码录制+延时混音": {"legacy.audio.strings"},
}


@pytest.mark.parametrize(("title", "mode", "body"), EXAMPLES, ids=[t for t, _, _ in EXAMPLES])
def test_seed_example_has_the_errors_its_rules_give(title: str, mode: str, body: object) -> None:
    errors = {p.rule for p in validate(mode, body) if p.is_error}
    assert errors == EXPECTED_ERRORS.get(title, set()), [
        p for p in validate(mode, body) if p.is_error
    ]


def test_the_two_broken_examples_are_in_the_data() -> None:
    titles = {title for title, _, _ in EXAMPLES}
    assert set(EXPECTED_ERRORS) <= titles
    assert len(EXAMPLES) == 8


def _seed_examples(text: str) -> list[tuple[str, object]]:
    """(heading, parsed JSON) for every JSON block of the seed's 请求示例 section."""
    section = text.split("## 请求示例", 1)[1].split("\n## ", 1)[0]
    found = []
    for chunk in section.split("\n### ")[1:]:
        heading, _, rest = chunk.partition("\n")
        block = rest.split("```json\n", 1)[1].split("```", 1)[0]
        found.append((heading.strip(), json.loads(block)))
    return found


def test_the_seed_copy_has_its_recorded_hash() -> None:
    recorded = {}
    for line in SEED_SUMS.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        recorded[name] = digest
    assert hashlib.sha256(SEED_COPY.read_bytes()).hexdigest() == recorded[SEED_COPY.name]


@pytest.mark.skipif(not SEED.exists(), reason=f"no shared seed at {SEED} to compare the copy with")
def test_the_seed_copy_is_the_shared_seed() -> None:
    assert SEED_COPY.read_bytes() == SEED.read_bytes(), (
        f"{SEED} changed: copy it to {SEED_COPY}, record its hash in {SEED_SUMS} and update "
        "tests/data/seed_examples"
    )


def test_vendored_examples_match_the_seed() -> None:
    from_seed = _seed_examples(SEED_COPY.read_text(encoding="utf-8"))
    vendored = [(title, body) for title, _, body in EXAMPLES]
    assert from_seed == vendored
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    assert [entry["title"] for entry in index] == [title for title, _ in from_seed]
