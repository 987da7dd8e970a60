"""Rules derived from the field catalogue: R17 `body.types` and R18 `body.unknown_key`.

Both walk the body once along the catalogue: each key of an object is looked up among the
declared children of that object. Objects whose field has no declared children are not
descended (their content is free-form as far as the spec is concerned). The children of
``extensionServices[].serviceParam`` depend on the item's ``serviceName``; the serviceParam
of a service the catalogue does not know (audio moderation, say) is not checked at all.

There is deliberately no generic "required field missing" check driven by
``Field.required_in``. Every field the spec marks "required (E)" already has a specific
rule that reports it missing with a message and hint written for that field (R9 cname,
R13 uid, R14 clientRequest, R19 storageConfig, R20–R23 storage, R32 recordingConfig,
R55 subscribeUidGroup, R60 transcoding, R66/R69/R79 layout, R91 fileType, R92/R94/R97–R99/
R104/R110 web, R114 transMode). A generic check would report each of them twice, and
``required_in`` cannot express the conditions ("only when layout is 3") that the specific
rules know about. ``required_in`` still drives the schema export and the wizard's forms,
and R17 uses it to leave ``""`` in a required string to the requiredness rule.
"""

from __future__ import annotations

import math
from functools import cache

from rec_tui.i18n import N_, _
from rec_tui.record import Record
from rec_tui.spec import catalogue, jsonpath
from rec_tui.spec.field import Field, Kind
from rec_tui.spec.modes import Mode
from rec_tui.spec.rules import Findings, by_name, rule
from rec_tui.spec.rules.context import EXT, Context
from rec_tui.spec.rules.quoting import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SERVICE_PARAM = f"{EXT}.extensionServices[].serviceParam"

# Keys whose misspelling a specific rule reports with a better message; R18 stays quiet
# about them (when that rule is registered) so each mistake is reported once.
SPELLING_RULES: dict[str, str] = {
    "clientRequest.recordingConfig.unsubscribeAudioUids": "sub.key.spelling",
    "clientRequest.recordingConfig.unsubscribeVideoUids": "sub.key.spelling",
    f"{SERVICE_PARAM}.VideoBitrate": "web.bitrate.keycase",
}

# Fields whose wrong JSON type a specific rule reports already (its message names the
# field and the fix), so R17 does not report them a second time.
TYPE_RULES: dict[str, str] = {
    "cname": "body.cname.required",
    "uid": "body.uid.type",
    f"{SERVICE_PARAM}.mobile": "web.booleans",
    f"{SERVICE_PARAM}.onhold": "web.booleans",
    "clientRequest.transcodeOptions.audio.sampleRate": "legacy.audio.strings",
    "clientRequest.transcodeOptions.audio.bitrate": "legacy.audio.strings",
    "clientRequest.transcodeOptions.audio.channels": "legacy.audio.strings",
}

# What each kind of value is called (translated where it is said).
_KIND_NOUN: dict[str, str] = {
    "string": N_("a string"),
    "uid": N_('a string holding a UID (e.g. "527841")'),
    "url": N_("a string holding an http(s) URL"),
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("a boolean (true or false)"),
    "object": N_("an object"),
    "array": N_("an array"),
}


def _kind_noun(kind: str) -> str:
    return _(_KIND_NOUN[kind])


class _Finding(Record, frozen=True):
    """One R17 or R18 finding before it is handed to its rule's Findings."""

    rule: str
    error: bool
    path: str
    message: str
    hint: str


@cache
def _declared_children(parent: str, service: str | None) -> dict[str, Field]:
    return {declared.key: declared for declared in catalogue.children(parent, service)}


@cache
def _known_services() -> frozenset[str]:
    return frozenset(d.service for d in catalogue.FIELDS if d.service is not None)


@cache
def _rule_registered(name: str) -> bool:
    return by_name(name) is not None


def _describe(value: Any) -> str:
    """The JSON type and value of a wrong-typed value: ``the text "1"``, ``an array``."""
    if isinstance(value, str):
        return _("the text {value}").format(value=shown(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _("the number {value}").format(value=shown(value))
    return shown(value)


def _type_noun(value: Any) -> str:
    """The JSON type of a value, without the value: ``a number``, ``an object``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("an array")
    return _("a string")


def _is_finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not (isinstance(value, float) and not math.isfinite(value))


# The Python types of a value that plainly fits each kind: such a value needs no closer look
# (a non-empty string, a finite float, an int that is not a bool), and its path is never
# spelled out. Anything else goes through kind_problem.
_PLAIN_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "uid": (str,),
    "url": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "object": (dict,),
    "array": (list,),
}


def _plainly_fits(kind: str, value: Any) -> bool:
    kind_type = type(value)  # exact: a bool is no plain int
    return (
        kind_type in _PLAIN_TYPES[kind]
        and value != ""
        and (kind_type is not float or math.isfinite(value))
    )


class _Walker:
    """Walks one body along the catalogue and collects R17/R18 findings in ``found``.

    Most values fit: a value's path is spelled out only when a finding names it or when it
    is an object or array whose insides are walked (a check runs on every keystroke).
    """

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.found: list[_Finding] = []

    def body(self, body: Any) -> list[_Finding]:
        if not isinstance(body, dict):
            self.found.append(
                _Finding(
                    "body.types",
                    True,
                    "",
                    _("The start body must be a JSON object; got {value}.").format(
                        value=_describe(body)
                    ),
                    # The example is outside the message: its braces are not placeholders.
                    _("Send an object such as {example}.").format(
                        example='{"cname": …, "uid": …, "clientRequest": {…}}'
                    ),
                )
            )
        else:
            self.object(body, "", "", None)
        return self.found

    def object(self, value: dict[Any, Any], path: str, parent: str, service: str | None) -> None:
        declared = _declared_children(parent, service)
        if not declared:
            return
        for key, item in value.items():
            found = declared.get(key) if isinstance(key, str) else None
            if found is None:
                self.unknown(str(key), jsonpath.child(path, str(key)), parent, declared)
            elif found.kind in ("object", "array") or not _plainly_fits(found.kind, item):
                # (a plainly fitting value with no insides needs nothing more)
                self.field(found, item, jsonpath.child(path, key), service, value)

    def unknown(self, key: str, path: str, parent: str, declared: dict[str, Field]) -> None:
        specific = SPELLING_RULES.get(jsonpath.child(parent, key))
        if specific is not None and _rule_registered(specific):
            return
        suggestion = closest_key(key, declared)
        if suggestion is None:
            message = _("Unknown field {path}; it will be ignored or rejected.").format(path=path)
            hint = _("Remove it, or check the spelling against the docs (keys are case-sensitive).")
        else:
            message = _(
                "Unknown field {path}; did you mean {suggestion}? It will be ignored or rejected."
            ).format(path=path, suggestion=suggestion)
            hint = _('Rename it to "{suggestion}" (keys are case-sensitive), or remove it.')
            hint = hint.format(suggestion=suggestion)
        self.found.append(_Finding("body.unknown_key", False, path, message, hint))

    def field(
        self,
        declared: Field,
        value: Any,
        path: str,
        service: str | None,
        holder: dict[Any, Any],
    ) -> None:
        if value is None:
            self.found.append(
                _Finding(
                    "body.types",
                    False,
                    path,
                    _("{path} is null and is treated as not set.").format(path=path),
                    _("Remove the key, or give it a value."),
                )
            )
            return
        if declared.path in TYPE_RULES and _rule_registered(TYPE_RULES[declared.path]):
            return
        problem = self.kind_problem(declared, declared.kind, value, path, in_list=False)
        if problem is not None:
            self.found.append(problem)
            return
        if declared.kind == "object":
            if declared.path == SERVICE_PARAM:
                service = _service_of(holder)
                if service is None:
                    return
            self.object(value, path, declared.path, service)
        elif declared.kind == "array" and declared.items is not None:
            self.items(declared, value, path, service)

    def items(self, declared: Field, values: list[Any], path: str, service: str | None) -> None:
        kind = declared.items
        assert kind is not None
        item_parent = f"{declared.path}[]"
        for index, item in enumerate(values):
            if _plainly_fits(kind, item):
                if kind == "object":
                    self.object(item, f"{path}[{index}]", item_parent, service)
                continue
            problem = self.kind_problem(declared, kind, item, f"{path}[{index}]", in_list=True)
            if problem is not None:
                self.found.append(problem)
            elif kind == "object":
                self.object(item, f"{path}[{index}]", item_parent, service)

    def kind_problem(
        self, declared: Field, kind: Kind, value: Any, path: str, *, in_list: bool
    ) -> _Finding | None:
        """The R17 finding for ``value`` read as ``kind``, or None when it fits."""
        finding = self._value_problem(declared, kind, value, path, in_list=in_list)
        if finding is not None and declared.secret and not isinstance(value, str):
            # Said by its type alone: a secret written as a number is still the secret.
            got = _("{type} (not shown: it is a secret)").format(type=_type_noun(value))
            hint = _("Send the secret as text, in quotes.")
            return self.wrong_type(kind, value, path, hint, got=got)
        return finding

    def _value_problem(
        self, declared: Field, kind: Kind, value: Any, path: str, *, in_list: bool
    ) -> _Finding | None:
        if kind in ("string", "uid", "url"):
            if isinstance(value, str):
                if value == "" and not in_list and self.mode not in declared.required_in:
                    return _Finding(
                        "body.types",
                        False,
                        path,
                        _("{path} is empty and is treated as not set.").format(path=path),
                        _("Remove the key, or fill in a value."),
                    )
                return None
            if _is_finite_number(value):
                hint = _("Write it as text: {text}.").format(text=shown(shown(value)))
            else:
                hint = _("Send {kind}.").format(kind=_kind_noun(kind))
            return self.wrong_type(kind, value, path, hint)
        if kind == "int":
            if _is_finite_number(value):
                if isinstance(value, int):
                    return None
                if value.is_integer():
                    return _Finding(
                        "body.types",
                        False,
                        path,
                        _("{path} is read as {number}; send {number}.").format(
                            path=path, number=int(value)
                        ),
                        _("Write the whole number without a fraction: {number}.").format(
                            number=int(value)
                        ),
                    )
                hint = _("Use a whole number without a fraction.")
                return self.wrong_type(kind, value, path, hint)
            return self.wrong_type(kind, value, path, _number_hint(value))
        if kind == "float":
            if _is_finite_number(value):
                return None
            return self.wrong_type(kind, value, path, _number_hint(value))
        if kind == "bool":
            if isinstance(value, bool):
                return None
            return self.wrong_type(kind, value, path, _("Write true or false, without quotes."))
        if kind == "object":
            if isinstance(value, dict):
                return None
            return self.wrong_type(kind, value, path, _("Send a JSON object: { … }."))
        if isinstance(value, list):
            return None
        hint = _("Send a JSON array: [ … ].")
        if not in_list and declared.items is not None and value is not None:
            hint = _("Send a JSON array, e.g. [{value}].").format(value=shown(value))
        return self.wrong_type(kind, value, path, hint)

    @staticmethod
    def wrong_type(
        kind: Kind, value: Any, path: str, hint: str, *, got: str | None = None
    ) -> _Finding:
        """The finding; ``got`` says what was sent instead of the value's own words."""
        return _Finding(
            "body.types",
            True,
            path,
            _("{path} must be {kind}; got {value}.").format(
                path=path, kind=_kind_noun(kind), value=got or _describe(value)
            ),
            hint,
        )


def _number_hint(value: Any) -> str:
    if isinstance(value, str) and _looks_numeric(value):
        return _("Write the number without quotes: {number}.").format(number=value.strip())
    if isinstance(value, bool):
        return _("Write a number, not true/false.")
    if isinstance(value, float):
        return _("NaN and Infinity are not valid JSON numbers; write a finite number.")
    return _("Send a JSON number.")


def _looks_numeric(text: str) -> bool:
    try:
        number = float(text)
    except ValueError:
        return False
    return math.isfinite(number)


def _service_of(item: dict[Any, Any]) -> str | None:
    """The serviceName of an extensionServices item, when the catalogue knows that service."""
    name = item.get("serviceName")
    if isinstance(name, str) and name in _known_services():
        return name
    return None


def closest_key(key: str, declared: dict[str, Field] | list[str]) -> str | None:
    """The valid key a person most likely meant: same letters in another case first,
    then the closest spelling."""
    candidates = list(declared)
    folded = key.casefold()
    for candidate in candidates:
        if candidate.casefold() == folded:
            return candidate
    import difflib  # only for a misspelt key

    by_folded = {candidate.casefold(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None


# R17 and R18 come from the same walk. validate() builds one Context per call and runs
# the rules one after the other, so the walk is kept for the last Context seen (holding a
# reference keeps identity comparisons sound) and shared by the two rules.
_last_walk: tuple[Context, list[_Finding]] | None = None


def _walk(ctx: Context) -> list[_Finding]:
    global _last_walk
    last = _last_walk
    if last is not None and last[0] is ctx:
        return last[1]
    findings = _Walker(ctx.mode).body(ctx.body)
    _last_walk = (ctx, findings)
    return findings


def _report(ctx: Context, out: Findings, rule_name: str) -> None:
    for finding in _walk(ctx):
        if finding.rule == rule_name:
            if finding.error:
                out.error(finding.path, finding.message, finding.hint)
            else:
                out.warning(finding.path, finding.message, finding.hint)


@rule("R17", "body.types", "E/W", N_('a field has the wrong JSON type (E); 30.0, null or "" (W)'))
def body_types(ctx: Context, out: Findings) -> None:
    _report(ctx, out, "body.types")


@rule("R18", "body.unknown_key", "W", N_("a key that is not in the schema; suggest the closest"))
def unknown_key(ctx: Context, out: Findings) -> None:
    _report(ctx, out, "body.unknown_key")
