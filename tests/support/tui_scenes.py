"""Realistic drafts for each wizard step, shared by the snapshot tests and the screenshots."""

from __future__ import annotations

import copy
from typing import Any

from textual.pilot import Pilot

from rec_tui.spec.modes import Mode
from rec_tui.store.secrets import KeyringStore, OpenedStore
from rec_tui.tui.app import RecTuiApp
from tests.support.tui import make_app, seed_body

APP_ID = "d0f3b9ff0b9f4a35a9e9d6e8b8b1c0a2"


def mix_body() -> dict[str, Any]:
    body = seed_body("1_mix_av.json")
    body["clientRequest"]["token"] = "007eJxTYDQ-not-a-real-token"
    rec = body["clientRequest"]["recordingConfig"]
    rec.pop("streamMode", None)  # individual only; the seed example carries it anyway
    rec["subscribeAudioUids"] = ["123", "456", "789"]
    rec["subscribeVideoUids"] = ["123", "456", "789"]
    tc = rec["transcodingConfig"]
    tc.update(width=1280, height=720, fps=15, bitrate=1130, mixedVideoLayout=3)
    tc["layoutConfig"] = [
        {
            "uid": "123",
            "x_axis": 0.0,
            "y_axis": 0.0,
            "width": 0.5,
            "height": 1.0,
            "alpha": 1.0,
            "render_mode": 0,
        },
        {
            "uid": "456",
            "x_axis": 0.5,
            "y_axis": 0.0,
            "width": 0.5,
            "height": 0.5,
            "alpha": 1.0,
            "render_mode": 1,
        },
        {
            "uid": "789",
            "x_axis": 0.5,
            "y_axis": 0.5,
            "width": 0.5,
            "height": 0.5,
            "alpha": 0.8,
            "render_mode": 1,
        },
    ]
    storage = body["clientRequest"]["storageConfig"]
    storage.update(
        vendor=1,
        region=0,
        bucket="recordings-demo",
        accessKey="AKIAEXAMPLEKEY",
        secretKey="wJalrXUtnFEMI-example-secret",
    )
    storage["fileNamePrefix"] = ["demo", "2026"]
    return body


SCENES: dict[str, tuple[Mode, str]] = {
    # step → (mode, body source)
    "session": ("mix", "mix"),
    "streams": ("mix", "mix"),
    "layout": ("mix", "mix"),
    "snapshots": ("individual", "3_individual_snapshot_plus_recording.json"),
    "files": ("mix", "mix"),
    "storage": ("mix", "mix"),
    "web": ("web", "5_web_cdn.json"),
    "advanced": ("individual", "7_individual_postponed_audio_mix.json"),
    "review": ("mix", "mix"),
}


def scene_app(step: str) -> RecTuiApp:
    mode, source = SCENES[step]
    body = mix_body() if source == "mix" else seed_body(source)
    if mode == "web":
        body["clientRequest"].pop("token", None)  # web mode does not take one
    app = make_app(copy.deepcopy(body), mode=mode, step=step, app_id=APP_ID)
    fixed_keyring_status(app)
    return app


def fixed_keyring_status(app: RecTuiApp) -> None:
    """Show a desktop keyring's status line at once, as after the keyring was opened.

    Opening the real keyring says what this machine has; pictures of the wizard must not
    depend on it.
    """
    opened = OpenedStore(KeyringStore(_DesktopKeyring()), None)
    app.files.start = lambda: app.files.show_status(opened)  # type: ignore[method-assign]


class _DesktopKeyring:
    """Stands in for the Secret Service backend: the pictures only show its name."""

    name = "SecretService Keyring"

    def get_password(self, service: str, entry: str) -> str | None:
        return None


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the first check has run and the table catch-up timers have fired."""
    from textual.widgets import Input

    await pilot.pause()
    # A blinking cursor would be drawn or not depending on the moment of the picture.
    for field_input in pilot.app.query(Input):
        field_input.cursor_blink = False
    await pilot.pause(0.3)
    pilot.app.clear_notifications()
    await pilot.pause()
