"""The language rec-tui speaks: English (the messages as written) or Simplified Chinese.

Messages are marked ``_("...")`` / ``ngettext(singular, plural, n)`` where they are said,
with ``{name}`` placeholders filled by ``.format`` after translation (so the translation
may put them in another order). English needs nothing loaded: until :func:`activate`
installs a catalogue, ``_`` returns its message as written, and neither Babel nor a
catalogue is read (start-up speed). The catalogue is standard gettext, see
:mod:`rec_tui.i18n.catalogue`; the language is chosen by :mod:`rec_tui.i18n.choice`.
"""

from __future__ import annotations

from contextvars import ContextVar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from gettext import GNUTranslations
    from pathlib import Path
    from typing import Final, Literal, TypeAlias

Language: TypeAlias = 'Literal["en", "zh"]'
ENGLISH: Final[Language] = "en"
CHINESE: Final[Language] = "zh"
LANGUAGES: Final[tuple[Language, ...]] = (ENGLISH, CHINESE)
# The gettext locale each language's catalogue is kept under (rec_tui/locale/<locale>/).
LOCALES: Final[dict[Language, str]] = {CHINESE: "zh_CN"}

_active: Language = ENGLISH
_translations: GNUTranslations | None = None
# Set inside english(): this thread or task says its messages as written, whatever is active.
_as_written: ContextVar[bool] = ContextVar("as_written", default=False)


def _(message: str) -> str:
    """``message`` in the active language."""
    if _translations is None or _as_written.get():
        return message
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is declared; ``_()`` translates it where
    it is said (a declaration is made once, before any language is chosen)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message that fits ``count`` in the active language."""
    if _translations is None or _as_written.get():
        return singular if count == 1 else plural
    return _translations.ngettext(singular, plural, count)


def english() -> AbstractContextManager[None]:
    """Messages said inside the block are English, in this thread or task only: the sandbox
    imitates Agora's server, which answers in English whatever language rec-tui speaks."""
    return _AsWritten()


class _AsWritten:
    # A class rather than contextlib's decorator: contextlib is no import of a headless
    # command's start-up.
    def __enter__(self) -> None:
        self._token = _as_written.set(True)

    def __exit__(self, *raised: object) -> None:
        _as_written.reset(self._token)


def active_language() -> Language:
    return _active


def activate(language: Language, cache_dir: Path | None = None) -> None:
    """Speak ``language`` from now on; ``cache_dir`` keeps the compiled catalogue between
    runs. English unloads any catalogue."""
    global _active, _translations
    if language == ENGLISH:
        _active, _translations = ENGLISH, None
        return
    from rec_tui.i18n.catalogue import load

    _translations = load(LOCALES[language], cache_dir)
    _active = language


def grouped(value: int) -> str:
    """A whole number grouped by thousands the way the active language writes it."""
    if _translations is None or _as_written.get():
        return f"{value:,}"
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=LOCALES[_active]))
