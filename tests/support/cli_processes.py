"""rec-tui as a child process, for tests over loopback (`rec-tui sandbox serve`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rec_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def child_env(home: Path, secret: str = "sandbox-secret") -> dict[str, str]:
    """The environment of a rec-tui child process: its own home and sandbox credentials."""
    return {
        **os.environ,
        "REC_TUI_HOME": str(home),
        "AGORA_CUSTOMER_ID": "sandbox",
        "AGORA_CUSTOMER_SECRET": secret,
    }
