"""The headless commands: `rec-tui validate`, `rec-tui schema`, `rec-tui explain`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rec_tui.cli import main
from tests.support.rules import changed, clean
from tests.support.start_up import loaded_of, modules_loaded

DATA = Path(__file__).resolve().parents[1] / "data" / "seed_examples"


def write(tmp_path: Path, name: str, body: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_body_exits_0_with_ok_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "good.json", clean("mix"))
    code, out, _ = run(["validate", "--mode", "mix", path], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"{path}: OK (mix mode)",
        "1 input checked: 1 valid, 0 with errors; 0 errors, 0 warnings.",
    ]


def test_warnings_only_still_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "warn.json", changed("mix", {"clientRequest.token": ""}))
    code, out, _ = run(["validate", "--mode", "mix", path], capsys)
    assert code == 0
    assert "warning" in out and "1 valid" in out


def test_placeholders_left_in_a_body_warn_naming_the_field_and_never_the_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    placeholders = {
        "clientRequest.token": "<token if any>",
        "clientRequest.storageConfig.bucket": "<your-bucket>",
        "clientRequest.storageConfig.accessKey": "YOUR_ACCESS_KEY",
        "clientRequest.storageConfig.secretKey": "xxxxx",
    }
    path = write(tmp_path, "template.json", changed("mix", placeholders))
    code, out, _ = run(["validate", "--mode", "mix", path], capsys)
    assert code == 0  # warnings: the body may still be what the customer sent
    assert out.splitlines()[0] == f"{path}: 0 errors, 4 warnings (mix mode)"
    for field in placeholders:
        assert f"  warning {field}  [R132 body.placeholder]" in out
    assert '"<your-bucket>"' in out  # not a secret: quoted, so the reader sees which
    for secret in ("<token if any>", "YOUR_ACCESS_KEY", "xxxxx"):
        assert secret not in out
    assert "Put the name of the customer's bucket there" in out
    code, out, _ = run(["validate", "--mode", "mix", "--format", "json", path], capsys)
    (entry,) = json.loads(out)
    assert entry["valid"] is True
    assert sorted(
        p["path"] for p in entry["problems"] if p["rule"] == "body.placeholder"
    ) == sorted(placeholders)
    assert "<token if any>" not in out and "YOUR_ACCESS_KEY" not in out and "xxxxx" not in out


def test_a_key_written_twice_is_a_warning_saying_where_and_what_was_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(clean("mix"), indent=2).replace(
        '"cname": "demo",', '"cname": "first-room",\n  "cname": "demo",', 1
    )
    assert text.count('"cname"') == 2  # the clean body's cname, written twice
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["validate", "--mode", "mix", str(path)], capsys)
    assert code == 0  # a warning: the body may be exactly what the customer sent
    assert out.splitlines()[:4] == [
        f"{path}: 0 errors, 1 warning (mix mode)",
        "  warning cname  [JSON body.duplicate_key]",
        '          "cname" is written more than once in this object; this repeat is at line 3, '
        'column 3. rec-tui kept the value written last: "demo". Agora does not document which '
        "one its server reads.",
        '          fix: Keep one "cname" in this object, the value the customer meant.',
    ]
    code, out, _ = run(["validate", "--mode", "mix", "--format", "json", str(path)], capsys)
    (entry,) = json.loads(out)
    assert entry["valid"] is True
    assert [(p["rule"], p["severity"], p["path"]) for p in entry["problems"]] == [
        ("body.duplicate_key", "warning", "cname")
    ]


def test_repeats_are_listed_with_the_rules_problems_errors_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "twice.json"
    path.write_text('{"uid": 1, "uid": 527841, "clientRequest": {}}', encoding="utf-8")
    code, out, _ = run(["validate", "--mode", "mix", "--format", "json", str(path)], capsys)
    assert code == 1
    problems = json.loads(out)[0]["problems"]
    assert [p["severity"] for p in problems] == sorted(p["severity"] for p in problems)
    assert ("body.duplicate_key", "uid") in [(p["rule"], p["path"]) for p in problems]
    assert ("body.uid.type", "uid") in [(p["rule"], p["path"]) for p in problems]


def test_text_output_groups_by_file_errors_first_with_path_message_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", changed("mix", {"uid": 527841, "clientRequest.token": ""}))
    good = write(tmp_path, "good.json", clean("mix"))
    code, out, _ = run(["validate", "--mode", "mix", bad, good], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{bad}: 1 error, 2 warnings (mix mode)"
    assert lines[1].split() == ["error", "uid", "[R12", "body.uid.type]"]
    assert lines[2].strip() == 'uid must be sent as a string, e.g. "527841".'
    assert lines[3].strip().startswith("fix: Put the number in quotes")
    severities = [line.split()[0] for line in lines[1:] if line.startswith("  ") and "[R" in line]
    assert severities == ["error", "warning", "warning"]
    assert f"{good}: OK (mix mode)" in lines
    assert lines[-1] == "2 inputs checked: 1 valid, 1 with errors; 1 error, 2 warnings."


def test_json_output_is_one_array_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", changed("web", {"uid": "0"}))
    good = write(tmp_path, "good.json", clean("web"))
    code, out, _ = run(["validate", "--mode", "web", "--format", "json", good, bad], capsys)
    assert code == 1
    report = json.loads(out)
    assert [entry["path"] for entry in report] == [good, bad]
    assert report[0] == {
        "path": good,
        "mode": "web",
        "mode_reason": "given with --mode",
        "better_mode": None,
        "valid": True,
        "problems": [],
    }
    assert report[1]["valid"] is False and report[1]["mode"] == "web"
    (problem,) = report[1]["problems"]
    assert set(problem) == {"rule", "severity", "path", "message", "hint"}
    assert (problem["rule"], problem["severity"], problem["path"]) == (
        "body.uid.range",
        "error",
        "uid",
    )


def test_not_json_names_file_line_and_column_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "cname": "demo",\n  "uid": 12,,\n}', encoding="utf-8")
    code, out, _ = run(["validate", "--mode", "mix", str(path)], capsys)
    assert code == 2
    assert f"{path}, line 3, column 13: not valid JSON" in out


def test_json_format_reports_unreadable_inputs_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.json")
    good = write(tmp_path, "good.json", clean("mix"))
    code, out, err = run(["validate", "--mode", "mix", "--format", "json", missing, good], capsys)
    assert code == 2
    report = json.loads(out)
    assert report[0]["valid"] is False and report[0]["problems"] == []
    assert report[0]["error"] == {
        "message": f"{missing}: no such file.",
        "line": None,
        "column": None,
    }
    assert report[1]["valid"] is True
    assert f"{missing}: no such file." in err


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "the input is empty"), (b"\xff\xfe{}", "not UTF-8"), (b"[" * 100_000, "nested")],
)
def test_unreadable_content_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    code, out, err = run(["validate", "--mode", "mix", str(path)], capsys)
    assert code == 2
    assert reason in out
    assert "Traceback" not in out + err


def test_a_directory_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", "--mode", "mix", str(tmp_path)], capsys)
    assert code == 2 and "is a directory" in out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["validate", "--mode", "composite", "x.json"])
    assert raised.value.code == 2
    code, _, err = run(["validate", "--mode", "mix", "-", "-"], capsys)
    assert code == 2 and "only once" in err


def test_stdin_with_dash_in_a_subprocess() -> None:
    body = json.dumps(changed("individual", {"uid": 5}))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rec_tui",
            "validate",
            "--mode",
            "individual",
            "--format",
            "json",
            "-",
        ],
        input=body,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    (entry,) = json.loads(result.stdout)
    assert entry["path"] == "-"
    assert "body.uid.type" in {p["rule"] for p in entry["problems"]}


def test_bad_json_on_stdin_names_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rec_tui", "validate", "--mode", "mix", "-"],
        input='{"cname": }',
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "standard input, line 1, column 11: not valid JSON" in result.stdout


def test_seed_example_files_validate_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["validate", "--mode", "mix", str(DATA / "1_mix_av.json")], capsys)
    assert code == 0, out


# --- schema and explain ---------------------------------------------------------------


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema", "--mode", "web"], capsys)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "extensionServiceConfig" in schema["properties"]["clientRequest"]["properties"]
    code, out, _ = run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"].endswith("(any mode)")


def test_explain_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "432"], capsys)
    assert code == 0
    assert out.splitlines()[0] == "Agora error code 432"
    assert "acquire cname and uid" in out


def test_explain_a_message_given_as_several_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "Invalid", "AppID"], capsys)
    assert code == 0
    assert "Cloud Recording is not enabled" in out


def test_explain_unknown_code_says_not_documented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "999"], capsys)
    assert code == 1
    assert "'999' is not a documented Agora Cloud Recording error code." in out
    assert "432" in out


# --- the mode, inferred when --mode is not given ------------------------------------------


@pytest.mark.parametrize(
    ("seed", "mode", "reason"),
    [
        ("4_web.json", "web", "from extensionServiceConfig"),
        ("1_mix_av.json", "mix", "from transcodingConfig"),
        ("2_individual_snapshot_only.json", "individual", "from snapshotConfig"),
    ],
)
def test_without_mode_each_body_says_the_mode_it_was_checked_in(
    seed: str, mode: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(DATA / seed)
    code, out, err = run(["validate", path], capsys)
    assert code == 0, out
    assert err == f"rec-tui validate: {path}: mode: {mode}, {reason} (--mode chooses another).\n"
    # No errors; the seed's placeholders ("<token if any>", "xxxxx") warn (R132).
    assert out.splitlines()[0].startswith(f"{path}: 0 errors, ")
    assert out.splitlines()[0].endswith(f" warnings ({mode} mode)")
    code, out, err = run(["validate", "--format", "json", path], capsys)
    (entry,) = json.loads(out)
    assert (entry["mode"], entry["mode_reason"]) == (mode, reason)
    assert err == ""


def test_given_mode_wins_but_a_better_fitting_mode_is_pointed_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["validate", "--mode", "mix", str(DATA / "4_web.json")], capsys)
    assert code == 1 and err == ""
    assert "(mix mode)" in out.splitlines()[0]
    assert out.splitlines()[1] == (
        "  note: this body fits web mode better: extensionServiceConfig belongs to web mode, "
        "not mix (--mode web)."
    )
    code, out, _ = run(
        ["validate", "--mode", "mix", "--format", "json", str(DATA / "4_web.json")], capsys
    )
    assert json.loads(out)[0]["better_mode"] == {
        "mode": "web",
        "reason": "extensionServiceConfig belongs to web mode, not mix",
    }


def test_a_body_with_nothing_mode_specific_is_checked_in_the_default_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "plain.json", {"cname": "a", "uid": "1"})
    _, _, err = run(["validate", path], capsys)
    assert "mode: mix, the default: nothing in the body belongs to one mode only" in err


def test_a_file_name_that_is_not_utf8_is_named_without_a_traceback(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.json"
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"rec_tui", b"validate", name],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    assert "caf\ufffd.json: no such file." in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr


def test_validate_loads_neither_the_editing_model_nor_the_fixes_nor_other_commands() -> None:
    # A fresh interpreter, as `rec-tui validate FILE` starts: what it imports is its start-up.
    script = (
        "import sys\n"
        "from rec_tui.cli import main\n"
        f"code = main(['validate', {str(DATA / '1_mix_av.json')!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith('rec_tui.')]\n"
        "print(code, sorted(m for m in loaded if m.startswith(('rec_tui.request.draft',\n"
        "    'rec_tui.request.fixes', 'rec_tui.cli.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.splitlines()[-1] == (
        "0 ['rec_tui.cli.language', 'rec_tui.cli.plain', 'rec_tui.cli.validate', "
        "'rec_tui.cli.wizard_options']"
    )


@pytest.mark.parametrize("as_process", [True, False])
def test_validate_as_the_process_ends_it_once_its_output_is_out(as_process: bool) -> None:
    # The process ends without the interpreter's clearing up, its report written out in
    # full (through a pipe, block-buffered) and with its exit status; a caller running
    # validate in its own process (main with words) goes on.
    call = "main()" if as_process else "main(sys.argv[1:])"
    script = (
        "import atexit, sys\n"
        "from rec_tui.cli import main\n"
        "atexit.register(lambda: print('cleared up'))\n"
        f"code = {call}\n"
        "print('went on', code)\n"
    )
    paths = [str(DATA / "1_mix_av.json"), str(DATA / "not-there.json")] * 40
    result = subprocess.run(
        [sys.executable, "-c", script, "validate", *paths],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    after = [] if as_process else ["went on 2", "cleared up"]
    assert lines[-1 - len(after)].startswith("80 inputs checked: 40 valid, 0 with errors, 40")
    assert lines[len(lines) - len(after) :] == after
    assert result.returncode == (2 if as_process else 0)


# What `rec-tui validate` of an ordinary body never needs: the wizard, the network, the
# keyring, the sandbox, the store, and the standard modules only some rules use (a
# misspelt key, a long number, an address, a token to verify or build, a date).
VALIDATE_NEVER_IMPORTS = (
    # Keys written twice are located only in a body that has one.
    "rec_tui.request.duplicate_keys",
    "rec_tui.request.json_text",
    "textual",
    "httpx",
    "keyring",
    "platformdirs",
    "rec_tui.tui",
    "rec_tui.sandbox",
    "rec_tui.agora",
    "rec_tui.store",
    "rec_tui.layout",
    "rec_tui.request.draft",
    "rec_tui.request.fixes",
    "difflib",
    "decimal",
    "urllib.parse",
    "hashlib",
    "hmac",
    "secrets",
    "random",
    "datetime",
    "tomllib",
    "tempfile",
    # The token is a placeholder in these bodies: nothing of the token readers is needed.
    "rec_tui.tokens.model",
    "rec_tui.tokens.check",
    "rec_tui.tokens.access_token",
    "rec_tui.tokens.access_token2",
    "base64",
    # Start-up costs of its own: records are not dataclasses (dataclasses imports inspect,
    # ast, dis and tokenize); a plain command line is read without argparse (which imports
    # gettext; help and usage errors are argparse's, said through rec-tui's gettext, as its
    # own imports locale, and laid out only when said: its formatter imports shutil, bz2
    # and lzma); typing is imported for type checkers only; the context managers on the
    # way are classes (contextlib's decorator is a module more).
    "argparse",
    "gettext",
    "rec_tui.cli.parsing",
    "rec_tui.cli.options",
    "rec_tui.cli.argparse_words",
    "typing",
    "contextlib",
    "dataclasses",
    "inspect",
    "ast",
    "dis",
    "tokenize",
    "locale",
    "shutil",
    "bz2",
    "lzma",
)


@pytest.mark.parametrize("example", ["1_mix_av.json", "2_individual_snapshot_only.json"])
def test_validate_imports_nothing_an_ordinary_body_does_not_need(example: str) -> None:
    code, modules = modules_loaded(["validate", str(DATA / example)])
    assert code == 0
    assert loaded_of(modules, VALIDATE_NEVER_IMPORTS) == []
