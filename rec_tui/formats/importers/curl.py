"""A curl command: its URL, method, Basic auth and ``-d`` body."""

from __future__ import annotations

import base64
import binascii
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from rec_tui.formats.importers.json_body import parse_object
from rec_tui.formats.importers.references import resolved
from rec_tui.formats.importers.result import ImportProblem, ImportResult
from rec_tui.formats.importers.url import read_url
from rec_tui.store.secrets import CUSTOMER_ID_ENV, CUSTOMER_SECRET_ENV, Credentials

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


def is_curl(text: str) -> bool:
    return re.match(r"^(\$\s+)?curl\s", text) is not None


def import_curl(command: str, env: Mapping[str, str]) -> ImportResult:
    curl = _parse_curl_arguments(_split(re.sub(r"^\$\s+", "", command)))
    if not curl.data:
        raise ImportProblem("the curl command has no -d/--data body to import.")
    body = parse_object("&".join(curl.data), "the curl -d body")
    result = ImportResult(body, "curl")
    if curl.url:
        read_url(curl.url, result, env)
    else:
        result.notices.append("The curl command has no URL; App ID and mode were not found.")
    if curl.method and curl.method.upper() != "POST":
        result.notices.append(f"The command used {curl.method}; start is sent with POST.")
    result.credentials = _credentials(curl, env, result.notices)
    return result


def _split(command: str) -> list[str]:
    # Line continuations (backslash-newline) join lines, as the shell does.
    joined = re.sub(r"\\[ \t]*\r?\n", " ", command)
    try:
        return shlex.split(joined, comments=False, posix=True)
    except ValueError as error:
        raise ImportProblem(
            f"the curl command cannot be split into arguments: {error}. Check that every "
            "quote is closed."
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
                raise ImportProblem(f"curl option {name} needs a value after it.")
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
        file = Path(value[1:]).expanduser()
        try:
            return file.read_text(encoding="utf-8")
        except OSError as error:
            raise ImportProblem(
                f"curl {option} {value}: cannot read {file} ({error.strerror or error})."
            ) from None
    return value


def _credentials(curl: _Curl, env: Mapping[str, str], notices: list[str]) -> Credentials | None:
    pair: str | None = curl.user
    source = "curl -u"
    for header in curl.headers:
        name, _, value = header.partition(":")
        scheme, _, encoded = value.strip().partition(" ")
        if name.strip().lower() == "authorization" and scheme.lower() == "basic":
            try:
                pair = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                notices.append("The Authorization header is not valid Basic auth; ignored it.")
                continue
            source = "Authorization header"
    if pair is None:
        return None
    customer_id, separator, secret = pair.partition(":")
    if not separator:
        notices.append(f"The credentials in the {source} have no ':' between ID and secret.")
        return None
    resolved_id, resolved_secret = resolved(customer_id, env), resolved(secret, env)
    if not resolved_id or not resolved_secret:
        notices.append(
            f"The {source} refers to {CUSTOMER_ID_ENV}/{CUSTOMER_SECRET_ENV}, which are not "
            "set here; the wizard will use the keyring or the environment when sending."
        )
        return None
    if (resolved_id, resolved_secret) != (customer_id, secret):
        return None  # they came from this machine's environment: nothing to import
    return Credentials(resolved_id, resolved_secret, source=source)
