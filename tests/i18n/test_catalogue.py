"""The Chinese catalogue is standard gettext compiled from the .po by Babel, kept compiled in
the cache; English loads nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rec_tui import i18n
from rec_tui.i18n import _, activate, grouped, ngettext
from rec_tui.i18n.catalogue import load

SAMPLE = "start settings differ from the startParameter sent in acquire."


def test_chinese_is_read_from_the_po_and_english_is_the_message(tmp_path: Path) -> None:
    assert _(SAMPLE) == SAMPLE
    activate("zh", tmp_path)
    assert _(SAMPLE) == "start 的设置与 acquire 中发送的 startParameter 不一致。"
    assert i18n.active_language() == "zh"
    activate("en")
    assert _(SAMPLE) == SAMPLE


def test_plural_forms_follow_the_language(tmp_path: Path) -> None:
    assert [ngettext("{n} user", "{n} users", n) for n in (1, 2)] == ["{n} user", "{n} users"]
    translations = load("zh_CN", tmp_path)
    # Chinese has one form for every count (the catalogue's Plural-Forms header).
    assert translations.plural(1) == translations.plural(7) == 0  # type: ignore[attr-defined]
    singular = "Your subscribe lists name {count} user: use {group}."
    plural = "Your subscribe lists name {count} users: use {group}."
    activate("zh", tmp_path)
    assert {ngettext(singular, plural, n) for n in (1, 2, 40)} == {
        "你的订阅名单中有 {count} 个用户：请使用 {group}。"
    }


def test_numbers_are_grouped_for_the_language(tmp_path: Path) -> None:
    assert grouped(2_592_000) == "2,592,000"
    activate("zh", tmp_path)
    assert grouped(2_592_000) == "2,592,000"  # zh_CN groups by thousands with a comma too


def test_the_compiled_catalogue_is_cached_by_the_po_hash(tmp_path: Path) -> None:
    load("zh_CN", tmp_path)
    cached = list((tmp_path / "i18n").glob("rec_tui-zh_CN-*.mo"))
    assert len(cached) == 1
    # A damaged cache is compiled again rather than failing.
    cached[0].write_bytes(b"not a catalogue")
    assert load("zh_CN", tmp_path).gettext(SAMPLE) != SAMPLE


IMPORTS = """
import json, sys
from rec_tui.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "babel": sorted(m for m in sys.modules if m.startswith("babel"))}))
"""


def _run(home: Path, *args: str, **environ: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "REC_TUI"))}
    env.update(REC_TUI_HOME=str(home), **environ)
    result = subprocess.run(
        [sys.executable, "-c", IMPORTS, *args], capture_output=True, text=True, env=env
    )
    last = result.stdout.strip().splitlines()[-1]
    loaded: dict[str, object] = json.loads(last)
    return loaded


def test_english_start_up_never_imports_babel(tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text('{"cname": "a", "uid": "1", "clientRequest": {}}')
    english = _run(tmp_path, "validate", "--mode", "mix", str(body), LANG="en_US.UTF-8")
    assert english == {"code": 1, "babel": []}
    # Chinese compiles the .po with Babel once; the next run reads the cached .mo only.
    first = _run(tmp_path, "validate", "--mode", "mix", str(body), LANG="zh_CN.UTF-8")
    assert first["code"] == 1 and "babel.messages.pofile" in first["babel"]  # type: ignore[operator]
    again = _run(tmp_path, "--lang", "zh", "validate", "--mode", "mix", str(body))
    assert again == {"code": 1, "babel": []}


def test_english_holds_inside_its_block_only(tmp_path: Path) -> None:
    from rec_tui.i18n import english

    activate("zh", tmp_path)
    with english():
        assert _(SAMPLE) == SAMPLE
    assert _(SAMPLE) != SAMPLE


def test_the_sandbox_answers_in_english_while_rec_tui_speaks_chinese(tmp_path: Path) -> None:
    """The imitation of Agora's server says its refusals as the server does."""
    import copy

    from tests.support.backend import backend
    from tests.support.sending import clean_body

    activate("zh", tmp_path)
    body = clean_body("mix")
    expected = copy.deepcopy(body["clientRequest"])
    expected["recordingConfig"]["channelType"] = 1
    with backend() as api:
        resource_id = api.acquire_for(body, scene=0, startParameter=expected)
        refused = api.start("mix", resource_id, body)
    reason = refused.json()["reason"]
    assert "start settings differ from the startParameter sent in acquire." in reason, reason
