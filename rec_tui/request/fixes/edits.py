"""Carrying out the edits of a fix on a copy of a body, and saying what each one changed."""

from __future__ import annotations

import copy
from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.fixes.shown import shown_value
from rec_tui.spec import jsonpath
from rec_tui.spec.problems import Edit, Fix

_ABSENT: Final = object()


class FixDoesNotApply(Exception):
    """The body no longer has what a fix edits (it was worked out for another body)."""


def apply_fix(body: Any, fix: Fix) -> dict[str, Any]:
    """A new body: ``body`` with the edits of ``fix`` carried out in order.

    ``body`` itself is never changed. Keys keep their order; a renamed key keeps its
    place. Only the objects and lists on the way to an edited path are copied; the rest
    is shared with ``body`` (bodies are never changed in place), which keeps checking a
    fix cheap on a large body. Raises :class:`FixDoesNotApply` when a path the fix edits
    is not there.
    """
    if not isinstance(body, dict):
        raise FixDoesNotApply(_("the body is not a JSON object."))
    result: dict[str, Any] = dict(body)
    for edit in fix.edits:
        _own_path(result, edit.path)
        _carry_out(result, edit)
    return result


def _own_path(result: dict[str, Any], path: str) -> None:
    """Replace each object and list on the way to ``path`` (the last one included) with a
    shallow copy, so editing it leaves the original body as it was."""
    node: Any = result
    for token in jsonpath.parse(path)[:-1]:
        if isinstance(token, int):
            if not isinstance(node, list) or not 0 <= token < len(node):
                return
        elif not isinstance(node, dict) or token not in node:
            return
        inner = node[token]
        if not isinstance(inner, (dict, list)):
            return
        node[token] = inner = dict(inner) if isinstance(inner, dict) else list(inner)
        node = inner


def _carry_out(body: dict[str, Any], edit: Edit) -> None:
    if edit.op == "set":
        jsonpath.set_value(body, edit.path, copy.deepcopy(edit.value))
        return
    if not jsonpath.has(body, edit.path):
        raise FixDoesNotApply(_("{path} is not in the body.").format(path=edit.path))
    tokens = jsonpath.parse(edit.path)
    holder: Any = jsonpath.get(body, jsonpath.join(tokens[:-1])) if len(tokens) > 1 else body
    last = tokens[-1]
    if edit.op == "convert":
        holder[last] = copy.deepcopy(edit.value)
    elif edit.op == "delete":
        del holder[last]
    else:  # rename
        if not isinstance(last, str) or not isinstance(holder, dict):
            raise FixDoesNotApply(
                _("{path} is not a key that can be renamed.").format(path=edit.path)
            )
        if edit.new_key in holder:
            raise FixDoesNotApply(_("{target} is already in the body.").format(target=edit.target))
        renamed = {(edit.new_key if key == last else key): value for key, value in holder.items()}
        holder.clear()
        holder.update(renamed)


def describe_edit(edit: Edit, before: Any) -> str:
    """One line saying what ``edit`` changes in ``before``; secret values are masked."""
    old = jsonpath.get(before, edit.path, _ABSENT)
    if edit.op == "rename":
        return _("{path}: renamed to {new_key}").format(path=edit.path, new_key=edit.new_key)
    if edit.op == "delete":
        return _("{path}: removed {old}").format(path=edit.path, old=shown_value(edit.path, old))
    if old is _ABSENT:
        return _("{path}: added {value}").format(
            path=edit.path, value=shown_value(edit.path, edit.value)
        )
    return f"{edit.path}: {shown_value(edit.path, old)} → {shown_value(edit.path, edit.value)}"
