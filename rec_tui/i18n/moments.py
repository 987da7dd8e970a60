"""Times in a language other than English, by CLDR's patterns (Babel's locale data).

Imported only once such a language is active: English needs neither Babel nor this.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern

from rec_tui.i18n import Precision


def cldr_moment(
    stamp: float, locale: str, *, utc: bool, precision: Precision, date: bool, zone: bool
) -> str:
    when = datetime.fromtimestamp(stamp, UTC) if utc else datetime.fromtimestamp(stamp).astimezone()
    return str(_pattern(locale, precision, date, zone).apply(when, Locale.parse(locale)))


@cache
def _pattern(locale: str, precision: Precision, date: bool, zone: bool) -> DateTimePattern:
    """The locale's medium date with its time of day: its long time (which writes the
    zone where the language puts it, ``z HH:mm:ss`` in Chinese) when the zone is written,
    else its medium one; minutes drop the seconds, milliseconds follow them."""
    cldr = Locale.parse(locale)
    clock = str(cldr.time_formats["long" if zone else "medium"].pattern)
    if precision == "minutes":
        clock = clock.replace(":ss", "")
    elif precision == "milliseconds":
        clock = clock.replace("ss", "ss.SSS")
    if not date:
        return parse_pattern(clock)
    day = str(cldr.date_formats["medium"].pattern)
    return parse_pattern(str(cldr.datetime_formats["medium"]).format(clock, day))
