"""Options several headless commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import argparse
import sys

from rec_tui.i18n import N_, _
from rec_tui.spec.modes import MODES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from rec_tui.spec.modes import Mode

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
    """``--mode`` into ``args.body_mode``; None when not given (see :func:`chosen_mode`)."""
    parser.add_argument("--mode", dest="body_mode", choices=MODES, default=None, help=help)


def chosen_mode(given: str | None, body: Any, label: str) -> Mode:
    """``--mode`` when given; otherwise the mode inferred as ``validate`` infers it, said on
    standard error."""
    from rec_tui.request.mode_inference import infer_mode
    from rec_tui.spec.modes import is_mode

    if given is not None and is_mode(given):
        return given
    guess = infer_mode(body)
    mode, reason = guess.mode, guess.reason
    said = _("{name}: mode {mode} ({reason}); give --mode to choose.")
    print("rec-tui: " + said.format(name=label, mode=mode, reason=reason), file=sys.stderr)
    return mode
