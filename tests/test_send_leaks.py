r"""The send path never shows a secret, even when the other side echoes it back.

A server (or proxy) that answers 401 quoting the Authorization header, an answer that is
not JSON, one that quotes the secrets JSON-escaped (``\u00e9``, ``\/``) or percent-encoded,
a connection error whose message carries the header, and an endpoint URL with a password in
it: each is driven through the client, the command line (text and JSON) and the wizard's
Send panel, with distinctive values (some under keys holding ``.`` and ``[n]``), and every
text that comes out is scanned for the values in each of those spellings.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from rec_tui.agora import client as client_module
from rec_tui.agora.client import RecordingClient
from rec_tui.agora.connect import record_in_history
from rec_tui.agora.errors import RecordingError
from rec_tui.agora.exchange import Exchange
from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.cli import main
from rec_tui.request.redact import MASK
from rec_tui.store.paths import history_file
from rec_tui.store.secrets import Credentials
from tests.support.sending import FakeTime, clean_body

CUSTOMER_ID = "ECHO-CID-31a4"
CUSTOMER_SECRET = "ECHO-CSEC-8e2b77"
TOKEN = "ECHO-TOKEN-007eJx55"
# Non-ASCII and a slash: JSON may write them \u00e9 and \/, URLs %C3%A9 and %2F.
STORAGE_SECRET = "ECHO-SK-c0ffee42/é"
# Secrets under keys a dotted path would misread, nested in objects and lists.
DOTTED_TOKEN = "ECHO-DOT-TOKEN-4d2a/ü"
INDEXED_KEY = "ECHO-IDX-KEY-9b1e"
BASIC = base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()).decode()
SECRETS = (CUSTOMER_SECRET, TOKEN, STORAGE_SECRET, BASIC, DOTTED_TOKEN, INDEXED_KEY)
CREDENTIALS = Credentials(CUSTOMER_ID, CUSTOMER_SECRET)


def spellings(value: str) -> set[str]:
    """A secret as written, JSON-escaped (ASCII-only, with and without \\/) and URL-encoded."""
    escaped = json.dumps(value)[1:-1]
    return {
        value,
        escaped,
        escaped.replace("/", "\\/"),
        json.dumps(value, ensure_ascii=False)[1:-1].replace("/", "\\/"),
        quote(value, safe=""),
        quote(value, safe="").lower(),
        quote_plus(value),
    }


def leaks(text: str) -> list[str]:
    return [value for value in SECRETS if any(form in text for form in spellings(value))]


def echoing_body(request: httpx.Request) -> str:
    """Everything a careless server could quote: the header, and the request body."""
    return f"{request.headers.get('authorization')} {request.content.decode()}"


def answer_401_json(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        401, json={"message": f"Invalid authentication credentials: {echoing_body(request)}"}
    )


def answer_401_html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(401, text=f"<html>denied for {echoing_body(request)}</html>")


def answer_400_reason(request: httpx.Request) -> httpx.Response:
    return httpx.Response(400, json={"code": 2, "reason": f"bad body {echoing_body(request)}"})


def acquire_then_401_json(request: httpx.Request) -> httpx.Response:
    # Lets the start body (token, storage key) reach the log before the echo.
    if request.url.path.endswith("/acquire"):
        return httpx.Response(200, json={"resourceId": "rid-echo"})
    return answer_401_json(request)


def answer_undecodable(request: httpx.Request) -> httpx.Response:
    # Claims gzip but is not: httpx fails while reading it (a DecodingError, not a
    # TransportError), which once escaped the client as a crash.
    return httpx.Response(
        200, headers={"content-encoding": "gzip"}, content=echoing_body(request).encode()
    )


def escaped_echo(request: httpx.Request) -> str:
    """What the request carried, quoted back as a JSON encoder and as a URL would write it."""
    said = echoing_body(request)
    as_json = json.dumps(said)[1:-1].replace("/", "\\/")
    return f"{as_json} {quote(said, safe='')}"


def answer_401_escaped_text(request: httpx.Request) -> httpx.Response:
    return httpx.Response(401, text=f"denied for {escaped_echo(request)}")


def answer_400_escaped_json(request: httpx.Request) -> httpx.Response:
    # The answer's own JSON text carries the escapes; json.loads would undo them.
    reason = f"bad body {escaped_echo(request)}".replace("\\", "\\\\")
    return httpx.Response(
        400,
        content=('{"code": 2, "reason": "' + reason + '"}').encode(),
        headers={"content-type": "application/json"},
    )


def refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError(
        f"proxy refused {request.url} with Authorization {request.headers['authorization']}"
    )


ANSWERS: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "401 json": answer_401_json,
    "401 html": answer_401_html,
    "acquire, then 401 json": acquire_then_401_json,
    "400 reason": answer_400_reason,
    "401 escaped text": answer_401_escaped_text,
    "400 escaped json": answer_400_escaped_json,
    "connection error": refuse_connection,
    "undecodable answer": answer_undecodable,
}


def leaky_body() -> dict[str, Any]:
    body = clean_body("mix")
    body["clientRequest"]["token"] = TOKEN
    body["clientRequest"]["storageConfig"]["secretKey"] = STORAGE_SECRET
    body["clientRequest"]["customer.extras"] = {"token": DOTTED_TOKEN}
    body["clientRequest"]["keys[0]"] = [{"accessKey": INDEXED_KEY}]
    return body


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
async def test_an_answer_echoing_the_credentials_is_scrubbed_everywhere(
    answer: Callable[[httpx.Request], httpx.Response],
) -> None:
    time = FakeTime()
    seen: list[Exchange] = []
    async with RecordingClient(
        app_id="app",
        credentials=CREDENTIALS,
        endpoint="https://echo.example",
        transport=httpx.MockTransport(answer),
        sleep=time.sleep,
        limiter=RateLimiter(clock=time.clock),
        listeners=[seen.append, record_in_history],
    ) as client:
        with pytest.raises(RecordingError) as caught:
            await client.start("mix", "rid-1", leaky_body())
    error = caught.value
    shown = "\n".join(
        [str(error), error.message, error.reason, json.dumps(error.as_dict(), default=str)]
        + [json.dumps(exchange.as_dict()) for exchange in seen]
        + [history_file().read_text(encoding="utf-8")]
    )
    assert leaks(shown) == []
    if answer is not answer_undecodable:  # nothing of it can be read, so nothing to mask
        assert MASK in error.message  # the echo was there, and was masked


def test_an_endpoint_url_with_a_password_is_refused_without_repeating_it() -> None:
    with pytest.raises(ValueError) as caught:
        RecordingClient(
            app_id="app", credentials=CREDENTIALS, endpoint="https://user:URLPASS-9x@h.example"
        )
    message = str(caught.value)
    assert "URLPASS-9x" not in message and "user name or password" in message


@pytest.mark.parametrize(
    ("url", "words"),
    [("http://[::1", "not a valid URL"), ("http://127.0.0.1:99999", "port")],
)
def test_a_malformed_endpoint_url_is_refused_with_a_message(url: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        RecordingClient(app_id="app", credentials=CREDENTIALS, endpoint=url)


def test_cli_refuses_an_endpoint_url_with_a_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(leaky_body()))
    monkeypatch.setenv("AGORA_CUSTOMER_ID", CUSTOMER_ID)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    url = f"https://x:{CUSTOMER_SECRET}@h.example"
    status = main(["send", str(body_file), "--endpoint", url, "--app-id", "app"])
    captured = capsys.readouterr()
    assert status == 2
    assert "user name or password" in captured.err
    assert leaks(captured.out + captured.err) == []


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_cli_output_of_an_echoing_answer_has_no_secret(
    answer: Callable[[httpx.Request], httpx.Response],
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Any,
) -> None:
    class EchoedClient(RecordingClient):
        def __init__(self, **options: Any) -> None:
            time = FakeTime()
            options |= {"transport": httpx.MockTransport(answer), "sleep": time.sleep}
            super().__init__(limiter=RateLimiter(clock=time.clock), **options)

    monkeypatch.setattr(client_module, "RecordingClient", EchoedClient)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", CUSTOMER_ID)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    body_file = tmp_path / "body.json"
    body_file.write_text(json.dumps(leaky_body()))
    common = ["--endpoint", "https://echo.example", "--app-id", "app", "--format", fmt]
    statuses = [
        main(["send", str(body_file), *common]),
        main(["query", "--mode", "mix", "--resource-id", "r", "--sid", "s", *common]),
        main(["stop", "--mode", "mix", "--resource-id", "r", "--sid", "s", *common]),
        main(["history", "--last", "50", "--format", fmt]),
    ]
    captured = capsys.readouterr()
    assert statuses[:3] in ([1, 1, 1], [2, 2, 2]) and statuses[3] == 0
    assert leaks(captured.out + captured.err) == []
    if answer is not answer_undecodable:
        assert MASK in captured.out + captured.err


# --- the wizard's Send panel -----------------------------------------------------------


def panel_app(answer: Callable[[httpx.Request], httpx.Response]) -> Any:
    from rec_tui.request.draft import Draft
    from rec_tui.tui.app import RecTuiApp

    time = FakeTime()
    draft = Draft(mode="mix")
    draft.replace_body(leaky_body())
    draft.set("session.endpoint", "global")
    draft.set("session.appId", "app")
    app = RecTuiApp(draft, start_step="review")
    app.sending.panel_options = {
        "transport": httpx.MockTransport(answer),
        "clock": time.clock,
        "sleep": time.sleep,
        "limiter": RateLimiter(clock=time.clock),
    }
    return app


async def start_with_typed_credentials(pilot: Any, app: Any) -> str:
    from textual.widgets import Input, Static

    from rec_tui.tui.screens.send_confirm import SendConfirmScreen
    from rec_tui.tui.send_panel import SendPanel
    from rec_tui.tui.widgets.exchange_log import ExchangeLog

    await pilot.pause()
    await app.workers.wait_for_complete()
    app.query_one("#send-customer-id", Input).value = CUSTOMER_ID
    app.query_one("#send-customer-secret", Input).value = CUSTOMER_SECRET
    app.query_one(SendPanel).request("start")
    # The first send to a real endpoint asks first: say yes.
    for _ in range(20):
        await pilot.pause()
        if isinstance(app.screen, SendConfirmScreen):
            break
    assert isinstance(app.screen, SendConfirmScreen)
    await pilot.press("y")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    outcome = str(app.query_one("#send-outcome", Static).render())
    log = app.query_one(ExchangeLog).text
    return f"{outcome}\n{log}"


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
async def test_send_panel_outcome_and_log_of_an_echoing_answer_have_no_secret(
    answer: Callable[[httpx.Request], httpx.Response],
) -> None:
    app = panel_app(answer)
    async with app.run_test(size=(120, 60)) as pilot:
        shown = await start_with_typed_credentials(pilot, app)
        failed = "start" if answer is acquire_then_401_json else "acquire"
        assert shown.startswith(f"✗ {failed}"), shown
        assert leaks(shown) == [] and MASK in shown
        assert app.is_running


async def test_send_panel_explains_an_unexpected_failure_scrubbed_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rec_tui.agora.lifecycle import Lifecycle

    async def broken(self: Lifecycle, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"bug while sending with {CREDENTIALS.authorization}")

    monkeypatch.setattr(Lifecycle, "acquire_and_start", broken)
    app = panel_app(answer_401_json)
    async with app.run_test(size=(120, 60)) as pilot:
        shown = await start_with_typed_credentials(pilot, app)
        assert shown.startswith("✗ Unexpected failure (RuntimeError): bug while sending")
        assert leaks(shown) == [] and MASK in shown
        assert app.is_running
