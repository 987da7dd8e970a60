"""The shape of one field declaration.

Every field of the ``start`` body, and of the session (``session.appId``,
``session.acquire.*``), is declared exactly once as a :class:`Field`. The generic type,
unknown-key and range/choice checks, the JSON Schema export, redaction and the secrets'
environment variables, the wizard's forms and the F1 help are all derived from these
declarations.
"""

from __future__ import annotations

from rec_tui.i18n import CHINESE, _, active_language
from rec_tui.record import Record
from rec_tui.spec.modes import MODES, Mode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, Literal, TypeAlias

# How a value is written on the wire (spec section 2, type legend and section 2.10):
#   string  – a JSON string
#   uid     – a JSON string holding a UID, "1" … "4294967295" (string(uint))
#   int     – a JSON number with a whole value, never a boolean (number(int))
#   float   – a JSON number, never a boolean (number(float))
#   bool    – true or false only
#   url     – a JSON string that must pass the URL check
#   object  – a JSON object whose keys are declared as child fields
#   array   – a JSON array whose items have the kind in ``items``
Kind: TypeAlias = 'Literal["string", "uid", "int", "float", "bool", "url", "object", "array"]'
Requirement: TypeAlias = 'Literal["required", "recommended", "optional"]'

ALL_MODES: Final[frozenset[Mode]] = frozenset(MODES)

# The UID check as a regular expression: decimal digits for 1 … 4294967295. Leading zeros
# are allowed: the UID rules only warn about them (spec section 3, "UID check").
UID_PATTERN: Final = (
    "^0*([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}"
    "|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}"
    "|42949672[0-8][0-9]|429496729[0-5])$"
)


class Choice(Record, frozen=True):
    """One allowed value with the label a person sees for it.

    ``label`` is English, marked for the catalogue with ``N_``; :meth:`shown_label` says it
    in the active language. A label made of a message and parts ("{low}–{high} users")
    keeps both, so it can be made again in another language (:meth:`composed`).
    """

    value: str | int | float | bool
    label: str
    template: str = ""
    parts: tuple[tuple[str, str | int], ...] = ()
    # The modes this value is allowed in, when fewer than its field's ("mp4" in a list of
    # file types): a mode switch sets it aside, as it does a whole field.
    modes: frozenset[Mode] | None = None

    @classmethod
    def composed(cls, value: str | int | float | bool, template: str, **parts: str | int) -> Choice:
        """A choice labelled ``template`` filled with ``parts`` (strings among them are
        translated too: mark them with ``N_``)."""
        return cls(value, template.format(**parts), template, tuple(parts.items()))

    def shown_label(self) -> str:
        """The label in the active language."""
        if not self.template:
            return _(self.label)
        filled = {name: _(part) if isinstance(part, str) else part for name, part in self.parts}
        return _(self.template).format(**filled)


class Field(Record, frozen=True):
    """One field of the ``start`` body.

    ``path`` uses ``[]`` for "every item of this list", e.g.
    ``clientRequest.recordingConfig.transcodingConfig.layoutConfig[].x_axis``.
    ``required_in`` / ``recommended_in`` are the modes in which leaving the field out (while
    its parent object is present) is an error / a warning; conditions on other values
    (such as "layout 3 needs layoutConfig") live in the rules and in ``requirement_note``.
    For ``array`` fields, ``choices`` constrain each item. ``secret`` fields are masked
    everywhere they are shown or written (see :mod:`rec_tui.request.redact`), are kept in the
    keyring, and come from the ``env`` variable when the keyring has no entry.
    """

    path: str
    kind: Kind
    label: str
    help: str
    help_zh: str = ""
    items: Kind | None = None
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    max_items: int | None = None
    choices: tuple[Choice, ...] = ()
    modes: frozenset[Mode] = ALL_MODES
    required_in: frozenset[Mode] = frozenset()
    recommended_in: frozenset[Mode] = frozenset()
    requirement_note: str = ""
    secret: bool = False
    # The environment variable that supplies a secret field's value (exports refer to it,
    # presets fall back to it); every secret field names one.
    env: str = ""
    legacy: bool = False
    # Why the wizard deliberately has no editor for this field ("" when it has one).
    headless: str = ""
    rules: tuple[str, ...] = ()
    # The spec rule (by name) whose problems a value outside ``minimum``/``maximum``/
    # ``choices`` reports. The generic check judges the value from this declaration (see
    # rec_tui.spec.rules.values); "" means the generic rule body.declared_values.
    value_rule: str = ""
    service: str | None = None
    example: Any = None
    # The page that documents a field the seed and the API reference leave out (a URL).
    source: str = ""
    # A regular expression (JSON Schema syntax, matched against the whole string) that the
    # value, or each item of an array, must match; a rule named in ``rules`` reports a value
    # that does not as an error. UIDs have theirs built in (:attr:`value_pattern`).
    pattern: str = ""

    @property
    def key(self) -> str:
        """The last segment of the path, as it appears in the JSON object."""
        tail = self.path.rsplit(".", 1)[-1]
        return tail.removesuffix("[]")

    @property
    def parent(self) -> str:
        """The path of the object that holds this field ('' for root keys)."""
        return self.path.rsplit(".", 1)[0] if "." in self.path else ""

    @property
    def value_pattern(self) -> str:
        """The pattern a string value (each item, for an array) must match; "" for none."""
        if self.kind == "uid" or self.items == "uid":
            return UID_PATTERN
        return self.pattern

    def said_help(self) -> str:
        """The field's help in the active language: in Chinese the seed's own sentence
        (``help_zh``) where it has one, else the catalogue's translation of the English."""
        if self.help_zh and active_language() == CHINESE:
            return self.help_zh
        return _(self.help)

    @property
    def choice_values(self) -> tuple[str | int | float | bool, ...]:
        return tuple(choice.value for choice in self.choices)

    def label_for(self, value: object) -> str | None:
        for choice in self.choices:
            if choice.value == value and type(choice.value) is type(value):
                return choice.label
        return None

    def requirement(self, mode: Mode) -> Requirement:
        if mode in self.required_in:
            return "required"
        if mode in self.recommended_in:
            return "recommended"
        return "optional"

    def applies_to(self, mode: Mode) -> bool:
        return mode in self.modes
