"""A curl command: its URL, method, Basic auth and ``-d`` body."""

from __future__ import annotations

import base64
import re
import shlex
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from rec_tui.formats.importers.json_body import parse_object
from rec_tui.formats.importers.references import (
    body_references,
    is_reference,
    point_out,
    references_in,
)
from rec_tui.formats.importers.result import ImportProblem, ImportResult
from rec_tui.formats.importers.url import UserInfo, read_url
from rec_tui.i18n import N_, _
from rec_tui.request.redact import SECRET_HEADERS
from rec_tui.store.secrets import Credentials

if TYPE_CHECKING:
    from rec_tui.spec.problems import Problem

_DATA_OPTIONS: Final = frozenset(
    {"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"}
)
# curl options that take a value we do not need (so the value is not taken for the URL).
_VALUE_OPTIONS: Final = frozenset(
    {
        "-o", "--output", "-m", "--max-time", "--connect-timeout", "-A", "--user-agent",
        "-e", "--referer", "-x", "--proxy", "-w", "--write-out", "--retry", "-b",
        "--cookie", "-c", "--cookie-jar", "--cacert", "--cert", "--key", "-T",
        "--upload-file", "--resolve", "--interface",
    }
)  # fmt: skip


@dataclass
class _Curl:
    url: str | None = None
    method: str | None = None
    headers: list[str] = field(default_factory=list)
    user: str | None = None
    data: list[str] = field(default_factory=list)


def import_curl(command: str) -> ImportResult:
    """The body, URL facts and credentials of a curl command; nothing is read from here.

    Variables stay as written, and ``-d @file`` is refused: the file is on the customer's
    machine, and reading one of ours instead would put local data into the request.
    """
    curl = _parse_curl_arguments(_split(re.sub(r"^\$\s+", "", command)))
    if not curl.data:
        raise ImportProblem(_("the curl command has no -d/--data body to import."))
    notices: list[str] = []
    repeated: list[Problem] = []
    body = parse_object("&".join(curl.data), _("the curl -d body"), notices, repeated)
    result = ImportResult(body, "curl", notices=notices, repeated=repeated)
    user_info = None
    if curl.url:
        user_info = read_url(curl.url, result, _("curl command"))
    else:
        result.notices.append(_("The curl command has no URL; App ID and mode were not found."))
    if curl.method and curl.method.upper() != "POST":
        result.notices.append(
            _("The command used {method}; start is sent with POST.").format(method=curl.method)
        )
    found: list[tuple[str, str]] = []
    if curl.url:
        found += [(_("the URL"), name) for name in references_in(_without_user_info(curl.url))]
    result.credentials = _credentials(curl, user_info, result.notices, found)
    found += [
        (_("a header"), name)
        for header in curl.headers
        if not _is_authorization(header)
        for name in references_in(header)
    ]
    found += body_references(body)
    point_out(result, "curl", found)
    return result


# Where Basic auth was found (the credentials' source) → how a notice names it.
_SOURCES: Final = {
    "URL": N_("the URL"),
    "curl -u": N_("the curl -u"),
    "Authorization header": N_("the Authorization header"),
}


def _without_user_info(url: str) -> str:
    return re.sub(r"//[^/@]*@", "//", url, count=1)


def _is_authorization(header: str) -> bool:
    return header.partition(":")[0].strip().lower() in SECRET_HEADERS


def basic_auth_pair(value: str) -> tuple[str, str] | None:
    """(ID, secret) of a ``Basic …`` Authorization value; None for another scheme.

    Raises ValueError when it is Basic but not valid base64 of UTF-8 text (non-ASCII
    characters included: ``Basic é``).
    """
    scheme, _space, encoded = value.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError("not UTF-8") from error
    customer_id, _colon, secret = decoded.partition(":")
    return customer_id, secret


def _split(command: str) -> list[str]:
    # Line continuations (backslash-newline) join lines, as the shell does.
    joined = re.sub(r"\\[ \t]*\r?\n", " ", command)
    try:
        return shlex.split(joined, comments=False, posix=True)
    except ValueError as error:
        raise ImportProblem(
            _(
                "the curl command cannot be split into arguments: {error}. Check that every "
                "quote is closed."
            ).format(error=error)
        ) from None


def _parse_curl_arguments(words: list[str]) -> _Curl:
    curl = _Curl()
    index = 1
    while index < len(words):
        word = words[index]
        value: str | None = None
        name = word
        if word.startswith("--") and "=" in word:
            name, value = word.split("=", 1)
        elif len(word) > 2 and word[0] == "-" and word[1] in "XHud" and word[1] != "-":
            name, value = word[:2], word[2:]  # attached value: -XPOST, -d'{...}'
        takes_value = name in _DATA_OPTIONS or name in _VALUE_OPTIONS or name in {
            "-X", "--request", "-H", "--header", "-u", "--user", "--url",
        }  # fmt: skip
        if takes_value and value is None:
            index += 1
            if index >= len(words):
                raise ImportProblem(
                    _("curl option {option} needs a value after it.").format(option=name)
                )
            value = words[index]
        index += 1
        if name in ("-X", "--request"):
            curl.method = value
        elif name in ("-H", "--header"):
            curl.headers.append(value or "")
        elif name in ("-u", "--user"):
            curl.user = value
        elif name in _DATA_OPTIONS:
            curl.data.append(_data_value(value or "", name))
        elif name == "--url" or (not name.startswith("-") and curl.url is None):
            curl.url = value if name == "--url" else word
    return curl


def _data_value(value: str, option: str) -> str:
    if option != "--data-raw" and value.startswith("@"):
        raise ImportProblem(
            _(
                "curl {option} {value} reads the body from a file on the customer's machine, "
                "which is not here; paste the body itself, or open that file."
            ).format(option=option, value=value)
        )
    return value


def _credentials(
    curl: _Curl,
    user_info: UserInfo | None,
    notices: list[str],
    found: list[tuple[str, str]],
) -> Credentials | None:
    """The customer ID and secret of Basic auth: header, then -u, then the URL's user info."""
    pair: tuple[str, str] | None = None
    source = ""
    if user_info is not None:
        pair, source = (user_info.user, user_info.password), "URL"
    if curl.user is not None:
        customer_id, separator, secret = curl.user.partition(":")
        pair, source = (customer_id, secret), "curl -u"
        if not separator:
            notices.append(_("The credentials in curl -u have no ':' between ID and secret."))
            pair = None
    for header in curl.headers:
        if not _is_authorization(header):
            continue
        try:
            decoded = basic_auth_pair(header.partition(":")[2])
        except ValueError:
            notices.append(_("The Authorization header is not valid Basic auth; ignored it."))
            continue
        if decoded is not None:
            pair, source = decoded, "Authorization header"
    if pair is None:
        return None
    where = _(_SOURCES[source])
    references = [(where, references_in(part)[0]) for part in pair if is_reference(part)]
    if references:
        found.extend(references)
        return None
    if not all(pair):
        notices.append(
            _("The credentials in {source} lack an ID or a secret; ignored them.").format(
                source=where
            )
        )
        return None
    return Credentials(pair[0], pair[1], source=source)
