"""`rec-tui fix`: the fixed body on stdout, the changes on stderr, --write, --format json."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, main
from tests.support.rules import REMOVE, changed, clean
from tests.support.seed_examples import DATA

REC = "clientRequest.recordingConfig"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def numeric_uids() -> dict[str, object]:
    return changed("individual", {"uid": 527841, f"{REC}.subscribeAudioUids": [245117, "456"]})


def test_prints_the_fixed_body_and_lists_the_changes_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(numeric_uids(), indent=4) + "\n", encoding="utf-8")
    code, out, err = run(["fix", "--mode", "individual", str(path)], capsys)
    assert code == EXIT_OK
    fixed = json.loads(out)
    assert fixed["uid"] == "527841"
    assert fixed["clientRequest"]["recordingConfig"]["subscribeAudioUids"] == ["245117", "456"]
    assert out.startswith('{\n    "cname"')  # the file's own four-space indentation
    assert 'uid: 527841 → "527841"' in err
    assert "3 fixes applied" in err  # two uids, and the group for three users
    # The fixed body is the user's own: secrets stay exactly as they were in the input.
    assert fixed["clientRequest"]["token"] == clean("individual")["clientRequest"]["token"]
    assert fixed["clientRequest"]["storageConfig"]["secretKey"] == "SKEXAMPLE0001"
    assert json.loads(path.read_text()) == numeric_uids()  # not rewritten without --write


def test_reads_standard_input_and_pipes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = changed("individual", {f"{REC}.subscribeUidGroup": REMOVE})
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(body)))
    code, out, err = run(["fix", "--mode", "individual", "-"], capsys)
    assert code == EXIT_OK
    assert json.loads(out)["clientRequest"]["recordingConfig"]["subscribeUidGroup"] == 0
    assert "subscribeUidGroup: added 0" in err


def test_write_rewrites_the_file_keeping_order_indentation_and_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "body.json"
    body = numeric_uids()
    path.write_text(json.dumps(body, indent="\t") + "\n", encoding="utf-8")
    os.chmod(path, 0o640)
    code, out, err = run(["fix", "--mode", "individual", "--write", str(path)], capsys)
    assert code == EXIT_OK and out == ""
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n\t"cname"') and text.endswith("}\n")
    assert list(json.loads(text)) == list(body)
    assert json.loads(text)["uid"] == "527841"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert "rewritten" in err
    assert [p.name for p in tmp_path.iterdir()] == ["body.json"]  # no temporary file left


def _twice(tmp_path: Path) -> Path:
    """A body needing a fix (the uid as a number) with cname written twice."""
    text = json.dumps(numeric_uids(), indent=2)
    text = text.replace('"cname": ', '"cname": "first-room",\n  "cname": ', 1)
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_write_refuses_a_file_with_a_key_written_twice_and_leaves_it_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _twice(tmp_path)
    before = path.read_text(encoding="utf-8")
    code, out, err = run(["fix", "--mode", "individual", "--write", str(path)], capsys)
    assert code == EXIT_FAILED and out == ""
    assert path.read_text(encoding="utf-8") == before  # "first-room" is not lost
    assert f'cname (in {path}): "cname" is written more than once in this object' in err
    assert f"{path} was not rewritten: it would keep only the value written last" in err


def test_printing_the_fixed_body_says_which_value_of_a_repeated_key_it_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["fix", "--mode", "individual", str(_twice(tmp_path))], capsys)
    assert code == EXIT_OK
    assert json.loads(out)["uid"] == "527841"  # fixed
    assert "line 3, column 3. rec-tui kept the value written last" in err
    assert "The body printed keeps only the value written last of each repeated key" in err


def test_errors_without_a_fix_exit_1_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(changed("mix", {"uid": 527841, "cname": REMOVE})))
    code, out, err = run(["fix", "--mode", "mix", str(path)], capsys)
    assert code == EXIT_REFUSED
    assert json.loads(out)["uid"] == "527841"
    assert "1 error left without a fix" in err and "body.cname.required" in err


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(numeric_uids()))
    code, out, _ = run(["fix", "--mode", "individual", "--format", "json", str(path)], capsys)
    assert code == EXIT_OK
    document = json.loads(out)
    assert document["body"]["uid"] == "527841"
    assert {change["rule"] for change in document["changes"]} == {
        "body.uid.type",
        "body.types",
        "sub.group.capacity",
    }
    assert document["errors"] == []


def test_unreadable_input_exits_2_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "uid": 1,\n}')
    code, out, err = run(["fix", "--mode", "mix", str(path)], capsys)
    assert code == EXIT_FAILED and out == ""
    assert f"{path}, line 3, column 1" in err
    code, _, err = run(["fix", "--mode", "mix", str(tmp_path / "missing.json")], capsys)
    assert code == EXIT_FAILED and "no such file" in err


def test_write_refuses_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["fix", "--mode", "mix", "--write", "-"], capsys)
    assert code == EXIT_FAILED and "--write needs a FILE" in err


def test_mode_is_inferred_and_said_when_not_given(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(DATA / "3_individual_snapshot_plus_recording.json")
    code, out, err = run(["fix", seed], capsys)
    assert code == EXIT_OK
    assert "mode individual (from snapshotConfig" in err
    assert json.loads(out)["clientRequest"]["recordingConfig"]["subscribeUidGroup"] == 1


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("[0-9]_*.json")))
def test_fix_and_diff_infer_the_mode_validate_infers(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from rec_tui.request.mode_inference import infer_mode

    path = DATA / name
    guess = infer_mode(json.loads(path.read_text(encoding="utf-8")))
    _, _, err = run(["fix", str(path)], capsys)
    assert f"mode {guess.mode} ({guess.reason})" in err
    run(["validate", str(path)], capsys)
    _, out, _ = run(["validate", "--format", "json", str(path)], capsys)
    assert json.loads(out)[0]["mode"] == guess.mode
    _, _, err = run(["diff", str(path), str(path)], capsys)
    assert f"mode {guess.mode} ({guess.reason})" in err


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("[0-9]_*.json")))
def test_seed_examples_have_no_error_after_fix(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    modes = {e["file"]: e["mode"] for e in json.loads((DATA / "index.json").read_text())}
    code, out, _ = run(["fix", "--mode", modes[name], str(DATA / name)], capsys)
    original = json.loads((DATA / name).read_text(encoding="utf-8"))
    fixed = json.loads(out)
    if code == EXIT_OK:
        assert list(fixed) == list(original)
    else:  # example 7's "xxxx" placeholders have no mechanical value
        assert code == EXIT_REFUSED and name.startswith("7_")


def test_a_compact_file_stays_compact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(numeric_uids(), separators=(",", ":")), encoding="utf-8")
    code, out, _ = run(["fix", "--mode", "individual", str(path)], capsys)
    assert code == EXIT_OK
    assert out.startswith('{"cname":"demo","uid":"527841",') and "\n" not in out


def test_changes_never_show_a_secret_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "body.json"
    body = changed("mix", {"clientRequest.storageConfig.secretKey": 918273645})
    path.write_text(json.dumps(body))
    code, out, err = run(["fix", "--mode", "mix", str(path)], capsys)
    assert code == EXIT_OK
    assert "secretKey: •••••••• → ••••••••" in err
    assert "918273645" not in err
    # The fixed body is the user's own file: the secret is there, as text now.
    assert json.loads(out)["clientRequest"]["storageConfig"]["secretKey"] == "918273645"
