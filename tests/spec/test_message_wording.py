"""Every rule's messages and hints read as plain English, whatever the counts and numbers.

Each registered rule is made to speak, with one item and with two (or with small and large
numbers): the firing cases of the rule tables, every declared field set to small, large,
fractional, empty, one-item and two-item values, and the session and call rules through
their own checks. Every message and hint is then read for "1 users"-style plurals, "an
video" / "a audio" articles, ".;" / ". ." punctuation and exponent notation ("2.592e+06").
"""

from __future__ import annotations

import copy
import importlib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from rec_tui.request import call_checks as checks
from rec_tui.request.fixes.shown import shown_value
from rec_tui.request.validate import validate
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Field
from rec_tui.spec.modes import MODES
from rec_tui.spec.problems import Problem
from rec_tui.spec.rules import all_rules
from rec_tui.spec.rules.context import Session
from rec_tui.spec.rules.quoting import counted, number, range_text, shown, with_article
from rec_tui.tokens import build_rtc_token
from tests.support.rules import REMOVE, changed, clean

TABLE_MODULES = ("files", "legacy", "recording", "storage", "subscription", "transcoding", "web")
REC = "clientRequest.recordingConfig"
ACQUIRE = {"cname": "demo", "uid": "527841", "clientRequest": {}}

# Nouns messages count; "1 <plural>" or "<not 1> <singular>" is a mistake.
_NOUNS = {
    "user": "users", "UID": "UIDs", "uid": "uids", "item": "items", "tile": "tiles",
    "entry": "entries", "output": "outputs", "byte": "bytes", "character": "characters",
    "digit": "digits", "decimal": "decimals", "second": "seconds", "hour": "hours",
    "file": "files", "list": "lists", "value": "values", "key": "keys", "pixel": "pixels",
    "service": "services", "stream": "streams", "channel": "channels", "time": "times",
}  # fmt: skip
_PLURALS = "|".join(_NOUNS.values())
_SINGULARS = "|".join(_NOUNS)
MISTAKES = {
    "plural after 1": re.compile(rf"(?<![\d.,])\b1 (?:{_PLURALS})\b"),
    "singular after another count": re.compile(rf"\b(?:0|[2-9]|\d\d+) (?:{_SINGULARS})\b"),
    # Only lower-case words: "an RTC token", "an MP4 file" are read letter by letter, and
    # so is "an http(s) URL".
    "an before a consonant": re.compile(r"\ban (?!(?:hour|honest|http)\b)[bcdfghjklmnpqrstvwxyz]"),
    "a before a vowel": re.compile(
        r"\ba (?!(?:uid|user|url|uniform|unique|union|unit|usable|useful|one|utf)\w*\b)"
        r"[aeiou]"
    ),
    "stray punctuation": re.compile(r"\.;|;\.|\.\s+\.(?!\w)|(?<![.\w])\.\.(?!\.)|,\.|;;|,,"),
    "exponent notation": re.compile(r"\d(?:\.\d+)?e[+-]?\d", re.IGNORECASE),
}


# Values quoted from the body are the customer's words, not the message's.
_QUOTED = re.compile(r'"[^"]*"')


def _table_cases() -> Iterator[tuple[str, dict[str, Any]]]:
    """(mode, changes) of each firing row of the rule tables, and of its variants with one
    and with two items in each list it sets, and with each number it sets 1000 times."""
    for name in TABLE_MODULES:
        module = importlib.import_module(f"tests.spec.test_rules_{name}")
        for row in module.FIRES:
            values = list(getattr(row, "values", row))
            mode = next(v for v in values if isinstance(v, str) and v in MODES)
            changes = next(v for v in values if isinstance(v, dict))
            yield mode, changes
            for path, value in changes.items():
                for variant in _variants(value):
                    yield mode, {**changes, path: variant}


def _variants(value: Any) -> list[Any]:
    if isinstance(value, list) and value:
        return [value[:1], (value * 2)[:2]]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [value * 1000 if value else 2_592_000]
    return []


def _values_for(declared: Field) -> list[Any]:
    """Small, large, fractional, empty, one-item and two-item values for a field."""
    if declared.kind == "array":
        item = {"uid": "1", "int": 5, "float": 0.5}.get(declared.items or "", "x")
        wrong = {"uid": "0", "int": -1, "float": 2.5}.get(declared.items or "", "")
        return [[], [item], [item, item], [wrong], [wrong, wrong], [item] * 40]
    if declared.kind in ("int", "float"):
        values: list[Any] = [0, 1, 2, -1, 0.5, 1e-7, 2_592_000.5, 10**7, 1e20]
        if declared.minimum is not None:
            values.append(declared.minimum - 1)
        if declared.maximum is not None:
            values += [declared.maximum + 1, declared.maximum * 1000]
        return values
    if declared.kind in ("string", "url", "uid"):
        # "<your value>": a template placeholder where a real value belongs (R132).
        return ["", "x", "a" * 300, "0", "ab cd", "http://x", "<your value>", 7]
    if declared.kind == "bool":
        return ["yes", 1]
    return [{}, []]


def _field_bodies() -> Iterator[tuple[str, Any]]:
    for mode in MODES:
        for declared in catalogue.ALL_FIELDS:
            if declared.service is not None:
                continue
            for value in _values_for(declared):
                body = clean(mode)
                jsonpath.set_value(body, declared.path.replace("[]", "[0]"), copy.deepcopy(value))
                yield mode, body


def _call_and_session_problems() -> Iterator[Problem]:
    """The rules that judge a call other than start, or start against its session."""
    mix, web = clean("mix"), clean("web")
    for session in (
        Session(acquire=ACQUIRE, acquired_at=0.0, now=301.0, at_send_time=True),
        Session(acquire=ACQUIRE, acquired_at=0.0, now=3.0),
        Session(acquire={"cname": "other", "uid": "111", "clientRequest": {"scene": 1}}),
        Session(
            acquire={
                **ACQUIRE,
                "clientRequest": {
                    "region": "EU",
                    "resourceExpiredHour": 1,
                    "startParameter": {"recordingConfig": {"channelType": 1}, "extra": 1},
                },
            }
        ),
    ):
        for mode, body in (("mix", mix), ("web", web)):
            yield from validate(mode, body, session=session)
    no_files = changed("individual", {"clientRequest.recordingFileConfig": REMOVE})
    yield from validate("individual", clean("individual"), snapshot_intent="only")
    yield from validate("individual", no_files, snapshot_intent="plus_recording")
    requests: list[dict[str, Any]] = [{"resourceExpiredHour": 2.5}, {"scene": 3}, {"region": "US"}]
    for request in requests:
        yield from checks.check_acquire({"cname": "a", "uid": "1", "clientRequest": request})
    update = {"cname": "demo", "uid": "527841"}
    updates: list[dict[str, Any]] = [
        {"webRecordingConfig": {"onhold": True}},
        {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["0"]}}},
        {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["0", "00"]}}},
        {"storageConfig": {"vendor": 1, "region": 0, "bucket": "b"}},
    ]
    for request in updates:
        yield from checks.check_update(
            "mix", {**update, "clientRequest": request}, acquire=ACQUIRE, start_body=mix
        )
    yield from checks.check_serial(True)
    layout = {**update, "clientRequest": {"mixedVideoLayout": 1}}
    yield from checks.check_update_layout("individual", layout, acquire=ACQUIRE)
    current = {"mixedVideoLayout": 1, "backgroundColor": "#FF0000"}
    yield from checks.check_update_layout("mix", layout, acquire=ACQUIRE, current_layout=current)
    tiles = [{"uid": "1", "x_axis": 0.5, "y_axis": 0, "width": 2, "height": 1}]
    wrong = {**update, "clientRequest": {"mixedVideoLayout": 3, "layoutConfig": tiles}}
    yield from checks.check_update_layout("mix", wrong, acquire=ACQUIRE)
    yield from checks.check_control_window(
        0.0, 3601.0, {"clientRequest": {"resourceExpiredHour": 1}}
    )


def _token_problems() -> Iterator[Problem]:
    """The token rule on tokens minted for another App ID, channel and uid, and expired."""
    now = 1_700_000_000
    app_id, certificate = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"
    minted = (
        build_rtc_token(app_id, certificate, "room-9", "1001", issued_at=now - 7200, expire=60),
        build_rtc_token(app_id, certificate, "demo", "527841", issued_at=now - 60, salt=1),
    )
    for mode in ("mix", "individual"):
        for token in minted:
            body = changed(mode, {"clientRequest.token": token})
            for session_app_id in (app_id, "0" * 32):
                yield from validate(mode, body, session=Session(app_id=session_app_id, now=now))


@cache
def rendered() -> dict[str, dict[str, str]]:
    """For each rule that spoke: each text it said (messages and hints) → where it was said."""
    found: dict[str, dict[str, str]] = {}

    def note(problem: Problem, where: str) -> None:
        texts = found.setdefault(problem.rule, {})
        for text in (problem.message, problem.hint):
            if text:
                texts.setdefault(text, where)

    for mode, changes in _table_cases():
        for problem in validate(mode, changed(mode, changes), fixes=False):
            note(problem, f"{mode} {changes!r:.120}")
    for mode, body in _field_bodies():
        for problem in validate(mode, body, fixes=False):
            note(problem, f"{mode} body")
    for problem in _call_and_session_problems():
        note(problem, "call or session check")
    for problem in _token_problems():
        note(problem, "token check")
    for mode in MODES:
        every: tuple[dict[str, Any], ...] = (
            # The envelope: uid as a number, in the lists; no clientRequest.
            {"uid": 123},
            {"clientRequest": REMOVE},
            {f"{REC}.subscribeAudioUids": ["527841"]},
            # Counted users: one and two, with the group left out or too small.
            *(
                {f"{REC}.subscribeAudioUids": uids, f"{REC}.subscribeVideoUids": uids, **group}
                for uids in (["1"], ["1", "2"], [str(n) for n in range(1, 40)])
                for group in ({f"{REC}.subscribeUidGroup": REMOVE}, {f"{REC}.subscribeUidGroup": 0})
            ),
        )
        for changes in every:
            for problem in validate(mode, changed(mode, changes), fixes=False):
                note(problem, f"{mode} {changes!r}")
    return found


def test_every_registered_rule_is_made_to_speak() -> None:
    silent = sorted(rule.name for rule in all_rules() if rule.name not in rendered())
    assert silent == []


@pytest.mark.parametrize("mistake", MISTAKES)
def test_no_message_or_hint_makes_the_mistake(mistake: str) -> None:
    pattern = MISTAKES[mistake]
    wrong = [
        f"{rule}: {text!r} ({where})"
        for rule, texts in rendered().items()
        for text, where in texts.items()
        if pattern.search(_QUOTED.sub('""', text))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "mistake"),
    [
        ("Your subscribe lists name 1 users: use 0.", "plural after 1"),
        ("This one has 2 output.", "singular after another count"),
        ("Only an video list is set.", "an before a consonant"),
        ("Only a audio list is set.", "a before a vowel"),
        ("must be 0, 1 or 2 (both).; got 3.", "stray punctuation"),
        ("maxIdleTime must be 5–2.592e+06.", "exponent notation"),
    ],
)
def test_the_checks_catch_what_the_issue_reported(text: str, mistake: str) -> None:
    assert MISTAKES[mistake].search(text)


def test_numbers_are_written_in_plain_digits() -> None:
    assert [number(v) for v in (1e20, 1e-7, 2_592_000.0, 30.5, -2, 10**30)] == [
        "100000000000000000000",
        "0.0000001",
        "2592000.0",
        "30.5",
        "-2",
        "a very large number",
    ]
    assert number(1e300) == "a very large number" and number(1e-300) == "a number very close to 0"
    assert number(2_592_000, grouped=True) == "2,592,000"
    assert range_text(5, 2_592_000.0) == "5–2,592,000" and range_text(0.0, 0.5) == "0–0.5"


def test_counts_and_articles() -> None:
    assert [counted(n, "user") for n in (0, 1, 2)] == ["0 users", "1 user", "2 users"]
    assert counted(2, "entry", "entries") == "2 entries"
    assert (with_article("video"), with_article("audio")) == ("a video", "an audio")


def test_one_formatter_for_messages_and_change_lines() -> None:
    """The fixes' and the diff's values are the rules' formatter with secrets masked."""
    for value in (1e20, 1e-7, "abc", None, True, 30.5):
        assert shown_value("clientRequest.x", value) == shown(value)
    assert shown_value("x", [1e20, {"a": 1e-7}]) == '[100000000000000000000, {"a": 0.0000001}]'
    assert shown_value("clientRequest.token", "secret") == "••••••••"
    assert shown_value("x", {"token": "secret"}) == '{"token": "••••••••"}'
    assert shown_value("x", "y" * 200).endswith("…") and len(shown_value("x", "y" * 200)) == 80
