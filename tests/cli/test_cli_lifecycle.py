"""query and stop: where they go, how they refuse, and follow-up commands that work as printed.

Sent to Agora's host names through an injected in-process sandbox transport (never the
network), or to `rec-tui sandbox serve` on loopback.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rec_tui.agora import connect as connect_module
from rec_tui.cli import main
from rec_tui.sandbox.service import SandboxService
from rec_tui.sandbox.transport import SandboxTransport
from tests.support.cli_processes import child_env, run_cli
from tests.support.sending import clean_body

REGION_HOST = "api-eu-west-1.agora.io"


@pytest.fixture
def agora(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxTransport]:
    """Every client the CLI makes talks to one in-process sandbox, whatever the host name."""
    transport = SandboxTransport(SandboxService(rate_limit=None))
    real_connect = connect_module.connect

    def connect(*args: Any, **options: Any) -> Any:
        return real_connect(*args, **{**options, "transport": transport})

    monkeypatch.setattr(connect_module, "connect", connect)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", "sandbox")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "sandbox-secret")
    yield transport


def write_body(tmp_path: Path) -> str:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(clean_body("mix")), encoding="utf-8")
    return str(path)


def printed_command(out: str, marker: str = "Stop it with: ") -> list[str]:
    line = next(line for line in out.splitlines() if marker in line)
    argv = shlex.split(line.split(marker, 1)[1])
    assert argv[0] == "rec-tui"
    return argv[1:]


@pytest.mark.parametrize("command", ["query", "stop"])
def test_without_an_endpoint_query_and_stop_refuse_and_say_what_to_give(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([command, "--mode", "mix", "--resource-id=r", "--sid=s", "--app-id=a"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{command} needs to know where the recording runs" in err
    assert "--endpoint" in err and "--region" in err and "--sandbox" in err


@pytest.mark.parametrize("command", ["query", "stop"])
def test_with_sandbox_query_and_stop_explain_the_sandbox_forgets(
    command: str, capsys: pytest.CaptureFixture[str], agora: SandboxTransport
) -> None:
    code = main([command, "--mode", "mix", "--resource-id=r", "--sid=s", "--sandbox"])
    err = capsys.readouterr().err
    assert code == 2
    assert "forgets its recordings" in err and "rec-tui sandbox serve" in err
    assert agora.seen == []  # nothing was sent anywhere


def test_a_resource_id_that_cannot_go_into_a_url_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["stop", "--mode", "mix", "--resource-id=../../x", "--sid=s", "--region=eu-west-1"])
    assert exited.value.code == 2
    assert "resource ID holds characters" in capsys.readouterr().err


def test_send_query_and_stop_with_region_go_to_the_regions_host(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    agora: SandboxTransport,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # About 1 in 64 real resource IDs begin with "-": make this one do so.
    import secrets

    monkeypatch.setattr(secrets, "token_urlsafe", lambda size: "-dash" + "A" * 59)
    assert main(["send", write_body(tmp_path), "--region=eu-west-1", "--app-id=app-1"]) == 0
    out = capsys.readouterr().out
    stop = printed_command(out)
    resource_id = next(arg for arg in stop if arg.startswith("--resource-id="))
    assert resource_id.startswith("--resource-id=-dash") and "--region=eu-west-1" in stop
    # The printed command works as printed, and so does its query twin.
    assert main(["query", *stop[1:], "--format=json"]) == 0
    assert json.loads(capsys.readouterr().out)["serverResponse"]["status"] >= 1
    assert main(stop) == 0
    assert "uploaded" in capsys.readouterr().out
    assert {seen.host for seen in agora.seen} == {REGION_HOST}
    assert [seen.call for seen in agora.seen] == ["acquire", "start", "query", "query", "stop"]


def test_a_failed_lookup_before_stop_is_reported_as_a_failed_stop(
    capsys: pytest.CaptureFixture[str], agora: SandboxTransport
) -> None:
    code = main(
        ["stop", "--mode=mix", "--resource-id=r1", "--sid=s1", "--region=eu-west-1", "--app-id=a"]
    )
    err = capsys.readouterr().err
    assert code == 1
    # Not "the recording was not stopped": a 404 here is often one that has already ended.
    assert err.startswith("stop: no stop was sent")
    assert "already ended" in err and "Give --cname and --uid" in err and "code 404" in err


def test_the_printed_stop_command_works_over_loopback(
    served: str, tmp_path: Path, rec_tui_home: Path
) -> None:
    env = child_env(rec_tui_home)
    sent = run_cli("send", write_body(tmp_path), f"--endpoint={served}", "--app-id=a", env=env)
    assert sent.returncode == 0, sent.stderr
    stopped = run_cli(*printed_command(sent.stdout), env=env)
    assert stopped.returncode == 0, stopped.stderr
    assert '"uploadingStatus": "uploaded"' in stopped.stdout


def test_after_a_failed_wait_the_printed_stop_command_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], agora: SandboxTransport
) -> None:
    # The recording started, then query failed: the failure names a stop that can run.
    agora.faults.inject("server_error", call="query", times=None, status=400)
    code = main(["send", write_body(tmp_path), "--endpoint=global", "--app-id=a", "--wait"])
    err = capsys.readouterr().err
    assert code == 1 and "may still be running" in err
    agora.faults.clear()
    assert main(printed_command(err)) == 0
    assert len(agora.service.running) == 0
