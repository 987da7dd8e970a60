"""Options several headless commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import argparse

from rec_tui.i18n import N_, _
from rec_tui.spec.modes import MODES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FOR_SCRIPTS = N_("text for people (default) or JSON for scripts")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, wrapped by terminal cells: a Chinese character takes two
    (English is wrapped exactly as argparse wraps it)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from rec_tui.cli.wrapping import wrap

        return wrap(" ".join(text.split()), width, "", "")

    def _format_usage(self, *args: Any, **kwargs: Any) -> str:
        """The usage lines, laid out narrower by as many cells as the (translated)
        ``usage:`` heading takes beyond its length in characters."""
        from rec_tui.cli.wrapping import cells

        heading = _("usage: ")
        wider = cells(heading) - len(heading)
        self._width -= wider
        try:
            return str(super()._format_usage(*args, **kwargs))
        finally:
            self._width += wider

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from rec_tui.cli.wrapping import wrap

        return "\n".join(wrap(" ".join(text.split()), width, indent, indent))


class RawHelpFormatter(HelpFormatter):
    """Descriptions laid out by hand (in each language), option help wrapped by cells."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


def add_output_format(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--format text|json`` into ``args.output_format``."""
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help=help or _(FOR_SCRIPTS),
    )


def add_body_mode(parser: argparse.ArgumentParser, help: str) -> None:
    """``--mode`` into ``args.body_mode``; None when not given (inferred from the body)."""
    parser.add_argument("--mode", dest="body_mode", choices=MODES, default=None, help=help)
