"""A whole ticket pasted as it came: prose, headers, several JSON objects, curl commands,
log lines, in any language. The start request is picked out of it.

Each curl command is read as one (its body goes with its URL and credentials); every other
JSON object that looks like a body goes with the Cloud Recording URL just before it, if
any. The body sent to ``…/start`` wins; then one sent nowhere in particular; then one
with start options (not only acquire's); the first such in the text on a tie. The options
of the ticket's acquire go with it, for a replay that acquires as the customer did.
"""

from __future__ import annotations

import re
from typing import Final

from rec_tui.formats.importers.acquire_options import acquire_options
from rec_tui.formats.importers.curl import basic_auth_pair, import_curl
from rec_tui.formats.importers.log_line import Candidate, best, candidates_in, no_body_problem
from rec_tui.formats.importers.references import body_references, point_out
from rec_tui.formats.importers.result import ImportProblem, ImportResult
from rec_tui.formats.importers.url import read_url
from rec_tui.formats.jsonfile import position
from rec_tui.i18n import _, ngettext
from rec_tui.store.secrets import Credentials

_CURL_START: Final = re.compile(r"(?m)^[ \t]*(?:[$>#][ \t]+)?(curl[ \t])")
# Pieces of a shell command line: quoted text may span lines, a backslash joins lines.
_SHELL_PIECE: Final = re.compile(
    r"""'[^']*'|"[^"\\]*(?:\\.[^"\\]*)*"|\\\r?\n|\\.|\n|[^'"\\\n]+|['"\\]""", re.DOTALL
)
_NOT_NEWLINE: Final = re.compile(r"[^\n]")
_DATA_OPTION: Final = re.compile(r"(?<!\S)(?:-d|--data|--json)")
# Reading a curl command costs a shell-style split: a ticket's worth is read, not more.
MAX_CURL_COMMANDS: Final = 50
_START_CALL: Final = re.compile(r"/cloud_recording/\S*/start\b")
# Saying where each unreadable curl command is costs a count of the lines before it.
_UNREADABLE_SHOWN: Final = 3
_BASIC_HEADER: Final = re.compile(r"(?im)^[ \t]*(?:-H[ \t]+)?['\"]?authorization:(.*)$")


def import_ticket(text: str) -> ImportResult:
    unreadable: list[str] = []
    candidates: list[Candidate] = []
    # The text without the curl commands that were read: the object scan must not find
    # their bodies again. Each is blanked out, newlines kept, so positions stay the same.
    pieces: list[str] = []
    done = 0
    commands = [
        (start, end)
        for start, end in _curl_spans(text)
        # Not prose ("curl fails for us") nor a command without a body to import.
        if _DATA_OPTION.search(text, start, end) is not None
    ]
    if len(commands) > MAX_CURL_COMMANDS:
        # Those sent to start first: they are the ones the choice below prefers.
        by_preference = sorted(commands, key=lambda c: _START_CALL.search(text, *c) is None)
        kept = set(by_preference[:MAX_CURL_COMMANDS])
        skipped = len(commands) - len(kept)
        commands = [command for command in commands if command in kept]
    else:
        skipped = 0
    for start, end in commands:
        try:
            result = import_curl(text[start:end])
        except ImportProblem as problem:
            if len(unreadable) < _UNREADABLE_SHOWN:
                line, _column = position(text, start)
                unreadable.append(
                    _("The curl command on line {line} could not be read: {problem}").format(
                        line=line, problem=problem.message
                    )
                )
            else:
                unreadable.append("")
            continue
        candidates.append(Candidate(start, result.body, curl=result))
        pieces += [text[done:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        done = end
    blanked = "".join([*pieces, text[done:]])
    notices = [notice for notice in unreadable if notice]
    if len(unreadable) > len(notices):
        notices.append(
            _("{count} more curl commands could not be read.").format(
                count=len(unreadable) - len(notices)
            )
        )
    if skipped:
        notices.append(
            _(
                "The ticket has {count} curl commands; read the first {read} (those sent to "
                "start first), left {skipped} out."
            ).format(count=len(commands) + skipped, read=MAX_CURL_COMMANDS, skipped=skipped)
        )
    found, values = candidates_in(blanked)
    candidates = sorted(candidates + found, key=lambda candidate: candidate.start)
    if not candidates:
        missing = no_body_problem(text, values)
        raise ImportProblem(" ".join([missing.message, *notices]))
    chosen = best(candidates)
    if chosen.curl is not None:
        result = chosen.curl
        result.kind = "ticket"
    else:
        result = ImportResult(chosen.body, "ticket")
        if chosen.url is not None:
            read_url(chosen.url, result, _("ticket"))
        point_out(result, _("ticket"), body_references(result.body))
    if result.credentials is None:
        result.credentials = _header_credentials(blanked, result.notices)
    result.acquire_options = acquire_options(text, candidates, chosen, result.notices)
    line, _column = position(text, chosen.start)
    others = len(candidates) - 1
    took = (
        _("Took the start body sent to {call} on line {line} of the ticket{left_out}.")
        if chosen.call
        else _("Took the start body on line {line} of the ticket{left_out}.")
    )
    left_out = (
        " "
        + ngettext(
            "({count} other possible body left out)",
            "({count} other possible bodies left out)",
            others,
        ).format(count=others)
        if others
        else ""
    )
    result.notices[:0] = [*notices, took.format(call=chosen.call, line=line, left_out=left_out)]
    return result


def _curl_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _CURL_START.finditer(text):
        start = match.start(1)
        if spans and start < spans[-1][1]:
            continue  # "curl" at the start of a line inside the previous command's quotes
        end = len(text)
        for piece in _SHELL_PIECE.finditer(text, start):
            if piece.group() == "\n":
                end = piece.start()
                break
        spans.append((start, end))
    return spans


def _header_credentials(text: str, notices: list[str]) -> Credentials | None:
    """Basic auth from an ``Authorization:`` header line quoted in the ticket."""
    for match in _BASIC_HEADER.finditer(text):
        try:
            pair = basic_auth_pair(match.group(1).strip().strip("'\""))
        except ValueError:
            notices.append(_("An Authorization header in the ticket is not valid Basic auth."))
            continue
        if pair is not None and all(pair):
            return Credentials(pair[0], pair[1], source="ticket's Authorization header")
    return None
