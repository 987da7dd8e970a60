"""A minimal app hosting the layout canvas alone, for tests, snapshots and the benchmark."""

from __future__ import annotations

import copy
from typing import Any

from textual.app import App, ComposeResult

from rec_tui.request.draft import Change, Draft
from rec_tui.tui.widgets.layout_canvas import LayoutCanvas

MIX_BODY: dict[str, Any] = {
    "cname": "demo",
    "uid": "527841",
    "clientRequest": {
        "recordingConfig": {
            "channelType": 1,
            "subscribeVideoUids": ["101", "102", "103", "104", "105"],
            "transcodingConfig": {
                "width": 1280,
                "height": 720,
                "fps": 15,
                "bitrate": 1130,
                "mixedVideoLayout": 3,
                "backgroundColor": "#202830",
                "layoutConfig": [
                    {"uid": "101", "x_axis": 0.0, "y_axis": 0.0, "width": 0.6, "height": 1.0},
                    {
                        "uid": "102",
                        "x_axis": 0.6,
                        "y_axis": 0.0,
                        "width": 0.4,
                        "height": 0.5,
                        "render_mode": 1,
                    },
                    {
                        "uid": "103",
                        "x_axis": 0.6,
                        "y_axis": 0.5,
                        "width": 0.4,
                        "height": 0.5,
                        "alpha": 0.6,
                    },
                ],
            },
        },
    },
}


def mix_draft(**transcoding: Any) -> Draft:
    """A mix draft; keyword arguments replace transcodingConfig keys (None removes one)."""
    body = copy.deepcopy(MIX_BODY)
    config = body["clientRequest"]["recordingConfig"]["transcodingConfig"]
    for key, value in transcoding.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    draft = Draft()
    draft.replace_body(body, mode="mix")
    return draft


class CanvasHost(App[None]):
    """Just the canvas, focused, filling the screen; counts draft-change notifications."""

    def __init__(self, draft: Draft | None = None) -> None:
        super().__init__()
        self.draft = draft or mix_draft()
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield LayoutCanvas(self.draft, id="canvas")

    def on_mount(self) -> None:
        self.draft.subscribe(self._draft_changed)
        self.query_one(LayoutCanvas).focus()

    def _draft_changed(self, change: Change) -> None:
        self.changes += 1
