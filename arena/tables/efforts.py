"""The Efforts view as text: the columns its tables add to `tables.COLUMNS`, and the totals
of its cards."""

from __future__ import annotations

import pandas as pd

from arena.i18n import format_msek, format_number, t
from arena.queries import efforts
from arena.tables._base import Shown

COLUMNS: dict[str, Shown] = {
    "reference": Shown("text", "efforts.column.reference"),
    "effort": Shown("code", "efforts.column.effort"),
    "cost_sek": Shown("money", "efforts.column.cost"),
    **{
        name: Shown("number", f"efforts.column.{name}")
        for name in ("activities", "participants", "reach")
    },
}


def totals(summary: pd.DataFrame, language: str) -> list[tuple[str, str]]:
    """Each measure's name and total (`efforts.effort_summary`), summed over the activities
    that state it; "–" when none does (never a fake 0)."""
    shown = []
    for measure in efforts.MEASURES:
        total = summary.loc[summary["activities"] > 0, measure].sum(min_count=1)
        if pd.isna(total):
            value = "–"
        elif measure == "cost_sek":
            value = format_msek(int(total), language)
        else:
            value = format_number(int(total), language)
        shown.append((t(f"efforts.column.{measure.removesuffix('_sek')}", language), value))
    return shown


def undated(summary: pd.DataFrame, years: pd.DataFrame, language: str) -> str | None:
    """The note under the efforts per year when some activities have no start date: counted
    without a year filter, in the cards and per effort (`effort_summary`), but in no year
    (`effort_years`), so the years add up to less. None when every activity has its year."""
    count = int(summary["activities"].sum()) - int(years["activities"].sum())
    return t("efforts.years.undated", language, count=count) if count else None
