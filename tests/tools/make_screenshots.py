"""Render each wizard step with realistic content to screenshots/NN-step.png.

Run: ``.venv/bin/python tests/tools/make_screenshots.py`` (needs ``rsvg-convert`` from
Debian's librsvg2-bin). Each step is drawn at 120×40 by the same scenes as the snapshot
tests (secrets in them are fake and shown masked), saved as SVG with
``App.save_screenshot`` and converted to a 1600 px wide PNG.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.tui_scenes import SCENES, scene_app, settle  # noqa: E402

OUT = ROOT / "screenshots"


async def shoot(step: str, number: int, workdir: Path) -> Path:
    app = scene_app(step)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        svg = Path(app.save_screenshot(filename=f"{step}.svg", path=str(workdir)))
    png = OUT / f"{number:02d}-{step}.png"
    subprocess.run(["rsvg-convert", "-w", "1600", str(svg), "-o", str(png)], check=True)
    return png


async def main() -> int:
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert is missing: apt-get install librsvg2-bin", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        for number, step in enumerate(SCENES, start=1):
            print(await shoot(step, number, Path(workdir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
