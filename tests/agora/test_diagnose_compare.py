"""A ticket's findings beside its replay's (rec_tui/agora/diagnose/compare.py): a replayed
failure with another cause than the customer's is said to differ."""

from __future__ import annotations

from pathlib import Path

from rec_tui.agora.diagnose import diagnose
from rec_tui.agora.diagnose.compare import compare

TICKETS = Path(__file__).parents[1] / "data" / "tickets"
CUSTOMER = (TICKETS / "acquire_mismatch.txt").read_text("utf-8")
NO_STREAM = (TICKETS / "no_stream.txt").read_text("utf-8")
# The replay: the same 432, but from the cname's letter case, not the customer's uid.
REPLAY = CUSTOMER.replace('{"cname":"room1","uid":"111"', '{"cname":"Room1","uid":"527841"')


def mismatch_cause(text: str) -> str:
    found = next(f for f in diagnose(text).findings if f.id == "acquire-start-mismatch")
    return found.cause


def test_the_mismatch_names_its_cause_and_a_difference_in_letter_case_alone() -> None:
    assert mismatch_cause(CUSTOMER) == "uid"
    assert mismatch_cause(REPLAY) == "cname (only in letter case)"
    as_json = diagnose(REPLAY).as_json()["findings"]
    assert as_json[0]["cause"] == "cname (only in letter case)"


def test_a_replayed_432_with_another_cause_is_said_to_differ() -> None:
    compared = compare(diagnose(CUSTOMER).findings, diagnose(REPLAY).findings)
    assert compared.differs
    line = next(line for line in compared.lines if line.startswith("acquire-start-mismatch"))
    assert "another cause: the ticket's is uid, the replay's cname (only in letter case)" in line
    assert "Fix the customer's cause" in line


def test_the_same_finding_with_the_same_cause_is_reproduced() -> None:
    findings = diagnose(CUSTOMER).findings
    compared = compare(findings, findings)
    assert not compared.differs
    reproduced = "acquire-start-mismatch: the replay reproduced the ticket's finding."
    assert compared.lines == (reproduced,)


def test_findings_on_one_side_only_are_named_ticket_ones_last() -> None:
    ticket = diagnose((TICKETS / "no_token_404.txt").read_text("utf-8")).findings
    replay = diagnose(REPLAY).findings
    compared = compare(ticket, replay)
    assert compared.differs
    cafe = (
        " To reproduce it: in the sandbox, an App ID starting with cafe has an App "
        "Certificate: a start without its token is left by the recorder."
    )
    assert compared.lines == (
        "acquire-start-mismatch: found by the replay only; the ticket does not show it.",
        "token-missing: the replay did not reproduce the ticket's finding." + cafe,
        "recorder-left: the replay did not reproduce the ticket's finding." + cafe,
    )
    assert compare((), ()).lines == ()


def test_an_upload_failure_the_sandbox_cannot_show_says_so() -> None:
    ticket = diagnose((TICKETS / "upload_failed.txt").read_text("utf-8")).findings
    compared = compare(ticket, ())
    line = next(line for line in compared.lines if line.startswith("upload-failed"))
    assert "the built-in sandbox cannot show it, as it writes to no storage" in line
    assert "test App ID and the customer's storageConfig" in line


def test_a_stop_with_nothing_recorded_reproduces_an_empty_file_list() -> None:
    ticket = diagnose((TICKETS / "empty_file_list.txt").read_text("utf-8")).findings
    no_stream = [f for f in diagnose(NO_STREAM).findings if f.id == "no-stream"]
    assert [f.id for f in ticket if f.id == "empty-file-list"] and no_stream
    compared = compare(ticket, no_stream)
    assert "empty-file-list: the replay reproduced it as no-stream, the same symptom." in (
        compared.lines
    )
    assert not any(
        line.startswith("no-stream: found by the replay only") for line in compared.lines
    )


def test_a_finding_not_reproduced_says_how_the_sandbox_shows_it() -> None:
    ticket = diagnose((TICKETS / "empty_file_list.txt").read_text("utf-8")).findings
    [line] = [line for line in compare(ticket, ()).lines if line.startswith("empty-file-list")]
    assert "channel whose name starts with empty-" in line
