"""Texts customers paste that are not a bare error code: server `reason` texts and HTTP statuses.

Each :class:`Answer` says what the text means, its likely causes (most likely first) and
what to check. ``wordings`` are the texts that name it, matched loosely by
:mod:`rec_tui.spec.lookup`. Sources: spec sections 1.5, 1.6, 4.1 and 4.2 and rules R12,
R13, R49 and R51 (the subscription-list and uid checks behind the common code-2 reasons).
"""

from __future__ import annotations

from dataclasses import dataclass

from rec_tui.spec.codes import CODES


@dataclass(frozen=True, slots=True)
class Answer:
    """What a known text or number means, for a support engineer.

    ``key`` names it for people and scripts ("code 404", "HTTP 429", "event 41", …);
    ``alias_of`` is set when the text is only another name of an error code's entry.
    """

    key: str
    title: str
    meaning: str
    check: str
    causes: tuple[str, ...] = ()
    status: str = ""
    wordings: tuple[str, ...] = ()
    alias_of: int | None = None


def _alias(code: int, *wordings: str) -> Answer:
    """Texts that name an error code the code table already explains (its entry answers
    them): Agora's documented reason for the code (from the table) and ``wordings``."""
    documented = (CODES[code].reason,) if CODES[code].reason else ()
    named = tuple(dict.fromkeys((*documented, *wordings)))
    return Answer(f"code {code}", "", "", "", wordings=named, alias_of=code)


# Reason texts of the service (`{"code": …, "reason": "…"}`) and other server wordings: every
# code with a documented reason is named by it, plus the wordings customers use.
_WORDINGS: dict[int, tuple[str, ...]] = {
    404: ("worker not found", "can not find worker"),
    1001: ("resource id decode failed", "failed to decode resource id"),
    # Plain-English names of documented codes, as customers write them.
    109: ("token expired", "token has expired", "expired token"),
    110: ("invalid token", "token is invalid", "invalid rtc token"),
    433: ("resource expired", "resource id expired", "resourceid expired"),
    435: ("no recorded files", "nothing recorded", "no recording file"),
    7: ("start is already running",),
    49: ("stop repeated", "already stopped", "task is exiting"),
    1013: ("invalid channel name",),
}
REASONS: tuple[Answer, ...] = (
    *(
        _alias(code, *_WORDINGS.get(code, ()))
        for code, entry in CODES.items()
        if entry.reason or code in _WORDINGS
    ),
    Answer(
        "reason: uid inside the List can't be convert to uint32_t",
        'Agora reason "uid inside the List can\'t be convert to uint32_t"',
        "A uid in a subscription list (subscribeAudioUids, subscribeVideoUids, "
        "unSubscribeAudioUids, unSubscribeVideoUids) is not a valid uid.",
        'Write each entry as the uid in text, e.g. ["527841"], or use ["#allstream#"] '
        "alone in a subscribe list; run `rec-tui validate` (rules R49, R50).",
        (
            'a uid sent as a number instead of text (527841 instead of "527841")',
            "a user account (letters) or an empty string in the list",
            "a uid above 4294967295, or a negative one",
            '"#allstream#" mixed with uids or put in an unSubscribe list',
        ),
        "400",
        (
            "uid inside the list can't be convert to uint32_t",
            "can't be convert to uint32_t",
            "convert to uint32",
        ),
    ),
    Answer(
        "reason: params conflict",
        'Agora reason "params conflict"',
        "Two settings of the body exclude each other.",
        "Keep either the subscribe or the unSubscribe list for audio (and for video), not "
        "both; run `rec-tui validate` (rule R51).",
        (
            "subscribeAudioUids and unSubscribeAudioUids both set (or the two video lists)",
            "streamTypes that excludes the media of a subscription list (rule R52)",
        ),
        "400",
        ("params conflict", "parameter conflict"),
    ),
    Answer(
        "reason: invalid resourceExpiredHour value",
        'Agora reason "invalid resourceExpiredHour value" (code 2)',
        "acquire's resourceExpiredHour is not a whole number of hours from 1 to 720.",
        "Send resourceExpiredHour as a number from 1 to 720 (rule R118).",
        ("it was sent as text, as 0, or above 720",),
        "400",
        ("invalid resourceexpiredhour value", "invalid resourceexpiredhour"),
    ),
)


def _status(
    status: str, title: str, meaning: str, check: str, causes: tuple[str, ...], *words: str
) -> Answer:
    return Answer(f"HTTP {status}", title, meaning, check, causes, status, words)


HTTP_STATUSES: dict[str, Answer] = {
    answer.status: answer
    for answer in (
        _status(
            "200",
            "HTTP 200 OK",
            "The call succeeded, but only if the answer carries the fields the call returns "
            "(resourceId for acquire, sid for start).",
            "Look for resourceId / sid in the answer; then query about 5 s after start.",
            (),
        ),
        _status(
            "201",
            "HTTP 201",
            "start was already running for this resource ID (code 7).",
            "Do not repeat start with the same resource ID; use query instead.",
            ("the start was retried after its first answer was lost",),
        ),
        _status(
            "206",
            "HTTP 206 (partial answer)",
            "Not a success: the task exists but the answer is incomplete.",
            "Read the code: 435 means nothing was recorded, 65 means retry with the same "
            "resource ID (3 s, 6 s); for stop, the files may still be uploading.",
            (
                "code 435: nobody published a stream while the recorder was in the channel "
                "(empty channel, wrong subscription uids, or a recorder that never joined)",
                "code 65: the request reached the backend but the answer timed out "
                "(network jitter)",
                "stop or query while files are still uploading, or the task is not finished",
            ),
            "partial content",
        ),
        _status(
            "400",
            "HTTP 400 Bad Request",
            "The request was refused: a bad parameter, a mismatch with the resource ID, an "
            "invalid or expired token, or a service not enabled.",
            "Read the answer's code and reason (`rec-tui explain CODE`) and run "
            "`rec-tui validate` on the body.",
            (
                "a parameter of the body (code 2: wrong type, case, range, missing field)",
                "cname, uid or App ID differ from the acquire (code 432), or the resource "
                "ID is over 5 minutes old (433)",
                "the RTC token is invalid or expired (codes 110, 109)",
                "Cloud Recording not enabled for the App ID (invalid appid, code 400)",
            ),
            "bad request",
        ),
        _status(
            "401",
            "HTTP 401 Unauthorized",
            "The REST credentials were refused.",
            "Check the Customer ID and secret (same account as the App ID), the "
            "`Authorization: Basic base64(id:secret)` header and the Content-Type.",
            (
                "a wrong Customer ID or Customer Secret, or one of another account",
                "the Authorization header is missing, or lacks the `Basic ` prefix",
                "Cloud Recording not enabled, or a malformed Content-Type",
            ),
            "unauthorized",
        ),
        _status(
            "404",
            "HTTP 404 Not Found",
            'Two different failures: "no Route matched with those values" (the URL or '
            'method is wrong) or code 404 "failed to find worker" (the recording task does '
            "not exist or no longer does).",
            "With code 404: see `rec-tui explain 404` (the recorder left). Without a code: "
            "check the method and the path /v1/apps/{appid}/cloud_recording/….",
            (
                "after a successful start: the recorder could not join (token) or left "
                "(idle for maxIdleTime, pushed out by a client using its uid)",
                "the task was stopped already, or the URL's resource ID, sid or mode differ",
                "a failover in progress (retry for up to about 90 s)",
                'a wrong method or URL (the gateway\'s "no Route matched")',
            ),
            "not found",
        ),
        _status(
            "429",
            "HTTP 429 Too Many Requests",
            "More than 10 requests per second (per account, or per App ID in newer docs).",
            "Space the calls out, retry with back-off, and keep query polling at least "
            "a few seconds apart; ask Agora support to raise the limit if needed.",
            (
                "bursts: many recordings started at once, or a tight query loop",
                "several services sharing one account",
            ),
            "too many requests",
        ),
        _status(
            "500",
            "HTTP 500 Internal Server Error",
            "Agora's side failed (internal_error, no_worker_manager_available, Failed to "
            "allocate worker).",
            "Retry after 3 s, 6 s and 9 s with the same body, then switch to a new uid; "
            "acquire again if start keeps failing.",
            (
                "a temporary failure of the recording service",
                "no recording worker available in the region",
            ),
            "internal server error",
        ),
        _status(
            "504",
            "HTTP 504 Gateway Timeout",
            "The gateway got no answer from the recording service in time (code 62).",
            "Retry with back-off; for start, acquire again if the retry fails.",
            ("network trouble between Agora's gateway and the service",),
            "gateway timeout",
        ),
        _status(
            "5xx",
            "HTTP 5xx server error",
            "A failure on Agora's side or on the way to it.",
            "Retry after 3 s, 6 s and 9 s with the same body, then switch to a new uid; "
            "for domain trouble try the other regional domain (1 s, 3 s, 6 s).",
            (
                "a temporary failure of the service or its gateway",
                "a proxy between the customer and Agora",
            ),
            "bad gateway",
            "service unavailable",
        ),
    )
}


def http_status(status: int) -> Answer | None:
    """The answer for an HTTP status rec-tui knows (any 5xx falls back to the generic one)."""
    known = HTTP_STATUSES.get(str(status))
    if known is None and 500 <= status <= 599:
        return HTTP_STATUSES["5xx"]
    return known
