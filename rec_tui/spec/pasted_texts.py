"""Texts customers paste that are not a bare error code: server `reason` texts and HTTP statuses.

Each :class:`Answer` says what the text means, its likely causes (most likely first) and
what to check. ``wordings`` are the texts that name it, matched loosely by
:mod:`rec_tui.spec.lookup`. Sources: spec sections 1.5, 1.6, 4.1 and 4.2 and rules R12,
R13, R49 and R51 (the subscription-list and uid checks behind the common code-2 reasons).
"""

from __future__ import annotations

from dataclasses import dataclass

from rec_tui.i18n import N_, _
from rec_tui.spec.codes import CODES


@dataclass(frozen=True, slots=True)
class Answer:
    """What a known text or number means, for a support engineer.

    ``key`` names it for people and scripts ("code 404", "HTTP 429", "event 41", …);
    ``alias_of`` is set when the text is only another name of an error code's entry.
    The texts are kept as written (English, marked for the catalogue); ``title`` may hold
    ``{placeholders}`` that ``title_values`` fill, so it is translated before they are.
    """

    key: str
    title: str
    meaning: str
    check: str
    causes: tuple[str, ...] = ()
    status: str = ""
    wordings: tuple[str, ...] = ()
    alias_of: int | None = None
    title_values: tuple[tuple[str, str | int], ...] = ()

    @property
    def written_title(self) -> str:
        """The title as written, its values filled in (what loose matching compares)."""
        return self.title.format(**dict(self.title_values))

    def said_title(self) -> str:
        """The title in the active language, its values filled in."""
        return _(self.title).format(**dict(self.title_values))

    def said_causes(self) -> tuple[str, ...]:
        return tuple(_(cause) for cause in self.causes)


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
        N_('Agora reason "uid inside the List can\'t be convert to uint32_t"'),
        N_(
            "A uid in a subscription list (subscribeAudioUids, subscribeVideoUids, "
            "unSubscribeAudioUids, unSubscribeVideoUids) is not a valid uid."
        ),
        N_(
            'Write each entry as the uid in text, e.g. ["527841"], or use ["#allstream#"] '
            "alone in a subscribe list; run `rec-tui validate` (rules R49, R50)."
        ),
        (
            N_('a uid sent as a number instead of text (527841 instead of "527841")'),
            N_("a user account (letters) or an empty string in the list"),
            N_("a uid above 4294967295, or a negative one"),
            N_('"#allstream#" mixed with uids or put in an unSubscribe list'),
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
        N_('Agora reason "params conflict"'),
        N_("Two settings of the body exclude each other."),
        N_(
            "Keep either the subscribe or the unSubscribe list for audio (and for video), not "
            "both; run `rec-tui validate` (rule R51)."
        ),
        (
            N_("subscribeAudioUids and unSubscribeAudioUids both set (or the two video lists)"),
            N_("streamTypes that excludes the media of a subscription list (rule R52)"),
        ),
        "400",
        ("params conflict", "parameter conflict"),
    ),
    Answer(
        "reason: invalid resourceExpiredHour value",
        N_('Agora reason "invalid resourceExpiredHour value" (code 2)'),
        N_("acquire's resourceExpiredHour is not a whole number of hours from 1 to 720."),
        N_("Send resourceExpiredHour as a number from 1 to 720 (rule R118)."),
        (N_("it was sent as text, as 0, or above 720"),),
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
            N_("HTTP 200 OK"),
            N_(
                "The call succeeded, but only if the answer carries the fields the call returns "
                "(resourceId for acquire, sid for start)."
            ),
            N_("Look for resourceId / sid in the answer; then query about 5 s after start."),
            (),
        ),
        _status(
            "201",
            N_("HTTP 201"),
            N_("start was already running for this resource ID (code 7)."),
            N_("Do not repeat start with the same resource ID; use query instead."),
            (N_("the start was retried after its first answer was lost"),),
        ),
        _status(
            "206",
            N_("HTTP 206 (partial answer)"),
            N_("Not a success: the task exists but the answer is incomplete."),
            N_(
                "Read the code: 435 means nothing was recorded, 65 means retry with the same "
                "resource ID (3 s, 6 s); for stop, the files may still be uploading."
            ),
            (
                N_(
                    "code 435: nobody published a stream while the recorder was in the channel "
                    "(empty channel, wrong subscription uids, or a recorder that never joined)"
                ),
                N_(
                    "code 65: the request reached the backend but the answer timed out "
                    "(network jitter)"
                ),
                N_("stop or query while files are still uploading, or the task is not finished"),
            ),
            "partial content",
        ),
        _status(
            "400",
            N_("HTTP 400 Bad Request"),
            N_(
                "The request was refused: a bad parameter, a mismatch with the resource ID, an "
                "invalid or expired token, or a service not enabled."
            ),
            N_(
                "Read the answer's code and reason (`rec-tui explain CODE`) and run "
                "`rec-tui validate` on the body."
            ),
            (
                N_("a parameter of the body (code 2: wrong type, case, range, missing field)"),
                N_(
                    "cname, uid or App ID differ from the acquire (code 432), or the resource "
                    "ID is over 5 minutes old (433)"
                ),
                N_("the RTC token is invalid or expired (codes 110, 109)"),
                N_("Cloud Recording not enabled for the App ID (invalid appid, code 400)"),
            ),
            "bad request",
        ),
        _status(
            "401",
            N_("HTTP 401 Unauthorized"),
            N_("The REST credentials were refused."),
            N_(
                "Check the Customer ID and secret (same account as the App ID), the "
                "`Authorization: Basic base64(id:secret)` header and the Content-Type."
            ),
            (
                N_("a wrong Customer ID or Customer Secret, or one of another account"),
                N_("the Authorization header is missing, or lacks the `Basic ` prefix"),
                N_("Cloud Recording not enabled, or a malformed Content-Type"),
            ),
            "unauthorized",
        ),
        _status(
            "404",
            N_("HTTP 404 Not Found"),
            N_(
                'Two different failures: "no Route matched with those values" (the URL or '
                'method is wrong) or code 404 "failed to find worker" (the recording task does '
                "not exist or no longer does)."
            ),
            N_(
                "With code 404: see `rec-tui explain 404` (the recorder left). Without a code: "
                "check the method and the path /v1/apps/{appid}/cloud_recording/…."
            ),
            (
                N_(
                    "after a successful start: the recorder could not join (token) or left "
                    "(idle for maxIdleTime, pushed out by a client using its uid)"
                ),
                N_("the task was stopped already, or the URL's resource ID, sid or mode differ"),
                N_("a failover in progress (retry for up to about 90 s)"),
                N_('a wrong method or URL (the gateway\'s "no Route matched")'),
            ),
            "not found",
        ),
        _status(
            "429",
            N_("HTTP 429 Too Many Requests"),
            N_("More than 10 requests per second (per account, or per App ID in newer docs)."),
            N_(
                "Space the calls out, retry with back-off, and keep query polling at least "
                "a few seconds apart; ask Agora support to raise the limit if needed."
            ),
            (
                N_("bursts: many recordings started at once, or a tight query loop"),
                N_("several services sharing one account"),
            ),
            "too many requests",
        ),
        _status(
            "500",
            N_("HTTP 500 Internal Server Error"),
            N_(
                "Agora's side failed (internal_error, no_worker_manager_available, Failed to "
                "allocate worker)."
            ),
            N_(
                "Retry after 3 s, 6 s and 9 s with the same body, then switch to a new uid; "
                "acquire again if start keeps failing."
            ),
            (
                N_("a temporary failure of the recording service"),
                N_("no recording worker available in the region"),
            ),
            "internal server error",
        ),
        _status(
            "504",
            N_("HTTP 504 Gateway Timeout"),
            N_("The gateway got no answer from the recording service in time (code 62)."),
            N_("Retry with back-off; for start, acquire again if the retry fails."),
            (N_("network trouble between Agora's gateway and the service"),),
            "gateway timeout",
        ),
        _status(
            "5xx",
            N_("HTTP 5xx server error"),
            N_("A failure on Agora's side or on the way to it."),
            N_(
                "Retry after 3 s, 6 s and 9 s with the same body, then switch to a new uid; "
                "for domain trouble try the other regional domain (1 s, 3 s, 6 s)."
            ),
            (
                N_("a temporary failure of the service or its gateway"),
                N_("a proxy between the customer and Agora"),
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
