"""The Review step's plan: what sending will do, in words (issue 12)."""

from __future__ import annotations

from rec_tui.request.draft import Draft
from rec_tui.request.send_plan import send_plan
from rec_tui.spec.problems import Problem


def _plan(draft: Draft, problems: list[Problem] | None = None) -> dict[str, str]:
    return {line.label: line.text for line in send_plan(draft, problems or [])}


def test_the_sandbox_plan_names_the_calls_in_order_and_the_idle_timeout() -> None:
    draft = Draft(mode="mix", app_id="abc")
    draft.set("clientRequest.recordingConfig.maxIdleTime", 120)
    plan = _plan(draft)
    assert plan["Endpoint"].startswith("the built-in sandbox")
    assert plan["App ID"] == "abc"
    assert plan["Mode"].startswith("mix: ")
    calls = plan["Calls"]
    assert calls.index("acquire") < calls.index("start (mix)") < calls.index("query until")
    assert "updateLayout" in calls
    assert plan["Problems"] == "none"
    assert "maxIdleTime = 120 s" in plan["Left running"]


def test_a_real_endpoint_is_named_with_its_failover_and_problems_say_their_effect() -> None:
    draft = Draft(mode="individual", endpoint="global")
    error = Problem("body.uid.type", "R12", "error", "uid", "uid must be a string")
    plan = _plan(draft, [error])
    assert plan["Endpoint"].startswith("https://api.agora.io then https://api.sd-rtn.com")
    assert plan["App ID"].startswith("not set")
    assert "updateLayout" not in plan["Calls"]
    assert plan["Problems"].startswith("1 error: start is refused")
    assert "maxIdleTime = 30 s" in plan["Left running"]  # the declared default


def test_web_says_billing_runs_until_stopped_within_max_recording_hour() -> None:
    draft = Draft(mode="web")
    draft.set(
        "clientRequest.extensionServiceConfig.extensionServices",
        [{"serviceName": "web_recorder_service", "serviceParam": {"maxRecordingHour": 3}}],
    )
    assert "at most maxRecordingHour = 3 h" in _plan(draft)["Left running"]
