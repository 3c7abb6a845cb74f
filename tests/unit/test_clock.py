"""Sweden's clock: "today" is Sweden's date whatever the server's zone, summer time included."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime

import pytest

from arena import clock


@pytest.fixture
def new_york(monkeypatch):
    """A server whose own zone is America/New_York: still the day before for hours."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("utc", "sweden"),
    [
        # Winter (UTC+1): 23:30 UTC is 00:30 the next day in Stockholm.
        (datetime(2025, 1, 14, 23, 30, tzinfo=UTC), date(2025, 1, 15)),
        (datetime(2025, 1, 14, 22, 30, tzinfo=UTC), date(2025, 1, 14)),
        # Summer (UTC+2): 22:30 UTC is already 00:30 the next day.
        (datetime(2025, 7, 14, 23, 30, tzinfo=UTC), date(2025, 7, 15)),
        (datetime(2025, 7, 14, 22, 30, tzinfo=UTC), date(2025, 7, 15)),
        (datetime(2025, 7, 14, 21, 30, tzinfo=UTC), date(2025, 7, 14)),
    ],
)
def test_today_is_swedens_date_whatever_the_servers_zone(monkeypatch, new_york, utc, sweden):
    assert os.environ["TZ"] == "America/New_York"
    monkeypatch.setattr(clock, "utc_now", lambda: utc)
    assert clock.today() == sweden
