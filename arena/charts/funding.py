"""Figures of the money (`queries.funding`): budget against spend per year, grant sizes, and
what each funder paid out per year; years are categories."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    CYCLE,
    OKABE_ITO,
    SERIES_COLOURS,
    layout,
    money_bar,
    plot_text,
    sector_colour,
)
from arena.i18n import (
    sector_label,
    t,
)


def budget_bars(frame: pd.DataFrame, language: str) -> go.Figure:
    """Budget and spend per year (`year`, `allocated_sek`, `spent_sek`), years as categories."""
    figure = go.Figure()
    for column, series in (("allocated_sek", "allocated"), ("spent_sek", "spent")):
        money_bar(
            figure,
            frame["year"],
            frame[column],
            name=t(f"series.{series}", language),
            colour=SERIES_COLOURS[series],
            language=language,
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return layout(figure, t("chart.budget.title", language), language)


def grant_boxes(boxes: pd.DataFrame, language: str, *, by: str) -> go.Figure:
    """Grant sizes as box plots per `by` ("year" as categories, or "sector" in its colours),
    drawn from the figures of `queries.funding.grant_quantiles`: no points, so the figure is
    as small with a hundred thousand grants as with ten."""
    figure = go.Figure()
    for row in boxes.itertuples(index=False):
        group = getattr(row, by)
        name = plot_text(str(group) if by == "year" else sector_label(group, language))
        figure.add_box(
            # A box drawn from given quartiles stands at its x, not at its name as a box of
            # raw values does: without x every box would stand at 0, one on top of the other.
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
    figure.update_xaxes(type="category")
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d")
    figure.update_layout(showlegend=False)
    return layout(figure, t(f"chart.grants_by_{by}.title", language), language)


def disbursements(frame: pd.DataFrame, language: str) -> go.Figure:
    """Money paid out per year (categories), one colour per funder."""
    figure = go.Figure()
    for index, (funder, part) in enumerate(frame.groupby("funder", sort=True)):
        money_bar(
            figure,
            part["year"],
            part["disbursed_sek"],
            name=plot_text(funder),
            colour=CYCLE[index % len(CYCLE)],
            language=language,
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(
        type="category", categoryorder="category ascending", title=t("axis.year", language)
    )
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d")
    return layout(figure, t("chart.disbursements.title", language), language)
