"""What Agora's error codes and message-only errors mean, and what to check (spec 4.1, 4.2).

``describe_code(432)`` and ``describe_message("invalid appid")`` give an
:class:`Explanation`; ``explain(text)`` accepts either form as a person would type it.
The sending code reuses these texts for the errors it receives, and the sandbox builds its
refusals from this same table (:func:`answer_status`, ``Explanation.reason``), so what it
answers and what ``explain`` says cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rec_tui.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Explanation:
    """One documented error: ``code`` is None for the message-only gateway errors.

    ``causes`` lists the likely causes, most likely first, where the spec's tables and
    sections say more than the one-line meaning. ``reason`` is the exact ``reason`` text
    Agora's reference gives with the code (D:status, the "Response status codes" page);
    empty where the reference names the code without a text (then the reason carries
    details, as code 2's "Acquire: invalid resourceExpiredHour value!" does).
    """

    code: int | None
    status: str
    meaning: str
    check: str
    message: str = ""
    causes: tuple[str, ...] = ()
    reason: str = ""

    @property
    def title(self) -> str:
        """The heading, in the active language."""
        if self.code is not None:
            return _("Agora error code {code}").format(code=self.code)
        return _('Agora gateway message "{message}"').format(message=self.message)

    @property
    def said_meaning(self) -> str:
        """``meaning`` in the active language (the table holds it as written)."""
        return _(self.meaning)

    @property
    def said_check(self) -> str:
        return _(self.check)


def _code(
    code: int,
    status: str,
    meaning: str,
    check: str,
    causes: tuple[str, ...] = (),
    *,
    reason: str = "",
) -> Explanation:
    return Explanation(code, status, meaning, check, causes=causes, reason=reason)


_CODE_LIST: tuple[Explanation, ...] = (
    _code(
        2,
        "400",
        N_(
            "Invalid parameter: wrong type, misspelt or mis-cased key, out-of-range value, or "
            "missing required field. Also mp4 without hls, and a bad readyTimeout."
        ),
        N_("Read `reason`; run the validator; check key case and string-vs-number types."),
        (
            N_(
                "a value of the wrong type (uid or a subscription uid sent as a number, a "
                "number sent as text)"
            ),
            N_("a key misspelt or mis-cased (e.g. unsubscribeAudioUids)"),
            N_("a value out of range or a required field missing"),
            N_("an mp4-only avFileType, or a bad readyTimeout (web)"),
        ),
    ),
    _code(
        7,
        "201",
        N_("start is already running for this resource ID."),
        N_("Do not repeat start with the same resource ID; use query instead."),
        (
            N_("start was sent again (a retry) after the first one had already started"),
            N_("two services share one resource ID"),
        ),
        reason="already started",
    ),
    _code(
        8,
        "400",
        N_(
            "Bad request header or URL: wrong Content-Type, `cloud_recording` missing from the "
            "path, wrong HTTP method, or a body that is not valid JSON."
        ),
        N_("Check `Content-Type: application/json;charset=utf-8`, the method and the path."),
    ),
    _code(
        49,
        "400",
        N_(
            "stop was repeated, or the task is already exiting (the bot was kicked out, or "
            "maxIdleTime was reached)."
        ),
        N_("Treat it as already stopped; query if unsure."),
        (
            N_("stop was sent twice (a retry, or two services stopping the same task)"),
            N_(
                "the recorder had already left: nobody in the channel for maxIdleTime, or a "
                "client joined with the recorder's uid"
            ),
        ),
        reason="invalid operation",
    ),
    _code(
        50,
        "—",
        N_("Synchronous stop: the upload took longer than about 20 s."),
        N_("Use async_stop or poll query; the files keep uploading."),
    ),
    _code(
        53,
        "400",
        N_(
            "Task conflict: a task with this cname + uid already exists (re-acquiring with the "
            "same parameters)."
        ),
        N_("Use a different uid for a parallel recorder, or stop the old one."),
        (
            N_("acquire was repeated with the same cname and uid while a recording runs"),
            N_("a second recorder uses the same uid in the same channel"),
        ),
        reason="task conflict",
    ),
    _code(
        62,
        "500 / 504",
        N_(
            "acquire: Cloud Recording is not enabled for this App ID. start/query/update/stop: "
            "request timeout (network)."
        ),
        N_(
            "Enable the service in Console; otherwise retry, and for start re-acquire if the "
            "retry fails."
        ),
        reason="request timeout",
    ),
    _code(
        65,
        "206",
        N_("The request reached the backend but the response timed out (network jitter)."),
        N_(
            "Retry with the same resource ID (back off 3 s, 6 s); if that still fails, "
            "acquire + start again."
        ),
        reason="request not completed",
    ),
    _code(
        109,
        "400",
        N_("The RTC token has expired."),
        N_("Generate a fresh token (it must outlive the recording)."),
        (
            N_(
                "the token was built with a short expiry (or long ago) and the recording "
                "started after it ran out"
            ),
            N_("a token cached by the customer's server and reused"),
        ),
    ),
    _code(
        110,
        "400",
        N_("The RTC token is invalid."),
        N_("Check the App ID, certificate, channel name and uid used to build the token."),
        (
            N_("the token was built with another App ID or App Certificate"),
            N_("the token was built for another channel name or uid than the body's cname and uid"),
            N_("the token was changed or cut when it was copied"),
        ),
    ),
    _code(
        400,
        "400",
        N_("acquire: `invalid_appid`."),
        N_("Enable Cloud Recording for the App ID; check the App ID."),
        reason="invalid_appid",
    ),
    _code(
        401,
        "400",
        N_("acquire: `invalid_channel_name`."),
        N_(
            "cname has unsupported characters (rule R11: letters, digits, space and "
            "! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , only, under 64 bytes)."
        ),
        reason="invalid_channel_name",
    ),
    _code(
        404,
        "404",
        N_(
            "`failed to find worker`: the task does not exist (never started, ended, or "
            "failover in progress)."
        ),
        N_(
            "Check that the query or stop names the start's mode, resource ID and sid. Wait and "
            "retry with back-off (5 s, 10 s, 15 s); if it persists, start a new task with a "
            "different uid. Decode the start's token (`rec-tui token decode`) and compare it "
            "with the cname, uid and App ID; look for callback events 41 (recorder_leave) and "
            "11 (session_exit)."
        ),
        (
            N_(
                "the recorder could not join the channel and left: a missing or wrong RTC "
                "token on a project with an App Certificate, or a token made for another "
                "channel, uid or App ID, or already expired"
            ),
            N_(
                "the recording ended by itself: nobody was in the channel for maxIdleTime "
                "seconds, or a client joined with the recorder's uid and pushed it out"
            ),
            N_(
                "the task was already stopped, or the URL names another resource ID, sid or "
                "mode than the start did"
            ),
            N_("a high-availability failover is in progress (it can take up to about 90 s)"),
        ),
        reason="failed to find worker",
    ),
    _code(
        405,
        "400",
        N_("acquire: `no_active_status`, the app is not active (for example an overdue account)."),
        N_("Check billing or account status."),
        reason="no_active_status",
    ),
    _code(
        406,
        "400",
        N_("acquire: `vendor_over_load`, the concurrent task limit was reached."),
        N_("Look for leaked tasks; retry later; ask for a higher PCW quota."),
        reason="vendor_over_load",
    ),
    _code(
        432,
        "400",
        N_("Bad parameter, or App ID / cname / uid do not match the resource ID."),
        N_("Use exactly the acquire cname and uid with the same App ID."),
        (
            N_("start (or a later call) uses a different cname or uid than the acquire"),
            N_("the App ID in the URL is not the one the resource ID was acquired for"),
            N_("a parameter of the body is not accepted (read the reason)"),
        ),
    ),
    _code(
        433,
        "400",
        N_("The resource ID has expired (over 5 minutes old)."),
        N_("Acquire again and start immediately."),
        (
            N_("more than 5 minutes passed between acquire and start"),
            N_("resource IDs acquired in a batch and started later"),
            N_("a resource ID reused after its session was stopped"),
        ),
    ),
    _code(
        435,
        "206",
        N_("No recorded data: nobody published a stream."),
        N_("Expected when the channel was empty; check uids and subscription lists."),
        (
            N_("nobody published audio or video while the recorder was in the channel"),
            N_(
                "the subscription lists name uids that never published (for example the "
                'doc\'s example uids "123", "456")'
            ),
            N_("the recorder never joined (see code 404 causes: token, uid reuse)"),
        ),
        reason="no recorded data",
    ),
    _code(
        500,
        "500",
        N_("acquire: `internal_error`."),
        N_("Retry with back-off."),
        reason="internal_error",
    ),
    _code(
        501,
        "500 / —",
        N_(
            "Two meanings. Current docs (acquire): `no_worker_manager_available`. Older docs: "
            "the recording service is exiting (query after stop)."
        ),
        N_("Retry acquire with back-off; for query after stop, treat the task as ending."),
        reason="no_worker_manager_available",
    ),
    _code(
        502,
        "500",
        N_("start: `Failed to allocate worker`."),
        N_("Acquire + start again."),
        reason="Failed to allocate worker",
    ),
    _code(
        504,
        "500",
        N_("acquire: `allocate_timeout`."),
        N_("Retry with back-off."),
        reason="allocate_timeout",
    ),
    _code(
        1001,
        "400",
        N_("The resource ID could not be decoded."),
        N_("Acquire again; do not edit or truncate the ID."),
    ),
    _code(
        1003,
        "400",
        N_("The App ID or sid does not match the resource ID."),
        N_("Keep resourceId, sid and appid together per session."),
        (
            N_("resourceId and sid from different sessions mixed up"),
            N_("the App ID in the URL differs from the one the resource ID was acquired for"),
        ),
    ),
    _code(
        1013,
        "400",
        N_("Invalid channel name: 64 bytes or more, or bad characters."),
        N_(
            "See rule R11: letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ "
            "_ { } | ~ , only, under 64 bytes."
        ),
    ),
    _code(
        1028,
        "400",
        N_("Invalid updateLayout body."),
        N_("Validate the layout fields against rules R65–R79."),
    ),
)

CODES: dict[int, Explanation] = {
    entry.code: entry for entry in _CODE_LIST if entry.code is not None
}


def _message(
    message: str, status: str, meaning: str, check: str, *aliases: str
) -> tuple[Explanation, tuple[str, ...]]:
    return Explanation(None, status, meaning, check, message), (message, *aliases)


# Each message-only error with the wordings the gateway has used for it.
_MESSAGES: tuple[tuple[Explanation, tuple[str, ...]], ...] = (
    _message(
        "appid is invalid",
        "400",
        N_("Wrong App ID, or Cloud Recording is not enabled for it."),
        N_("Check the App ID in the URL and enable Cloud Recording for it in Console."),
        "invalid appid",
    ),
    _message(
        "no Route matched with those values",
        "404",
        N_("Wrong HTTP method or URL."),
        N_(
            "Check the method (POST, or GET for query) and the path "
            "/v1/apps/{appid}/cloud_recording/…."
        ),
    ),
    _message(
        "Invalid authentication credentials",
        "401",
        N_(
            "Wrong Customer ID or Customer Secret, the service is not enabled, the `Basic ` "
            "prefix is missing, or the Content-Type is malformed."
        ),
        N_(
            "Check the Customer ID and secret (same account as the App ID), the "
            "`Authorization: Basic …` header and `Content-Type: application/json;charset=utf-8`."
        ),
    ),
    _message(
        "Unauthorized",
        "401",
        N_("No Authorization header was sent."),
        N_("Send `Authorization: Basic base64(customerId:customerSecret)`."),
    ),
    _message(
        "API rate limit exceeded",
        "429",
        N_("More than 10 requests per second."),
        N_("Slow down and retry with back-off; ask support to raise the limit if needed."),
    ),
)

MESSAGES: tuple[Explanation, ...] = tuple(entry for entry, _ in _MESSAGES)


def message_wordings() -> tuple[tuple[Explanation, tuple[str, ...]], ...]:
    """Each message-only error with the wordings that name it (for loose matching)."""
    return _MESSAGES


def answer_status(entry: Explanation) -> int | None:
    """The HTTP status ``entry`` typically arrives with (the first of "500 / 504"); None: "—"."""
    first = entry.status.split("/", 1)[0].strip()
    return int(first) if first.isdigit() else None


def describe_code(code: int) -> Explanation | None:
    """The documented meaning of Agora error ``code``, or None when it is not documented."""
    return CODES.get(code)


def describe_message(text: str) -> Explanation | None:
    """The message-only error that ``text`` is or contains (any letter case), or None.

    A response reason like ``"Acquire: invalid appid!"`` matches "invalid appid".
    """
    folded = " ".join(text.split()).casefold()
    if not folded:
        return None
    for entry, wordings in _MESSAGES:
        for wording in wordings:
            if wording.casefold() in folded:
                return entry
    for entry, wordings in _MESSAGES:
        if any(folded in wording.casefold() for wording in wordings) and len(folded) >= 6:
            return entry
    return None


def explain(code_or_message: str | int) -> Explanation | None:
    """A code (``432``, ``"432"``) or a message, as a person would type it."""
    if isinstance(code_or_message, int):
        return describe_code(code_or_message)
    text = code_or_message.strip()
    if text.lstrip("+-").isdigit() and text.isascii():
        return describe_code(int(text))
    return describe_message(text)
