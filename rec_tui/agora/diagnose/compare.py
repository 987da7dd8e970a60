"""A ticket's findings beside its replay's: what the replay reproduced, with the same
cause or with another, what it did not, and what only the replay shows.

A replay runs against the sandbox or a test App ID, so the same failure (a 432) can come
from another cause there (a cname's letter case) than at the customer's: the customer's
cause is the one to fix, and a support engineer must see when the two differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rec_tui.agora.diagnose.model import Finding
from rec_tui.i18n import _

# What only a real storage shows: the built-in sandbox imitates uploads and writes nothing.
_STORAGE_ONLY = frozenset({"upload-failed", "upload-backuped", "upload-unfinished"})
# Findings that say the same thing from different evidence: a stop's code 435 (no-stream)
# and an empty file list both mean that nothing was published to record.
_SAME_SYMPTOM: dict[str, frozenset[str]] = {
    id_: group for group in (frozenset({"no-stream", "empty-file-list"}),) for id_ in group
}


def _sandbox_way(id_: str) -> str | None:
    """How the built-in sandbox shows ``id_`` on purpose (its scenarios), if it does."""
    if id_ in ("token-missing", "recorder-left"):
        return _(
            "in the sandbox, an App ID starting with cafe has an App Certificate: a start "
            "without its token is left by the recorder"
        )
    if id_ in _SAME_SYMPTOM:
        return _("in the sandbox, nobody publishes in a channel whose name starts with empty-")
    if id_ == "uid-collision":
        return _(
            "in the sandbox, users 1001 and 1002 are in every channel: a recorder with one "
            "of their uids is thrown out"
        )
    return None


@dataclass(frozen=True, slots=True)
class Comparison:
    """One line per finding id of either side: the replay's first, then the ticket's own."""

    lines: tuple[str, ...]
    differs: bool


def _cause(finding: Finding) -> str:
    return finding.cause or _(", ").join(finding.rules)


def compare(ticket: Sequence[Finding], replay: Sequence[Finding]) -> Comparison:
    theirs = {finding.id: finding for finding in ticket}
    ours = {finding.id: finding for finding in replay}
    lines: list[str] = []
    differs = False
    for id_, found in ours.items():
        customer = theirs.get(id_)
        if customer is None and _SAME_SYMPTOM.get(id_, frozenset()) & theirs.keys():
            continue  # said with the ticket's own finding, below
        if customer is None:
            lines.append(
                _("{id}: found by the replay only; the ticket does not show it.").format(id=id_)
            )
        elif _cause(customer) == _cause(found):
            lines.append(_("{id}: the replay reproduced the ticket's finding.").format(id=id_))
            continue
        else:
            lines.append(
                _(
                    "{id}: the replay failed the same way for another cause: the ticket's is "
                    "{ticket}, the replay's {replay}. Fix the customer's cause; the replay's may "
                    "come from how it was replayed."
                ).format(id=id_, ticket=_cause(customer), replay=_cause(found))
            )
        differs = True
    for id_ in theirs:
        if id_ in ours:
            continue
        seen_as = sorted(_SAME_SYMPTOM.get(id_, frozenset()) & ours.keys())
        if seen_as:
            lines.append(
                _("{id}: the replay reproduced it as {other}, the same symptom.").format(
                    id=id_, other=seen_as[0]
                )
            )
            continue
        if id_ in _STORAGE_ONLY:
            said = _(
                "{id}: not reproduced; the built-in sandbox cannot show it, as it writes to no "
                "storage. Replay with a test App ID and the customer's storageConfig to see it."
            ).format(id=id_)
        else:
            said = _("{id}: the replay did not reproduce the ticket's finding.").format(id=id_)
            way = _sandbox_way(id_)
            if way is not None:
                said += " " + _("To reproduce it: {way}.").format(way=way)
        lines.append(said)
        differs = True
    return Comparison(tuple(lines), differs)
