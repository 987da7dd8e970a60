"""Fixers that put in the one value a rule's advice names.

Subscription lists (``#allstream#`` misuse, a subscribe list next to an unsubscribe list,
the subscribeUidGroup that Go's omitempty drops), recording files and screenshots, storage,
web recorder settings and the legacy options: each fixer here applies only when the advice
leaves no choice to make.
"""

from __future__ import annotations

from typing import Any, Final

from rec_tui.i18n import _
from rec_tui.request.fixes.convert import letter_case
from rec_tui.request.fixes.places import key_of
from rec_tui.request.fixes.registry import fixer
from rec_tui.spec import jsonpath
from rec_tui.spec.fields_extension import SERVICE_ERROR_POLICY
from rec_tui.spec.fields_recording import UID_GROUPS
from rec_tui.spec.modes import Mode
from rec_tui.spec.names import ALL_STREAMS as ALLSTREAM
from rec_tui.spec.problems import Edit, Fix, Problem
from rec_tui.spec.rules.checks import UidVerdict, check_uid

REC: Final = "clientRequest.recordingConfig"
FILES: Final = "clientRequest.recordingFileConfig"
SUBSCRIBE_LISTS: Final = ("subscribeAudioUids", "subscribeVideoUids")
# The group the seed advises when the number of users is unknown: Go's omitempty drops a 0.
GROUP_WHEN_UNKNOWN: Final = 1
AUDIO_AND_VIDEO: Final = 2
AUDIO_ONLY: Final = 0
TOP_ERROR_POLICY: Final = "error_abort"


# --- subscription -----------------------------------------------------------------------


def _list_path(path: str) -> str:
    """ "…subscribeAudioUids[2]" → "…subscribeAudioUids"."""
    tokens = jsonpath.parse(path)
    return jsonpath.join(tokens[:-1]) if tokens and isinstance(tokens[-1], int) else path


@fixer("sub.list.allstream_misuse")
def allstream_misuse(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """An unSubscribe list never takes ``#allstream#``: remove it.

    A subscribe list that mixes it with UIDs is a choice between everyone and just those
    users (dropping either side records less than the customer may mean): no fix.
    """
    path = _list_path(problem.path)
    entries = jsonpath.get(body, path)
    if not isinstance(entries, list) or not key_of(path).startswith("unSubscribe"):
        return None
    kept = [entry for entry in entries if entry != ALLSTREAM]
    name = key_of(path)
    if not kept:
        return Fix(
            _("Remove {name}: it held only {allstream}").format(name=name, allstream=ALLSTREAM),
            (Edit("delete", path),),
        )
    return Fix(
        _("Remove {allstream} from {name}, keeping the UIDs it lists").format(
            allstream=ALLSTREAM, name=name
        ),
        (Edit("set", path, kept),),
    )


@fixer("sub.list.exclusive")
def subscribe_and_unsubscribe(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """A subscribe list with an unsubscribe list means "these users but not those": say it
    with the subscribe list alone (or the unsubscribe list alone after ``#allstream#``)."""
    unsubscribe_path = problem.path
    subscribe_path = unsubscribe_path.replace("unSubscribe", "subscribe")
    subscribe = jsonpath.get(body, subscribe_path)
    unsubscribe = jsonpath.get(body, unsubscribe_path)
    if not isinstance(subscribe, list) or not isinstance(unsubscribe, list):
        return None
    if subscribe == [ALLSTREAM]:
        return Fix(
            _("Remove {key}: {allstream} with {key2} means everyone but the users it lists").format(
                key=key_of(subscribe_path), allstream=ALLSTREAM, key2=key_of(unsubscribe_path)
            ),
            (Edit("delete", subscribe_path),),
        )
    left_out = {_uid_number(entry) for entry in unsubscribe}
    kept = [entry for entry in subscribe if _uid_number(entry) not in left_out]
    if not kept:
        return None
    edits = [Edit("delete", unsubscribe_path)]
    if kept != subscribe:
        edits.insert(0, Edit("set", subscribe_path, kept))
    return Fix(
        _("Keep {key} without the users of {key2}, and remove {key2}").format(
            key=key_of(subscribe_path), key2=key_of(unsubscribe_path)
        ),
        tuple(edits),
    )


def _uid_number(entry: Any) -> Any:
    """ "0123" and "123" are one user to the server."""
    return int(entry) if check_uid(entry) is not UidVerdict.BAD else entry


def _group_for(body: Any) -> int | None:
    """The smallest subscribeUidGroup that covers the users the subscribe lists name, or
    None when the lists do not tell (absent, or ``#allstream#``)."""
    users: set[Any] = set()
    for name in SUBSCRIBE_LISTS:
        entries = jsonpath.get(body, f"{REC}.{name}")
        for entry in entries if isinstance(entries, list) else []:
            if entry == ALLSTREAM:
                return None
            users.add(_uid_number(entry))
    if not users:
        return None
    for group, (_least, most) in enumerate(UID_GROUPS):
        if len(users) <= most:
            return group
    return None


@fixer("sub.group.required")
def group_missing(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    group = _group_for(body)
    if group is None:
        said = _(
            "Add subscribeUidGroup: the users are not listed, so {group} (3–7 users) as the "
            "seed advises"
        ).format(group=GROUP_WHEN_UNKNOWN)
        group = GROUP_WHEN_UNKNOWN
    else:
        low, high = UID_GROUPS[group]
        said = _(
            "Add subscribeUidGroup: the subscribe lists name users for group {group} "
            "({low}–{high} users)"
        ).format(group=group, low=low, high=high)
    return Fix(said, (Edit("set", problem.path, group),))


@fixer("sub.group.capacity")
def group_too_small(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    group = _group_for(body)
    if group is None:
        return None
    return Fix(
        _(
            "Set subscribeUidGroup to {group}, the smallest group that covers the subscribed users"
        ).format(group=group),
        (Edit("set", problem.path, group),),
    )


# --- recording, files and screenshots ---------------------------------------------------


def _set(path: str, value: Any, description: str) -> Fix:
    return Fix(description, (Edit("set", path, value),))


@fixer("rec.streamTypes.moderation")
def moderation_audio_only(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    if not problem.path.endswith(".streamTypes"):
        return None
    return _set(
        problem.path, AUDIO_ONLY, _("Set streamTypes to 0 (audio only) for audio moderation")
    )


@fixer("snap.streamTypes")
def snapshot_needs_video(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, AUDIO_AND_VIDEO, _("Set streamTypes to 2 (audio and video)"))


@fixer("snap.fileType")
def snapshot_file_type(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, ["jpg"], _('Set fileType to ["jpg"]'))


@fixer("snap.plus_rec.file_config")
def snapshot_plus_recording(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, {"avFileType": ["hls"]}, _('Add recordingFileConfig with ["hls"]'))


@fixer("file.mp4_needs_hls")
def mp4_needs_hls(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, ["hls", "mp4"], _('Set avFileType to ["hls", "mp4"]'))


@fixer("file.mp4_mode")
def mp4_in_individual(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    path = _list_path(problem.path)
    values = jsonpath.get(body, path)
    if not isinstance(values, list):
        return None
    kept = [value for value in values if value != "mp4"]
    return _set(path, kept or ["hls"], _("Remove mp4 from avFileType (individual mode writes HLS)"))


@fixer("file.values")
def file_values(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """ "HLS" → "hls"; a type listed twice → once."""
    cased = letter_case(problem, body, mode)
    if cased is not None:
        return cased
    tokens = jsonpath.parse(problem.path)
    if not tokens or not isinstance(tokens[-1], int):
        return None
    path = _list_path(problem.path)
    values = jsonpath.get(body, path)
    value = jsonpath.get(body, problem.path)
    if not isinstance(values, list) or values.index(value) == tokens[-1]:
        return None
    unique = [v for i, v in enumerate(values) if v not in values[:i]]
    return _set(path, unique, _("Remove the repeated file types from avFileType"))


# --- storage ----------------------------------------------------------------------------


@fixer("storage.region.zero")
def region_zero(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, 0, _("Set region to 0 (this vendor takes no region number)"))


@fixer("storage.prefix.charset")
def prefix_folders(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """ "a/b" is two folders; an empty folder name is dropped."""
    entry = jsonpath.get(body, problem.path)
    path = _list_path(problem.path)
    entries = jsonpath.get(body, path)
    if not isinstance(entry, str) or not isinstance(entries, list):
        return None
    if entry != "" and "/" not in entry:
        return None
    index = jsonpath.parse(problem.path)[-1]
    assert isinstance(index, int)
    parts = [part for part in entry.split("/") if part]
    rebuilt = entries[:index] + parts + entries[index + 1 :]
    if not rebuilt:
        said = (
            _('Split "{entry}" into folders (no folder left: remove fileNamePrefix)')
            if parts
            else _("Remove the empty folder name (no folder left: remove fileNamePrefix)")
        )
        return Fix(said.format(entry=entry), (Edit("delete", path),))
    said = (
        _('Split "{entry}" into folders in fileNamePrefix')
        if parts
        else _("Remove the empty folder name in fileNamePrefix")
    )
    return _set(path, rebuilt, said.format(entry=entry))


@fixer("storage.sse.value")
def sse_value(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    cased = letter_case(problem, body, mode)
    if cased is not None:
        return cased
    if problem.is_error:
        return None
    return Fix(_("Remove sse (only Amazon S3 reads it)"), (Edit("delete", problem.path),))


# --- web recorder and legacy options ----------------------------------------------------


@fixer("web.apiVersion")
def api_version(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, "v1", _('Set apiVersion to "v1"'))


@fixer("web.errorPolicy")
def error_policy(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    if problem.path.endswith("extensionServiceConfig.errorHandlePolicy"):
        expected: str | None = TOP_ERROR_POLICY
    else:
        name = jsonpath.get(body, problem.path.rpartition(".")[0] + ".serviceName")
        expected = SERVICE_ERROR_POLICY.get(name) if isinstance(name, str) else None
    if expected is None:
        return None
    return _set(
        problem.path, expected, _('Set errorHandlePolicy to "{expected}"').format(expected=expected)
    )


@fixer("web.services.combo")
def repeated_service(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """The second entry of a service that may appear once.

    Decided from the body, not the message, which is in the user's language."""
    entry_path, _dot, key = problem.path.rpartition(".")
    services, _bracket, index = entry_path.rpartition("[")
    entries = jsonpath.get(body, services)
    if key != "serviceName" or not index.rstrip("]").isdigit() or not isinstance(entries, list):
        return None
    position = int(index.rstrip("]"))
    name = jsonpath.get(body, f"{entry_path}.serviceName")
    earlier = [entry.get("serviceName") for entry in entries[:position] if isinstance(entry, dict)]
    if not isinstance(name, str) or name not in earlier:
        return None
    return Fix(_("Remove the repeated service entry"), (Edit("delete", entry_path),))


@fixer("legacy.options.needs_policy")
def postponed_policy(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    """transcodeOptions says postponed processing was meant; add the policy it needs."""
    path = "clientRequest.appsCollection.combinationPolicy"
    if not problem.is_error or jsonpath.get(body, path) is not None:
        return None
    return _set(path, "postpone_transcoding", _('Add combinationPolicy "postpone_transcoding"'))


@fixer("legacy.transcoding.streamMode")
def postponed_stream_mode(problem: Problem, body: Any, mode: Mode) -> Fix | None:
    return _set(problem.path, "default", _('Set streamMode to "default" for postponed transcoding'))
