"""The portfolio's tables: one row per project (numbers kept numeric so users can sort), and
the grant sizes' quartiles per year or sector."""

from __future__ import annotations

from datetime import date

import pandas as pd

from arena.i18n import label, sector_label
from arena.tables._base import localise, with_organisation_links


def project_table(
    projects: pd.DataFrame, language: str, *, today: date, whole_life: bool = True
) -> pd.DataFrame:
    """The portfolio table: one row per project, money numeric (sortable), codes as labels,
    the coordinator as the address of its organisation page (`organisation_url`).

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
    for column in ("status", "stage", "level"):
        frame[column] = [label(v, language) if isinstance(v, str) else "" for v in frame[column]]
    frame["sector"] = [
        sector_label(v, language) if isinstance(v, str) else "" for v in frame["sector"]
    ]
    frame["county"] = frame["county"].fillna("")
    frame["coordinator"] = with_organisation_links(frame, "coordinator")["coordinator"]
    columns = [
        "reference",
        "title",
        "status",
        "stage",
        "coordinator",
        "sector",
        "county",
        "start_date",
        "end_date",
        "granted_sek",
        "disbursed_sek",
        "paid_share",
        "time_share",
    ]
    return frame[columns]


def distribution(boxes: pd.DataFrame, *, by: str, language: str) -> pd.DataFrame:
    """Median and quartiles of grant size per year or sector, as text: the figures the box
    plot draws (`queries.funding.grant_quantiles`)."""
    return localise(boxes[[by, "grants", "q1", "median", "q3", "total_sek"]], language)
