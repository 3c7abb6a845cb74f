"""Figures of the efforts (`queries.efforts`): one measure per effort and start year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from arena.charts._base import (
    CYCLE,
    chart,
    count_axis,
)
from arena.domain import EffortKind
from arena.i18n import (
    format_number,
    format_sek,
    label,
    t,
)

# Seven efforts, seven Okabe-Ito colours (grey is kept for "other" elsewhere).
EFFORT_COLOURS = dict(zip([effort.value for effort in EffortKind], CYCLE[:7], strict=True))


def effort_years(frame: pd.DataFrame, measure: str, language: str) -> go.Figure:
    """One measure (`activities`, `participants`, `reach` or `cost_sek`) per start year
    (categories), the efforts stacked in seed 002's order (`efforts.effort_years`)."""
    years = sorted(frame["year"].unique())
    x = [str(year) for year in years]
    # One pivot, and the figure built at once (`chart`).
    table = frame.pivot(index="year", columns="effort", values=measure).reindex(years)
    show = format_sek if measure == "cost_sek" else format_number
    traces = []
    for effort, colour in EFFORT_COLOURS.items():
        if effort not in table.columns or table[effort].isna().all():
            continue
        values = [None if pd.isna(value) else int(value) for value in table[effort]]
        traces.append(
            go.Bar(
                x=x,
                y=values,
                name=label(effort, language),
                marker_color=colour,
                text=["–" if value is None else show(value, language) for value in values],
                textposition="none",
                hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
            )
        )
    if measure == "cost_sek":
        axis = {"title": t("axis.sek", language), "tickformat": ",d", "rangemode": "tozero"}
    else:
        axis = count_axis(t("axis.count", language), table.sum(axis="columns").max())
    shown = t(f"efforts.column.{measure.removesuffix('_sek')}", language)
    return chart(
        traces,
        t("chart.effort_years.title", language, measure=shown),
        language,
        barmode="stack",
        xaxis={"type": "category", "title": t("axis.year", language)},
        yaxis=axis,
    )
