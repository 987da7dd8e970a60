"""Every rule module is listed statically in rec_tui.spec.rules.load."""

from __future__ import annotations

import json
import subprocess
import sys

from rec_tui.spec.rules import load

# A fresh interpreter: the rules all_rules() registers, then the rules importing every
# module of the package adds (a rule module missing from the list would add its rules).
SCRIPT = """
import importlib, json, pkgutil
import rec_tui.spec.rules as rules
listed = len(rules.all_rules())
for info in pkgutil.iter_modules(rules.__path__, "rec_tui.spec.rules."):
    importlib.import_module(info.name)
print(json.dumps({"listed": listed, "all": len(rules.REGISTRY)}))
"""


def test_all_rules_registers_every_rule_of_every_module_in_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=True
    )
    counts = json.loads(result.stdout)
    assert counts["listed"] > 100
    assert counts["listed"] == counts["all"]


def test_the_rule_modules_are_imported_by_plain_import_statements() -> None:
    # Seen by `python -X importtime`, which does not see modules importlib loads by name.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import rec_tui.spec.rules.load"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    profiled = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert {module.__name__ for module in load.RULE_MODULES} <= profiled
