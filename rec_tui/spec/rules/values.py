"""The generic check of declared ranges and choices, and the rule for fields no spec rule names.

A field that declares ``minimum``/``maximum`` or ``choices`` is judged here, wherever it
stands in the body (every item of a list, the ``serviceParam`` of its own service only),
and the problem carries the spec rule the field names in ``value_rule`` (R35
``rec.streamTypes`` for streamTypes, say), so messages, rule names and the rule-coverage
test keep their meaning. A new ranged field is validated without writing a rule: with no
``value_rule`` its problems go to ``body.declared_values``.

A field is judged in the modes its enclosing objects apply to (transcodingConfig's insides
in mix mode; a service's parameters where that service applies, web mode for the web
recorder); where a whole object does not apply, another rule says so once. A field that
merely does not apply in a mode (audioProfile outside mix) is still judged there: its rule
also warns that it is ignored. Values of the wrong JSON type are left to R17, ``""`` in a string
to the rules on unset values, so each mistake is reported once.
"""

from __future__ import annotations

from functools import cache

from rec_tui.i18n import N_, _
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Field
from rec_tui.spec.modes import MODES, Mode
from rec_tui.spec.rules import Check, Findings, by_name, rule
from rec_tui.spec.rules.context import Context, as_int, is_number
from rec_tui.spec.rules.quoting import bound, listed, one_of, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

GENERIC_RULE: Final = "body.declared_values"
_SERVICES: Final = "extensionServices"


def has_declared_values(declared: Field) -> bool:
    return bool(declared.choices) or declared.minimum is not None or declared.maximum is not None


def value_rule_of(declared: Field) -> str:
    return declared.value_rule or GENERIC_RULE


def judged_in(declared: Field) -> frozenset[Mode]:
    """The modes in which the objects around the field (or its service) apply."""
    return _judged_in(declared.path, declared.service)


@cache
def _judged_in(path: str, service: str | None) -> frozenset[Mode]:
    declared = catalogue.field(path, service)
    modes = frozenset(declared.modes) if declared.service is not None else frozenset(MODES)
    parent = declared.parent
    while parent:
        holder_path = parent.removesuffix("[]")
        holder = catalogue.lookup(holder_path, declared.service) or catalogue.lookup(holder_path)
        if holder is not None:
            modes &= holder.modes
        parent = holder_path.rsplit(".", 1)[0] if "." in holder_path else ""
    return modes


@cache
def _judged_by() -> dict[str, tuple[Field, ...]]:
    grouped: dict[str, list[Field]] = {}
    for declared in catalogue.ALL_FIELDS:
        if has_declared_values(declared):
            grouped.setdefault(value_rule_of(declared), []).append(declared)
    return {name: tuple(fields) for name, fields in grouped.items()}


def checks_by_rule() -> dict[str, Check]:
    """For each rule some field names as its ``value_rule``, the check of those fields."""
    return {name: _judge(name, fields) for name, fields in _judged_by().items()}


class _Judged:
    """One field as the generic check walks to it, worked out once instead of on every
    check (one runs per keystroke in the wizard): its path's tokens, at which of them the
    items are another service's parameters to skip, and what its values are judged as."""

    __slots__ = ("choice_values", "declared", "kind", "modes", "services_at", "tokens")

    def __init__(self, declared: Field) -> None:
        self.declared = declared
        self.modes = judged_in(declared)
        self.tokens = tuple(jsonpath.parse(declared.path))
        # At a list level: whether that list is extensionServices, whose items other than
        # the field's own service are skipped.
        self.services_at = tuple(
            jsonpath.join(self.tokens[:position]).endswith(_SERVICES)
            for position in range(len(self.tokens))
        )
        self.kind = declared.items if declared.kind == "array" else declared.kind
        self.choice_values = declared.choice_values

    def path(self, indices: tuple[int, ...]) -> str:
        """The body path of a place: the ``[]`` of the declared path filled with
        ``indices`` in order, and one more index at the end for an array's item."""
        filled = iter(indices)
        tokens = [next(filled) if token == jsonpath.ANY_INDEX else token for token in self.tokens]
        tokens.extend(filled)
        return jsonpath.join(tokens)


def _judge(name: str, fields: tuple[Field, ...]) -> Check:
    judged = tuple(_Judged(declared) for declared in fields)
    registered = by_name(name)
    warn = registered is not None and registered.severity == "W"

    def judge(ctx: Context, out: Findings) -> None:
        for field_ in judged:
            if ctx.mode in field_.modes:
                judge_field(ctx, out, field_, warn=warn)

    return judge


def judge_field(ctx: Context, out: Findings, judged: _Judged, *, warn: bool = False) -> None:
    """Report each value of the field outside its range or choices (as warnings for a
    rule whose spec severity is W)."""
    declared = judged.declared
    for indices, raw in instances(ctx.body, judged):
        complaint = _complaint(judged, raw)
        if complaint is None:
            continue
        # The path is spelled out only for a value reported: most values fit.
        path = judged.path(indices)
        if warn:
            message = _("{subject} should be {expected}; got {value}.")
        else:
            message = _("{subject} must be {expected}; got {value}.")
        message = message.format(
            subject=_subject(declared, path), expected=complaint, value=shown(raw)
        )
        if warn:
            out.warning(path, message, _hint(declared))
        else:
            out.error(path, message, _hint(declared))


def _subject(declared: Field, path: str) -> str:
    """What a message calls the value: its key, or from the list it is in when it is an
    item's (``layoutConfig[0].alpha``), so the reader knows which one."""
    if "[" not in path:
        return declared.key
    start = path.rfind(".", 0, path.find("["))
    return path[start + 1 :]


def instances(body: Any, judged: _Judged) -> list[tuple[tuple[int, ...], Any]]:
    """(list indices on the way, value) of every place in ``body`` the field stands (items
    one by one for an array, with their index last), skipping absent values and other
    services' parameters."""
    found: list[tuple[tuple[int, ...], Any]] = []
    _descend(body, judged, 0, (), found)
    if judged.declared.kind != "array":
        return [place for place in found if place[1] is not None]
    places: list[tuple[tuple[int, ...], Any]] = []
    for indices, value in found:
        if isinstance(value, list):
            places.extend(((*indices, index), item) for index, item in enumerate(value))
        elif value is not None:
            places.append((indices, value))
    return places


def _descend(
    node: Any,
    judged: _Judged,
    start: int,
    indices: tuple[int, ...],
    found: list[tuple[tuple[int, ...], Any]],
) -> None:
    # Iterative over the named keys: only list levels ([]) branch.
    tokens, service = judged.tokens, judged.declared.service
    for position in range(start, len(tokens)):
        token = tokens[position]
        if token == jsonpath.ANY_INDEX:
            if not isinstance(node, list):
                return
            own_service_only = bool(service) and judged.services_at[position]
            for index, item in enumerate(node):
                other_service = not isinstance(item, dict) or item.get("serviceName") != service
                if own_service_only and other_service:
                    continue
                _descend(item, judged, position + 1, (*indices, index), found)
            return
        if not (isinstance(token, str) and isinstance(node, dict) and token in node):
            return
        node = node[token]
    found.append((indices, node))


def _complaint(judged: _Judged, raw: Any) -> str | None:
    """What the value should be, when it is outside the declaration; None when it fits or
    is of a type another rule judges."""
    declared, kind = judged.declared, judged.kind
    if kind in ("int", "float"):
        if not is_number(raw):
            return None
        whole = kind == "int"
        if declared.choices:
            value = as_int(raw) if whole else raw
            if value is None or value not in judged.choice_values:
                return _listing(declared)
            return None
        if (whole and as_int(raw) is None) or _outside(declared, raw):
            return _range_text(declared, whole)
        return None
    if not isinstance(raw, str) or raw == "" or not declared.choices:
        return None
    return None if raw in judged.choice_values else _listing(declared)


def _outside(declared: Field, raw: float) -> bool:
    low, high = declared.minimum, declared.maximum
    return (low is not None and raw < low) or (high is not None and raw > high)


def _range_text(declared: Field, whole: bool) -> str:
    low, high = declared.minimum, declared.maximum
    if low is not None and high is not None:
        if whole:
            text = _("a whole number from {low} to {high}")
        else:
            text = _("a number from {low} to {high}")
        return text.format(low=bound(low), high=bound(high))
    if low is not None:
        text = _("a whole number of at least {low}") if whole else _("a number of at least {low}")
        return text.format(low=bound(low))
    assert high is not None
    text = _("a whole number of at most {high}") if whole else _("a number of at most {high}")
    return text.format(high=bound(high))


def _listing(declared: Field) -> str:
    return one_of([shown(choice.value) for choice in declared.choices])


def _hint(declared: Field) -> str:
    if declared.choices:
        described = listed(
            [
                _("{value} ({label})").format(value=shown(c.value), label=c.shown_label())
                for c in declared.choices
            ]
        )
        return _("Use {choices}.").format(choices=described)
    whole = (declared.items or declared.kind) == "int"
    return _("Use {expected}.").format(expected=_range_text(declared, whole))


def unknown_value_rules() -> list[str]:
    """``value_rule`` names that no registered rule has (for the catalogue test)."""
    return sorted(
        {value_rule_of(d) for d in catalogue.ALL_FIELDS if by_name(value_rule_of(d)) is None}
    )


@rule(
    "R17b",
    GENERIC_RULE,
    "E",
    N_("a value outside the range or choices its field declares (fields no other rule covers)"),
)
def declared_values(ctx: Context, out: Findings) -> None:
    """All of this rule's work is the generic check that runs before it."""
