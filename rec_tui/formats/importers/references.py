"""Shell variables in what a customer sent (``$AGORA_CUSTOMER_SECRET``, ``${REC_TUI_TOKEN}``).

They name values on the *customer's* machine. An import never fills them in from this
machine's environment (a pasted command must not be able to make rec-tui read and send
the engineer's own secrets); they stay as written and each one is pointed out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from rec_tui.formats.importers.result import ImportResult
from rec_tui.i18n import _
from rec_tui.request.redact import secret_key
from rec_tui.spec import jsonpath

ENV_REFERENCE: Final = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")


def is_reference(value: str) -> bool:
    """Whether ``value`` is nothing but a variable reference (``$NAME`` or ``${NAME}``)."""
    return ENV_REFERENCE.fullmatch(value.strip()) is not None


def references_in(text: str) -> list[str]:
    return [match.group(1) for match in ENV_REFERENCE.finditer(text)]


def body_references(body: Any) -> Iterator[tuple[str, str]]:
    """(path, variable) for each reference in the body's strings.

    A secret's value counts only when it is a reference as a whole: a real secret that
    happens to contain ``$`` must not be quoted, even in part, in a notice.
    """
    for path, value in jsonpath.walk(body):
        if not isinstance(value, str) or "$" not in value:
            continue
        key = jsonpath.parse(path)[-1] if path else None
        if secret_key(key):
            if is_reference(value):
                yield path, references_in(value)[0]
        else:
            for name in references_in(value):
                yield path, name


def point_out(result: ImportResult, what: str, found: Iterable[tuple[str, str]]) -> None:
    """One notice per variable, naming where it stands."""
    places: dict[str, list[str]] = {}
    for where, name in found:
        seen = places.setdefault(name, [])
        if where not in seen:
            seen.append(where)
    for name, wheres in places.items():
        result.notices.append(
            _(
                "The customer's {what} refers to ${name} (in {places}); it stays as "
                "written: rec-tui never fills in values from this machine's environment."
            ).format(what=what, name=name, places=", ".join(wheres))
        )
