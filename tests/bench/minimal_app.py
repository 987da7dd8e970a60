"""The baseline for bench_tui.py: the smallest Textual app that paints a screen."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a minimal Textual app")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
