"""The API's shared literals are spelled once, in rec_tui/spec/names.py."""

from __future__ import annotations

import ast
from pathlib import Path

from rec_tui.spec import names

PACKAGE = Path(names.__file__).resolve().parents[1]
SHARED = {names.ALL_STREAMS, names.WEB_RECORDER, names.RTMP_PUBLISH}


def test_no_module_but_names_spells_a_shared_literal() -> None:
    spelled: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "names.py" and path.parent.name == "spec":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # A literal that is the value itself; prose that mentions it is fine.
            if isinstance(node, ast.Constant) and node.value in SHARED:
                spelled.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
    assert spelled == []
