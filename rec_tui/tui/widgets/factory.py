"""Pick the editor widget for a field declaration from its kind, choices and secrecy."""

from __future__ import annotations

from rec_tui.i18n import _
from rec_tui.spec.field import Field
from rec_tui.tui.widgets.editors import (
    BoolEditor,
    ChoiceEditor,
    ChoiceSetEditor,
    NumberEditor,
    SecretEditor,
    TextEditor,
)
from rec_tui.tui.widgets.field_editor import FieldEditor


def editor_for(field: Field, path: str | None = None, *, label: str | None = None) -> FieldEditor:
    if field.secret:
        return SecretEditor(field, path, label=label)
    if field.kind == "bool":
        return BoolEditor(field, path, label=label)
    if field.kind == "array":
        return _list_editor_for(field, path, label)
    if field.choices:
        return ChoiceEditor(field, path, label=label)
    if field.kind in ("int", "float"):
        return NumberEditor(field, path, label=label)
    return TextEditor(field, path, label=label)


def _list_editor_for(field: Field, path: str | None, label: str | None) -> FieldEditor:
    from rec_tui.tui.widgets.list_editor import ListEditor

    if field.items == "object":
        from rec_tui.tui.widgets.object_list import ObjectListEditor

        return ObjectListEditor(field, path, make_editor=editor_for, label=label)
    if field.choices:
        return ChoiceSetEditor(field, path, label=label)
    if field.items == "uid":
        return ListEditor(
            field,
            path,
            label=label,
            offer_all_streams=field.key.startswith("subscribe"),
            placeholder=_("UIDs, Enter adds"),
        )
    return ListEditor(field, path, label=label)
