"""Field editors for scalar values: text, numbers, choices, yes/no and secrets."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.geometry import Size
from textual.widgets import Input, Select

from rec_tui.i18n import _
from rec_tui.spec.field import Field
from rec_tui.spec.rules.quoting import range_text
from rec_tui.tui.value_text import as_json, in_words
from rec_tui.tui.widgets.field_editor import FieldEditor
from rec_tui.tui.widgets.on_screen import WhenShown
from rec_tui.tui.widgets.row_input import RowInput
from rec_tui.tui.widgets.secret_input import RevealToggle, SecretInput


def _placeholder(field: Field) -> str:
    parts: list[str] = []
    if field.default is not None:
        parts.append(_("default: {value}").format(value=in_words(field.default)))
    if field.minimum is not None and field.maximum is not None:
        parts.append(range_text(field.minimum, field.maximum))
    if not parts and field.example is not None:
        parts.append(_("e.g. {example}").format(example=field.example))
    return _(", ").join(parts)


class FieldInput(RowInput):
    """An Input that reports each new value to its editor at once.

    Input.Changed travels up the widget tree one hop at a time, and Textual may draw a
    frame between hops; reporting from the value watcher lets the preview and problems
    change in the same frame as the typed character.
    """

    def __init__(self, report: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._report = report
        # True while the editor shows a value from the draft: nothing to report back.
        # (Not Textual's ``loading``: that one mounts an overlay and re-lays out the screen.)
        self.showing_draft = False
        # Textual gives an Input without validators the "-valid" class the first time its
        # value is set (a draft's value, just after it mounts), and that class change
        # styles it again; given now, it is styled once. No style reads "-valid".
        if not self.validators:
            self.add_class("-valid", update=False)

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            # Input's own watcher sets virtual_size, a layout reactive: every typed character
            # would lay out the whole form around the input again. The input's size is the
            # form's, not its value's; only its scroll range changes, set here first so the
            # watcher finds it unchanged.
            self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        if not self.showing_draft:
            self._report(value)

    def show_value(self, text: str) -> None:
        """Show ``text`` as the draft's value: neither reported nor posted as a change."""
        self.showing_draft = True
        try:
            with self.prevent(Input.Changed):
                self.value = text
        finally:
            self.showing_draft = False


class TextEditor(FieldEditor):
    """A string, UID or URL typed as text; an empty input leaves the key out."""

    TYPED = True

    password = False
    input_class: type[FieldInput] = FieldInput

    def compose_input(self) -> ComposeResult:
        yield self.input

    @cached_property
    def input(self) -> FieldInput:
        return self.make_input()

    def make_input(self) -> FieldInput:
        return self.input_class(
            self._typed,
            placeholder=_placeholder(self.field),
            password=self.password,
            compact=True,
            classes="field-input",
        )

    def to_value(self, text: str) -> Any:
        return text if text != "" else None

    def to_text(self, value: Any) -> str:
        return "" if value is None else str(value)

    @cached_property
    def _shown_later(self) -> WhenShown:
        return WhenShown(self)

    def load(self, value: Any) -> None:
        # Scrolled out of sight (a tile's fields while its canvas moves it), the input
        # shows the value once it is back in view or focused (widgets/on_screen.py).
        self._shown_later.run(lambda: self._show(value))

    def _show(self, value: Any) -> None:
        text = self.to_text(value)
        widget = self.input
        if widget.value != text and self.to_value(widget.value) != value:
            widget.show_value(text)

    def on_descendant_focus(self) -> None:
        # Tabbed to from off screen: the latest value is in the input before any typing.
        self._shown_later.flush()

    def _typed(self, text: str) -> None:
        value = self.to_value(text)
        if value is not _UNPARSED and self.is_mounted:
            self.edited(value)

    @on(Input.Changed, ".field-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()  # already reported by FieldInput


# A number still being typed ("-", "1e") is not written to the draft yet.
_UNPARSED: Any = object()


class NumberEditor(TextEditor):
    """A whole or decimal number; the input only accepts numeric characters."""

    def make_input(self) -> FieldInput:
        return FieldInput(
            self._typed,
            placeholder=_placeholder(self.field),
            type="integer" if self.field.kind == "int" else "number",
            compact=True,
            classes="field-input",
        )

    def to_value(self, text: str) -> Any:
        if text.strip() == "":
            return None
        try:
            return int(text) if self.field.kind == "int" else _number(text)
        except ValueError:
            return _UNPARSED

    def to_text(self, value: Any) -> str:
        if value is None:
            return ""
        return str(value)


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text and "e" not in text else value


class SecretFieldInput(FieldInput, SecretInput):
    """A field's input that masks its value and shows it on :data:`REVEAL_KEY`."""


class SecretEditor(TextEditor):
    """A secret: masked while typed, shown on request (its key, or a click on the toggle)."""

    DEFAULT_CSS = """
    SecretEditor { grid-size: 3; grid-columns: 26 1fr 7; }
    """
    password = True
    input_class = SecretFieldInput

    def compose_input(self) -> ComposeResult:
        yield from super().compose_input()
        yield RevealToggle(self.input, classes="reveal")


class ChoiceEditor(FieldEditor):
    """A value from the field's choices, shown by their human labels."""

    def __init__(
        self,
        field: Field,
        path: str | None = None,
        *,
        label: str | None = None,
        options: list[tuple[str, Any]] | None = None,
    ) -> None:
        super().__init__(field, path, label=label)
        self._options = (
            options
            if options is not None
            else [
                (
                    f"{choice.shown_label()} ({choice.value})"
                    if str(choice.value) != choice.label
                    else choice.label,
                    choice.value,
                )
                for choice in field.choices
            ]
        )

    def compose_input(self) -> ComposeResult:
        default = self.field.default
        prompt = (
            _("not set")
            if default is None
            else _("not set (default: {value})").format(value=in_words(default))
        )
        self.select = Select(self._options, prompt=prompt, compact=True, classes="field-input")
        yield self.select

    def set_initial_options(self, options: list[tuple[str, Any]]) -> None:
        """Offer these options instead of the declared choices (before mounting)."""
        self._options = options

    def set_options(self, options: list[tuple[str, Any]]) -> None:
        self._options = options
        with self.select.prevent(Select.Changed):
            self.select.set_options(options)

    def to_option(self, value: Any) -> Any:
        return value

    def from_option(self, option: Any) -> Any:
        return option

    def load(self, value: Any) -> None:
        option = self.to_option(value)
        known = any(
            option == candidate and type(option) is type(candidate)
            for _, candidate in self._options
        )
        if not known and value is not None and _hashable(option):
            # A value from an opened file that is not among the choices is shown as it is
            # (its problem is listed next to it) rather than looking "not set".
            self._options = [
                *[(label, v) for label, v in self._options if label[:1] != "✗"],
                (
                    _("✗ {value} (no such choice)").format(value=as_json(value)),
                    option,
                ),
            ]
            with self.select.prevent(Select.Changed):
                self.select.set_options(self._options)
            known = True
        wanted = option if known else Select.NULL
        if self.select.value != wanted:
            with self.select.prevent(Select.Changed):
                self.select.value = wanted

    @on(Select.Changed, ".field-input")
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else self.from_option(event.value)
        self.edited(value)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class BoolEditor(ChoiceEditor):
    """Yes / No / not set: a switch cannot say "leave the key out", a three-way pick can."""

    def __init__(self, field: Field, path: str | None = None, *, label: str | None = None) -> None:
        super().__init__(
            field, path, label=label, options=[(_("Yes (true)"), True), (_("No (false)"), False)]
        )


class ChoiceSetEditor(ChoiceEditor):
    """A list whose items come from a few choices (avFileType, fileType): pick a combination."""

    def __init__(self, field: Field, path: str | None = None, *, label: str | None = None) -> None:
        values = list(field.choice_values)
        combos: list[tuple[Any, ...]] = [(value,) for value in values]
        if len(values) > 1:
            combos.append(tuple(values))
        super().__init__(
            field,
            path,
            label=label,
            options=[(" + ".join(str(v) for v in combo), combo) for combo in combos],
        )

    def to_option(self, value: Any) -> Any:
        return tuple(value) if isinstance(value, list) else value

    def from_option(self, option: Any) -> Any:
        return list(option)
