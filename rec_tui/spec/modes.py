"""The three recording modes of Agora Cloud Recording."""

from __future__ import annotations

from rec_tui.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Literal, TypeAlias, TypeGuard

Mode: TypeAlias = 'Literal["individual", "mix", "web"]'

MODES: Final[tuple[Mode, ...]] = ("individual", "mix", "web")

# The seed names mix as the default mode, so a new draft starts there.
DEFAULT_MODE: Final[Mode] = "mix"

# A mode named on its own, as a choice (the Session step's mode buttons). The API's word is
# what URLs, --mode and every sentence about a mode say; a translation keeps it and puts
# its documentation's term for the mode beside it.
MODE_NAMES: Final[dict[Mode, str]] = {
    "individual": N_("individual"),
    "mix": N_("mix"),
    "web": N_("web"),
}

MODE_SUMMARIES: Final[dict[Mode, str]] = {
    "individual": N_("One file set per user: each uid's audio and video recorded separately."),
    "mix": N_("Composite: every user mixed into one audio-video file with a layout."),
    "web": N_("Web page recording: a URL rendered and recorded (optionally pushed to a CDN)."),
}


def is_mode(value: object) -> TypeGuard[Mode]:
    return value in MODES
