"""Fixers for numbers outside their documented range and for values best left out.

A number is clamped only where the rule's advice is the documented range itself ("a
whole number of pixels from 240–1920", "at most 6500"); where the advice is "leave it out
for the default", the fix removes the key. Fractions are never rounded into range: a
30.5 means something the person has to decide.
"""

from __future__ import annotations

from typing import Any

from rec_tui.i18n import _
from rec_tui.request.fixes.places import declared_at, key_of
from rec_tui.request.fixes.registry import fixer
from rec_tui.spec import jsonpath
from rec_tui.spec.modes import Mode
from rec_tui.spec.problems import Edit, Fix, Problem
from rec_tui.spec.rules.context import as_int, is_number


def _clamped(problem: Problem, body: Any, *, whole: bool) -> Fix | None:
    value = jsonpath.get(body, problem.path)
    declared = declared_at(body, problem.path)
    if declared is None or not is_number(value):
        return None
    field = declared[0]
    if field.minimum is None or field.maximum is None:
        return None
    if whole and as_int(value) is None:
        return None
    low, high = field.minimum, field.maximum
    if low <= value <= high:
        return None
    bound = low if value < low else high
    number: int | float = int(bound) if float(bound).is_integer() else bound
    clamped = (
        _("Set {key} to the smallest allowed value, {number}")
        if value < low
        else _("Set {key} to the largest allowed value, {number}")
    )
    return Fix(
        clamped.format(key=key_of(problem.path), number=number),
        (Edit("set", problem.path, number),),
    )


@fixer(
    "rec.maxIdleTime",
    "tc.dims.range",
    "snap.interval",
    "web.dims",
    "web.maxRecordingHour",
    "web.readyTimeout",
)
def whole_number_range(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _clamped(problem, body, whole=True)


@fixer("tc.bitrate.range")
def bitrate_ceiling(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """Only a bitrate above the maximum has an obvious value; 0 or less does not."""
    value = jsonpath.get(body, problem.path)
    if not is_number(value) or value <= 0:
        return None
    return _clamped(problem, body, whole=False)


@fixer("tc.tile.alpha_render")
def tile_alpha(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    if not problem.path.endswith(".alpha"):
        return None  # render_mode: crop or fit is a choice
    return _clamped(problem, body, whole=False)


@fixer("tc.tile.precision")
def tile_precision(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    value = jsonpath.get(body, problem.path)
    if not isinstance(value, float) or not is_number(value):
        return None
    return Fix(
        _("Round {key} to 6 decimals").format(key=key_of(problem.path)),
        (Edit("set", problem.path, round(value, 6)),),
    )


@fixer("tc.layout.max17")
def too_many_tiles(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    tiles = jsonpath.get(body, problem.path)
    declared = declared_at(body, problem.path)
    if not isinstance(tiles, list) or declared is None or declared[0].max_items is None:
        return None
    keep = declared[0].max_items
    return Fix(
        _("Keep the first {keep} tiles and remove the other {count}").format(
            keep=keep, count=len(tiles) - keep
        ),
        (Edit("set", problem.path, tiles[:keep]),),
    )


@fixer(
    "web.bitrate",
    "web.fps",
    "web.maxVideoDuration",
    "rec.web_ignored",
    "rec.streamMode.mode",
    "storage.tag.vendor",
    "snap.only.no_file_config",
    "sub.list.empty",
)
def leave_out(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """The advice is to remove the key: its default applies, or it is ignored anyway."""
    if not jsonpath.has(body, problem.path):
        return None
    return Fix(_("Remove {key}").format(key=key_of(problem.path)), (Edit("delete", problem.path),))


@fixer("rec.audioProfile")
def audio_profile_outside_mix(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """Individual recording ignores audioProfile, whatever its value."""
    if mode == "mix" or not jsonpath.has(body, problem.path):
        return None
    return leave_out(problem, body, mode)


@fixer("tc.complete")
def transcoding_default(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """width, height, fps and bitrate come together; the newer docs' defaults fill a gap."""
    declared = declared_at(body, problem.path)
    if declared is None or declared[0].default is None:
        return None
    default = declared[0].default
    return Fix(
        _("Add {key} with the documented default, {default}").format(
            key=key_of(problem.path), default=default
        ),
        (Edit("set", problem.path, default),),
    )
