"""The problems pane (rec_tui/tui/widgets/problems_pane.py): a wrapped finding is shown to
its last line, focused or not."""

from __future__ import annotations

from textual.app import App, ComposeResult

from rec_tui.agora.diagnose.model import Finding
from rec_tui.tui.widgets.problems_pane import ProblemsPane

FINDING = Finding(
    "token-missing",
    "error",
    "The start body has no RTC token, and the task was gone after a successful start: the "
    "recorder never stayed in the channel.",
    ("line 3: start body clientRequest.token = (not set)",),
    "Put a token built for the recorder's cname and uid in clientRequest.token, and make "
    "sure it outlives the recording END-OF-FIX.",
)


class PaneHost(App[None]):
    CSS = "ProblemsPane { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield ProblemsPane()


def shown(pane: ProblemsPane) -> str:
    """Every line of the list as drawn (it is tall enough for all of them), joined."""
    option_list = pane.option_list
    assert option_list.virtual_size.height < option_list.size.height
    lines = [option_list.render_line(y).text for y in range(option_list.size.height)]
    return " ".join(" ".join(line.split()) for line in lines)


async def test_a_wrapped_finding_keeps_its_last_line_when_the_list_takes_the_focus() -> None:
    app = PaneHost()
    async with app.run_test(size=(60, 30)) as pilot:
        pane = app.query_one(ProblemsPane)
        pane.show_findings([FINDING], "the opened ticket")
        await pilot.pause()
        assert "END-OF-FIX" in shown(pane)
        pane.option_list.focus()  # its focus border narrows it by two columns
        await pilot.pause()
        assert "END-OF-FIX" in shown(pane)
        pane.option_list.blur()
        await pilot.pause()
        assert "END-OF-FIX" in shown(pane)


def drawn(pane: ProblemsPane) -> str:
    """The lines of the list as drawn now (what is scrolled into view), joined."""
    option_list = pane.option_list
    lines = [option_list.render_line(y).text for y in range(option_list.size.height)]
    return " ".join(" ".join(line.split()) for line in lines)


async def test_a_finding_taller_than_the_list_is_shown_from_its_start_and_read_by_page() -> None:
    app = PaneHost()
    async with app.run_test(size=(40, 8)) as pilot:  # the list: a few rows, as at 80x24
        pane = app.query_one(ProblemsPane)
        other = Finding("recorder-left", "error", "The recorder left.", (), "Look at it.")
        pane.show_findings([other, FINDING], "the opened ticket")
        await pilot.pause()
        pane.option_list.focus()
        await pilot.press("down", "down")  # past the heading and the short finding
        await pilot.pause()
        assert "token-missing" in drawn(pane) and "END-OF-FIX" not in drawn(pane)
        for _ in range(4):
            await pilot.press("pagedown")  # reads on through the same finding
        await pilot.pause()
        assert "END-OF-FIX" in drawn(pane)
        assert pane.option_list.highlighted == 2
        for _ in range(4):  # back up through it to its first line, still on it
            await pilot.press("pageup")
            await pilot.pause()
            if "token-missing" in drawn(pane):
                break
        assert "token-missing" in drawn(pane) and pane.option_list.highlighted == 2
        await pilot.press("pageup")  # from its first line: off it, to those above
        await pilot.pause()
        assert pane.option_list.highlighted != 2


async def test_the_highlighted_problem_says_what_to_do_while_the_list_is_read() -> None:
    from rec_tui.spec.problems import Problem

    problems = [
        Problem("rule.one", "R1", "error", "a", "First is wrong.", "Do the FIRST-HINT."),
        Problem("rule.two", "R2", "warning", "b", "Second is odd.", "Do the SECOND-HINT."),
    ]
    app = PaneHost()
    async with app.run_test(size=(80, 20)) as pilot:
        pane = app.query_one(ProblemsPane)
        pane.show(problems)
        await pilot.pause()
        assert "HINT" not in drawn(pane)  # at rest, one line each
        pane.option_list.focus()
        await pilot.pause()
        assert "do: Do the FIRST-HINT." in drawn(pane) and "SECOND-HINT" not in drawn(pane)
        await pilot.press("down")
        await pilot.pause()
        assert "do: Do the SECOND-HINT." in drawn(pane) and "FIRST-HINT" not in drawn(pane)
        pane.option_list.blur()
        await pilot.pause()
        assert "HINT" not in drawn(pane)
