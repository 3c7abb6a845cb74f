"""The portfolio's tables: one row per project (numbers kept numeric so users can sort), and
the grant sizes' quartiles per year or sector."""

from __future__ import annotations

from datetime import date

import pandas as pd

from arena.i18n import label, sector_label
from arena.queries.portfolio import PROJECT_LAYOUT
from arena.tables._base import Shown, localise, with_organisation_links

# The portfolio's headers where they are not the shared ones: its money in kronor.
COLUMNS: dict[str, Shown] = {
    "granted_sek": Shown("money", "column.granted_kr"),
    "disbursed_sek": Shown("money", "column.disbursed_kr"),
}

# The columns the portfolio shows, in its order: those it sorts by, and two shares.
SHOWN = (*PROJECT_LAYOUT.sortable, "paid_share", "time_share")


def project_rows(projects: pd.DataFrame, *, today: date, whole_life: bool = True) -> pd.DataFrame:
    """The portfolio's columns (`SHOWN`) of the query's projects, as the query holds them
    (codes, numbers, dates): what its download holds (`tables.for_download`).

    paid_share is disbursed / granted, when the money is the projects' whole life
    (`whole_life`, no year filter): within some years, what was paid in them on grants
    decided earlier, divided by the grants decided in them, made shares of 297 %. time_share
    is how much of the project's period has passed (0 before the start, 1 after the end).
    """
    frame = projects.copy()
    granted = frame["granted_sek"].astype("Float64")
    frame["paid_share"] = (frame["disbursed_sek"].astype("Float64") / granted).where(
        (granted > 0) & whole_life
    )
    starts = pd.to_datetime(frame["start_date"])
    ends = pd.to_datetime(frame["end_date"])
    elapsed = (pd.Timestamp(today) - starts).dt.days / (ends - starts).dt.days.clip(lower=1)
    frame["time_share"] = elapsed.clip(0, 1)
    return frame[list(SHOWN)]


def project_table(
    projects: pd.DataFrame, language: str, *, today: date, whole_life: bool = True
) -> pd.DataFrame:
    """The portfolio table (`project_rows`): one row per project, money numeric (sortable),
    codes as labels, the coordinator as the address of its organisation page
    (`organisation_url`)."""
    frame = project_rows(projects, today=today, whole_life=whole_life)
    for column in ("status", "stage"):
        frame[column] = [label(v, language) if isinstance(v, str) else "" for v in frame[column]]
    frame["sector"] = [
        sector_label(v, language) if isinstance(v, str) else "" for v in frame["sector"]
    ]
    frame["county"] = frame["county"].fillna("")
    frame["coordinator"] = with_organisation_links(frame, "coordinator")["coordinator"]
    return frame


def distribution_rows(boxes: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """Median and quartiles of grant size per year or sector, as numbers: the figures the box
    plot draws (`queries.funding.grant_quantiles`), what the download holds."""
    return boxes[[by, "grants", "q1", "median", "q3", "total_sek"]]


def distribution(boxes: pd.DataFrame, *, by: str, language: str) -> pd.DataFrame:
    """`distribution_rows` as text, as the page shows them."""
    return localise(distribution_rows(boxes, by=by), language)
