"""`rec-tui diff`: a semantic diff by JSON path, with labels, masked secrets and problems."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, main
from rec_tui.request.diff import diff_bodies
from rec_tui.request.fixes.apply import apply_all
from rec_tui.request.redact import MASK
from tests.support.keyring_service import no_keyring
from tests.support.rules import REMOVE, changed, clean
from tests.support.seed_examples import DATA, EXAMPLES

__all__ = ["no_keyring"]

REC = "clientRequest.recordingConfig"


def write(tmp_path: Path, name: str, body: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_choice_labels_and_field_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.json", changed("mix", {f"{REC}.streamTypes": 0}))
    b = write(tmp_path, "b.json", clean("mix"))
    code, out, _ = run(["diff", "--mode", "mix", a, b], capsys)
    assert code == EXIT_REFUSED
    assert f"~ {REC}.streamTypes (Streams to record): 0 audio only → 2 audio and video" in out
    assert "problems in A: sub.streamTypes.conflict" in out
    assert "problems in B: none" in out


def test_reordered_keys_are_equal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = clean("web")
    reordered = dict(reversed(list(body.items())))
    reordered["clientRequest"] = dict(reversed(list(body["clientRequest"].items())))
    a, b = write(tmp_path, "a.json", body), write(tmp_path, "b.json", reordered)
    code, out, _ = run(["diff", "--mode", "web", a, b], capsys)
    assert code == EXIT_OK
    assert "No differences (web mode)." in out


def test_secrets_are_masked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.json", changed("mix", {"clientRequest.token": "first-token-value"}))
    b = write(tmp_path, "b.json", changed("mix", {"clientRequest.token": "second-token-value"}))
    for output_format in ("text", "json"):
        code, out, err = run(["diff", "--mode", "mix", "--format", output_format, a, b], capsys)
        assert code == EXIT_REFUSED
        assert "token-value" not in out + err
        assert MASK in out


def test_an_empty_secret_is_shown_empty_not_masked() -> None:
    path = "clientRequest.storageConfig.accessKey"
    before = changed("mix", {path: ""})
    after = changed("mix", {path: "AKIA-TYPED-IN"})
    (difference,) = [d for d in diff_bodies(before, after, "mix", "mix").differences]
    # The customer sent no key: a mask on the left would say they sent one.
    assert (difference.path, difference.before, difference.after) == (path, '""', MASK)


def test_added_and_removed_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = changed("individual", {f"{REC}.maxIdleTime": 30})
    after = clean("individual")
    del after["clientRequest"]["recordingConfig"]["maxIdleTime"]
    after["clientRequest"]["recordingConfig"]["subscribeAudioUids"].append("789")
    a, b = write(tmp_path, "a.json", before), write(tmp_path, "b.json", after)
    code, out, _ = run(["diff", "--mode", "individual", "--format", "json", a, b], capsys)
    assert code == EXIT_REFUSED
    document = json.loads(out)
    assert document["equal"] is False
    assert [(d["kind"], d["path"], d["before"], d["after"]) for d in document["differences"]] == [
        ("removed", f"{REC}.maxIdleTime", "30", ""),
        ("changed", f"{REC}.subscribeAudioUids", '["123", "456"]', '["123", "456", "789"]'),
    ]
    assert document["after"]["mode"] == "individual"


def test_standard_input_and_unreadable_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(clean("mix"))))
    code, _, _ = run(
        ["diff", "--mode", "mix", "-", write(tmp_path, "b.json", clean("mix"))], capsys
    )
    assert code == EXIT_OK
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  oops\n}")
    code, out, err = run(["diff", "--mode", "mix", str(broken), str(broken)], capsys)
    assert code == EXIT_FAILED and out == ""
    assert f"{broken}, line 2, column 3" in err
    code, _, err = run(["diff", "-", "-"], capsys)
    assert code == EXIT_FAILED and "only once" in err
    code, _, err = run(["diff", "nosuchpreset", str(broken)], capsys)
    assert code == EXIT_FAILED
    assert "'nosuchpreset' is neither a file nor a saved preset" in err


@pytest.mark.usefixtures("no_keyring")
def test_a_preset_against_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "body.json", clean("mix"))
    assert main(["preset", "save", "demo", "--from", source, "--mode", "mix"]) == EXIT_OK
    capsys.readouterr()
    code, out, err = run(["diff", "demo", source], capsys)
    # The preset keeps its secrets in the keyring; the diff never asks for them.
    assert code == EXIT_REFUSED, err
    assert "clientRequest.token" in out and "007eJxTYDQ" not in out


def test_each_seed_example_equals_itself_and_differs_after_fixing() -> None:
    for _, mode, body in EXAMPLES:
        assert diff_bodies(body, body, mode, mode).equal
        fixed, changes = apply_all(mode, body)
        result = diff_bodies(body, fixed, mode, mode)
        assert result.equal == (not changes)
        edited = [edit.path for change in changes for edit in change.fix.edits]
        for difference in result.differences:
            assert any(
                place == difference.path or place.startswith(difference.path + "[")
                for place in edited
            ), difference


def test_each_fixable_mistake_shows_in_the_diff_of_its_fix() -> None:
    before = changed(
        "individual",
        {
            "uid": 527841,
            f"{REC}.subscribeAudioUids": REMOVE,
            f"{REC}.unSubscribeAudioUids": ["#allstream#", "123"],
        },
    )
    fixed, _ = apply_all("individual", before)
    lines = diff_bodies(before, fixed, "individual", "individual").lines()
    assert '~ uid (Recorder UID): 527841 → "527841"' in lines
    assert (
        f'~ {REC}.unSubscribeAudioUids (Do not record audio of): ["#allstream#", "123"] → ["123"]'
        in lines
    )
    assert lines[-2].startswith("problems in A: ") and "body.uid.type" in lines[-2]


def test_seed_file_with_itself(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(DATA / "1_mix_av.json")
    code, out, err = run(["diff", seed, seed], capsys)
    assert code == EXIT_OK and "No differences" in out
    assert "give --mode to choose" in err


def test_lists_of_objects_are_compared_item_by_item() -> None:
    tile = {"uid": "123", "x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5}
    tc = f"{REC}.transcodingConfig"
    before = changed("mix", {f"{tc}.mixedVideoLayout": 3, f"{tc}.layoutConfig": [tile]})
    after = changed(
        "mix", {f"{tc}.mixedVideoLayout": 3, f"{tc}.layoutConfig": [{**tile, "width": 0.25}]}
    )
    result = diff_bodies(before, after, "mix", "mix")
    assert [(d.kind, d.path, d.before, d.after) for d in result.differences] == [
        ("changed", f"{tc}.layoutConfig[0].width", "0.5", "0.25")
    ]


def test_values_too_large_to_write_do_not_break_the_diff() -> None:
    huge = changed("mix", {f"{REC}.maxIdleTime": 10**5000})
    result = diff_bodies(clean("mix"), huge, "mix", "mix")
    assert [d.text() for d in result.differences] == [
        f"~ {REC}.maxIdleTime (Idle timeout (seconds)): 30 → a very large number"
    ]


def test_a_side_with_a_key_written_twice_is_compared_with_its_last_value_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = tmp_path / "twice.json"
    text = json.dumps(clean("mix"), indent=2)
    twice.write_text(text.replace('"cname": ', '"cname": "first-room",\n  "cname": ', 1))
    code, _out, err = run(
        ["diff", "--mode", "mix", write(tmp_path, "a.json", clean("mix")), str(twice)], capsys
    )
    assert code == EXIT_OK  # the last cname is the same
    assert f'rec-tui diff: cname (in {twice}): "cname" is written more than once' in err
    assert 'rec-tui kept the value written last: "demo"' in err
