"""The request as shell: a curl command for start, or a script that acquires, then starts.

Both run as they are in a POSIX shell (sh, bash, zsh). Where the draft sends, they send: a
request for the built-in sandbox goes to the address ``rec-tui sandbox serve`` listens on
with :data:`SANDBOX_SERVE_COMMAND`, and says in a comment that the sandbox must be served
first. Secrets are ``${REC_TUI_…}`` references (see :mod:`rec_tui.formats.export_secrets`)
unless revealed; a comment lists every variable to set, and the script refuses to run,
naming the variable, while one is unset. The values of those variables go into the JSON as
they are, so they must not contain ``"`` or ``\\`` (tokens and keys never do).

The script reads ``resourceId`` and ``sid`` from the answers with ``python3``, which a fresh
macOS or Linux machine has (``jq`` often is not installed), and checks that it is there.

The comments and the messages the script prints are in the language rec-tui speaks when it
exports (the person who runs the script is the one who exported it, or a colleague they
hand it to); the commands, variable names and URLs are the same in every language.
"""

from __future__ import annotations

import json
import re
import secrets
import shlex
from typing import Any, Final

from rec_tui.formats.export_secrets import refer_to_secrets
from rec_tui.i18n import ENGLISH, _, active_language
from rec_tui.request import endpoints
from rec_tui.request.draft import Draft
from rec_tui.spec import catalogue
from rec_tui.spec.rules.session import acquire_scene_for
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    RESOURCE_ID_ENV,
    Credentials,
)

SANDBOX_SERVE_PORT: Final = 8765
SANDBOX_SERVE_URL: Final = f"http://127.0.0.1:{SANDBOX_SERVE_PORT}"
SANDBOX_SERVE_COMMAND: Final = f"rec-tui sandbox serve --port {SANDBOX_SERVE_PORT}"
# The script's sandbox address can be changed without editing it (another --port).
SANDBOX_URL_ENV: Final = "REC_TUI_SANDBOX_URL"
APP_ID_ENV: Final = "AGORA_APP_ID"


def _in_sentence(label: str) -> str:
    """``Access key`` → ``access key``; ``RTC token`` stays as it is."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def meaning(variable: str) -> str:
    """What ``variable`` holds, for the comments and the script's checks."""
    if variable == APP_ID_ENV:
        return _("the App ID")
    if variable == RESOURCE_ID_ENV:
        return _("the resourceId an acquire answered (the shell script export acquires too)")
    if variable == CUSTOMER_ID_ENV:
        return _("the Agora customer ID")
    if variable == CUSTOMER_SECRET_ENV:
        return _("the Agora customer secret")
    for field in catalogue.secret_fields():
        if field.env == variable:
            label = _(field.label)
            # An English label is lower-cased inside the sentence; a translated one is not.
            if active_language() == ENGLISH:
                label = _in_sentence(label)
            return _("the {label} ({path})").format(label=label, path=field.path)
    return _("the secret the preset refers to")


# Characters that keep their special meaning inside double quotes in a POSIX shell.
_DOUBLE_QUOTE_SPECIAL: Final = str.maketrans({"\\": "\\\\", '"': '\\"', "$": "\\$", "`": "\\`"})


def sandbox_note(draft: Draft) -> str | None:
    """What to do first when a shell export of ``draft`` goes to the built-in sandbox."""
    if not endpoints.resolve(draft.endpoint).sandbox:
        return None
    return _(
        "This request goes to rec-tui's built-in sandbox, which a command outside rec-tui "
        "reaches only while it is served: run `{command}` in another terminal first."
    ).format(command=SANDBOX_SERVE_COMMAND)


class _ShellWords:
    """Shell words for texts in which placeholders stand for ``${VARIABLE}`` references.

    Each placeholder carries a random tag, so no text from the body can pose as one (and
    make the shell expand a variable the export did not mean to refer to).
    """

    def __init__(self) -> None:
        self._tag = secrets.token_hex(8)
        name = r"([A-Za-z_][A-Za-z0-9_]*)"
        self._plain = re.compile(f"\x00{self._tag}:{name}\x00")
        self._json = re.compile(rf"\\u0000{self._tag}:{name}\\u0000")

    def placeholder(self, variable: str) -> str:
        return f"\x00{self._tag}:{variable}\x00"

    def word(self, text: str, *, json_escaped: bool = False) -> str:
        """One shell word for ``text``, where each placeholder becomes a ``${VARIABLE}``.

        Without placeholders the word is single-quoted; with them it is double-quoted and
        every character still special inside double quotes is escaped, so only the
        references expand. ``json_escaped``: the placeholders went through ``json.dumps``.
        """
        # re.split with a group gives text, variable, text, variable, ..., text.
        parts = (self._json if json_escaped else self._plain).split(text)
        if len(parts) == 1:
            return shlex.quote(text)
        words = (
            f"${{{part}}}" if index % 2 else part.translate(_DOUBLE_QUOTE_SPECIAL)
            for index, part in enumerate(parts)
        )
        return '"' + "".join(words) + '"'


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Parts:
    """What both exports share: the base URL, App ID, credentials and body, as shell text."""

    def __init__(
        self, draft: Draft, *, reveal: bool, credentials: Credentials | None, sandbox_url: str
    ) -> None:
        self.words = _ShellWords()
        endpoint = endpoints.resolve(draft.endpoint)
        self.sandbox = endpoint.sandbox
        self.base_url = sandbox_url if self.sandbox else endpoint.primary
        self.variables: list[str] = []
        app_id = draft.app_id or (endpoints.SANDBOX_APP_ID if self.sandbox else "")
        self.app_id = app_id or self.refer(APP_ID_ENV)
        if self.sandbox:
            # The sandbox's own pair is published, not a secret; no other pair works there.
            pair = f"{endpoints.SANDBOX_CUSTOMER_ID}:{endpoints.SANDBOX_CUSTOMER_SECRET}"
        elif reveal and credentials is not None:
            pair = f"{credentials.customer_id}:{credentials.customer_secret}"
        else:
            pair = f"{self.refer(CUSTOMER_ID_ENV)}:{self.refer(CUSTOMER_SECRET_ENV)}"
        self.user = self.words.word(pair)
        self.body = draft.request_body()
        refer = self.words.placeholder
        self._note(refer_to_secrets(self.body, refer, reveal=reveal, mode=draft.mode))
        self.acquire_body = {
            "cname": self.body.get("cname"),
            "uid": self.body.get("uid"),
            "clientRequest": {
                "scene": acquire_scene_for(draft.mode, self.body),
                **draft.acquire_options,
            },
        }
        self._note(refer_to_secrets(self.acquire_body, refer, reveal=reveal))

    def refer(self, variable: str) -> str:
        self._note([variable])
        return self.words.placeholder(variable)

    def _note(self, variables: list[str]) -> None:
        self.variables += [name for name in variables if name not in self.variables]

    def comments(self) -> list[str]:
        lines: list[str] = []
        if self.sandbox:
            served = _(
                "This goes to rec-tui's built-in sandbox, which must be served first: run\n"
                "  {command}\n"
                "in another terminal. The sandbox's own (published) credentials are used."
            ).format(command=SANDBOX_SERVE_COMMAND)
            lines += [f"# {line}" for line in served.split("\n")]
        if self.variables:
            width = max(len(name) for name in self.variables)
            lines.append("# " + _("Set these environment variables first:"))
            lines += [f"#   {name:<{width}}  {meaning(name)}" for name in self.variables]
        return lines


def export_curl(
    draft: Draft,
    *,
    reveal: bool = False,
    credentials: Credentials | None = None,
    resource_id: str | None = None,
    sandbox_url: str = SANDBOX_SERVE_URL,
) -> str:
    """The start request as one curl command (after comment lines saying what to set)."""
    parts = _Parts(draft, reveal=reveal, credentials=credentials, sandbox_url=sandbox_url)
    path = endpoints.call_path(
        "start", parts.app_id, draft.mode, resource_id or parts.refer(RESOURCE_ID_ENV)
    )
    word = parts.words.word
    lines = [
        f"curl -X POST {word(parts.base_url + path)}",
        f"  -u {parts.user}",
        f"  -H {shlex.quote('Content-Type: ' + endpoints.CONTENT_TYPE)}",
        f"  -d {word(_json(parts.body), json_escaped=True)}",
    ]
    return "".join(f"{line}\n" for line in parts.comments()) + " \\\n".join(lines) + "\n"


def _said(message: str, **references: str) -> str:
    """``message`` (already translated) as one double-quoted shell word, each ``{name}`` in
    it replaced by the shell reference ``references[name]`` (``${1}``, ``${status}``): only
    the references expand, whatever characters the translation holds. The braces end each
    name, so the character after it (a full-width colon, say) is never read as part of it."""
    return '"' + message.translate(_DOUBLE_QUOTE_SPECIAL).format(**references) + '"'


def _printed(message: str, **references: str) -> str:
    """A command printing ``message`` (see :func:`_said`) and a newline."""
    return f"printf '%s\\n' {_said(message, **references)}"


def _script_helpers() -> str:
    not_set = _("{variable} is not set: set it to {meaning}, then run this script again.")
    no_curl = _("curl is needed: install it, then run this again.")
    no_python = _("python3 is needed to read the answers: install it, then run this again.")
    return f"""\
set -eu

fail() {{
    printf 'rec-tui script: %s\\n' "$2" >&2
    exit "$1"
}}

require() {{
    eval "given=\\${{$1:-}}"
    [ -n "$given" ] || fail 2 {_said(not_set, variable="${1}", meaning="${2}")}
}}

command -v curl >/dev/null 2>&1 || fail 2 {_said(no_curl)}
command -v python3 >/dev/null 2>&1 \\
    || fail 2 {_said(no_python)}
"""


def _script_calls() -> str:
    no_answer = _("{call}: no answer from {url} (is the address right, and reachable?)")
    answered = _("{call} answered HTTP {status}: {answer}")
    refused = _("{call} was refused (HTTP {status}): the answer above says why.")
    post = _("post CALL URL BODY: send BODY to URL, print the answer; stop unless it is HTTP 200.")
    answer_field = _("answer_field NAME: the string NAME of the last answer, or nothing.")
    return f"""\
answer_file=$(mktemp)
trap 'rm -f "$answer_file"' EXIT

# {post}
post() {{
    status=$(curl -sS -o "$answer_file" -w '%{{http_code}}' -X POST -u "$auth" \\
        -H 'Content-Type: application/json;charset=utf-8' -d "$3" "$2") \\
        || fail 1 {_said(no_answer, call="${1}", url="${2}")}
    answer=$(cat "$answer_file")
    {_printed(answered, call="${1}", status="${status}", answer="${answer}")}
    [ "$status" = 200 ] || fail 1 {_said(refused, call="${1}", status="${status}")}
}}

# {answer_field}
answer_field() {{
    printf '%s' "$answer" | python3 -c '
import json, sys
try:
    value = json.load(sys.stdin).get(sys.argv[1])
except (ValueError, AttributeError):
    value = None
print(value if isinstance(value, str) else "")' "$1"
}}
"""


def export_shell(
    draft: Draft,
    *,
    reveal: bool = False,
    credentials: Credentials | None = None,
    sandbox_url: str = SANDBOX_SERVE_URL,
) -> str:
    """A POSIX shell script: acquire, then start with the resourceId acquire answered."""
    parts = _Parts(draft, reveal=reveal, credentials=credentials, sandbox_url=sandbox_url)
    base = "${" + SANDBOX_URL_ENV + ":-" + sandbox_url + "}" if parts.sandbox else None
    base_url, app_id, resource_id, sid = (
        parts.words.placeholder(name) for name in ("base_url", "app_id", "resource_id", "sid")
    )
    acquire_url = base_url + endpoints.call_path("acquire", app_id)
    start_url = base_url + endpoints.call_path("start", app_id, draft.mode, resource_id)
    query_url = base_url + endpoints.call_path("query", app_id, draft.mode, resource_id, sid)
    word = parts.words.word
    no_resource_id = _("the acquire answer has no resourceId.")
    no_sid = _("the start answer has no sid.")
    started = _("Recording started: resourceId {resource_id}, sid {sid}")
    lines = [
        "#!/bin/sh",
        "# "
        + _("Acquire a resource, then start a {mode} recording with it (from rec-tui).").format(
            mode=draft.mode
        ),
        *parts.comments(),
        "# " + _("Needs curl, and python3 to read resourceId and sid from the answers."),
        _script_helpers(),
        *(f"require {name} {shlex.quote(meaning(name))}" for name in parts.variables),
        "",
        f'base_url="{base}"' if base else f"base_url={shlex.quote(parts.base_url)}",
        f"app_id={word(parts.app_id)}",
        f"auth={parts.user}",
        "",
        _script_calls(),
        f"post acquire {word(acquire_url)} \\",
        f"    {word(_json(parts.acquire_body), json_escaped=True)}",
        "resource_id=$(answer_field resourceId)",
        f'[ -n "$resource_id" ] || fail 1 {_said(no_resource_id)}',
        f"post start {word(start_url)} \\",
        f"    {word(_json(parts.body), json_escaped=True)}",
        "sid=$(answer_field sid)",
        f'[ -n "$sid" ] || fail 1 {_said(no_sid)}',
        _printed(started, resource_id="${resource_id}", sid="${sid}"),
        f"query_url={word(query_url)}",
        _printed(_("Query it with GET {url}"), url="${query_url}"),
    ]
    return "\n".join(lines) + "\n"
