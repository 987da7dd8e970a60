"""rec-tui send / query / stop / history / sandbox, in-process and over loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rec_tui import sandbox
from rec_tui.cli import main
from rec_tui.store.paths import history_file
from tests.support.cli_processes import child_env, run_cli
from tests.support.seed_examples import DATA as SEEDS
from tests.support.sending import clean_body


@pytest.fixture(autouse=True)
def fresh_sandbox() -> Iterator[None]:
    sandbox.reset_shared()
    yield
    sandbox.reset_shared()


def write_body(tmp_path: Path, body: dict[str, object], name: str = "body.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def test_send_to_the_sandbox_waits_stops_and_reports_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_body(tmp_path, clean_body("mix"))
    code = main(["send", source, "--sandbox", "--wait", "--stop-after", "0", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["resourceId"] and out["sid"] and out["status"] == 4 and out["stopped"] is True
    assert out["fileList"]


def test_send_says_which_value_of_a_key_written_twice_it_sends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(clean_body("mix"), indent=2)
    source = tmp_path / "twice.json"
    source.write_text(text.replace('"cname": ', '"cname": "first-room",\n  "cname": ', 1))
    assert main(["send", str(source), "--sandbox", "--stop-after", "0"]) == 0
    err = capsys.readouterr().err
    assert f'rec-tui send: cname (in {source}): "cname" is written more than once' in err
    assert "rec-tui kept the value written last" in err


def test_send_web_mode_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_body(tmp_path, clean_body("web"))
    assert main(["send", source, "--mode", "web", "--sandbox"]) == 0
    out = capsys.readouterr().out
    assert "sid " in out and "Still recording." in out
    # The in-process sandbox is gone when the command ends: no stop command that cannot work.
    assert "rec-tui stop" not in out and "rec-tui sandbox serve" in out
    assert len(sandbox.shared_transport().service.running) == 1


def test_send_refuses_a_body_with_errors_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = clean_body("mix")
    body["clientRequest"]["recordingConfig"]["transcodingConfig"]["backgroundColor"] = "red"
    source = write_body(tmp_path, body)
    assert main(["send", source, "--sandbox"]) == 1
    err = capsys.readouterr().err
    assert "start not sent" in err and "backgroundColor" in err and "--force" in err
    assert not sandbox.shared_transport().service.recordings
    # Forced, it is sent and the sandbox refuses it in turn (code 2), still exit 1.
    assert main(["send", source, "--sandbox", "--force", "--format", "json"]) == 1
    refused = json.loads(capsys.readouterr().out)["error"]
    assert refused["code"] == 2 and refused["meaning"]


def test_send_without_credentials_for_agora_cannot_do_its_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_body(tmp_path, clean_body("mix"))
    code = main(["send", source, "--endpoint", "http://127.0.0.1:9", "--app-id", "a"])
    assert code == 2
    assert "AGORA_CUSTOMER_ID" in capsys.readouterr().err


def test_send_a_missing_file_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["send", "nowhere.json", "--sandbox"]) == 2
    assert "nowhere.json" in capsys.readouterr().err


def test_unreachable_endpoint_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGORA_CUSTOMER_ID", "c")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "cli-secret-value")
    monkeypatch.setattr("rec_tui.agora.client.FAILOVER_BACKOFF", (0.0,))
    source = write_body(tmp_path, clean_body("mix"))
    # Port 9 on loopback (discard) is closed here: the connection is refused at once.
    code = main(["send", source, "--endpoint", "http://127.0.0.1:9", "--app-id", "a"])
    captured = capsys.readouterr()
    assert code == 2
    assert "no answer" in captured.err and "cli-secret-value" not in captured.err


def test_history_lists_recent_exchanges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["send", write_body(tmp_path, clean_body("mix")), "--sandbox", "--stop-after", "0"])
    capsys.readouterr()
    assert main(["history", "--last", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "start" in lines[0] and "stop" in lines[1]
    assert "HTTP 200" in lines[1] and "x-request-id" in lines[1]


def test_history_of_a_fresh_home_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history"]) == 0
    assert "No exchanges recorded yet" in capsys.readouterr().out


def test_sandbox_help_documents_its_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sandbox", "serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "customer ID sandbox customer secret sandbox-secret" in out


# --- over loopback: `rec-tui sandbox serve` and the CLI as subprocesses --------------------


def test_lifecycle_over_loopback(served: str, tmp_path: Path, rec_tui_home: Path) -> None:
    env = child_env(rec_tui_home)
    source = write_body(tmp_path, clean_body("individual"))
    where = ["--endpoint", served, "--app-id", "loop-app"]
    sent = run_cli(
        "send", source, "--mode", "individual", *where, "--wait", "--format", "json", env=env
    )
    assert sent.returncode == 0, sent.stderr
    started = json.loads(sent.stdout)
    session = [
        "--mode",
        "individual",
        "--resource-id",
        started["resourceId"],
        "--sid",
        started["sid"],
    ]
    queried = run_cli("query", *session, *where, "--format", "json", env=env)
    assert queried.returncode == 0, queried.stderr
    assert json.loads(queried.stdout)["serverResponse"]["status"] in (1, 2, 3, 4, 5)
    stopped = run_cli("stop", *session, *where, "--format", "json", env=env)
    assert stopped.returncode == 0, stopped.stderr
    assert json.loads(stopped.stdout)["serverResponse"]["uploadingStatus"] == "uploaded"
    again = run_cli("stop", *session, *where, "--cname", "demo", "--uid", "527841", env=env)
    assert again.returncode == 1 and "code 49" in again.stderr
    everything = sent.stdout + sent.stderr + queried.stdout + stopped.stdout + again.stderr
    everything += history_file().read_text(encoding="utf-8")
    for secret in ("sandbox-secret", "c2FuZGJveDpzYW5kYm94LXNlY3JldA==", "SKEXAMPLE0001"):
        assert secret not in everything


def test_wrong_secret_over_loopback_is_refused_with_exit_1(
    served: str, tmp_path: Path, rec_tui_home: Path
) -> None:
    env = child_env(rec_tui_home, "wrong-secret-123")
    source = write_body(tmp_path, clean_body("mix"))
    result = run_cli("send", source, "--endpoint", served, "--app-id", "a", env=env)
    assert result.returncode == 1
    assert "HTTP 401" in result.stderr and "Customer ID" in result.stderr
    assert "wrong-secret-123" not in result.stderr + result.stdout


def test_send_a_preset_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rec_tui.request.draft import Draft
    from rec_tui.store import presets, secrets

    store = secrets.MemoryStore(persistent=True)  # stands for a keyring
    monkeypatch.setattr(secrets, "open_store", lambda: secrets.OpenedStore(store, None))
    draft = Draft(mode="web")
    draft.replace_body(clean_body("web"))
    presets.save(draft, "web-demo", store)
    assert main(["send", "web-demo", "--sandbox", "--stop-after", "0", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mode"] == "web" and out["stopped"] is True
    recorded = sandbox.shared_transport().service.recordings[out["sid"]]
    # The secrets came back from the store into the body that was sent.
    assert recorded.body == clean_body("web")


def test_send_a_missing_preset_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["send", "no-such-preset", "--sandbox"]) == 2
    assert "no-such-preset" in capsys.readouterr().err


def test_ctrl_c_during_stop_after_stops_the_recording_first(
    served: str, tmp_path: Path, rec_tui_home: Path
) -> None:
    import signal

    env = child_env(rec_tui_home)
    source = write_body(tmp_path, clean_body("mix"))
    where = ["--endpoint", served, "--app-id", "a"]
    sending = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rec_tui",
            "send",
            source,
            "--mode",
            "mix",
            *where,
            "--stop-after",
            "60",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert sending.stderr is not None
    started = sending.stderr.readline()
    assert started.startswith("Started: sid "), started
    sid = started.split()[-1]
    sending.send_signal(signal.SIGINT)
    _, rest = sending.communicate(timeout=30)
    assert sending.returncode != 0
    assert f"Stopped sid {sid}." in rest
    stopped = [r for r in history_file().read_text().splitlines() if '"call":"stop"' in r]
    assert len(stopped) == 1 and '"status":200' in stopped[0]


def test_sandbox_serve_refuses_a_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "serve", "--port", "70000"]) == 2
    assert "from 0 to 65535" in capsys.readouterr().err


def test_a_json_body_is_sent_in_the_mode_validate_infers_for_it(
    rec_tui_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    web = str(SEEDS / "4_web.json")
    assert main(["send", web, "--sandbox", "--stop-after", "0"]) == 0
    captured = capsys.readouterr()
    assert "mode web (from extensionServiceConfig)" in captured.err
    assert "Started: sid" in captured.err + captured.out
