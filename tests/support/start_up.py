"""What a headless command imports, seen from a fresh interpreter as a user's shell starts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable

# Output set aside by hand: contextlib's redirection would import a module to look for.
_SCRIPT = """\
import io, json, sys
from rec_tui.cli import main
shown = sys.stdout
sys.stdout = sys.stderr = io.StringIO()
code = main(json.loads(sys.argv[1]))
sys.stdout = shown
print(json.dumps([code, sorted(sys.modules)]))
"""


def modules_loaded(argv: list[str]) -> tuple[int, set[str]]:
    """The exit status of ``rec-tui ARGV`` and every module it imported (the test's own
    REC_TUI_HOME applies)."""
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=os.environ.copy(),
    )
    code, modules = json.loads(result.stdout.splitlines()[-1])
    return code, set(modules)


def loaded_of(modules: set[str], denied: Iterable[str]) -> list[str]:
    """The modules of ``modules`` that are in ``denied`` or inside one of those packages."""
    return sorted(
        module
        for module in modules
        for name in denied
        if module == name or module.startswith(f"{name}.")
    )
