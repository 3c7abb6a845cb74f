"""Sweden's clock: the day every date-dependent figure counts from, and the time people read.

The agencies work on Swedish time, while a server may run on any zone (often UTC): "today"
taken from the server's clock read "0 late reports" in New York where Stockholm had 2, and
after 23:00 UTC in winter (22:00 in summer) it was still yesterday in Sweden. So "today" is
Sweden's date, summer time included, whatever the server's zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SWEDEN = ZoneInfo("Europe/Stockholm")


def utc_now() -> datetime:
    """This moment, in UTC: as the store records it, and the one clock tests pin."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in Sweden: the reference day of every date-dependent number."""
    return utc_now().astimezone(SWEDEN).date()
