"""Which language to speak: ``--lang``, else ``REC_TUI_LANG``, else the language chosen in
the wizard and remembered, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else
English.

The remembered choice comes before the locale: it is a choice the user made in rec-tui,
the locale one made for every program.
"""

from __future__ import annotations

from collections.abc import Mapping

from rec_tui.i18n import CHINESE, ENGLISH, Language

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

LANGUAGE_ENV: Final = "REC_TUI_LANG"
# The environment variables that name the locale, in the order gettext reads them.
LOCALE_ENV: Final = ("LC_ALL", "LC_MESSAGES", "LANG")
REMEMBERED_FILE: Final = "language"


def parse_language(text: str) -> Language | None:
    """``zh``, ``zh_CN.UTF-8``, ``zh-Hans`` → Chinese; ``en``… → English; else None."""
    lowered = text.strip().lower()
    if lowered.startswith("zh"):
        return CHINESE
    if lowered.startswith("en"):
        return ENGLISH
    return None


def chosen_language(
    option: str | None, environ: Mapping[str, str], config_dir: Path | None = None
) -> Language:
    """The language to speak, given ``--lang`` (or None), the environment and the config
    directory that may hold a remembered choice."""
    if option:
        parsed = parse_language(option)
        if parsed is not None:
            return parsed
    parsed = parse_language(environ.get(LANGUAGE_ENV, ""))
    if parsed is not None:
        return parsed
    if config_dir is not None:
        remembered_choice = remembered(config_dir)
        if remembered_choice is not None:
            return remembered_choice
    for name in LOCALE_ENV:
        # The first one set decides, as for gettext: LC_ALL=C over LANG=zh_CN is English.
        value = environ.get(name, "")
        if value:
            return CHINESE if value.lower().startswith("zh") else ENGLISH
    return ENGLISH


def remembered(config_dir: Path) -> Language | None:
    """The language chosen in the wizard, or None when none was (or the file is unreadable)."""
    try:
        text = (config_dir / REMEMBERED_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_language(text)


def remember(language: Language, config_dir: Path) -> None:
    """Keep ``language`` as the user's choice for later runs."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / REMEMBERED_FILE).write_text(f"{language}\n", encoding="utf-8")
