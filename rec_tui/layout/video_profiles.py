"""Output video profiles for transcoding: Agora's resolution table, and the declared defaults.

The Transcoding & layout form offers these; they fill width, height, fps and bitrate, the
four values R60 wants set together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import TC

# R60: with transcodingConfig these four must be set together.
CORE_KEYS: Final = ("width", "height", "fps", "bitrate")


@dataclass(frozen=True, slots=True)
class Profile:
    width: int
    height: int
    fps: int
    bitrate: int

    @property
    def label(self) -> str:
        return f"{self.width}×{self.height}, {self.fps} fps, {self.bitrate} kbps"

    def values(self) -> tuple[int, int, int, int]:
        """In :data:`CORE_KEYS` order."""
        return (self.width, self.height, self.fps, self.bitrate)


# Agora's video profile table (communication bitrates; use about twice for live broadcast).
PROFILES: Final[tuple[Profile, ...]] = (
    Profile(320, 240, 15, 200),
    Profile(640, 360, 15, 400),
    Profile(640, 480, 15, 500),
    Profile(1280, 720, 15, 1130),
    Profile(1920, 1080, 15, 2080),
)


def profile_index(values: tuple[Any, ...]) -> int | None:
    """Which profile ``values`` (in :data:`CORE_KEYS` order) are, if any."""
    return next((i for i, p in enumerate(PROFILES) if p.values() == values), None)


def core_defaults() -> dict[str, Any]:
    """The declared defaults of width, height, fps and bitrate (what newer docs assume)."""
    return {key: catalogue.field(f"{TC}.{key}").default for key in CORE_KEYS}
