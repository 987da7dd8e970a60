"""Render each wizard step with realistic content to screenshots/NN-step.png.

Run: ``.venv/bin/python tests/tools/make_screenshots.py`` (needs ``rsvg-convert`` from
Debian's librsvg2-bin). Each step is drawn at 120×40 by the same scenes as the snapshot
tests (secrets in them are fake and shown masked), saved as SVG with
``App.save_screenshot`` and converted to a 1600 px wide PNG.
"""

from __future__ import annotations

import asyncio
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rec_tui.request.draft import Draft, Original  # noqa: E402
from rec_tui.tui.app import RecTuiApp  # noqa: E402
from tests.support.tui import make_app  # noqa: E402
from tests.support.tui_scenes import (  # noqa: E402
    APP_ID,
    SCENES,
    fixed_keyring_status,
    mix_body,
    scene_app,
    settle,
)

OUT = ROOT / "screenshots"


async def shoot(step: str, number: int, workdir: Path) -> Path:
    app = scene_app(step)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        svg = Path(app.save_screenshot(filename=f"{step}.svg", path=str(workdir)))
    png = OUT / f"{number:02d}-{step}.png"
    subprocess.run(["rsvg-convert", "-w", "1600", str(svg), "-o", str(png)], check=True)
    return png


# A customer's individual-mode body as pasted into a ticket: numbers where UID strings belong.
CUSTOMER_BODY: dict[str, Any] = {
    "cname": "httpClient463224",
    "uid": 527841,
    "clientRequest": {
        "token": "007eJxTYDQfakeTokenForScreenshots",
        "recordingConfig": {
            "channelType": 0,
            "streamTypes": 2,
            "subscribeUidGroup": 0,
            "subscribeVideoUids": [245117, "#allstream#"],
        },
        "storageConfig": {
            "vendor": 1,
            "region": 0,
            "bucket": "customer-recordings",
            "accessKey": "AKIAFAKEKEYFORSHOTS",
            "secretKey": "fakeSecretKeyForScreenshots",
        },
    },
}


def customer_app() -> RecTuiApp:
    body = copy.deepcopy(CUSTOMER_BODY)
    draft = Draft(
        mode="individual",
        body=body,
        original=Original(copy.deepcopy(body), "individual", "ticket-48213.txt"),
    )
    return RecTuiApp(draft)


async def shoot_keys(name: str, keys: tuple[str, ...], workdir: Path) -> Path:
    """The customer's body after pressing ``keys`` (palette text typed as keys)."""
    app = customer_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(*(key if len(key) > 1 and " " in key else [key]))
            await settle(pilot)
        svg = Path(app.save_screenshot(filename=f"{name}.svg", path=str(workdir)))
    png = OUT / f"{name}.png"
    subprocess.run(["rsvg-convert", "-w", "1600", str(svg), "-o", str(png)], check=True)
    return png


# The JSON editor (F7) on the customer's body with its problem marks, and the comparison
# with the original (F9) after the palette's "Apply all fixes".
KEY_SHOTS: dict[str, tuple[str, ...]] = {
    "json-editor": ("f7",),
    "diff": ("ctrl+p", "Apply all fixes", "enter", "f9"),
}


TICKET = ROOT / "tests" / "data" / "tickets" / "no_token_404.txt"


async def shoot_diagnosis(workdir: Path) -> Path:
    """F6 with a customer's ticket pasted: its findings above the problems."""
    from textual.widgets import Button, TextArea

    app = RecTuiApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text(TICKET.read_text(encoding="utf-8"))
        app.screen.query_one("#import", Button).press()
        await pilot.pause()
        app.screen.query_one("#drop-credentials", Button).press()  # the ticket's Basic auth
        await settle(pilot)
        app.clear_notifications()
        await settle(pilot)
        svg = Path(app.save_screenshot(filename="diagnosis.svg", path=str(workdir)))
    png = OUT / "diagnosis.png"
    subprocess.run(["rsvg-convert", "-w", "1600", str(svg), "-o", str(png)], check=True)
    return png


# The layout designer on entry to the step: a customer's four-tile custom layout, the
# second tile selected with "]".
DESIGNER_UIDS = ("1000001", "1000002", "1000003", "1000004")


def designer_app() -> RecTuiApp:
    body = mix_body()
    rec = body["clientRequest"]["recordingConfig"]
    rec["subscribeVideoUids"] = rec["subscribeAudioUids"] = list(DESIGNER_UIDS)
    rec["subscribeUidGroup"] = 1
    corners = ((0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (0.5, 0.5))
    rec["transcodingConfig"]["layoutConfig"] = [
        {"uid": uid, "x_axis": x, "y_axis": y, "width": 0.5, "height": 0.5}
        for uid, (x, y) in zip(DESIGNER_UIDS, corners, strict=True)
    ]
    app = make_app(body, step="layout", app_id=APP_ID)
    fixed_keyring_status(app)
    return app


async def shoot_designer(workdir: Path) -> Path:
    app = designer_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        svg = Path(app.save_screenshot(filename="layout-designer.svg", path=str(workdir)))
    png = OUT / "layout-designer.png"
    subprocess.run(["rsvg-convert", "-w", "1600", str(svg), "-o", str(png)], check=True)
    return png


async def main() -> int:
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert is missing: apt-get install librsvg2-bin", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        # A home of its own: the user's presets, history or a recovery offer left by an
        # old crash would otherwise open over the pictures.
        os.environ["REC_TUI_HOME"] = str(Path(workdir) / "home")
        for number, step in enumerate(SCENES, start=1):
            print(await shoot(step, number, Path(workdir)))
        for name, keys in KEY_SHOTS.items():
            print(await shoot_keys(name, keys, Path(workdir)))
        print(await shoot_diagnosis(Path(workdir)))
        print(await shoot_designer(Path(workdir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
