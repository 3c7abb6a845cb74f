"""Figures of one programme (`queries.programmes`): its money per year, and this year's
burn-down with the forecast to December."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    OKABE_ITO,
    SERIES_COLOURS,
    chart,
    cumulative_spend,
    money_bar,
)
from arena.i18n import (
    format_sek,
    t,
)
from arena.tables.programmes import forecast_range

# --- programmes (pages/programmes.py) ---
PROGRAMME_COLOURS = {
    "allocated": SERIES_COLOURS["allocated"],
    "committed": OKABE_ITO["orange"],
    "spent_programme": SERIES_COLOURS["spent"],
    "spent_projects": OKABE_ITO["reddish_purple"],
}


def programme_years(frame: pd.DataFrame, language: str) -> go.Figure:
    """One programme per year (categories): budget, granted to its projects, and spend, the
    programme's own and its projects' stacked in one bar so the two are never mixed up."""
    traces = [
        money_bar(
            frame["year"],
            frame[f"{series}_sek"],
            name=t(f"series.{series}", language),
            colour=PROGRAMME_COLOURS[series],
            language=language,
            base=frame[base].astype("int64") if base else None,
            offsetgroup=group,
        )
        for series, group, base in (
            ("allocated", "allocated", None),
            ("committed", "committed", None),
            ("spent_programme", "spent", None),
            ("spent_projects", "spent", "spent_programme_sek"),
        )
    ]
    return chart(
        traces,
        t("chart.programme_years.title", language),
        language,
        barmode="group",
        xaxis={"type": "category", "title": t("axis.year", language)},
        yaxis={"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"},
    )


def programme_burn(burn: dict, language: str) -> go.Figure:
    """This year's cumulative own spend by month (categories) against the year's budget, and
    the forecast to December (or the programme's end) with its range
    (`programmes.year_forecast`), named "Forecast" alone where it is one figure. Without a
    spend line in the year, the budget alone: no line of 0 kr a month, which read as a budget
    left untouched where the spend is unknown."""
    year = burn["year"]
    months = [f"{year}-{number:02d}" for number in range(1, 13)]
    monthly = burn["monthly"]
    traces = [
        go.Scatter(
            x=months,
            y=[burn["allocated_sek"]] * len(months),
            mode="lines",
            name=t("series.allocated_year", language, year=year),
            line={"color": SERIES_COLOURS["allocated"], "dash": "dash"},
            text=[format_sek(burn["allocated_sek"], language)] * len(months),
            hovertemplate="%{text}<extra>%{fullData.name}</extra>",
        )
    ]
    if burn["recorded"]:
        traces.append(
            cumulative_spend(
                monthly["month"],
                monthly["cumulative_sek"].astype("int64"),
                name=t("series.cumulative", language),
                language=language,
            )
        )
    # An ended programme's forecast is its spend: no line runs on from it.
    if burn["forecast_sek"] is not None and not burn["ended"]:
        ends = [burn["spent_to_date_sek"], burn["forecast_sek"]]
        ranged = forecast_range(burn, language)
        traces.append(
            go.Scatter(
                # To December, or to the programme's end within the year.
                x=[monthly["month"].iloc[-1], f"{year}-{burn['ends'].month:02d}"],
                y=ends,
                mode="lines+markers",
                name=t("series.forecast_range" if ranged else "series.forecast", language),
                line={"color": SERIES_COLOURS["spent"], "dash": "dot"},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": [0, burn["high_sek"] - burn["forecast_sek"]],
                    "arrayminus": [0, burn["forecast_sek"] - burn["low_sek"]],
                },
                text=[
                    format_sek(ends[0], language),
                    # One figure where the range's two ends are one.
                    ranged or format_sek(burn["forecast_sek"], language),
                ],
                hovertemplate="%{x}: %{y:,d}<br>%{text}<extra>%{fullData.name}</extra>",
            )
        )
    return chart(
        traces,
        t("chart.programme_burn.title", language, year=year),
        language,
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": months,
            "title": t("axis.month", language),
        },
        yaxis={"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"},
    )
