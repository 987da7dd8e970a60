"""The core's errors share one base, so callers catch them once and show ``.message``."""

from __future__ import annotations

from rec_tui.agora.connect import CannotConnect
from rec_tui.agora.errors import RecordingError
from rec_tui.agora.lifecycle import ChecksFailed, StartTimedOut
from rec_tui.errors import RecTuiError
from rec_tui.formats.documents import OpenProblem
from rec_tui.formats.importers import ImportProblem
from rec_tui.formats.jsonfile import JsonInputError
from rec_tui.store.files import StoreFileError
from rec_tui.store.history import HistoryError
from rec_tui.store.presets import PresetError
from rec_tui.store.secrets import SecretStoreError


def test_every_core_error_is_a_rec_tui_error_with_a_message() -> None:
    raised = [
        PresetError("presets/x.toml, line 3: bad value"),
        ImportProblem("not a curl command", line=2, column=5),
        JsonInputError("body.json", "Expecting ',' delimiter", line=4, column=9),
        SecretStoreError("The keyring is locked; unlock it and try again."),
        OpenProblem("There is no preset named 'x'."),
        RecordingError("start", "network", reason="connection refused"),
        CannotConnect("No App ID: give --app-id or set it in the preset."),
        ChecksFailed("start", []),
        StartTimedOut("Recording did not begin within 90 s."),
        HistoryError("history.jsonl cannot be read: permission denied."),
        StoreFileError("presets/x.toml cannot be written: disk full."),
    ]
    for error in raised:
        assert isinstance(error, RecTuiError)
        assert error.message and error.message in str(error)
    assert raised[1].message == "line 2, column 5: not a curl command"
    assert raised[2].message == "body.json, line 4, column 9: Expecting ',' delimiter"
    assert raised[3].message == "The keyring is locked; unlock it and try again."
