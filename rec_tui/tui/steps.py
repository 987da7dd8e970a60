"""The wizard's steps: names, titles, the modes each applies to, and which owns a path.

Kept free of Textual so the step logic is cheap to import and easy to test.
"""

from __future__ import annotations

from typing import Final

from rec_tui.i18n import N_
from rec_tui.record import Record
from rec_tui.spec.modes import MODES, Mode


class Step(Record, frozen=True):
    name: str
    title: str
    modes: frozenset[Mode]
    # Path prefixes whose problems and fields belong to this step (longest wins); the
    # session's values (session.*) are in the Review step's Send panel, but for the App ID,
    # asked for first.
    owns: tuple[str, ...] = ()

    def applies_to(self, mode: Mode) -> bool:
        return mode in self.modes


_ALL: Final = frozenset(MODES)
_REC = "clientRequest.recordingConfig"

STEPS: Final[tuple[Step, ...]] = (
    Step(
        "session",
        N_("Session"),
        _ALL,
        ("cname", "uid", "clientRequest.token", "clientRequest", "session.appId"),
    ),
    Step("streams", N_("Streams"), frozenset({"individual", "mix"}), (_REC,)),
    Step("layout", N_("Transcoding & layout"), frozenset({"mix"}), (f"{_REC}.transcodingConfig",)),
    Step(
        "snapshots", N_("Snapshots"), frozenset({"individual"}), ("clientRequest.snapshotConfig",)
    ),
    Step("files", N_("Recording files"), _ALL, ("clientRequest.recordingFileConfig",)),
    Step("storage", N_("Storage"), _ALL, ("clientRequest.storageConfig",)),
    Step("web", N_("Web & CDN"), frozenset({"web"}), ("clientRequest.extensionServiceConfig",)),
    Step(
        "advanced",
        N_("Advanced (legacy)"),
        frozenset({"individual"}),
        ("clientRequest.appsCollection", "clientRequest.transcodeOptions"),
    ),
    Step("review", N_("Review"), _ALL),
)
STEP_NAMES: Final[tuple[str, ...]] = tuple(step.name for step in STEPS)
_BY_NAME: Final[dict[str, Step]] = {step.name: step for step in STEPS}


def step(name: str) -> Step:
    return _BY_NAME[name]


def _covers(prefix: str, path: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def step_for_path(path: str) -> Step:
    """The step whose form edits ``path``; the body root and unknown keys go to Review."""
    best: tuple[int, Step] | None = None
    for candidate in STEPS:
        for prefix in candidate.owns:
            if _covers(prefix, path) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), candidate)
    return best[1] if best else _BY_NAME["review"]


def neighbour(current: str, mode: Mode, direction: int) -> str | None:
    """The next (``direction`` 1) or previous (-1) step that applies to ``mode``."""
    index = STEP_NAMES.index(current) + direction
    while 0 <= index < len(STEPS):
        if STEPS[index].applies_to(mode):
            return STEPS[index].name
        index += direction
    return None
