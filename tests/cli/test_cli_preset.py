"""``rec-tui preset``: what each action prints and its exit status (0 / 1 invalid / 2 failed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rec_tui.cli import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, main
from tests.support.keyring_service import no_keyring
from tests.support.seed_examples import EXAMPLES

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

VALID_MODE, VALID_BODY = EXAMPLES[0][1], EXAMPLES[0][2]


def _file(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_save_list_show_export_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    assert main(["preset", "save", "demo", "--from", body, "--mode", VALID_MODE,
                 "--description", "the seed's first example"]) == EXIT_OK  # fmt: skip
    assert "Saved preset 'demo'" in capsys.readouterr().out

    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["mode"], p["description"]) for p in listed] == [
        ("demo", VALID_MODE, "the seed's first example")
    ]
    assert main(["preset", "list"]) == EXIT_OK
    assert "demo" in capsys.readouterr().out

    assert main(["preset", "show", "demo"]) == EXIT_OK
    shown = capsys.readouterr().out
    assert 'token = "keyring:preset/demo/clientRequest.token"' in shown

    assert main(["preset", "export", "demo", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["clientRequest"]["token"] == "••••••••"
    assert main(["preset", "export", "demo", "--format", "curl"]) == EXIT_OK
    assert "${REC_TUI_TOKEN}" in capsys.readouterr().out
    assert main(["preset", "export", "demo", "--format", "toml"]) == EXIT_OK
    assert 'token = "env:REC_TUI_TOKEN"' in capsys.readouterr().out

    assert main(["preset", "delete", "demo"]) == EXIT_OK
    assert "Deleted preset 'demo'" in capsys.readouterr().out
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_save_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE]) == EXIT_OK
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE]) == EXIT_FAILED
    assert "already exists" in capsys.readouterr().err
    assert main(["preset", "save", "p", "--from", body, "--mode", VALID_MODE, "--force"]) == 0


def test_an_invalid_request_is_saved_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", {"cname": "room", "uid": 527841, "clientRequest": {}})
    assert main(["preset", "save", "bad", "--from", body, "--mode", "mix"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "bad: error: uid" in err
    assert main(["preset", "export", "bad", "--format", "json"]) == EXIT_REFUSED


def test_save_takes_the_mode_from_a_curl_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = _file(
        tmp_path,
        "curl.sh",
        "curl https://api.agora.io/v1/apps/abc/cloud_recording/resourceid/r/mode/"
        f"{VALID_MODE}/start -u id-x:secret-CLI-77 -d '{json.dumps(VALID_BODY)}'",
    )
    assert main(["preset", "save", "c", "--from", command]) == EXIT_OK
    err = capsys.readouterr().err
    assert "dropped" in err and "secret-CLI-77" not in err
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["mode"] == VALID_MODE


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["preset", "show", "missing"], "no preset named 'missing'"),
        (["preset", "delete", "missing"], "no preset named 'missing'"),
        (["preset", "export", "missing", "--format", "json"], "no such preset file"),
        (["preset", "save", "x", "--from", "/nonexistent.json", "--mode", "mix"], "no such file"),
    ],
)
def test_what_cannot_be_done_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_FAILED
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_save_without_a_mode_infers_it_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = _file(tmp_path, "body.json", VALID_BODY)
    main(["preset", "save", "x", "--from", body])
    assert "rec-tui: Mode: " in capsys.readouterr().err
    assert main(["preset", "list", "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["mode"] in ("individual", "mix", "web")


def test_a_broken_preset_exits_2_and_is_left_alone(
    rec_tui_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rec_tui_home / "config" / "presets" / "broken.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"format = 1\nmode = \n")
    assert main(["preset", "export", "broken", "--format", "curl"]) == EXIT_FAILED
    assert "line 2, column" in capsys.readouterr().err
    assert path.read_bytes() == b"format = 1\nmode = \n"
