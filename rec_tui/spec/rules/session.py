"""Session rules of spec 3.1 that judge the ``start`` body against acquire and the clock.

R4–R8 need what the validator cannot know from the body alone: the acquire body this
session sent (``ctx.session.acquire``), when it was sent and the time now. Without that data
each rule stays silent (spec: "acquire defaults are never assumed in place of missing
data"). Clock rules are errors only at send time and warnings otherwise.
"""

from __future__ import annotations

from rec_tui.i18n import N_, _
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import ERROR, WARNING, Severity
from rec_tui.spec.rules import Findings, rule
from rec_tui.spec.rules.context import CR, Context
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

RESOURCE_LIFETIME_SECONDS: Final = 300.0
START_PROMPTLY_SECONDS: Final = 2.0
POSTPONE_POLICY: Final = "postpone_transcoding"
SCENE_RTC, SCENE_WEB, SCENE_POSTPONED = 0, 1, 2


def acquire_scene(acquire: dict[str, Any]) -> Any:
    """The acquire scene as sent; a left-out scene takes its documented default 0."""
    request = acquire.get("clientRequest")
    scene = request.get("scene") if isinstance(request, dict) else None
    return SCENE_RTC if scene is None else scene


def acquire_scene_for(mode: Mode, body: Any) -> int:
    """The acquire scene a ``start`` body needs (spec 1.4.1; R6)."""
    if mode == "web":
        return SCENE_WEB
    request = body.get("clientRequest") if isinstance(body, dict) else None
    apps = request.get("appsCollection") if isinstance(request, dict) else None
    if isinstance(apps, dict) and apps.get("combinationPolicy") == POSTPONE_POLICY:
        return SCENE_POSTPONED
    return SCENE_RTC


def scene_verdict(mode: Mode, scene: Any, postponed: bool) -> tuple[Severity, str] | None:
    """R6 for a mode and an acquire scene: ``("error"|"warning", why)`` or None when it fits."""
    if mode == "web" and scene != SCENE_WEB:
        why = _("web recording needs acquire scene 1, but scene {scene} was sent")
        return ERROR, why.format(scene=shown(scene))
    if mode != "web" and scene == SCENE_WEB:
        why = _("{mode} recording cannot use acquire scene 1 (web page recording)")
        return ERROR, why.format(mode=mode)
    if postponed and scene != SCENE_POSTPONED:
        why = _("postponed transcoding or mixing needs scene 2, but {scene} was sent")
        return WARNING, why.format(scene=shown(scene))
    return None


def scene_problem(why: str) -> tuple[str, str]:
    """The message and hint of an R6 problem whose reason (from :func:`scene_verdict`) is
    ``why``: the one wording of the start rule and of the acquire call's check."""
    message = _(
        "acquire scene does not fit this mode (web needs 1, postponed transcoding or "
        "mixing needs 2, otherwise 0)."
    )
    hint = _("{why}; acquire again with the right clientRequest.scene.")
    # Only the first letter is raised: the reason quotes values as sent.
    return message, hint.format(why=why[:1].upper() + why[1:])


def same_json(left: Any, right: Any) -> bool:
    """Deep JSON equality, key order ignored; unlike ``==``, ``true`` is not ``1``."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(same_json, left, right))
    numbers = isinstance(left, int | float) and isinstance(right, int | float)
    return (type(left) is type(right) or numbers) and left == right


def _age(ctx: Context) -> float | None:
    session = ctx.session
    if session.acquired_at is None or session.now is None:
        return None
    return session.now - session.acquired_at


@rule("R4", "session.resource.expired", "E/W", N_("resource ID over 5 minutes old"), session=True)
def resource_expired(ctx: Context, out: Findings) -> None:
    age = _age(ctx)
    if age is None or age <= RESOURCE_LIFETIME_SECONDS:
        return
    severity: Severity = ERROR if ctx.session.at_send_time else WARNING
    out.add(
        severity,
        "",
        _("This resource ID is over 5 minutes old and has expired (433). Acquire a new one."),
        _("It was acquired {minutes} minutes ago; acquire again and start at once.").format(
            minutes=f"{age / 60:.1f}"
        ),
    )


@rule("R5", "session.resource.slow", "W", N_("start more than 2 s after acquire"), session=True)
def resource_slow(ctx: Context, out: Findings) -> None:
    age = _age(ctx)
    if age is None or not START_PROMPTLY_SECONDS < age <= RESOURCE_LIFETIME_SECONDS:
        return
    out.warning(
        "",
        _("Start is recommended within 2 s of acquire; a late start may fail."),
        _("It is {seconds} s since acquire; pair each acquire with its start.").format(
            seconds=f"{age:.1f}"
        ),
    )


@rule("R6", "session.scene.match", "E/W", N_("acquire scene does not fit the mode"), session=True)
def scene_match(ctx: Context, out: Findings) -> None:
    acquire = ctx.session.acquire
    if acquire is None:
        return
    postponed = ctx.string(f"{CR}.appsCollection.combinationPolicy") == POSTPONE_POLICY
    verdict = scene_verdict(ctx.mode, acquire_scene(acquire), postponed)
    if verdict is not None:
        severity, why = verdict
        out.add(severity, "", *scene_problem(why))


@rule("R7", "session.cname_uid.match", "E", N_("start cname/uid differ from acquire"), session=True)
def cname_uid_match(ctx: Context, out: Findings) -> None:
    acquire = ctx.session.acquire
    if acquire is None:
        return
    for key in ("cname", "uid"):
        if key in acquire and ctx.raw(key) != acquire[key]:
            out.error(
                key,
                _("cname and uid must be exactly the values used in acquire (otherwise 432)."),
                _("acquire sent {key} {sent}; this body has {actual}.").format(
                    key=key, sent=shown(acquire[key]), actual=shown(ctx.raw(key))
                ),
            )


@rule(
    "R8",
    "session.startParameter.match",
    "E/W",
    N_("start differs from acquire's startParameter"),
    session=True,
)
def start_parameter_match(ctx: Context, out: Findings) -> None:
    acquire = ctx.session.acquire
    request = acquire.get("clientRequest") if acquire else None
    expected = request.get("startParameter") if isinstance(request, dict) else None
    actual = ctx.obj(CR)
    if not isinstance(expected, dict) or actual is None:
        return
    message = _("start settings differ from the startParameter sent in acquire.")
    for key in sorted(set(expected) | set(actual)):
        path = f"{CR}.{key}"
        if key in expected and key in actual:
            if not same_json(expected[key], actual[key]):
                hint = _("Send the same {key} as in acquire's startParameter.")
                out.error(path, message, hint.format(key=key))
        elif key in expected:
            hint = _("startParameter has {key} but this body does not.")
            out.warning(path, message, hint.format(key=key))
        else:
            hint = _("This body has {key} but startParameter does not.")
            out.warning(path, message, hint.format(key=key))
