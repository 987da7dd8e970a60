"""Load a language's gettext catalogue from its ``.po`` source in the package.

The ``.po`` file is the one source of every translation (rec_tui/locale/<locale>/
LC_MESSAGES/rec_tui.po). Babel compiles it in memory to the standard ``.mo`` form that
:class:`gettext.GNUTranslations` reads; the compiled bytes are kept in the cache
directory under the ``.po``'s hash, so later runs read them without importing Babel and
an edited ``.po`` is compiled again.
"""

from __future__ import annotations

import hashlib
import io
from gettext import GNUTranslations
from pathlib import Path
from typing import Final

DOMAIN: Final = "rec_tui"
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(locale: str, cache_dir: Path | None = None) -> GNUTranslations:
    source = po_path(locale).read_bytes()
    cached = _cached_path(locale, source, cache_dir)
    if cached is not None and cached.is_file():
        try:
            return GNUTranslations(io.BytesIO(cached.read_bytes()))
        except OSError:
            pass  # unreadable or damaged: compile it again below
    compiled = compile_po(source, locale)
    if cached is not None:
        _store(cached, compiled)
    return GNUTranslations(io.BytesIO(compiled))


def compile_po(source: bytes, locale: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file's text (fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=locale, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


def _cached_path(locale: str, source: bytes, cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    digest = hashlib.sha256(source).hexdigest()[:20]
    return cache_dir / "i18n" / f"{DOMAIN}-{locale}-{digest}.mo"


def _store(path: Path, compiled: bytes) -> None:
    """Keep the compiled catalogue; a cache that cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(compiled)
        partial.replace(path)
    except OSError:
        pass
