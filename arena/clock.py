"""Sweden's clock: the day every date-dependent figure counts from, and the time people read.

The agencies work on Swedish time, while a server may run on any zone (often UTC): "today"
taken from the server's clock read "0 late reports" in New York where Stockholm had 2, and
after 23:00 UTC in winter (22:00 in summer) it was still yesterday in Sweden. So "today" is
Sweden's date, summer time included, whatever the server's zone.

Moments are stored in UTC (an import's start, an audit event); `swedish` gives the Swedish
wall time a person reads them in, and `swedish_day` the start of a Swedish day they are
looked up by.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pandas as pd

SWEDEN = ZoneInfo("Europe/Stockholm")


def utc_now() -> datetime:
    """This moment, in UTC: as the store records it, and the one clock tests pin."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in Sweden: the reference day of every date-dependent number."""
    return utc_now().astimezone(SWEDEN).date()


def swedish(moment: object) -> pd.Timestamp:
    """A stored moment as Swedish wall time, without a zone (a sheet has none): the store
    keeps UTC, and a moment without a zone (SQLite returns them so) is UTC."""
    stamp = pd.Timestamp(moment)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize(UTC)
    return stamp.tz_convert(SWEDEN).tz_localize(None)


def format_timestamp(value: object) -> str:
    """When something happened (an import), to the minute, in Swedish time as people read it
    (stored in UTC): `2026-11-21 10:02`. Here, not in `arena.tables`, as the import's undo
    message names the time too and the import layer reads no display layer."""
    return swedish(value).strftime("%Y-%m-%d %H:%M")


def swedish_day(day: date) -> datetime:
    """The moment a Swedish day begins, in UTC as the store keeps moments: a person asking for
    the events of 7 December means Sweden's, from 23:00 UTC on the 6th in winter."""
    return datetime.combine(day, time(), SWEDEN).astimezone(UTC)
