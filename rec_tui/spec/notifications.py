"""Cloud Recording's notification callbacks (NCS): event types and the codes in their details.

Source: Agora's callback reference ("Cloud Recording RESTful API callback service", in
AgoraIO/agora_doc_source: markdown/en/cloud-recording/cloud_recording_callback_rest.md and
the newer English page with events 45, 73 and 100 and the web-recorder stop codes), and
spec section 1.4.3 (recording status values, web service states). Written in our words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rec_tui.i18n import N_, _
from rec_tui.spec.pasted_texts import Answer


def _event(
    number: int, name: str, meaning: str, check: str = "", causes: tuple[str, ...] = ()
) -> Answer:
    return Answer(
        f"event {number}",
        N_("Callback event {number} {name}"),
        meaning,
        check or N_("Informational: nothing to fix."),
        causes,
        wordings=(name, name.replace("_", " ")),
        title_values=(("number", number), ("name", name)),
    )


_NO_STREAM_CHECK = N_(
    "If it stays at 1, check that the uid publishes and is in the subscription lists; in "
    "a live-broadcast channel only hosts are recorded."
)

EVENTS: dict[int, Answer] = {
    answer_number: answer
    for answer_number, answer in (
        (
            1,
            _event(
                1,
                "cloud_recording_error",
                N_(
                    "An error in the recorder (module 0), the uploader (1) or the service (2); "
                    "errorLevel 5 (fatal) usually ends the recording."
                ),
                N_(
                    "Read details.module, errorCode and errorMsg; after a fatal error, query the "
                    "session. Uploader codes: 32 storage settings wrong, 47 upload failed, 51 "
                    "file handling failed; service codes: 50 upload timed out, 52 start timed out."
                ),
                (
                    N_("storage settings that do not work (vendor, region, bucket, keys)"),
                    N_("the recorder could not start in time"),
                ),
            ),
        ),
        (
            2,
            _event(
                2,
                "cloud_recording_warning",
                N_(
                    "A warning from the recorder (module 0) or the uploader (1). Uploader 31: a "
                    "slice is uploaded again to your storage; 32: it went to Agora's backup "
                    "storage, which forwards it later."
                ),
                N_("Repeated 32 warnings: check that the storage accepts uploads."),
            ),
        ),
        (
            3,
            _event(
                3,
                "cloud_recording_status_update",
                N_(
                    "A call did not fit the service's state (for example start when it is "
                    "already running); details.status is the recording status."
                ),
            ),
        ),
        (
            4,
            _event(4, "cloud_recording_file_infos", N_("The first M3U8 playlist was uploaded.")),
        ),
        (
            11,
            _event(
                11,
                "session_exit",
                N_(
                    "The recording service ended the task and exited; details.exitStatus (older "
                    "docs: leaveStatus) is 0 for a normal exit, 1 for an abnormal one."
                ),
                N_(
                    "After an abnormal exit, read the error events before it and the recorder's "
                    "leaveCode (event 41)."
                ),
                (N_("a parameter that the service could not use"), N_("the recorder left early")),
            ),
        ),
        (
            12,
            _event(
                12,
                "session_failover",
                N_("High availability moved the task; the recorder now joins with details.newUid."),
                N_(
                    "Expect query/stop to answer 404 for up to about 90 s meanwhile; make sure no "
                    "client uses the new uid."
                ),
            ),
        ),
        (30, _event(30, "uploader_started", N_("The uploader started (status 0 means fine)."))),
        (31, _event(31, "uploaded", N_("Every recorded file reached your storage."))),
        (
            32,
            _event(
                32,
                "backuped",
                N_(
                    "Every file was uploaded, but at least one went to Agora's backup storage "
                    "first; it is forwarded to your storage later."
                ),
                N_("Check the storage's permissions and reachability."),
            ),
        ),
        (33, _event(33, "uploading_progress", N_("Upload progress, 0 to 10000 (= all uploaded)."))),
        (40, _event(40, "recorder_started", N_("The recorder started (status 0 means fine)."))),
        (
            41,
            _event(
                41,
                "recorder_leave",
                N_(
                    "The recorder left the channel; details.leaveCode says why (a bit mask: 0 "
                    "start-up failed, 2 SIGINT, 4 nobody else in the channel, 8 ignore, 16 the "
                    "recorder left on stop)."
                ),
                N_("Decode the leaveCode with `rec-tui explain leaveCode N`."),
            ),
        ),
        (
            42,
            _event(
                42,
                "recorder_slice_start",
                N_(
                    "The recording's first slice started, or the recording resumed after an "
                    "interruption (discontinueUtcMs then marks the gap)."
                ),
            ),
        ),
        (
            43,
            _event(
                43,
                "recorder_audio_stream_state_changed",
                N_("The recorder started (state 0) or stopped (state 1) receiving a uid's audio."),
                _NO_STREAM_CHECK,
            ),
        ),
        (
            44,
            _event(
                44,
                "recorder_video_stream_state_changed",
                N_("The recorder started (state 0) or stopped (state 1) receiving a uid's video."),
                _NO_STREAM_CHECK,
            ),
        ),
        (
            45,
            _event(45, "recorder_snapshot_file", N_("A screenshot was uploaded to your storage.")),
        ),
        (60, _event(60, "vod_started", N_("The upload to ApsaraVideo for VoD started."))),
        (61, _event(61, "vod_triggered", N_("Every file reached ApsaraVideo for VoD."))),
        (70, _event(70, "web_recorder_started", N_("Web page recording started."))),
        (
            71,
            _event(
                71,
                "web_recorder_stopped",
                N_(
                    "Web page recording stopped; details.code 0 is a normal stop, any other code "
                    "an abnormal one (1 max_recording_hour, 2 capability_limit, 3 "
                    "start_engine_failed, 4 page_load_timeout, 5 access_url_failed, 6 "
                    "recorder_error)."
                ),
                N_(
                    "Explain the code with `rec-tui explain web_recorder_stopped code N`; after "
                    "an abnormal stop, start a new recording."
                ),
            ),
        ),
        (
            72,
            _event(
                72,
                "web_recorder_capability_limit",
                N_(
                    "The page uses something web recording does not support; the recording "
                    "stops. details.limitType: resolution (a video source above the limit), "
                    "WebGL, or bandwidth."
                ),
                N_("Record a page without WebGL and with smaller video sources."),
            ),
        ),
        (
            73,
            _event(
                73,
                "web_recorder_reload",
                N_(
                    "The page was reloaded; details.reason is audio_silence or page_load_timeout "
                    "(the page did not call notifyReady in readyTimeout)."
                ),
                N_(
                    "For page_load_timeout: make the page call window.navigator.notifyReady() "
                    "once it is ready, or raise readyTimeout."
                ),
            ),
        ),
        (80, _event(80, "transcoder_started", N_("Postponed transcoding started."))),
        (
            81,
            _event(
                81,
                "transcoder_completed",
                N_("Postponed transcoding finished: result all_success, partial_success or fail."),
            ),
        ),
        (
            90,
            _event(
                90,
                "download_failed",
                N_(
                    "The recording service could not download recorded files back from your "
                    "storage (for postponed transcoding)."
                ),
                N_("Check that the bucket allows reading with the keys given in start."),
            ),
        ),
        (
            100,
            _event(
                100,
                "rtmp_publish_status",
                N_(
                    "Web recording's CDN push changed state (connecting, publishing, onhold, "
                    "disconnected)."
                ),
                N_("For disconnected: check the rtmpUrl, or use another CDN address."),
            ),
        ),
        (
            1001,
            _event(
                1001,
                "postpone_transcode_final_result",
                N_(
                    "The final result of postponed transcoding: total_success, partial_success "
                    "or failed."
                ),
            ),
        ),
    )
}

_LEAVE_BITS: tuple[tuple[int, str], ...] = (
    (2, N_("the recorder's process was interrupted (SIGINT)")),
    (4, N_("nobody else was in the channel, so the recorder left (maxIdleTime)")),
    (8, N_("timer (Agora says to ignore this bit)")),
    (16, N_("the recorder left because it was told to (stop)")),
)


def leave_code(value: int) -> Answer:
    """Event 41's leaveCode, decoded bit by bit.

    Its meaning is composed here, so it is said in the active language at once.
    """
    if value == 0:
        reasons = [_("the recorder failed to start up (initialisation failed)")]
    else:
        reasons = [_(text) for bit, text in _LEAVE_BITS if value & bit]
    unknown = value & ~sum(bit for bit, _text in _LEAVE_BITS)
    if unknown:
        reasons.append(_("bits {bits} are not documented").format(bits=unknown))
    idle = bool(value & 4)
    return Answer(
        f"leaveCode {value}",
        "recorder_leave leaveCode {value}",
        _("The recorder left the channel: {reasons}.").format(reasons=_("; ").join(reasons)),
        N_(
            "Nobody in the channel: check that clients joined the same channel (cname) with "
            "the same App ID before maxIdleTime ran out."
        )
        if idle
        else N_(
            "Compare with the calls made: a stop explains 16; 0 means the recorder never "
            "ran (check the token and the body)."
        ),
        tuple(reasons),
        title_values=(("value", value),),
    )


def exit_status(value: int) -> Answer:
    """Event 11's exitStatus (leaveStatus in older docs)."""
    normal = value == 0
    return Answer(
        f"exitStatus {value}",
        "session_exit exitStatus {value}",
        N_("A normal exit: the recording ended and its files were uploaded.")
        if normal
        else N_(
            "An abnormal exit: the task stopped because of an error (for example a "
            "parameter it could not use)."
        ),
        N_("Nothing to fix.")
        if normal
        else N_("Read the error events (1) and the recorder's leaveCode (41) before it."),
        title_values=(("value", value),),
    )


_WEB_STOPS: dict[int, tuple[str, str, str]] = {
    0: (
        "ok",
        N_("A normal stop: the recording was stopped on request."),
        N_("Nothing to fix."),
    ),
    1: (
        "max_recording_hour",
        N_("The recording reached maxRecordingHour and stopped."),
        N_("Raise maxRecordingHour (up to resourceExpiredHour) or restart for long sessions."),
    ),
    2: (
        "capability_limit",
        N_("The page uses something web recording does not support (see event 72)."),
        N_("Avoid WebGL and oversized video sources on the recorded page."),
    ),
    3: (
        "start_engine_failed",
        N_("The recording engine failed to start."),
        N_("Start a new recording; escalate with the sid if it repeats."),
    ),
    4: (
        "page_load_timeout",
        N_("The page did not report ready within readyTimeout, twice."),
        N_("Make the page call window.navigator.notifyReady(), or raise readyTimeout."),
    ),
    5: (
        "access_url_failed",
        N_("The page to record could not be opened."),
        N_("Check that the url is public, reachable from the internet, and answers quickly."),
    ),
    6: (
        "recorder_error",
        N_("Web recording hit an error and could not go on."),
        N_("Start a new recording; escalate with the sid if it repeats."),
    ),
}

WEB_STOP_CODES: dict[int, Answer] = {
    code: Answer(
        f"web_recorder_stopped code {code}",
        "web_recorder_stopped code {code} ({message})",
        meaning,
        check,
        wordings=(message, message.replace("_", " ")) if code else (),
        title_values=(("code", code), ("message", message)),
    )
    for code, (message, meaning, check) in _WEB_STOPS.items()
}

# Each status value's meaning; 4 and 5 mean the recording has started.
_RECORDING_STATUSES: dict[int, str] = {
    0: N_("Not started."),
    1: N_("Initialised."),
    2: N_("Recorder starting."),
    3: N_("Uploader ready."),
    4: N_("Recorder ready. The recording has started."),
    5: N_("Recording: the first file was uploaded. The recording has started."),
    6: N_("Stop requested."),
    7: N_("The service stopped."),
    8: N_("About to exit."),
    20: N_("Exited abnormally."),
}


def recording_status(value: int) -> Answer | None:
    """A ``status`` value of query answers and of event 3 (spec 1.4.3)."""
    meaning = _RECORDING_STATUSES.get(value)
    if meaning is None:
        return None
    if value in (4, 5):
        check = N_("Nothing to fix.")
    elif value < 4:
        check = N_("If status 4 or 5 has not appeared 90 s after start, treat the start as failed.")
    elif value == 20:
        check = N_("Read the error events (1) and the leaveCode (41) for why.")
    else:
        check = N_("The recording is ending, as after a stop.")
    return Answer(
        f"status {value}",
        N_("Recording status {value}"),
        meaning,
        check,
        title_values=(("value", value),),
    )


def from_callback(data: Mapping[str, Any]) -> list[Answer]:
    """What a pasted callback JSON says: its event and, where documented, its detail codes."""
    event = data.get("eventType")
    payload = data.get("payload")
    details = payload.get("details") if isinstance(payload, Mapping) else data.get("details")
    answers: list[Answer] = []
    if isinstance(event, int) and event in EVENTS:
        answers.append(EVENTS[event])
    if isinstance(details, Mapping):
        answers.extend(details_answers(event, details))
    return answers


def details_answers(event: object, details: Mapping[str, Any]) -> list[Answer]:
    answers: list[Answer] = []
    leave = details.get("leaveCode")
    if isinstance(leave, int):
        answers.append(leave_code(leave))
    status = details.get("exitStatus", details.get("leaveStatus"))
    if isinstance(status, int):
        answers.append(exit_status(status))
    code = details.get("code")
    if (event == 71 or details.get("msgName") == "web_recorder_stopped") and isinstance(code, int):
        stop = WEB_STOP_CODES.get(code)
        if stop is not None:
            answers.append(stop)
    return answers
