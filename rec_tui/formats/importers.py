"""Import what customers send: a JSON ``start`` body, a curl command, or text with a body in it.

The result is a body with every key kept as sent (unknown keys included: the validator
flags them), plus whatever the input said about the request: mode, App ID, resource ID,
sid, endpoint and the customer credentials of Basic auth. Credentials are never stored
here: :func:`settle_credentials` stores them only when the user agreed, and drops them
with a notice otherwise.

Secrets written as environment variable references (``"$REC_TUI_TOKEN"``, as rec-tui's
own curl export writes them) are filled in from the environment when it has them, and
left out with a notice when it does not.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from rec_tui.errors import RecTuiError
from rec_tui.formats.jsonfile import JsonInputError, load_json_text
from rec_tui.request import endpoints
from rec_tui.request.redact import SECRET_KEYS
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import MODES, Mode
from rec_tui.store.secrets import (
    CUSTOMER_ID_ENV,
    CUSTOMER_SECRET_ENV,
    Credentials,
    SecretStore,
    store_customer_credentials,
)

Kind = Literal["json", "curl", "text"]

_URL_PATTERN: Final = re.compile(
    r"/v1/apps/(?P<app_id>[^/]+)/cloud_recording/"
    r"(?:resourceid/(?P<resource_id>[^/]+)/)?(?:sid/(?P<sid>[^/]+)/)?"
    r"(?:mode/(?P<mode>[^/]+)/)?(?P<call>[A-Za-z]+)/?$"
)
_ENV_REFERENCE: Final = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")
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
_START_BODY_KEYS: Final = frozenset({"cname", "uid", "clientRequest"})


class ImportProblem(RecTuiError):
    """Input that cannot be imported; the message says where (line, column) and why."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")
        self.line = line
        self.column = column


@dataclass
class ImportResult:
    body: dict[str, Any]
    kind: Kind
    mode: Mode | None = None
    app_id: str | None = None
    resource_id: str | None = None
    sid: str | None = None
    endpoint: str | None = None
    credentials: Credentials | None = None
    notices: list[str] = field(default_factory=list)


def import_text(text: str, environ: Mapping[str, str] | None = None) -> ImportResult:
    """Recognise and import ``text``; raises :class:`ImportProblem`, never changes anything."""
    env = os.environ if environ is None else environ
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        raise ImportProblem("nothing to import: paste a JSON body, a curl command or a log line.")
    if re.match(r"^(\$\s+)?curl\s", stripped):
        result = _import_curl(re.sub(r"^\$\s+", "", stripped), env)
    elif stripped.startswith(("{", "[")):
        try:
            value = _parse_object(text, "the JSON body")
        except ImportProblem as problem:
            # A log record that starts with an object ({"ts":…} {"cname":…}) is text.
            found = _body_in_text_or_none(text)
            if found is None:
                raise problem from None
            value = found
        inner = _body_within(value)
        result = ImportResult(value if inner is None else inner, "json")
        if inner is not None and inner is not value:
            result.notices.append("Took the start body found inside the JSON.")
    else:
        result = ImportResult(_find_body(text), "text")
        result.notices.append("Took the start body found inside the text.")
    _fill_secret_references(result, env)
    return result


def import_file(path: str | Path, environ: Mapping[str, str] | None = None) -> ImportResult:
    file = Path(path).expanduser()
    try:
        text = file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ImportProblem(f"{file}: no such file.") from None
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"{file}: not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8."
        ) from None
    except OSError as error:
        raise ImportProblem(f"{file}: cannot be read ({error.strerror or error}).") from None
    try:
        return import_text(text, environ)
    except ImportProblem as problem:
        raise ImportProblem(f"{file}: {problem.message}") from None


def settle_credentials(result: ImportResult, store: SecretStore | None, agreed: bool) -> None:
    """Store the imported customer ID and secret if the user agreed; else drop them.

    Either way ``result.credentials`` is cleared and a notice says what happened.
    """
    credentials, result.credentials = result.credentials, None
    if credentials is None:
        return
    if agreed and store is not None:
        store_customer_credentials(store, credentials)
        where = "the keyring" if store.persistent else "memory for this session"
        result.notices.append(
            f"Stored the customer ID and secret in {where} ({store.backend_name})."
        )
    else:
        result.notices.append(
            "The customer ID and secret found in the input were dropped, not stored. "
            f"Supply them through the keyring or {CUSTOMER_ID_ENV}/{CUSTOMER_SECRET_ENV}."
        )


# --- JSON -------------------------------------------------------------------------------


def _parse_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = load_json_text(text, what)
    except JsonInputError as error:
        raise ImportProblem(f"{what} is {error.reason}", error.line, error.column) from None
    if not isinstance(value, dict):
        raise ImportProblem(
            f"{what} is a JSON {_json_type(value)}, but a start body is an object {{…}}."
        )
    return value


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, int | float) else "null"


def _looks_like_body(value: Any) -> bool:
    return isinstance(value, dict) and bool(_START_BODY_KEYS & value.keys())


def _objects_in(text: str) -> Iterator[dict[str, Any]]:
    """The outermost JSON objects in free text, left to right."""
    decoder = json.JSONDecoder()
    position = text.find("{")
    while position != -1:
        try:
            value, end = decoder.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError):
            position = text.find("{", position + 1)
            continue
        if isinstance(value, dict):
            yield value
        position = text.find("{", end)


def _body_within(value: Any) -> dict[str, Any] | None:
    """The start body in a JSON value: itself, a nested object, or a JSON string in it."""
    if _looks_like_body(value):
        return value
    children: list[Any] = []
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, list):
        children = value
    elif isinstance(value, str) and value.lstrip().startswith("{"):
        children = list(_objects_in(value))  # a body logged as an escaped JSON string
    for item in children:
        found = _body_within(item)
        if found is not None:
            return found
    return None


def _body_in_text_or_none(text: str) -> dict[str, Any] | None:
    for candidate in _objects_in(text):
        found = _body_within(candidate)
        if found is not None:
            return found
    return None


def _find_body(text: str) -> dict[str, Any]:
    found = _body_in_text_or_none(text)
    if found is not None:
        return found
    if any(True for _ in _objects_in(text)):
        raise ImportProblem(
            "found JSON objects in the text, but none looks like a start body (an object "
            "with cname, uid or clientRequest). Paste the request body itself."
        )
    brace = text.find("{")
    if brace == -1:
        raise ImportProblem(
            "no JSON object found: paste a JSON start body, a curl command, or a log line "
            "that contains the body."
        )
    # There is a body but it does not parse: report where, relative to the whole text.
    try:
        json.JSONDecoder().raw_decode(text, brace)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"the JSON in the text is not valid: {error.msg}.", error.lineno, error.colno
        ) from None
    raise ImportProblem("the JSON in the text could not be read.")


# --- curl -------------------------------------------------------------------------------


@dataclass
class _Curl:
    url: str | None = None
    method: str | None = None
    headers: list[str] = field(default_factory=list)
    user: str | None = None
    data: list[str] = field(default_factory=list)


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


def _import_curl(command: str, env: Mapping[str, str]) -> ImportResult:
    curl = _parse_curl_arguments(_split(command))
    if not curl.data:
        raise ImportProblem("the curl command has no -d/--data body to import.")
    body = _parse_object("&".join(curl.data), "the curl -d body")
    result = ImportResult(body, "curl")
    if curl.url:
        _read_url(curl.url, result, env)
    else:
        result.notices.append("The curl command has no URL; App ID and mode were not found.")
    if curl.method and curl.method.upper() != "POST":
        result.notices.append(f"The command used {curl.method}; start is sent with POST.")
    result.credentials = _credentials(curl, env, result.notices)
    return result


def _resolved(value: str, env: Mapping[str, str]) -> str | None:
    """A value, or the environment's value when it is just ``$NAME``; None if unset."""
    match = _ENV_REFERENCE.fullmatch(value)
    if match is None:
        return value
    return env.get(match.group(1)) or None


def _read_url(url: str, result: ImportResult, env: Mapping[str, str]) -> None:
    parts = urlsplit(url)
    found = _URL_PATTERN.search(parts.path)
    if found is None:
        result.notices.append(
            f"The URL path {parts.path!r} is not a Cloud Recording call; App ID and mode not read."
        )
        return
    if found.group("call") != "start":
        result.notices.append(f"The URL is a {found.group('call')} call, not start.")
    result.app_id = _resolved(found.group("app_id"), env)
    if found.group("resource_id"):
        result.resource_id = _resolved(found.group("resource_id"), env)
    if found.group("sid"):
        result.sid = _resolved(found.group("sid"), env)
    mode = found.group("mode")
    if mode in MODES:
        result.mode = mode
    elif mode:
        result.notices.append(
            f"The URL names mode {mode!r}, which is not one of {', '.join(MODES)}."
        )
    result.endpoint = _endpoint_of(f"{parts.scheme}://{parts.netloc}")


def _endpoint_of(base_url: str) -> str:
    host = base_url.split("://", 1)[-1].lower()
    if base_url == endpoints.SANDBOX_BASE_URL:
        return endpoints.SANDBOX
    if host == endpoints.GLOBAL_HOSTS[0]:
        return "global"
    if host == endpoints.GLOBAL_HOSTS[1]:
        return "global-cn"
    prefix = host.removesuffix(".agora.io")
    if prefix in endpoints.REGION_NEIGHBOURS:
        return f"region:{prefix}"
    return base_url


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
    resolved_id, resolved_secret = _resolved(customer_id, env), _resolved(secret, env)
    if not resolved_id or not resolved_secret:
        notices.append(
            f"The {source} refers to {CUSTOMER_ID_ENV}/{CUSTOMER_SECRET_ENV}, which are not "
            "set here; the wizard will use the keyring or the environment when sending."
        )
        return None
    if (resolved_id, resolved_secret) != (customer_id, secret):
        return None  # they came from this machine's environment: nothing to import
    return Credentials(resolved_id, resolved_secret, source=source)


# --- secrets given as environment references ------------------------------------------------


def _fill_secret_references(result: ImportResult, env: Mapping[str, str]) -> None:
    for path, value in list(jsonpath.walk(result.body)):
        key = jsonpath.parse(path)[-1] if path else None
        if key not in SECRET_KEYS or not isinstance(value, str):
            continue
        match = _ENV_REFERENCE.fullmatch(value)
        if match is None:
            continue
        variable = match.group(1)
        if env.get(variable):
            jsonpath.set_value(result.body, path, env[variable])
        else:
            jsonpath.remove(result.body, path)
            result.notices.append(
                f"{path} refers to ${variable}, which is not set here; fill it in "
                f"(or set {variable} and import again)."
            )
