"""The wizard's diagnosis: F6's import of a ticket shows its findings above the problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, OptionList, Static, TextArea

from rec_tui.agora.ratelimit import RateLimiter
from rec_tui.request.draft import Draft
from rec_tui.tui.app import RecTuiApp
from rec_tui.tui.screens.import_dialog import ImportScreen
from rec_tui.tui.widgets.problems_pane import ProblemsPane
from tests.support.keyring_service import no_keyring
from tests.support.sending import FakeTime, clean_body, make_sandbox
from tests.support.tui import SIZE, make_app

__all__ = ["no_keyring"]

pytestmark = pytest.mark.usefixtures("no_keyring")

TICKETS = Path(__file__).parents[1] / "data" / "tickets"


def pane_lines(app: RecTuiApp) -> list[str]:
    """Every option of the problems list as plain text, in order."""
    options = app.query_one("#problem-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def import_text(pilot: Any, text: str) -> None:
    """F6, paste ``text``, Import, and drop any credentials it holds."""
    app = pilot.app
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(app.screen, ImportScreen)
    app.screen.query_one(TextArea).load_text(text)
    app.screen.query_one("#import", Button).press()
    await pilot.pause()
    if isinstance(app.screen, ImportScreen):  # asked about the ticket's credentials
        app.screen.query_one("#drop-credentials", Button).press()
        await pilot.pause()
    assert not isinstance(app.screen, ImportScreen)


async def test_importing_a_ticket_shows_its_findings_with_evidence_above_the_problems() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await import_text(pilot, (TICKETS / "no_token_404.txt").read_text(encoding="utf-8"))
        lines = pane_lines(app)
        assert lines[0].startswith("Diagnosis of the imported ticket: 2 errors")
        assert [finding.id for finding in app.diagnosis.findings] == [
            "token-missing",
            "recorder-left",
        ]
        missing = lines[1]
        assert missing.startswith("✗ token-missing")
        assert "seen: line 3: start body clientRequest.token = (not set)" in missing
        assert 'seen: line 8: {"code":404,"reason":"failed to find worker"}' in missing
        assert "do: Check in Agora Console" in missing
        assert lines[2].startswith("✗ recorder-left")
        # Then the request's problems, under their own heading, as before.
        heading = lines.index(next(line for line in lines if line.startswith("Problems of")))
        assert heading == 3
        problems = app.query_one(ProblemsPane).problems
        assert len(lines) == 4 + len(problems)
        assert "Diagnosis: 2 errors" in str(app.query_one("#problems-title").render())
        # The list starts on the first finding; F5 then Enter on a problem still goes to it.
        assert app.query_one(ProblemsPane).highlighted_problem() is None


async def test_findings_evidence_never_shows_a_secret_of_the_ticket() -> None:
    ticket = (TICKETS / "no_token_404.txt").read_text(encoding="utf-8")
    ticket += "\nThe token we use: 007eJxTYBBZsMgKZfaTIKSecretTokenValue1234567890ABCD\n"
    secrets = ("wJalrSecretExample", "AKIAEXAMPLEKEY1", "Y3VzdG9tZXI6c2VjcmV0c2VjcmV0")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await import_text(pilot, ticket)
        assert app.diagnosis.findings
        shown = "\n".join(pane_lines(app))
        for secret in (*secrets, "SecretTokenValue"):
            assert secret not in shown


async def test_opening_another_document_takes_the_findings_away() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await import_text(pilot, (TICKETS / "no_token_404.txt").read_text(encoding="utf-8"))
        assert app.diagnosis.findings
        await import_text(pilot, '{"cname": "room", "uid": "1", "clientRequest": {}}')
        assert app.diagnosis.findings == ()
        assert not any(line.startswith("Diagnosis") for line in pane_lines(app))
        assert not app.query_one(ProblemsPane).has_class("-diagnosed")


# --- the Send panel's own exchanges -------------------------------------------------------

CERTIFIED_APP_ID = "cafe" + "0123456789abcdef0123456789ab"


def sandboxed_review(time: FakeTime) -> RecTuiApp:
    """The wizard at the Review step, sending to a fresh sandbox on a fake clock, with an
    App ID the sandbox treats as having an App Certificate and a body without a token."""
    draft = Draft(mode="mix", app_id=CERTIFIED_APP_ID)
    body = clean_body("mix")
    body["clientRequest"].pop("token", None)
    draft.replace_body(body)
    app = RecTuiApp(draft, start_step="review")
    app.sending.panel_options = {
        "transport": make_sandbox(time),
        "clock": time.clock,
        "sleep": time.sleep,
        "limiter": RateLimiter(clock=time.clock),
    }
    return app


async def press_button(pilot: Any, button_id: str) -> None:
    app = pilot.app
    button = app.query_one(f"#{button_id}", Button)
    button.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(f"#{button_id}")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_send_without_token_to_a_certified_app_id_finds_the_recorder_left() -> None:
    app = sandboxed_review(FakeTime())
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        scenario = app.query_one("#send-scenario", Static)
        assert scenario.display and "leaves 5 s after start" in str(scenario.render())
        await press_button(pilot, "send-start")
        await press_button(pilot, "send-query")
        ids = [finding.id for finding in app.diagnosis.findings]
        assert "recorder-left" in ids and "token-missing" in ids, ids
        assert app.diagnosis.source == "the latest recording's exchanges"
        lines = pane_lines(app)
        assert lines[0].startswith("Diagnosis of the latest recording's exchanges")
        # The sandbox's recorder leaves 5 s after start, when Agora advises the first query:
        # the query's 404 is then proof the recorder left, and the missing token its cause.
        left = next(line for line in lines if line[2:].startswith("recorder-left"))
        assert left.startswith("✗") and "failed to find worker" in left and "seen:" in left
        assert "see the token findings above" in left
        missing = next(line for line in lines if line[2:].startswith("token-missing"))
        assert missing.startswith("✗") and "clientRequest.token = (not set)" in missing

        # The fix: a token for this recorder (the palette), sent again: nothing left to find.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Generate a token")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.draft.get("clientRequest.token")
        await press_button(pilot, "send-start")
        await press_button(pilot, "send-query")
        ids = [finding.id for finding in app.diagnosis.findings]
        assert not {"recorder-left", "token-missing"} & set(ids), ids
        assert "joins and stays" in str(scenario.render())


# --- a replay beside the ticket ------------------------------------------------------------


async def test_a_replay_keeps_the_tickets_findings_beside_its_own_and_says_they_differ() -> None:
    from rec_tui.agora.diagnose import diagnose

    customer = (TICKETS / "acquire_mismatch.txt").read_text(encoding="utf-8")
    # The same 432 replayed, from the cname's letter case rather than the customer's uid.
    replay = customer.replace('{"cname":"room1","uid":"111"', '{"cname":"Room1","uid":"527841"')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await import_text(pilot, customer)
        app.diagnosis.show_replay(diagnose(replay), "the latest recording's exchanges")
        await pilot.pause()
        lines = pane_lines(app)
        assert lines[0].startswith("Diagnosis of the latest recording's exchanges: 1 error")
        assert lines[1].startswith("✗ acquire-start-mismatch") and "cname" in lines[1]
        assert lines[2] == "Compared with the imported ticket: they differ"
        assert "the ticket's is uid, the replay's cname (only in letter case)" in lines[3]
        assert lines[4] == "Diagnosis of the imported ticket: 1 error"
        assert lines[5].startswith("✗ acquire-start-mismatch") and '"111"' in lines[5]
        assert lines[6].startswith("Problems of the request")
        title = str(app.query_one("#problems-title").render())
        assert "differs from the ticket's" in title


async def test_a_replay_through_the_send_panel_that_reproduces_the_ticket_says_so() -> None:
    app = sandboxed_review(FakeTime())
    async with app.run_test(size=(120, 60)) as pilot:
        await import_text(pilot, (TICKETS / "no_token_404.txt").read_text(encoding="utf-8"))
        await press_button(pilot, "send-start")
        await press_button(pilot, "send-query")
        lines = pane_lines(app)
        assert lines[0].startswith("Diagnosis of the latest recording's exchanges")
        compared = lines.index("Compared with the imported ticket: the replay reproduced it")
        assert "token-missing: the replay reproduced the ticket's finding." in lines
        ticket = lines.index("Diagnosis of the imported ticket: 2 errors")
        assert compared < ticket
        assert lines[ticket + 1].startswith("✗ token-missing")
        assert app.diagnosis.ticket_source == "the imported ticket"


# --- how the findings look ------------------------------------------------------------------


def test_findings_view_snapshot(snap_compare: Any) -> None:
    """A ticket's findings above the problems, at 120×40 (screenshots/diagnosis.png)."""
    ticket = (TICKETS / "no_token_404.txt").read_text(encoding="utf-8")

    async def import_ticket(pilot: Any) -> None:
        await import_text(pilot, ticket)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=import_ticket)


async def test_opening_a_ticket_shows_the_same_findings_as_importing_it() -> None:
    """``rec-tui --open TICKET`` diagnoses the ticket before the first frame, as F6 does."""
    from rec_tui.tui.launch import StoreOnFirstUse, build_draft
    from tests.support.tui import SEEDS
    from tests.tui.test_tui_launch import options

    args = options(open_path=str(TICKETS / "no_token_404.txt"))
    draft, notices = build_draft(args, StoreOnFirstUse())
    app = RecTuiApp(draft, notices=notices)
    app.files.adopt(args.opened_document, args.open_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [finding.id for finding in app.diagnosis.findings] == [
            "token-missing",
            "recorder-left",
        ]
        assert pane_lines(app)[0].startswith("Diagnosis of the opened ticket: 2 errors")
    # A plain body is not a ticket: nothing to diagnose.
    body = options(open_path=str(SEEDS / "4_web.json"))
    build_draft(body, StoreOnFirstUse())
    assert body.opened_document.ticket == ""
