"""Where rec-tui keeps its files.

Presets and settings live in the user config directory, history and other data in the
user data directory, what can be rebuilt from them (the presets' headers) in the user cache
directory. ``REC_TUI_HOME=DIR`` moves all of it under DIR (tests, CI, and users
who keep presets in a repository).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rec-tui"
# A preset is a TOML file: also how `rec-tui --open PATH` tells a preset from a body
# without loading the preset code.
PRESET_SUFFIX = ".toml"
HOME_ENV = "REC_TUI_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files rec-tui can always rebuild (preset headers, the compiled translation catalogue);
    deleting them loses nothing."""
    home = _home_override()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def presets_dir() -> Path:
    return config_dir() / "presets"


def history_file() -> Path:
    return data_dir() / "history.jsonl"
