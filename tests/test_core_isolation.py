"""The core never imports Textual; the command line starts without httpx, keyring, Textual
or asyncio (with ssl, the largest part of the wizard's start-up if imported at module top).

Each check runs in a fresh interpreter so that modules imported by other tests do not hide
an import.
"""

from __future__ import annotations

import json
import subprocess
import sys

CORE_IMPORTS = """
import importlib, json, pkgutil, sys
import rec_tui
names = sorted(
    info.name
    for info in pkgutil.walk_packages(rec_tui.__path__, "rec_tui.")
    if not (info.name == "rec_tui.tui" or info.name.startswith("rec_tui.tui."))
)
failed = {}
for name in names:
    if name == "rec_tui.__main__":
        continue  # running it would start the command line
    try:
        importlib.import_module(name)
    except Exception as error:  # report every module that cannot be imported
        failed[name] = repr(error)
print(json.dumps({"names": names, "failed": failed,
                  "textual": sorted(m for m in sys.modules if m.split(".")[0] == "textual")}))
"""

CLI_IMPORTS = """
import json, sys
from rec_tui.cli import build_parser
build_parser().parse_args(["validate", "--mode", "mix", "x.json"])
heavy = ("httpx", "keyring", "textual", "asyncio", "ssl")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_importing_every_core_module_never_imports_textual() -> None:
    report = json.loads(_run(CORE_IMPORTS))
    assert "rec_tui.request.validate" in report["names"]
    assert "rec_tui.spec.rules.generic" in report["names"]
    assert report["failed"] == {}
    assert report["textual"] == []


def test_command_line_parser_does_not_load_heavy_libraries() -> None:
    assert json.loads(_run(CLI_IMPORTS)) == []
