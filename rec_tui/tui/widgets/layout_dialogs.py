"""The layout canvas's two small dialogs: assign a uid, and choose a template."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from rec_tui.i18n import _
from rec_tui.layout.templates import TEMPLATES, template
from rec_tui.tui.screens.dialog import Dialog

_DIALOG_CSS = """
{name} > Vertical {{ width: 60; max-width: 95%; border: round $accent; }}
{name} Label {{ width: 100%; }}
{name} .hint {{ color: $text-muted; }}
"""


class UidPrompt(Dialog[str | None]):
    """Ask for the uid of the selected tile; "" clears it, Escape keeps it."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="UidPrompt")

    def __init__(self, tile_number: int, current: str | None) -> None:
        super().__init__()
        self._tile_number = tile_number
        self._current = current or ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                _("uid shown in tile [{number}] (layoutConfig[{number}])").format(
                    number=self._tile_number
                )
            )
            yield Input(self._current, placeholder=_("e.g. 527841"), id="uid")
            yield Label(
                _(
                    "A user ID 1–4294967295 as text. Leave empty to fill the tile in "
                    "join order. Enter saves, Escape cancels."
                ),
                classes="hint",
            )

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


class TemplateMenu(Dialog[tuple[str, int] | None]):
    """Pick a template; the strip template takes its tile count from the field below."""

    DEFAULT_CSS = (
        _DIALOG_CSS.format(name="TemplateMenu")
        + """
    TemplateMenu OptionList { height: auto; max-height: 8; }
    TemplateMenu Input { width: 12; }
    """
    )

    def __init__(self, tile_count: int, strip: int = 4) -> None:
        super().__init__()
        self._tile_count = tile_count
        self._strip = strip

    def compose(self) -> ComposeResult:
        with Vertical():
            start = (
                _(
                    "Start the custom layout (3) from a template. It replaces the current "
                    "{count} tile(s)."
                )
                if self._tile_count
                else _("Start the custom layout (3) from a template.")
            )
            yield Label(start.format(count=self._tile_count))
            yield OptionList(*(Option(_(t.label), id=t.key) for t in TEMPLATES), id="templates")
            yield Label(_("N for the strip (1–16):"))
            yield Input(str(self._strip), type="integer", id="strip")
            yield Label("", id="template-error", classes="hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        chosen = template(key)
        count = 1
        if chosen.sized:
            text = self.query_one("#strip", Input).value.strip()
            count = int(text) if text.isdigit() else 0
            if not chosen.min_count <= count <= chosen.max_count:
                self.query_one("#template-error", Label).update(
                    _("N must be {least}–{most}; got {got}.").format(
                        least=chosen.min_count, most=chosen.max_count, got=text or _("nothing")
                    )
                )
                return
        self.dismiss((key, count))
