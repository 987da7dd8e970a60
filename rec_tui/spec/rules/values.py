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
    from typing import Any, Final, TypeAlias

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

    __slots__ = ("choice_values", "declared", "first_keys", "kind", "lists", "modes", "tokens")

    def __init__(self, declared: Field) -> None:
        self.declared = declared
        self.modes = judged_in(declared)
        self.tokens = tuple(jsonpath.parse(declared.path))
        # The path as the keys to follow from the body, then for each list level ([]) on
        # the way: whether that list is extensionServices (whose items other than the
        # field's own service are skipped) and the keys to follow from each item.
        segments: list[list[jsonpath.Token]] = [[]]
        lists: list[bool] = []
        for position, token in enumerate(self.tokens):
            if token == jsonpath.ANY_INDEX:
                in_services = jsonpath.join(self.tokens[:position]).endswith(_SERVICES)
                lists.append(bool(declared.service) and in_services)
                segments.append([])
            else:
                segments[-1].append(token)
        self.first_keys = tuple(segments[0])
        self.lists = tuple(zip(lists, map(tuple, segments[1:]), strict=True))
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


# (the list indices on the way, the value)
Place: TypeAlias = "tuple[tuple[int, ...], Any]"


def instances(body: Any, judged: _Judged) -> list[Place]:
    """(list indices on the way, value) of every place in ``body`` the field stands (items
    one by one for an array, with their index last), skipping absent values and other
    services' parameters, in the body's order."""
    # Level by level rather than recursively: no call per list item (a tile field has 17).
    places = _follow([((), body)], judged.first_keys)
    service = judged.declared.service
    for own_service_only, keys in judged.lists:
        items: list[Place] = []
        for indices, node in places:
            if not isinstance(node, list):
                continue
            for index, item in enumerate(node):
                if own_service_only and (
                    not isinstance(item, dict) or item.get("serviceName") != service
                ):
                    continue
                items.append(((*indices, index), item))
        places = _follow(items, keys)
    if judged.declared.kind != "array":
        return [place for place in places if place[1] is not None]
    values: list[Place] = []
    for indices, value in places:
        if isinstance(value, list):
            values.extend(((*indices, index), item) for index, item in enumerate(value))
        elif value is not None:
            values.append((indices, value))
    return values


def _follow(places: list[Place], keys: tuple[jsonpath.Token, ...]) -> list[Place]:
    """The places reached from each of ``places`` through the object keys ``keys``."""
    reached: list[Place] = []
    for indices, node in places:
        for key in keys:
            if not (isinstance(key, str) and isinstance(node, dict) and key in node):
                break
            node = node[key]
        else:
            reached.append((indices, node))
    return reached


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
