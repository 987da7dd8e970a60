"""Times written in a ticket: log timestamps (English or Chinese layout), ``Date`` headers
and a callback's ``notifyMs``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Final

from rec_tui.agora.diagnose.model import Stamp
from rec_tui.i18n import N_

_LOG_TIME: Final = re.compile(
    r"(?P<y>\d{4})[-/年](?P<mo>\d{1,2})[-/月](?P<d>\d{1,2})日?[ T]*"
    r"(?P<h>\d{1,2})[:时](?P<mi>\d{2})[:分](?P<s>\d{2})秒?(?P<frac>[.,]\d+)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
)
_DATE_HEADER: Final = re.compile(r"(?im)^\s*[<>]?\s*date:\s*(.+?)\s*$")


def stamp_in(line: str) -> Stamp | None:
    """The time written on ``line``, if any; a ``Date:`` header first."""
    header = _DATE_HEADER.match(line)
    if header is not None:
        try:
            when = parsedate_to_datetime(header.group(1))
        except (TypeError, ValueError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return Stamp(when.timestamp(), N_("the Date header"))
    found = _LOG_TIME.search(line)
    if found is None:
        return None
    try:
        when = datetime(
            int(found["y"]),
            int(found["mo"]),
            int(found["d"]),
            int(found["h"]),
            int(found["mi"]),
            int(found["s"]),
            tzinfo=_zone(found["zone"]),
        )
    except ValueError:
        return None
    fraction = float("0." + found["frac"][1:]) if found["frac"] else 0.0
    zoned = found["zone"] is not None
    return Stamp(when.timestamp() + fraction, N_("the log time"), zoned=zoned)


def _zone(text: str | None) -> timezone:
    if text is None or text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def stamp_of_notify_ms(value: object) -> Stamp | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return Stamp(value / 1000, N_("the callback's notifyMs"))
    return None
