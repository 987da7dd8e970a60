"""Findings on what was recorded and uploaded: the callback events that report errors and
uploads, and query or stop answers that list no file or say the upload is not done.

The spec gives the answers' ``fileList`` and ``uploadingStatus`` (1.4.3, 1.4.6), code 50 and
status 20 (4.2, 1.4.3). It is silent on callbacks: their event types and detail codes come
from Agora's callback reference, as :mod:`rec_tui.spec.notifications` declares them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from rec_tui.agora.diagnose.call_checks import DEFAULT_MAX_IDLE
from rec_tui.agora.diagnose.context import Context, seconds_between
from rec_tui.agora.diagnose.evidence import likely_causes
from rec_tui.agora.diagnose.model import ERROR, WARNING, Answer, Call, Callback, Finding
from rec_tui.i18n import _

# details.module of a cloud_recording_error (event 1) or warning (event 2); 0 is the recorder.
UPLOADER: Final = 1
SERVICE: Final = 2
# The service's errorCode for an upload that timed out; the uploader's for storage
# settings that do not work (both from the callback reference).
SERVICE_UPLOAD_TIMEOUT: Final = 50
STORAGE_SETTINGS: Final = 32
FATAL: Final = 5  # errorLevel of an error that ends the recording
EXITED_ABNORMALLY: Final = 20  # query's status (spec 1.4.3)
SYNC_STOP_TIMEOUT: Final = 50  # stop's code when the upload took over about 20 s (spec 4.2)
FIRST_FILE_WAIT: Final = 60  # seconds after start by which query lists the first file (1.5)
_STORAGE_PATHS: Final = tuple(
    f"clientRequest.storageConfig.{key}" for key in ("vendor", "region", "bucket")
)
_LIST_PATHS: Final = tuple(
    f"clientRequest.recordingConfig.{key}"
    for key in ("streamTypes", "subscribeAudioUids", "subscribeVideoUids", "maxIdleTime")
)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _is_upload_error(details: dict[str, Any]) -> bool:
    module, code = _int(details.get("module")), _int(details.get("errorCode"))
    return module == UPLOADER or (module == SERVICE and code == SERVICE_UPLOAD_TIMEOUT)


def _storage_evidence(context: Context) -> list[str]:
    """The start's storage settings (vendor, region, bucket; never the keys), if quoted."""
    starts = [s for s in context.starts() if "storageConfig" in s.client_request]
    return [context.quote.body(starts[-1], *_STORAGE_PATHS)] if starts else []


def _detail_words(context: Context, details: dict[str, Any]) -> str:
    """``module 1, errorCode 32, errorMsg "…"``: what the callback said, as it said it,
    masked (an errorMsg may quote a key)."""
    shown = [
        f"{key} {details[key]}" if key != "errorMsg" else f'{key} "{details[key]}"'
        for key in ("module", "errorLevel", "errorCode", "errorMsg")
        if key in details
    ]
    return context.quote.mask(_(", ").join(shown))


def upload_failed(context: Context) -> Iterator[Finding]:
    for callback in context.exchange.callbacks:
        if callback.event_type != 1 or not _is_upload_error(callback.details):
            continue
        settings = _int(callback.details.get("errorCode")) == STORAGE_SETTINGS
        cause = (
            _("the storage settings in start do not let Agora write to the bucket")
            if settings
            else _("the files could not be uploaded to the storage")
        )
        yield Finding(
            "upload-failed",
            ERROR,
            _(
                "The callback reported an upload error (event 1 cloud_recording_error, {details}):"
                " {cause}, so recorded files did not reach the storage."
            ).format(details=_detail_words(context, callback.details), cause=cause),
            (context.quote.line(callback.line), *_storage_evidence(context)),
            _(
                "Check storageConfig in start: vendor and region must be the bucket's, the "
                "bucket must exist, and accessKey and secretKey (and stsToken, if used) must "
                "be allowed to write to it. Fix them and record again; while a task runs, "
                "update.storageConfig can refresh them."
            ),
        )
        return


def recording_error(context: Context) -> Iterator[Finding]:
    for callback in context.exchange.callbacks:
        details = callback.details
        exit_status = _int(details.get("exitStatus", details.get("leaveStatus")))
        error = callback.event_type == 1 and not _is_upload_error(details)
        if error or (callback.event_type == 11 and exit_status == 1):
            # Only a fatal error (or an abnormal exit) proves the recording ended.
            fatal = not error or _int(details.get("errorLevel")) == FATAL
            yield Finding(
                "recording-error",
                ERROR if fatal else WARNING,
                _(
                    "The callback reported that the recording service failed (event {event}, "
                    "{details}): the recording ended or lost part of its files."
                ).format(
                    event=callback.event_type,
                    details=_detail_words(context, details) or f"exitStatus {exit_status}",
                ),
                (context.quote.line(callback.line),),
                _recording_error_fix(),
            )
            return
    for call, answer in context.exchange.answers():
        response = answer.server_response or {}
        if response.get("status") == EXITED_ABNORMALLY:
            yield Finding(
                "recording-error",
                ERROR,
                _("{call} answered status 20: the recording exited abnormally.").format(
                    call=call.kind or "query"
                ),
                (context.quote.answer(call),),
                _recording_error_fix(),
            )
            return


def _recording_error_fix() -> str:
    return _(
        "Read the callback's error events (1) and the recorder's leaveCode (event 41) for "
        "the module and code; start a new recording, and escalate to Agora with the sid if "
        "it happens again."
    )


def upload_backuped(context: Context) -> Iterator[Finding]:
    seen = _backuped_callback(context.exchange.callbacks)
    if seen is not None:
        evidence = context.quote.line(seen.line)
        said = _("the callback reported event {event}").format(event=seen.event_type)
    else:
        stop = next((c for c, status in _upload_statuses(context) if status == "backuped"), None)
        if stop is None:
            return
        evidence = context.quote.answer(stop)
        said = _('stop answered uploadingStatus "backuped"')
    yield Finding(
        "upload-backuped",
        WARNING,
        _(
            "Some files could not be uploaded to the storage at first and went to Agora's "
            "backup cloud ({said}): Agora moves them to the storage later, so they are "
            "missing from it for a while."
        ).format(said=said),
        (evidence, *_storage_evidence(context)),
        _(
            "Look in the storage again later before recording again. If it happens on every "
            "recording, check that the bucket accepts uploads from Agora: storageConfig's "
            "region must be the bucket's, and its keys allowed to write."
        ),
    )


def _backuped_callback(callbacks: list[Callback]) -> Callback | None:
    """Event 32 (backuped), or an uploader warning (event 2) with code 32."""
    for callback in callbacks:
        details = callback.details
        warned = (
            callback.event_type == 2
            and _int(details.get("module")) == UPLOADER
            and _int(details.get("warnCode", details.get("errorCode"))) == STORAGE_SETTINGS
        )
        if callback.event_type == 32 or warned:
            return callback
    return None


def _upload_statuses(context: Context) -> Iterator[tuple[Call, str]]:
    """Each stop answer's uploadingStatus, in I/M's serverResponse or W's upload_service."""
    for call, answer in context.exchange.answers():
        for response in _responses(answer):
            status = response.get("uploadingStatus")
            if isinstance(status, str):
                yield call, status


def _responses(answer: Answer) -> list[dict[str, Any]]:
    """The serverResponse and the payload of each of its extension services (W)."""
    response = answer.server_response
    if response is None or answer.failed:
        return []
    found = [response]
    services = response.get("extensionServiceState")
    for service in services if isinstance(services, list) else []:
        payload = service.get("payload") if isinstance(service, dict) else None
        if isinstance(payload, dict):
            found.append(payload)
    return found


def upload_unfinished(context: Context) -> Iterator[Finding]:
    timed_out = (
        c for c, a in context.exchange.answers() if c.kind == "stop" and a.code == SYNC_STOP_TIMEOUT
    )
    call = next(timed_out, None)
    said = _(
        "stop answered code 50: the upload took longer than about 20 s, so files may "
        "still be on their way to the storage."
    )
    if call is None:
        call = next((c for c, status in _upload_statuses(context) if status == "unknown"), None)
        said = _(
            'stop answered uploadingStatus "unknown": it could not say that the upload was '
            "done, so files may still be on their way to the storage."
        )
    if call is None:
        return
    yield Finding(
        "upload-unfinished",
        WARNING,
        said,
        (context.quote.answer(call),),
        _(
            "Look in the storage again in a few minutes, or wait for the callback's uploaded "
            "event (31). Next time stop with async_stop true and follow the task with query."
        ),
    )


def empty_file_list(context: Context) -> Iterator[Finding]:
    empty = [
        call
        for call, answer in context.exchange.answers()
        if any(_lists_nothing(response) for response in _responses(answer))
        and not _too_soon(context, call)
    ]
    if not empty:
        return
    stops = [call for call in empty if call.kind == "stop"]
    call = stops[0] if stops else empty[0]
    message = (
        _("stop answered with an empty file list: the recording holds no file.")
        if stops
        else _(
            "query answered with an empty file list: no file was written yet (normal only "
            "within about a minute of start)."
        )
    )
    evidence = [context.quote.answer(call)]
    start, config = _recording_config(context)
    paths = [path for path in _LIST_PATHS if path.rsplit(".", 1)[1] in config]
    if start is not None and paths:
        evidence.append(context.quote.body(start, *paths))
    yield Finding(
        "empty-file-list",
        ERROR if stops else WARNING,
        message,
        tuple(evidence),
        likely_causes(_empty_causes(context)),
    )


def _too_soon(context: Context, call: Call) -> bool:
    """A query within a minute of its start: the first file may not be listed yet (about
    15 s after start in mix, 1 min in individual; spec 1.5). A stop's list is final."""
    if call.kind == "stop":
        return False
    calls = context.exchange.calls
    starts = [c for c in calls[: calls.index(call)] if c.started]
    waited = seconds_between(starts[-1].when, call.when) if starts else None
    return waited is not None and waited < FIRST_FILE_WAIT


def _recording_config(context: Context) -> tuple[Call | None, dict[str, Any]]:
    """The last start and its recordingConfig (empty when it has none)."""
    starts = context.starts()
    if not starts:
        return None, {}
    config = starts[-1].client_request.get("recordingConfig")
    return starts[-1], config if isinstance(config, dict) else {}


def _lists_nothing(response: dict[str, Any]) -> bool:
    return "fileList" in response and response["fileList"] in ([], "")


def _empty_causes(context: Context) -> list[str]:
    max_idle = _int(_recording_config(context)[1].get("maxIdleTime"))
    published = _(
        "Nobody published a stream the recorder subscribed to while it ran. Confirm: the "
        "clients joined the same cname with the same App ID and published (in a "
        "live-broadcast channel only hosts are recorded)."
    )
    lists = _(
        "The subscription left the publishers out: subscribeAudioUids or subscribeVideoUids "
        "name other uids, or streamTypes leaves out the media they send. Confirm: compare "
        "recordingConfig in start with the uids in the channel."
    )
    idle = _(
        "Nobody was in the channel for maxIdleTime ({seconds} s), so the recorder left "
        "before anyone published. Confirm: the callback's recorder_leave event (41) with "
        "leaveCode 4."
    ).format(seconds=max_idle or DEFAULT_MAX_IDLE)
    causes = [published, lists, idle]
    if context.left_idle() is not None:
        causes = [idle, published, lists]
    if context.has("upload-failed"):
        causes.insert(0, _("The upload failed: see the upload-failed finding above."))
    return causes
