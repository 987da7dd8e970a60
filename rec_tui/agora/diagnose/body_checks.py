"""Findings read from the start bodies themselves: the validator's problems, and what a
valid body still gets wrong (example uids, the portrait default, the recorder's own uid)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from rec_tui.agora.diagnose.context import Context
from rec_tui.agora.diagnose.evidence import joined
from rec_tui.agora.diagnose.model import ERROR, INFO, WARNING, Call, Finding
from rec_tui.i18n import _, ngettext
from rec_tui.request.mode_inference import infer_mode
from rec_tui.request.validate import validate

# The uids of Agora's documentation examples, often copied as they are.
PLACEHOLDER_UIDS: Final = frozenset({"123", "456"})
_LISTS: Final = ("subscribeAudioUids", "subscribeVideoUids")
_LIST_PATHS: Final = tuple(f"clientRequest.recordingConfig.{name}" for name in _LISTS)
_PROBLEMS_SHOWN: Final = 5
# Distinct start bodies validated: a ticket of thousands of starts is one customer's code.
_BODIES_CHECKED: Final = 5
_PORTRAIT_WORDS: Final = ("portrait", "vertical", "竖屏", "竖")


def _recording_config(start: Call) -> dict[str, Any]:
    config = start.client_request.get("recordingConfig")
    return config if isinstance(config, dict) else {}


def _subscribed(start: Call) -> list[str]:
    config = _recording_config(start)
    uids: list[str] = []
    for name in _LISTS:
        entries = config.get(name)
        if isinstance(entries, list):
            uids += [str(entry) for entry in entries if isinstance(entry, str | int)]
    return uids


def body_invalid(context: Context) -> Iterator[Finding]:
    """One finding per distinct start body that breaks rules (a body sent again is the
    same finding), for the first few such bodies."""
    seen: set[str] = set()
    for start in context.starts():
        key = f"{start.url}|{start.started}|{_identity(start.body)}"
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > _BODIES_CHECKED:
            return
        guess = infer_mode(start.body, start.url)
        problems = validate(guess.mode, start.body)
        errors = [p for p in problems if p.severity == "error"]
        if not errors:
            continue
        accepted = start.started
        # Without cname and uid it is most likely a part of the body, pasted as a sample.
        excerpt = start.cname is None and start.uid is None
        rules = tuple(dict.fromkeys(p.rule for p in errors))
        yield Finding(
            "body-invalid",
            WARNING if accepted or excerpt else ERROR,
            _breaks(start.body_line or start.line, guess.describe(), len(rules), accepted)
            + (_(" It has no cname and uid: perhaps only a part was pasted.") if excerpt else ""),
            tuple(
                f"{p.path or _('(body)')}: {context.quote.mask(p.message)}"
                for p in errors[:_PROBLEMS_SHOWN]
            )
            + ((context.quote.answer(start),) if start.answer else ()),
            _(
                "Open the ticket in the wizard (`rec-tui --open FILE`): the problems list "
                "has every problem with its fix; `rec-tui validate` checks a body alone."
            ),
            rules,
        )


def _breaks(line: int, mode: str, count: int, accepted: bool) -> str:
    if accepted:
        said = ngettext(
            "The start body on line {line} ({mode}) breaks {count} rule of the API, although "
            "Agora accepted it.",
            "The start body on line {line} ({mode}) breaks {count} rules of the API, although "
            "Agora accepted it.",
            count,
        )
    else:
        said = ngettext(
            "The start body on line {line} ({mode}) breaks {count} rule of the API.",
            "The start body on line {line} ({mode}) breaks {count} rules of the API.",
            count,
        )
    return said.format(line=line, mode=mode, count=count)


def _identity(body: Any) -> str:
    try:
        return json.dumps(body, sort_keys=True)
    except (TypeError, ValueError):  # an integer too long to write out
        return str(id(body))


def placeholder_uids(context: Context) -> Iterator[Finding]:
    for start in context.starts():
        copied = sorted(PLACEHOLDER_UIDS & set(_subscribed(start)))
        if copied:
            yield Finding(
                "placeholder-uids",
                WARNING,
                _(
                    "The subscribe lists name uid {uids}, the example values of Agora's "
                    "documentation: unless users with these uids publish, nothing of the "
                    "real users is recorded."
                ).format(uids=joined(copied)),
                (
                    context.quote.body(
                        start, *(f"clientRequest.recordingConfig.{n}" for n in _LISTS)
                    ),
                ),
                _(
                    'Put the real publishers\' uids in the lists, or ["#allstream#"] to record '
                    "everyone."
                ),
            )
            return


def uid_collision(context: Context) -> Iterator[Finding]:
    for start in context.starts():
        if start.uid and start.uid in _subscribed(start):
            yield Finding(
                "uid-collision",
                WARNING,
                _(
                    "The recorder joins as uid {uid} and also subscribes to uid {uid}: a user "
                    "with the recorder's uid would push the recorder out of the channel (or be "
                    "pushed out)."
                ).format(uid=start.uid),
                (context.quote.body(start, "uid"),),
                _("Give the recorder a uid no user of the channel has."),
            )
            return
    yield from _two_recorders(context)


def _two_recorders(context: Context) -> Iterator[Finding]:
    """A recording started with the cname and uid of one still running (not stopped)."""
    running: dict[tuple[str | None, str | None], Call] = {}
    for call in context.exchange.calls:
        if call.kind == "stop" and call.answer is not None and not call.answer.failed:
            running = {key: start for key, start in running.items() if not _stops(call, start)}
        if not (call.kind == "start" and call.started and call.body and call.uid):
            continue
        first = running.get((call.cname, call.uid))
        running[(call.cname, call.uid)] = call
        if first is None or _sid(first) == _sid(call):
            continue
        # The first task then gone is the collision's proof: the second pushed it out.
        yield Finding(
            "uid-collision",
            ERROR if context.vanished_after(first) else WARNING,
            _(
                "Two recordings were started in channel {cname} with the same uid {uid}, and "
                "the first was not stopped in between: the second recorder pushes the first "
                "out of the channel."
            ).format(cname=repr(first.cname), uid=first.uid),
            (context.quote.answer(first), context.quote.answer(call)),
            _(
                "Stop a recording before starting another with the same uid, or give each "
                "parallel recorder its own uid."
            ),
        )
        return


def _sid(call: Call) -> str | None:
    return call.answer.sid if call.answer else None


def _stops(stop: Call, start: Call) -> bool:
    """Whether ``stop`` ended ``start``'s task (any task when the stop names no sid)."""
    return stop.sid is None or stop.sid == _sid(start)


def portrait_default(context: Context) -> Iterator[Finding]:
    for start in context.starts():
        if infer_mode(start.body, start.url).mode != "mix":
            continue
        if _recording_config(start).get("streamTypes") == 0:
            continue  # audio only: no picture to be portrait
        config = _recording_config(start).get("transcodingConfig")
        config = config if isinstance(config, dict) else {}
        if "width" in config or "height" in config:
            continue
        said = any(word in context.exchange.text.casefold() for word in _PORTRAIT_WORDS)
        yield Finding(
            "portrait-default",
            WARNING if said else INFO,
            _(
                "The mix recording sets no width and height, so Agora records the default "
                "360×640: a portrait video."
            ),
            (context.quote.body(start, "clientRequest.recordingConfig.transcodingConfig"),),
            _(
                "Set transcodingConfig.width and height (for example 640×360 or 1280×720) with "
                "fps and bitrate."
            ),
        )
        return
