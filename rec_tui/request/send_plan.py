"""What sending the draft will do, in words: where, for which App ID, in which mode, the
calls in order, what stands in the way, and how long a recording left running lasts.

The Review step shows it (issue 12: review says what will happen rather than repeating the
preview); the wording is the spec's (1.4 calls, maxIdleTime, maxRecordingHour).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rec_tui.i18n import _, grouped
from rec_tui.request.draft import Draft
from rec_tui.spec import catalogue
from rec_tui.spec.modes import MODE_SUMMARIES
from rec_tui.spec.names import WEB_RECORDER
from rec_tui.spec.problems import Problem, count, summary
from rec_tui.spec.rules.context import REC, as_int

_IDLE: Final = f"{REC}.maxIdleTime"


@dataclass(frozen=True, slots=True)
class PlanLine:
    label: str
    text: str


def send_plan(draft: Draft, problems: list[Problem]) -> list[PlanLine]:
    """The lines of the plan, in reading order."""
    return [
        PlanLine(_("Endpoint"), _endpoint(draft.endpoint)),
        PlanLine(_("App ID"), draft.app_id or _no_app_id(draft.endpoint)),
        PlanLine(
            _("Mode"),
            _("{mode}: {summary}").format(mode=draft.mode, summary=_(MODE_SUMMARIES[draft.mode])),
        ),
        PlanLine(_("Calls"), _calls(draft.mode)),
        PlanLine(_("Problems"), _problems(problems)),
        PlanLine(_("Left running"), _running_cost(draft)),
    ]


def _endpoint(endpoint: str) -> str:
    from rec_tui.request.endpoints import resolve

    try:
        target = resolve(endpoint)
    except ValueError as error:
        return _("not usable: {error}").format(error=error)
    if target.sandbox:
        return _("the built-in sandbox (nothing leaves this machine)")
    hosts = _(" then ").join(target.base_urls)
    return _("{hosts} (real Agora: the first send asks first)").format(hosts=hosts)


def _no_app_id(endpoint: str) -> str:
    if endpoint.strip() == "sandbox":
        return _("not set (the sandbox accepts any)")
    return _("not set: type it in the Session step or the Send panel")


def _calls(mode: str) -> str:
    after = "update, updateLayout (mix)" if mode == "mix" else "update"
    return _(
        "1. acquire → a resourceId; 2. start ({mode}) → a sid; 3. query until the "
        "status is 4 or 5 (recording). Then, when you ask: query, {after}, stop."
    ).format(mode=mode, after=after)


def _problems(problems: list[Problem]) -> str:
    if not problems:
        return _("none")
    errors, _warnings = count(problems)
    effect = _("start is refused until the errors are fixed") if errors else _("it is sent anyway")
    return _("{summary}: {effect} (listed in the problems pane)").format(
        summary=summary(problems), effect=effect
    )


def _running_cost(draft: Draft) -> str:
    if draft.mode == "web":
        hours = _web_hours(draft)
        return (
            _("billing runs until it is stopped, at most maxRecordingHour = {hours} h").format(
                hours=hours
            )
            if hours is not None
            else _("billing runs until it is stopped (maxRecordingHour is not set)")
        )
    idle = as_int(draft.get(_IDLE))
    seconds = idle if idle is not None else catalogue.default(_IDLE)
    return _(
        "it records until stopped; it leaves on its own only after the channel has had "
        "no users for maxIdleTime = {seconds} s"
    ).format(seconds=grouped(seconds))


def _web_hours(draft: Draft) -> int | None:
    services = draft.get("clientRequest.extensionServiceConfig.extensionServices")
    for service in services if isinstance(services, list) else []:
        if isinstance(service, dict) and service.get("serviceName") == WEB_RECORDER:
            param = service.get("serviceParam")
            if isinstance(param, dict):
                return as_int(param.get("maxRecordingHour"))
    return None
