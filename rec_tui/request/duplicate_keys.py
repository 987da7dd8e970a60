"""Keys written more than once in one object of a JSON body the customer sent.

Python's :mod:`json`, like most JSON readers, keeps the value written last, and so does
rec-tui; what Agora's server does with a duplicate is not documented, so guessing either
way would be wrong. Each repeat is therefore a warning that says where it is (JSON path,
line and column of the repeat) and which value rec-tui kept, never an error: the body is
still the customer's. A secret's value, or an object or list that may hold one, is
described rather than shown.

Loaded only for a body that has a duplicate: :func:`rec_tui.formats.jsonfile.load_json_document`
notices one while parsing, at almost no cost, and only then are they located here.
"""

from __future__ import annotations

from rec_tui.i18n import _
from rec_tui.record import Record
from rec_tui.request.json_text import repeated_keys
from rec_tui.request.redact import secret_key
from rec_tui.request.unsendable import RULE_ID
from rec_tui.spec import jsonpath
from rec_tui.spec.problems import WARNING, Problem
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

NAME: Final = "body.duplicate_key"


class DuplicateKey(Record, frozen=True):
    """A key written again in the same object: its path, where the repeat is (1-based),
    and what to say about it."""

    path: str
    line: int
    column: int
    message: str
    hint: str

    def problem(self) -> Problem:
        """As a validator finding (``rec-tui validate``)."""
        return Problem(NAME, RULE_ID, WARNING, self.path, self.message, self.hint)

    def notice(self, what: str) -> str:
        """As an import notice; ``what`` names the text it was found in ("the JSON body")."""
        # The path leads: ``what`` may be a file name, which must not be capitalised.
        return _("{path} (in {what}): {message} {hint}").format(
            what=what, path=self.path, message=self.message, hint=self.hint
        )


def find(text: str, body: Any) -> list[DuplicateKey]:
    """Every repeated key of ``text``, which :mod:`json` read as ``body``."""
    found = []
    for path, position in repeated_keys(text):
        key = jsonpath.parse(path)[-1]
        message = _(
            "{key} is written more than once in this object; this repeat is at line {line}, "
            "column {column}. rec-tui kept the value written last: {kept}. Agora does not "
            "document which one its server reads."
        ).format(
            key=shown(key),
            line=position.line,
            column=position.column,
            kept=_kept(key, jsonpath.get(body, path)),
        )
        hint = _("Keep one {key} in this object, the value the customer meant.").format(
            key=shown(key)
        )
        found.append(DuplicateKey(path, position.line, position.column, message, hint))
    return found


def _kept(key: object, value: Any) -> str:
    """The kept value as a message may show it: never a secret, nor what may hold one."""
    if secret_key(key):
        return _("a secret, not shown")
    if isinstance(value, dict):
        return _("the object written last")
    if isinstance(value, list):
        return _("the list written last")
    return shown(value)
