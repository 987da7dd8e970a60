"""Options several headless commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import argparse

from rec_tui.spec.modes import MODES

FOR_SCRIPTS = "text for people (default) or JSON for scripts"


def add_output_format(parser: argparse.ArgumentParser, help: str = FOR_SCRIPTS) -> None:
    """``--format text|json`` into ``args.output_format``."""
    parser.add_argument(
        "--format", dest="output_format", choices=("text", "json"), default="text", help=help
    )


def add_body_mode(parser: argparse.ArgumentParser, help: str) -> None:
    """``--mode`` into ``args.body_mode``; None when not given (inferred from the body)."""
    parser.add_argument("--mode", dest="body_mode", choices=MODES, default=None, help=help)
