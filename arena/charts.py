"""DataFrames in, figures out: one palette, Swedish number formats, years as categories.

The palette is Okabe-Ito, which stays distinguishable for colour-blind viewers; each status
keeps its colour in every chart.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.domain import ProjectStatus
from arena.i18n import format_sek, label, plotly_separators, t

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#7F7F7F",
}

STATUS_COLOURS = {
    ProjectStatus.DESIRED: OKABE_ITO["reddish_purple"],
    ProjectStatus.PLANNED: OKABE_ITO["orange"],
    ProjectStatus.ONGOING: OKABE_ITO["blue"],
    ProjectStatus.COMPLETED: OKABE_ITO["bluish_green"],
    ProjectStatus.CANCELLED: OKABE_ITO["grey"],
}

SERIES_COLOURS = {"allocated": OKABE_ITO["sky_blue"], "spent": OKABE_ITO["vermillion"]}


def _layout(figure: go.Figure, title: str, language: str) -> go.Figure:
    figure.update_layout(
        title={"text": title},
        separators=plotly_separators(language),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.15},
        hoverlabel={"namelength": -1},
    )
    return figure


def status_bar(frame: pd.DataFrame, language: str) -> go.Figure:
    """Projects per status (`status`, `projects`), one colour per status."""
    labels = [label(status, language) for status in frame["status"]]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=frame["projects"],
            marker_color=[STATUS_COLOURS[status] for status in frame["status"]],
            text=frame["projects"],
            textposition="outside",
            customdata=frame["status"],
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    figure.update_xaxes(type="category", title=t("status", language))
    figure.update_yaxes(title=t("axis.projects", language), rangemode="tozero")
    return _layout(figure, t("chart.status.title", language), language)


def budget_bars(frame: pd.DataFrame, language: str) -> go.Figure:
    """Budget and spend per year (`year`, `allocated_sek`, `spent_sek`), years as categories."""
    years = frame["year"].astype(str)
    figure = go.Figure()
    for column, series in (("allocated_sek", "allocated"), ("spent_sek", "spent")):
        amounts = frame[column].astype("int64")
        figure.add_bar(
            x=years,
            y=amounts,
            name=t(f"series.{series}", language),
            marker_color=SERIES_COLOURS[series],
            text=[format_sek(int(amount), language) for amount in amounts],
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
            textposition="none",
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=t("axis.year", language))
    figure.update_yaxes(title=t("axis.sek", language), tickformat=",d", rangemode="tozero")
    return _layout(figure, t("chart.budget.title", language), language)
