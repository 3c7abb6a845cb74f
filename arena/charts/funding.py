"""Figures of the money (`queries.funding`): budget against spend per year, grant sizes, and
what each funder paid out per year; years are categories."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    CYCLE,
    OKABE_ITO,
    SERIES_COLOURS,
    chart,
    money_bar,
    plot_text,
    sector_colour,
)
from arena.i18n import (
    sector_label,
    t,
)


def budget_bars(frame: pd.DataFrame, language: str) -> go.Figure:
    """The programmes' budget and their own spend per year (`year`, `allocated_sek`,
    `spent_sek`), years as categories. The spend is named the programmes': their projects'
    spend, paid by grants, is not the budget's and not drawn here."""
    traces = [
        money_bar(
            frame["year"],
            frame[column],
            name=t(name, language),
            colour=SERIES_COLOURS[series],
            language=language,
        )
        for column, series, name in (
            ("allocated_sek", "allocated", "series.allocated"),
            ("spent_sek", "spent", "series.spent_programmes"),
        )
    ]
    return chart(
        traces,
        t("chart.budget.title", language),
        language,
        barmode="group",
        xaxis={"type": "category", "title": t("axis.year", language)},
        yaxis={"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"},
    )


def grant_boxes(boxes: pd.DataFrame, language: str, *, by: str) -> go.Figure:
    """Grant sizes as box plots per `by` ("year" as categories, or "sector" in its colours),
    drawn from the figures of `queries.funding.grant_quantiles`: no points, so the figure is
    as small with a hundred thousand grants as with ten."""
    traces = []
    for row in boxes.itertuples(index=False):
        group = getattr(row, by)
        name = plot_text(str(group) if by == "year" else sector_label(group, language))
        traces.append(
            go.Box(
                # A box drawn from given quartiles stands at its x, not at its name as a box
                # of raw values does: without x every box would stand at 0, one on another.
                x=[name],
                name=name,
                q1=[row.q1],
                median=[row.median],
                q3=[row.q3],
                lowerfence=[row.lowerfence],
                upperfence=[row.upperfence],
                mean=[row.mean],
                boxpoints=False,
                marker_color=OKABE_ITO["blue"] if by == "year" else sector_colour(group),
                customdata=[[group]],
            )
        )
    return chart(
        traces,
        t(f"chart.grants_by_{by}.title", language),
        language,
        showlegend=False,
        xaxis={"type": "category"},
        yaxis={"title": t("axis.sek", language), "tickformat": ",d"},
    )


def disbursements(frame: pd.DataFrame, language: str) -> go.Figure:
    """Money paid out per year (categories), one colour per funder."""
    traces = [
        money_bar(
            part["year"],
            part["disbursed_sek"],
            name=plot_text(funder),
            colour=CYCLE[index % len(CYCLE)],
            language=language,
        )
        for index, (funder, part) in enumerate(frame.groupby("funder", sort=True))
    ]
    return chart(
        traces,
        t("chart.disbursements.title", language),
        language,
        barmode="stack",
        xaxis={
            "type": "category",
            "categoryorder": "category ascending",
            "title": t("axis.year", language),
        },
        yaxis={"title": t("axis.sek", language), "tickformat": ",d"},
    )
