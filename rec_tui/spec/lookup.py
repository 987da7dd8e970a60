"""Find what a pasted text is about: codes, reasons, HTTP statuses, callback events.

``lookup(text)`` accepts what a customer pastes — a code, a reason, a whole JSON answer, a
log line with an HTTP status line, a callback body — and returns every :class:`Answer` it
recognises, most specific first. Matching is loose: letter case, punctuation and
underscores do not matter, and a known text may sit inside a longer line. When nothing is
recognised, ``suggestions`` holds the closest known ones (never an empty answer).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rec_tui.i18n import N_
from rec_tui.spec.codes import CODES, Explanation, describe_message, message_wordings
from rec_tui.spec.notifications import (
    EVENTS,
    WEB_STOP_CODES,
    details_answers,
    exit_status,
    from_callback,
    leave_code,
    recording_status,
)
from rec_tui.spec.pasted_texts import HTTP_STATUSES, REASONS, Answer, http_status

SUGGESTIONS = 3
_MIN_FRAGMENT = 6  # a typed fragment of a known text must be at least this long


@dataclass(frozen=True, slots=True)
class Lookup:
    query: str
    answers: tuple[Answer, ...]
    suggestions: tuple[Answer, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.answers)


def answer_for(entry: Explanation) -> Answer:
    """An error-code or gateway-message entry of :mod:`codes` as an :class:`Answer`."""
    if entry.code is not None:
        key, title = f"code {entry.code}", N_("Agora error code {code}")
        values: tuple[tuple[str, str | int], ...] = (("code", entry.code),)
    else:
        key, title = f"message {entry.message}", N_('Agora gateway message "{message}"')
        values = (("message", entry.message),)
    return Answer(
        key, title, entry.meaning, entry.check, entry.causes, entry.status, title_values=values
    )


def query_for(answer: Answer) -> str:
    """What to type to get ``answer`` (its key without its kind, where that is enough)."""
    for prefix in ("code ", "message ", "reason: "):
        if answer.key.startswith(prefix):
            return answer.key.removeprefix(prefix)
    return answer.key


def known_answers() -> list[Answer]:
    """Every answer rec-tui can give for a fixed text (without the computed ones)."""
    return _unique(answer for answer, _ in _candidates())


def normalize(text: str) -> str:
    """Lower case, underscores and punctuation as spaces, single spaces."""
    return " ".join(re.sub(r"\W+", " ", text.casefold().replace("_", " ")).split())


def lookup(text: str) -> Lookup:
    query = text.strip()
    answers = _unique(_recognise(query)) if query else []
    if answers:
        return Lookup(query, tuple(answers))
    return Lookup(query, (), tuple(_closest(query)))


def _recognise(query: str) -> Iterator[Answer]:
    number = _bare_number(query)
    if number is not None:
        if number in CODES:
            yield answer_for(CODES[number])
        status = http_status(number) if 100 <= number <= 599 else None
        if status is not None:
            yield status
        return
    for data in _json_objects(query):
        yield from _from_json(data)
    yield from _from_phrases(query)
    yield from _from_wordings(query)


def _bare_number(query: str) -> int | None:
    text = query.strip().strip("\"'")
    if text.isascii() and text.lstrip("+-").isdigit():
        return int(text)
    return None


def _json_objects(query: str) -> Iterator[Mapping[str, Any]]:
    """Every JSON object in the text, in order (a paste may hold several answers)."""
    decoder = json.JSONDecoder()
    position = query.find("{")
    while position >= 0:
        try:
            data, end = decoder.raw_decode(query, position)
        except ValueError:
            position = query.find("{", position + 1)
            continue
        if isinstance(data, Mapping):
            yield data
        position = query.find("{", end)


def _from_json(data: Mapping[str, Any]) -> Iterator[Answer]:
    if "eventType" in data:
        yield from from_callback(data)
        return
    for key in ("reason", "message"):  # a specific reason first, then its code
        value = data.get(key)
        if isinstance(value, str):
            yield from _from_wordings(value)
    code = data.get("code")
    if isinstance(code, int) and code in CODES:
        yield answer_for(CODES[code])
    response = data.get("serverResponse")
    if isinstance(response, Mapping) and isinstance(response.get("status"), int):
        status = recording_status(response["status"])
        if status is not None:
            yield status


# Numbers named in plain text: "HTTP/1.1 404", "status 429", "eventType 41", "leaveCode 4".
_HTTP = re.compile(
    r"\bhttp(?:/\d(?:\.\d)?)?\s*:?\s*(\d{3})\b|\bstatus(?: code)?\s*[:=]?\s*(\d{3})\b"
)
_EVENT = re.compile(r"\bevent\s*(?:type)?\s*[:=]?\s*(\d+)")
_LEAVE = re.compile(r"\bleave\s*code\s*[:=]?\s*(\d+)")
_EXIT = re.compile(r"\b(?:exit|leave)\s*status\s*[:=]?\s*(\d+)")
_STATUS = re.compile(r"\bstatus\s*[:=]?\s*(\d{1,2})\b")
_CODE = re.compile(r"(?<!leave )(?<!leave)(?<!status )\bcode\s*[:=]?\s*(\d+)")


def _from_phrases(query: str) -> Iterator[Answer]:
    text = query.casefold().replace('"', " ").replace("_", " ")
    for match in _EVENT.finditer(text):
        event = EVENTS.get(int(match.group(1)))
        if event is not None:
            yield event
    for match in _LEAVE.finditer(text):
        yield leave_code(int(match.group(1)))
    for match in _EXIT.finditer(text):
        yield exit_status(int(match.group(1)))
    web_stop = "web recorder stopped" in text
    for match in _CODE.finditer(text):
        number = int(match.group(1))
        if web_stop:
            yield from details_answers(71, {"code": number})
        elif number in CODES:
            yield answer_for(CODES[number])
    if "{" not in text:  # in a callback body "status" is an event's own status
        for match in _STATUS.finditer(text):
            status_answer = recording_status(int(match.group(1)))
            if status_answer is not None:
                yield status_answer
    if re.search(r"\b5xx\b", text):
        yield HTTP_STATUSES["5xx"]
    for match in _HTTP.finditer(text):
        status = http_status(int(match.group(1) or match.group(2)))
        if status is not None:
            yield status


def _from_wordings(text: str) -> Iterator[Answer]:
    """Known texts inside ``text``, or ``text`` as a fragment of one (long enough)."""
    folded = normalize(text)
    if not folded:
        return
    padded = f" {folded} "
    for answer, wordings in _worded():
        for wording in wordings:
            known = normalize(wording)
            inside = f" {known} " in padded
            if inside or (len(folded) >= _MIN_FRAGMENT and folded in known):
                yield answer
                break
    gateway = describe_message(text)
    if gateway is not None:
        yield answer_for(gateway)


def _worded() -> Iterator[tuple[Answer, tuple[str, ...]]]:
    for reason in REASONS:
        if reason.alias_of is not None:
            yield answer_for(CODES[reason.alias_of]), reason.wordings
        else:
            yield reason, reason.wordings
    for event in EVENTS.values():
        yield event, event.wordings
    for stop in WEB_STOP_CODES.values():
        yield stop, stop.wordings


def _candidates() -> Iterator[tuple[Answer, tuple[str, ...]]]:
    """Everything rec-tui knows, with the texts a person might use for it."""
    yield from _worded()
    for entry, wordings in message_wordings():
        yield answer_for(entry), wordings
    for entry in CODES.values():
        yield answer_for(entry), (f"code {entry.code}", entry.meaning)
    for status in ("200", "201", "206", "400", "401", "404", "429", "500", "504", "503"):
        answer = http_status(int(status))
        if answer is not None:
            yield answer, (answer.written_title, *answer.wordings)


def _closest(query: str) -> list[Answer]:
    number = _bare_number(query)
    if number is not None:
        return _near_number(number)
    folded = normalize(query)
    words = set(folded.split())
    scored: dict[str, tuple[float, Answer]] = {}
    for answer, wordings in _candidates():
        score = max(
            _similarity(folded, words, normalize(w)) for w in (answer.written_title, *wordings)
        )
        if score > scored.get(answer.key, (-1.0, answer))[0]:
            scored[answer.key] = (score, answer)
    ranked = sorted(scored.values(), key=lambda pair: -pair[0])
    return [answer for _, answer in ranked[:SUGGESTIONS]]


def _similarity(folded: str, words: set[str], known: str) -> float:
    ratio = difflib.SequenceMatcher(None, folded, known).ratio()
    known_words = set(known.split())
    overlap = len(words & known_words) / len(words | known_words) if words else 0.0
    return max(ratio, overlap)


def _near_number(number: int) -> list[Answer]:
    """Other things this number could be, then the documented codes nearest to it."""
    same = [
        EVENTS.get(number),
        WEB_STOP_CODES.get(number),
        recording_status(number),
    ]
    found = [answer for answer in same if answer is not None]
    nearest = sorted(CODES, key=lambda code: (abs(code - number), code))
    found.extend(answer_for(CODES[code]) for code in nearest)
    return found[:SUGGESTIONS]


def _unique(answers: Iterator[Answer]) -> list[Answer]:
    seen: set[str] = set()
    unique = []
    for answer in answers:
        if answer.key not in seen:
            seen.add(answer.key)
            unique.append(answer)
    return unique
