"""The footer (rec_tui/tui/widgets/keys_footer.py): one widget that shows the screen's keys,
presses the one clicked, shows the tooltip of the one pointed at, and dims a key that does
nothing now."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from rec_tui.tui.widgets.keys_footer import KeysFooter


class KeysHost(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "count", "Count"),
        Binding("b", "count", "Count again"),  # the same action: shown once, by its first key
        Binding("n", "nothing", "Nothing now", tooltip="Does nothing while off"),
        Binding("h", "count", "Hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.counted = 0
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeysFooter()

    def action_count(self) -> None:
        self.counted += 1

    def action_nothing(self) -> None:
        raise AssertionError("a key that does nothing now was run")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "nothing" else True  # None: shown, dimmed

    def bell(self) -> None:
        self.bells += 1


def drawn_at(footer: KeysFooter, description: str) -> int:
    """A column inside the key described so."""
    return next(key.start for key in footer.drawn if key.shown.description == description)


async def test_the_footer_shows_each_action_once_and_the_palette_at_the_right() -> None:
    app = KeysHost()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        assert [key.description for key in footer.keys] == ["Count", "Nothing now", "palette"]
        line = footer.render().plain
        assert line.startswith("a Count n Nothing now ")
        assert line.rstrip().endswith("▏^p palette") and len(line) == 80
        assert all(key.whole for key in footer.drawn)


async def test_clicking_a_key_presses_it_and_a_dimmed_one_rings_the_bell(
    monkeypatch: Any,
) -> None:
    app = KeysHost()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        await pilot.click(KeysFooter, offset=(drawn_at(footer, "Count") + 2, 0))
        await pilot.pause()
        assert app.counted == 1
        nothing = next(key for key in footer.keys if key.description == "Nothing now")
        assert not nothing.enabled
        assert "dim" in str(footer.render().get_style_at_offset(app.console, 9))
        await pilot.click(KeysFooter, offset=(drawn_at(footer, "Nothing now"), 0))
        await pilot.pause()
        assert app.bells == 1 and app.counted == 1
        # Between keys: nothing.
        await pilot.click(KeysFooter, offset=(40, 0))
        await pilot.pause()
        assert app.bells == 1 and app.counted == 1


async def test_pointing_at_a_key_lights_it_and_shows_its_tooltip() -> None:
    app = KeysHost()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        column = drawn_at(footer, "Nothing now")
        before = footer.render().get_style_at_offset(app.console, column)
        await pilot.hover(KeysFooter, offset=(column, 0))
        await pilot.pause()
        assert footer.tooltip == "Does nothing while off"
        lit = footer.render().get_style_at_offset(app.console, column)
        assert lit.bgcolor != before.bgcolor
        await pilot.hover(Static)
        await pilot.pause()
        assert footer.tooltip is None
        assert footer.render().get_style_at_offset(app.console, column).bgcolor == before.bgcolor


async def test_a_narrow_footer_cuts_the_last_keys_and_keeps_the_palette_key() -> None:
    app = KeysHost()
    async with app.run_test(size=(23, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        line = footer.render().plain
        assert line == "a Count n N▏^p palette "
        *keys, palette = footer.drawn
        assert palette.whole
        assert keys[0].whole and not keys[-1].whole
        assert keys[-1].end <= palette.start
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        # No room left for a key: it is not drawn at all, nor listed as drawn.
        assert footer.render().plain == "a Count ▏^p palette "
        assert [key.shown.description for key in footer.drawn] == ["Count", "palette"]


class RoomyKeysHost(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "count", "Count"),
        Binding("d", "diff", "Diff", show=False),
        Binding("j", "json", "JSON", show=False),
        Binding("f", "fix", "Fix", show=False),
        Binding("h", "hidden", "Hidden", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeysFooter(when_room=("fix", "json", "diff"))


async def test_keys_shown_where_there_is_room_come_whole_first_ones_first_in_binding_order() -> (
    None
):
    app = RoomyKeysHost()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        # Room for all three, in binding order; a hidden key not asked for is never shown.
        assert footer.render().plain.startswith("a Count d Diff j JSON f Fix ")
        assert [key.description for key in footer.keys] == ["Count", "palette"]
        assert all(key.whole for key in footer.drawn)
        await pilot.resize_terminal(36, 5)
        await pilot.pause()
        # "a Count " and the palette key leave 16 columns: the first asked for, then the
        # next, until one does not fit whole.
        assert footer.render().plain == "a Count j JSON f Fix    ▏^p palette "
        await pilot.resize_terminal(26, 5)
        await pilot.pause()
        assert footer.render().plain == "a Count f Fix ▏^p palette "
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        assert footer.render().plain == "a Count ▏^p palette "
        assert [key.shown.description for key in footer.drawn] == ["Count", "palette"]


class WideKeysHost(KeysHost):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "count", "计数"),
        Binding("n", "nothing", "无"),
    ]


async def test_keys_in_wide_characters_are_placed_by_their_cells() -> None:
    app = WideKeysHost()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        count, nothing, palette = footer.drawn
        # "a 计数" is six cells wide: the next key starts after it and a gap.
        assert (count.start, count.end, nothing.start) == (0, 6, 7)
        assert count.whole and nothing.whole and palette.whole
        await pilot.click(KeysFooter, offset=(5, 0))  # on 数, the key's last cell
        await pilot.pause()
        assert app.counted == 1
