"""The baselines for the wizard's benchmarks: the smallest Textual apps that do the same.

``minimal_app.py``: a screen of text and a footer (start-up, memory).
``minimal_app.py --input TEXT``: one focused Input holding TEXT (a keystroke's echo
through Textual, without the wizard).
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a minimal Textual app")
        yield Footer()


class MinimalInputApp(App[None]):
    AUTO_FOCUS = "Input"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        field = Input(self.text, select_on_focus=False)
        field.cursor_blink = False
        yield field


if __name__ == "__main__":
    if sys.argv[1:2] == ["--input"]:
        MinimalInputApp(sys.argv[2]).run()
    else:
        MinimalApp().run()
