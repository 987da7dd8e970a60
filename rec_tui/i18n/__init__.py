"""The language rec-tui speaks: English (the messages as written) or Simplified Chinese.

Messages are marked ``_("...")`` / ``ngettext(singular, plural, n)`` where they are said,
with ``{name}`` placeholders filled by ``.format`` after translation (so the translation
may put them in another order). English needs nothing loaded: until :func:`activate`
installs a catalogue, ``_`` returns its message as written, and neither Babel nor a
catalogue is read (start-up speed). The catalogue is standard gettext, see
:mod:`rec_tui.i18n.catalogue`; the language is chosen by :mod:`rec_tui.i18n.choice`.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from datetime import datetime
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


class LazyText:
    """Words said when they are shown, in the language active then: ``str()`` calls
    ``render`` (a function that says them with ``_()``/``ngettext()``, so Babel finds its
    messages). For text kept and shown later, such as an undo step's description, which
    may be shown after the language was switched."""

    __slots__ = ("render",)

    def __init__(self, render: Callable[[], str]) -> None:
        self.render = render

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"LazyText({self.render()!r})"


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


Precision: TypeAlias = 'Literal["minutes", "seconds", "milliseconds"]'
_CLOCK: Final[dict[Precision, str]] = {
    "minutes": "%H:%M",
    "seconds": "%H:%M:%S",
    "milliseconds": "%H:%M:%S",
}


def moment(
    when: datetime | float,
    *,
    utc: bool = False,
    precision: Precision = "seconds",
    date: bool = True,
    zone: bool = True,
) -> str:
    """A time (a datetime or a Unix timestamp) for people, the way the active language
    writes it: in Chinese by CLDR's patterns (``2026年12月3日 UTC 06:05:04``), in English
    as ``2026-12-03 06:05:04 UTC``. ``utc`` says it in UTC and writes so (unless not
    ``zone``: a log's clock), else in local time, the user's own clock, with no zone
    written; ``date=False`` gives the time of day alone. Machine-readable output keeps
    ISO 8601 and never comes here."""
    stamp = when if isinstance(when, (int, float)) else when.timestamp()
    millis = 0
    if precision == "milliseconds":
        # Rounded to the millisecond, carrying into the second (…59.9996 is …00.000);
        # coarser times are cut, as a clock shows them.
        stamp, millis = divmod(round(stamp * 1000), 1000)
    if _translations is None or _as_written.get():
        # time.strftime, not Babel or datetime: `preset list` says thousands of these.
        parts = time.gmtime(stamp) if utc else time.localtime(stamp)
        text = time.strftime(("%Y-%m-%d " if date else "") + _CLOCK[precision], parts)
        if precision == "milliseconds":
            text += f".{millis:03d}"
        return text + " UTC" if utc and zone else text
    from rec_tui.i18n.moments import cldr_moment

    return cldr_moment(
        stamp + millis / 1000,
        LOCALES[_active],
        utc=utc,
        precision=precision,
        date=date,
        zone=utc and zone,
    )
