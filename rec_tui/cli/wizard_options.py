"""Options of the bare ``rec-tui`` command, which opens the wizard."""

from __future__ import annotations

from rec_tui.i18n import _
from rec_tui.spec.modes import MODES

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

STEP_NAMES = (
    "session",
    "streams",
    "layout",
    "snapshots",
    "files",
    "storage",
    "web",
    "advanced",
    "review",
)


# What the options below leave in the namespace when not given.
DEFAULTS: dict[str, object] = {"mode": None, "open_path": None, "step": None, "sandbox": False}
# The same options for a plain command line (rec_tui/cli/plain.py): the attribute each
# sets and the values it takes (None: any value; a flag takes none and sets True).
PLAIN_OPTIONS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--mode": ("mode", MODES),
    "--open": ("open_path", None),
    "--step": ("step", STEP_NAMES),
}
PLAIN_FLAGS: dict[str, str] = {"--sandbox": "sandbox"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mode", choices=MODES, help=_("recording mode to start in (default: mix)")
    )
    parser.add_argument(
        "--open",
        metavar="FILE",
        dest="open_path",
        help=_("open a preset (name or path) or a JSON start body"),
    )
    parser.add_argument("--step", choices=STEP_NAMES, help=_("open the wizard at this step"))
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help=_(
            "send to the built-in sandbox instead of Agora (the default endpoint of a new draft)"
        ),
    )


def run_wizard(args: argparse.Namespace | SimpleNamespace) -> int:
    # args: as argparse reads the options, or as a plain command line gives them.
    from rec_tui.tui.launch import launch

    return launch(args)
