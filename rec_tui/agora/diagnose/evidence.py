"""Quoting the material as evidence, with every secret masked.

Tokens, Basic credentials, ``-u user:secret`` and the values of secret JSON keys are
masked by shape; the secret values found in the ticket's bodies are also scrubbed
wherever else they appear (a storage key echoed in a log line).
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from rec_tui.agora.diagnose.model import Call, Exchange
from rec_tui.i18n import _
from rec_tui.request.redact import MASK, redact_body, redact_text, secret_values

_SECRET_SHAPES: Final = re.compile(
    r"(?<![A-Za-z0-9+/])00[67][A-Za-z0-9+/=%]{16,}"
    r"|(?P<scheme>(?i:basic)\s+)[A-Za-z0-9+/=]{8,}"
    r"|(?P<user>(?:-u|--user)\s+)\S+"
    r'|(?P<key>"(?:token|secret|salt|accessKey|secretKey|stsToken)"\s*:\s*)"[^"]*"'
)
_LONGEST: Final = 160


def _masked_shape(found: re.Match[str]) -> str:
    if found.group("key"):
        return f'{found.group("key")}"{MASK}"'
    return (found.group("scheme") or found.group("user") or "") + MASK


class Quoter:
    """Quotes lines and bodies of one exchange, secrets masked."""

    def __init__(self, exchange: Exchange) -> None:
        self.lines = exchange.text.split("\n")
        self.secrets: set[str] = set()
        for call in exchange.calls:
            self.secrets |= secret_values(call.body)
        self.secrets |= {token for _line, token in exchange.loose_tokens}

    def mask(self, text: str) -> str:
        return _SECRET_SHAPES.sub(_masked_shape, redact_text(text, self.secrets))

    def line(self, number: int) -> str:
        text = self.mask(self.lines[number - 1].strip())
        if len(text) > _LONGEST:
            text = text[: _LONGEST - 1] + "…"
        return _("line {number}: {text}").format(number=number, text=text)

    def body(self, call: Call, *paths: str) -> str:
        """The body's values at ``paths`` (dotted), or the whole body shortened."""
        body = redact_body(call.body or {})
        where = _("line {number}: {call} body").format(
            number=call.body_line or call.line, call=call.kind or _("request")
        )
        if paths:
            shown = {path: _at(body, path) for path in paths}
            return f"{where} " + _(", ").join(
                f"{path} = {_shown(value)}" for path, value in shown.items()
            )
        text = json.dumps(body, ensure_ascii=False)
        if len(text) > _LONGEST:
            text = text[: _LONGEST - 1] + "…"
        return f"{where} {self.mask(text)}"

    def answer(self, call: Call) -> str:
        assert call.answer is not None
        return self.line(call.answer.line)


_NOT_SET: Final = object()


def _at(body: Any, path: str) -> Any:
    value = body
    for key in path.split("."):
        value = value.get(key, _NOT_SET) if isinstance(value, dict) else _NOT_SET
    return value


def _shown(value: Any) -> str:
    return _("(not set)") if value is _NOT_SET else json.dumps(value, ensure_ascii=False)


def joined(names: list[str]) -> str:
    """``a and b and c``, in the active language."""
    text = names[0]
    for name in names[1:]:
        text = _("{first} and {second}").format(first=text, second=name)
    return text


def likely_causes(causes: list[str]) -> str:
    """A fix that lists ``causes`` numbered, most likely first, each with what confirms it."""
    numbered = (f"{number}. {cause}" for number, cause in enumerate(causes, 1))
    return "\n".join([_("Likely causes, most likely first:"), *numbered])
