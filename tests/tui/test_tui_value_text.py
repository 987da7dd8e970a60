"""Values in the wizard's text are JSON or plain English, never Python reprs."""

from __future__ import annotations

from textual.widgets import Select

from rec_tui.spec import catalogue
from rec_tui.spec.rules.context import FILES
from rec_tui.spec.rules.transcoding import LAYOUT_CONFIG
from rec_tui.tui.forms.web import SERVICES_PATH
from rec_tui.tui.screens.field_help import help_text
from rec_tui.tui.value_text import as_json, in_words
from tests.support.tui import SIZE, editor, make_app


def test_values_in_words_and_as_json() -> None:
    assert in_words(False) == "no" and in_words(True) == "yes"
    assert in_words(["hls", "mp4"]) == "hls + mp4"
    assert as_json(True) == "true" and as_json("hls") == '"hls"'
    assert as_json(["hls"]) == '["hls"]'


async def test_a_yes_no_field_says_its_default_in_words() -> None:
    app = make_app(mode="web", step="web")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        mobile = editor(app, f"{SERVICES_PATH}[0].serviceParam.mobile").query_one(Select)
        assert mobile.prompt == "not set (default: no)"


def test_field_help_writes_choices_and_defaults_as_json() -> None:
    field = catalogue.field(f"{FILES}.avFileType")
    text = help_text(field, f"{FILES}.avFileType", "mix").plain
    assert '"hls"' in text
    assert "'hls'" not in text and "['" not in text
    mobile = catalogue.field(
        "clientRequest.extensionServiceConfig.extensionServices[].serviceParam.mobile"
    )
    help_plain = help_text(mobile, "x", "web").plain
    assert "false" in help_plain and "False" not in help_plain


def test_field_help_writes_a_range_as_the_messages_do() -> None:
    """Grouped by thousands, never in scientific notation: the help and the problem it
    explains name the same limit the same way."""
    path = "clientRequest.recordingConfig.maxIdleTime"
    text = help_text(catalogue.field(path), path, "mix").plain
    assert "5 to 2,592,000" in text
    assert "e+" not in text
    assert "0 to 1" in help_text(catalogue.field(f"{LAYOUT_CONFIG}[].alpha"), "x", "mix").plain
